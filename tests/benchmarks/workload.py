"""What is deployed, and the plain boto3 baseline that makes the provider's AWS calls without it.

The baseline mirrors `SenderIdProvider` call for call (see provider.py, leasing.py and sender_ids.py): the same
operations, in the same order per sender ID, with the same request parameters, spread over the same
number of threads as the engine's workers. The runner checks that both sides' call counts agree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final

from botocore.exceptions import ClientError

COUNTRY: Final = "GB"  # supports sender IDs without registration in the emulator's default rules
MESSAGE_TYPES: Final = ["TRANSACTIONAL"]
TAGS: Final = {"team": "growth", "cost-centre": "cc-1"}
# The tag edit drops one key, changes one and adds one: the provider's minimal delta is one
# UntagResource plus one TagResource per sender ID.
NEW_TAGS: Final = {"team": "sales", "env": "bench"}

# Lifecycle steps, in the order they run. Previews make no AWS calls, so they have no baseline.
PREVIEW_NEW: Final = "preview (new)"
CREATE: Final = "create"
PREVIEW_SAME: Final = "preview (unchanged)"
REFRESH: Final = "refresh"
TAG_UPDATE: Final = "tag update"
DESTROY: Final = "destroy"
STEPS: Final = (PREVIEW_NEW, CREATE, PREVIEW_SAME, REFRESH, TAG_UPDATE, DESTROY)
PREVIEWS: Final = (PREVIEW_NEW, PREVIEW_SAME)


def sender_id_names(side: str, round_: int, n: int) -> list[str]:
    """`n` distinct valid sender IDs (3-11 characters, one letter) for one side and round.

    Every lifecycle uses fresh names, so nothing the provider remembers (its release log) or the
    emulator kept carries over between rounds or sides.
    """
    return [f"{side}{round_ % 10}{i:05d}" for i in range(n)]


def program(names: Sequence[str], tags: dict[str, str]) -> dict[str, dict[str, Any]]:
    """A Pulumi program as the harness takes it: {resource name: inputs}."""
    return {
        name.lower(): {"sender_id": name, "iso_country_code": COUNTRY, "message_types": MESSAGE_TYPES, "tags": tags}
        for name in names
    }


def _tag_list(tags: dict[str, str]) -> list[dict[str, str]]:
    return [{"Key": k, "Value": v} for k, v in sorted(tags.items())]


class Baseline:
    """The provider's AWS calls for `names`, made straight with one boto3 client and a thread pool."""

    def __init__(self, client: Any, names: Sequence[str], parallel: int) -> None:
        self.client = client
        self.names = list(names)
        self.parallel = parallel
        self.arns: dict[str, str] = {}

    def _each(self, work: Callable[[str], None]) -> None:
        with ThreadPoolExecutor(max_workers=self.parallel) as pool:
            for _ in pool.map(work, self.names):
                pass

    @staticmethod
    def _ref(name: str) -> dict[str, str]:
        return {"SenderId": name, "IsoCountryCode": COUNTRY}

    def create(self) -> None:
        """`create`: Describe (not found), then RequestSenderId with a fresh ClientToken."""

        def lease(name: str) -> None:
            try:
                self.client.describe_sender_ids(SenderIds=[self._ref(name)])
            except ClientError as problem:
                if problem.response["Error"]["Code"] != "ResourceNotFoundException":
                    raise
            else:
                raise RuntimeError(f"baseline: {name} already exists")
            answer = self.client.request_sender_id(
                **self._ref(name), MessageTypes=MESSAGE_TYPES, Tags=_tag_list(TAGS), ClientToken=str(uuid.uuid4())
            )
            self.arns[name] = answer["SenderIdArn"]

        self._each(lease)

    def refresh(self) -> None:
        """`read`: Describe, then ListTagsForResource."""

        def read(name: str) -> None:
            records = self.client.describe_sender_ids(SenderIds=[self._ref(name)])["SenderIds"]
            self.client.list_tags_for_resource(ResourceArn=records[0]["SenderIdArn"])

        self._each(read)

    def tag_update(self) -> None:
        """`update` with a tag edit: UntagResource of removed keys, then TagResource of changed ones."""
        removed = sorted(set(TAGS) - set(NEW_TAGS))
        changed = {k: v for k, v in NEW_TAGS.items() if TAGS.get(k) != v}

        def retag(name: str) -> None:
            arn = self.arns[name]
            self.client.untag_resource(ResourceArn=arn, TagKeys=removed)
            self.client.tag_resource(ResourceArn=arn, Tags=_tag_list(changed))

        self._each(retag)

    def destroy(self) -> None:
        """`delete`: ReleaseSenderId."""

        def release(name: str) -> None:
            self.client.release_sender_id(**self._ref(name))

        self._each(release)

    def step(self, name: str) -> Callable[[], None] | None:
        """The baseline of a lifecycle step; None for previews (no AWS calls to compare with)."""
        return {
            CREATE: self.create,
            REFRESH: self.refresh,
            TAG_UPDATE: self.tag_update,
            DESTROY: self.destroy,
        }.get(name)
