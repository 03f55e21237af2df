"""The plain AWS side of a sender ID: find, list tags, update, retag, release, and its ARN.

Like a Terraform resource's `find...` helpers: each function makes the fewest calls it can, and
every AWS failure leaves here already explained (`errors.explain`). Leasing, with its ClientToken and
retry rules, is `leasing`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from ..aws import calls, tagging
from ..aws.calls import Connection, History
from ..aws.settings import CallRules
from . import errors
from . import properties as p
from .errors import explain, explain_local, reason_of

#: pulumi's dynamic-provider host serves at most this many provider calls at once.
PROVIDER_HOST_WORKERS: Final = 4


@dataclass(frozen=True)
class Target:
    """Which sender ID, where, with which credentials profile, under which call rules."""

    sender_id: str
    iso_country_code: str
    region: str
    profile: str | None = None
    rules: CallRules = field(default_factory=CallRules)

    @property
    def label(self) -> str:
        return f"sender ID {self.sender_id} ({self.iso_country_code}) in {self.region}"

    @property
    def connection(self) -> Connection:
        return Connection(self.region, self.profile, self.rules)

    @property
    def ref(self) -> dict[str, str]:
        return {"SenderId": self.sender_id, "IsoCountryCode": self.iso_country_code}


@dataclass(frozen=True)
class ArnParts:
    partition: str
    region: str
    account: str
    sender_id: str
    iso_country_code: str


def parse_arn(arn: str) -> ArnParts:
    """`arn:<partition>:sms-voice:<region>:<account>:sender-id/<SenderId>/<IsoCountryCode>`."""
    parts = arn.split(":", 5)
    resource = parts[5].split("/") if len(parts) == 6 else []
    if len(parts) != 6 or parts[0] != "arn" or parts[2] != "sms-voice" or len(resource) != 3:
        raise errors.not_an_arn(arn)
    if resource[0] != "sender-id" or not parts[3]:
        raise errors.not_a_sender_id_arn(arn, resource[0])
    return ArnParts(parts[1], parts[3], parts[4], resource[1], resource[2])


_side_lock: Final = threading.Lock()
_side_pool: ThreadPoolExecutor | None = None


def _side_calls() -> ThreadPoolExecutor:
    """Threads for a call made alongside the caller's own; as many as the host runs provider calls.

    Built on first use under a lock: the host's threads may refresh at once, and an unlocked cache
    would let each build a pool of its own (all but one leaked, with their threads).
    """
    global _side_pool
    with _side_lock:
        if _side_pool is None:
            _side_pool = ThreadPoolExecutor(max_workers=PROVIDER_HOST_WORKERS, thread_name_prefix="sms-sender-id")
        return _side_pool


def explain_for(target: Target, problem: ClientError) -> errors.SenderIdError:
    """`errors.explain` for the target, quoting the throttle timeout its stack set."""
    return explain(problem, target.label, throttle_timeout=target.rules.throttle_timeout_seconds)


@contextmanager
def explained(target: Target) -> Iterator[None]:
    try:
        yield
    except ClientError as problem:
        raise explain_for(target, problem) from None
    except BotoCoreError as problem:
        raise explain_local(problem, target.label) from None


def _unless_gone(
    target: Target, operation: str, params: Mapping[str, Any], history: History | None = None
) -> dict[str, Any] | None:
    """The answer, or None when AWS answers that the sender ID does not exist; others explained."""
    try:
        return calls.call(target.connection, operation, params, history)
    except ClientError as problem:
        if reason_of(problem)[0] == "ResourceNotFoundException":
            return None
        raise explain_for(target, problem) from None
    except BotoCoreError as problem:
        raise explain_local(problem, target.label) from None


def find(target: Target) -> dict[str, Any] | None:
    """The Describe record of the sender ID, or None when the account does not hold it."""
    answer = _unless_gone(target, "DescribeSenderIds", {"SenderIds": [target.ref]})
    records = answer.get("SenderIds", []) if answer is not None else []
    return dict(records[0]) if records else None


def list_tags(target: Target, arn: str) -> dict[str, str] | None:
    """The sender ID's tags, or None when it does not exist."""
    answer = _unless_gone(target, "ListTagsForResource", {"ResourceArn": arn})
    return None if answer is None else p.tags_from_aws(answer.get("Tags"))


def find_with_tags(target: Target, arn: str) -> tuple[dict[str, Any] | None, dict[str, str] | None]:
    """Describe and ListTagsForResource at the same time (the ARN is known): each has its own quota,
    so a refresh waits for the slower of the two instead of both in turn."""
    tags = _side_calls().submit(list_tags, target, arn)
    record = find(target)
    return record, tags.result()


def set_deletion_protection(target: Target, enabled: bool) -> dict[str, Any]:
    with explained(target):
        return calls.call(target.connection, "UpdateSenderId", {**target.ref, "DeletionProtectionEnabled": enabled})


def retag(target: Target, arn: str, old: Mapping[str, str], new: Mapping[str, str]) -> None:
    """Apply the minimal delta: untag removed keys, tag new or changed ones, never an empty list."""
    with explained(target):
        tagging.retag(target.connection, arn, old, new)


@dataclass(frozen=True)
class Released:
    """When our release was sent: the attempt AWS acted on, even if its answer was lost."""

    at: float
    at_monotonic: float


def release(target: Target) -> Released | None:
    """Release the sender ID; None when it was already gone before we asked (destroy still succeeds).

    A retry after a lost answer (a 5xx once AWS had released it) hears "not found": that release was
    ours, and it is reported with the time of the attempt whose answer was lost.
    """
    history = History()
    answer = _unless_gone(target, "ReleaseSenderId", target.ref, history)
    if history.lost_at is not None and history.lost_at_monotonic is not None:
        return Released(history.lost_at, history.lost_at_monotonic)
    return None if answer is None else Released(history.sent_at, history.sent_at_monotonic)
