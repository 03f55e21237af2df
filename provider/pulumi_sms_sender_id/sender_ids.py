"""The AWS side of a sender ID: find, request, update, release and tag it.

Like a Terraform resource's `find...` helpers: each function makes the fewest calls it can, and
every AWS failure leaves here already explained (`errors.explain`). `request` is the one place that
leases, so it carries the rules that keep a retry from leasing twice or trusting a replayed answer.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeVar

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)

from . import client as clients
from . import properties as p
from .errors import SenderIdError, explain, explain_local, reason_of

if TYPE_CHECKING:
    from mypy_boto3_pinpoint_sms_voice_v2 import PinpointSMSVoiceV2Client

T = TypeVar("T")

# Failures after which the request may or may not have been applied.
AMBIGUOUS_TRANSPORT: Final = (ConnectionClosedError, ReadTimeoutError)
# Failures before the request reached AWS: safe to send again.
UNSENT_TRANSPORT: Final = (EndpointConnectionError, ConnectTimeoutError)
AMBIGUOUS_CODES: Final = {"InternalServerException", "ServiceUnavailableException", "InternalFailure"}
THROTTLING_CODES: Final = {"ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded"}


@dataclass(frozen=True)
class Target:
    """Which sender ID, where, and with which credentials profile."""

    sender_id: str
    iso_country_code: str
    region: str
    profile: str | None = None

    @property
    def label(self) -> str:
        return f"sender ID {self.sender_id} ({self.iso_country_code}) in {self.region}"

    def client(self, *, retries: bool = True) -> PinpointSMSVoiceV2Client:
        try:
            return clients.get_client(self.region, self.profile, retries=retries)
        except BotoCoreError as problem:
            raise explain_local(problem, self.label) from None

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
        raise SenderIdError(
            f"{arn!r} is not a sender ID ARN: expected "
            "arn:aws:sms-voice:<region>:<account>:sender-id/<SENDER_ID>/<COUNTRY>"
        )
    if resource[0] != "sender-id" or not parts[3]:
        raise SenderIdError(f"{arn!r} is not a sender ID ARN (resource type {resource[0]!r})")
    return ArnParts(parts[1], parts[3], parts[4], resource[1], resource[2])


@contextmanager
def explained(label: str) -> Iterator[None]:
    try:
        yield
    except ClientError as problem:
        raise explain(problem, label) from None
    except BotoCoreError as problem:
        raise explain_local(problem, label) from None


def _unless_gone(target: Target, call: Callable[..., T], **params: Any) -> T | None:
    """`call(**params)`, or None when AWS answers that the sender ID does not exist; others explained."""
    try:
        return call(**params)
    except ClientError as problem:
        if reason_of(problem)[0] == "ResourceNotFoundException":
            return None
        raise explain(problem, target.label) from None
    except BotoCoreError as problem:
        raise explain_local(problem, target.label) from None


def find(target: Target) -> dict[str, Any] | None:
    """The Describe record of the sender ID, or None when the account does not hold it."""
    answer = _unless_gone(target, target.client().describe_sender_ids, SenderIds=[target.ref])
    records = answer.get("SenderIds", []) if answer is not None else []
    return dict(records[0]) if records else None


def list_tags(target: Target, arn: str) -> dict[str, str]:
    with explained(target.label):
        answer = target.client().list_tags_for_resource(ResourceArn=arn)
    return p.tags_from_aws(answer.get("Tags"))  # type: ignore[arg-type]


def set_deletion_protection(target: Target, enabled: bool) -> dict[str, Any]:
    with explained(target.label):
        answer = target.client().update_sender_id(**target.ref, DeletionProtectionEnabled=enabled)
    return dict(answer)


def retag(target: Target, arn: str, old: Mapping[str, str], new: Mapping[str, str]) -> None:
    """Apply the minimal delta: untag removed keys, tag new or changed ones, never an empty list."""
    removed = sorted(set(old) - set(new))
    changed = {k: v for k, v in new.items() if old.get(k) != v}
    api = target.client()
    with explained(target.label):
        if removed:
            api.untag_resource(ResourceArn=arn, TagKeys=removed)
        if changed:
            api.tag_resource(ResourceArn=arn, Tags=p.tags_to_aws(changed))  # type: ignore[arg-type]


def release(target: Target) -> bool:
    """Release the sender ID; False when it was already gone (destroy must still succeed)."""
    return _unless_gone(target, target.client().release_sender_id, **target.ref) is not None


@dataclass(frozen=True)
class RequestPolicy:
    """How hard `request` tries. `wait_for_release` > 0 only right after this process released it."""

    wait_for_release: float = 0.0
    max_attempts: int = 8
    base_delay: float = 0.25
    max_delay: float = 8.0
    sleep: Callable[[float], None] = time.sleep


def first_token(user_token: str | None, params: Mapping[str, Any]) -> str:
    """The first attempt's ClientToken.

    A user's token is combined with the exact request, so reusing it with other parameters cannot be
    refused by AWS; without one every attempt gets a fresh random token, so no answer is ever a replay.
    """
    if user_token is None:
        return str(uuid.uuid4())
    canonical = json.dumps(params, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{user_token}\n{canonical}".encode()).hexdigest()[:64]


def request_params(
    target: Target, message_types: Sequence[str] | None, protection: bool | None, tags: Mapping[str, str]
) -> dict[str, Any]:
    params: dict[str, Any] = dict(target.ref)
    if message_types:
        params["MessageTypes"] = list(message_types)
    if protection is not None:
        params["DeletionProtectionEnabled"] = protection
    if tags:
        params["Tags"] = p.tags_to_aws(tags)
    return params


def _delay(policy: RequestPolicy, attempt: int) -> float:
    """Full-jitter exponential backoff (the exponent capped, so long waits never overflow)."""
    return random.uniform(0, min(policy.max_delay, policy.base_delay * 2 ** min(attempt, 10)))


def request(target: Target, params: Mapping[str, Any], user_token: str | None, policy: RequestPolicy) -> dict[str, Any]:
    """Lease the sender ID exactly once, or fail with an explanation.

    The caller has checked that the account does not hold it, so after an answer that may hide a
    success (5xx, dropped connection) a Describe tells whether our request went through. Each retry
    uses a fresh ClientToken, because AWS pins an answer (failures too) to its token; for the same
    reason a failure answered to the user's token is asked once more with a fresh one, as it may be a
    failure cached from an earlier run (a quota since raised, a release since finished).
    """
    api = target.client(retries=False)
    token = first_token(user_token, params)
    deadline = time.monotonic() + policy.wait_for_release
    for attempt in itertools.count(1):
        pause = _delay(policy, attempt)
        try:
            answer = dict(api.request_sender_id(**params, ClientToken=token))
        except ClientError as problem:
            code, reason = reason_of(problem)
            if code in AMBIGUOUS_CODES and (found := find(target)) is not None:
                return found
            waiting = reason == "SENDER_ID_REQUIRES_REGISTRATION" and policy.wait_for_release > 0
            if waiting:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise _still_releasing(target, policy, problem) from None
                pause = min(pause, remaining)
            elif user_token is not None and attempt == 1 and code not in THROTTLING_CODES:
                pause = 0.0  # possibly a cached answer: ask again at once with a fresh token
            elif not (code in AMBIGUOUS_CODES | THROTTLING_CODES and attempt < policy.max_attempts):
                raise explain(problem, target.label) from None
        except (*AMBIGUOUS_TRANSPORT, *UNSENT_TRANSPORT) as problem:
            if isinstance(problem, AMBIGUOUS_TRANSPORT) and (found := find(target)) is not None:
                return found
            if attempt >= policy.max_attempts:
                raise explain_local(problem, target.label) from None
        except BotoCoreError as problem:
            raise explain_local(problem, target.label) from None
        else:
            if user_token is None or find(target) is not None:
                return answer
            # The user's token replayed the answer of a sender ID released since: lease it for real.
            if attempt >= policy.max_attempts:
                raise SenderIdError(f"AWS kept replaying an old answer for {target.label}; run `pulumi up` again")
        policy.sleep(pause)
        token = str(uuid.uuid4())
    raise AssertionError("unreachable")


def _still_releasing(target: Target, policy: RequestPolicy, problem: ClientError) -> SenderIdError:
    facts = explain(problem, target.label).facts
    return SenderIdError(
        f"{target.label} was released a moment ago to be requested again (its message types changed), "
        f"but AWS still had not finished the release after {policy.wait_for_release:.0f} seconds. "
        "Run `pulumi up` again in a few minutes, or allow a longer wait with "
        "`pulumi config set sms-sender-id:rerequestTimeoutSeconds 300`",
        code="ValidationException",
        reason="SENDER_ID_REQUIRES_REGISTRATION",
        facts=facts,
    )
