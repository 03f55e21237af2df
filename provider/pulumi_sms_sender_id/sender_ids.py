"""The AWS side of a sender ID: find, request, update, release and tag it.

Like a Terraform resource's `find...` helpers: each function makes the fewest calls it can, and
every AWS failure leaves here already explained (`errors.explain`). `request` is the one place that
leases, so it carries the rules that keep a retry from leasing twice or trusting a replayed answer.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from . import calls, notices
from . import properties as p
from .calls import Connection, History, Outcome
from .errors import SenderIdError, explain, explain_local, reason_of
from .settings import CallRules

OPERATION: Final = "RequestSenderId"
#: pulumi's dynamic-provider host serves at most this many provider calls at once.
PROVIDER_HOST_WORKERS: Final = 4
#: While waiting out AWS's release of our own sender ID, a line in the output at most this often.
RELEASE_NOTICE_EVERY_SECONDS: Final = 15.0


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
        raise SenderIdError(
            f"{arn!r} is not a sender ID ARN: expected "
            "arn:aws:sms-voice:<region>:<account>:sender-id/<SENDER_ID>/<COUNTRY>"
        )
    if resource[0] != "sender-id" or not parts[3]:
        raise SenderIdError(f"{arn!r} is not a sender ID ARN (resource type {resource[0]!r})")
    return ArnParts(parts[1], parts[3], parts[4], resource[1], resource[2])


@functools.cache
def _side_calls() -> ThreadPoolExecutor:
    """Threads for a call made alongside the caller's own; as many as the host runs provider calls."""
    return ThreadPoolExecutor(max_workers=PROVIDER_HOST_WORKERS, thread_name_prefix="sms-sender-id")


@contextmanager
def explained(label: str) -> Iterator[None]:
    try:
        yield
    except ClientError as problem:
        raise explain(problem, label) from None
    except BotoCoreError as problem:
        raise explain_local(problem, label) from None


def _unless_gone(
    target: Target, operation: str, params: Mapping[str, Any], history: History | None = None
) -> dict[str, Any] | None:
    """The answer, or None when AWS answers that the sender ID does not exist; others explained."""
    try:
        return calls.call(target.connection, operation, params, history)
    except ClientError as problem:
        if reason_of(problem)[0] == "ResourceNotFoundException":
            return None
        raise explain(problem, target.label) from None
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
    with explained(target.label):
        return calls.call(target.connection, "UpdateSenderId", {**target.ref, "DeletionProtectionEnabled": enabled})


def retag(target: Target, arn: str, old: Mapping[str, str], new: Mapping[str, str]) -> None:
    """Apply the minimal delta: untag removed keys, tag new or changed ones, never an empty list."""
    removed = sorted(set(old) - set(new))
    changed = {k: v for k, v in new.items() if old.get(k) != v}
    with explained(target.label):
        if removed:
            calls.call(target.connection, "UntagResource", {"ResourceArn": arn, "TagKeys": removed})
        if changed:
            calls.call(target.connection, "TagResource", {"ResourceArn": arn, "Tags": p.tags_to_aws(changed)})


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


@dataclass(frozen=True)
class RequestPolicy:
    """How hard `request` tries. `wait_for_release` > 0 only right after this process released it."""

    wait_for_release: float = 0.0
    max_attempts: int = calls.TRANSIENT_ATTEMPTS
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


@dataclass
class _Lease:
    """One `request`'s progress: its deadlines and what its failed attempts met."""

    target: Target
    policy: RequestPolicy
    user_token: str | None
    history: History = field(default_factory=History)
    release_deadline: float = 0.0
    throttle_deadline: float = 0.0
    last_notice: float = -RELEASE_NOTICE_EVERY_SECONDS

    def __post_init__(self) -> None:
        now = time.monotonic()
        self.release_deadline = now + self.policy.wait_for_release
        self.throttle_deadline = now + self.target.rules.throttle_timeout_seconds


class _Found:
    """A lost answer hid a success: the sender ID is ours."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record


def _after_failure(lease: _Lease, problem: ClientError | BotoCoreError) -> _Found | float:
    """What a failed attempt leads to: the sender ID found, or the pause before the next attempt.

    Raises the explained failure when no retry is due.
    """
    outcome = calls.classify(problem)
    if outcome is Outcome.LOST and (found := find(lease.target)) is not None:
        return _Found(found)
    if isinstance(problem, BotoCoreError):
        if outcome is Outcome.FINAL or lease.history.transient >= lease.policy.max_attempts:
            raise explain_local(problem, lease.target.label) from None
        return calls.backoff(lease.history.transient)
    reason = reason_of(problem)[1]
    if outcome is Outcome.THROTTLED and time.monotonic() < lease.throttle_deadline:
        return 0.0  # the pacer spaces the next attempt
    if reason == "SENDER_ID_REQUIRES_REGISTRATION" and lease.policy.wait_for_release > 0:
        return _release_pause(lease, problem)
    if lease.user_token is not None and lease.history.attempts == 1 and outcome is Outcome.FINAL:
        return 0.0  # possibly a failure cached from an earlier run: ask again at once with a fresh token
    if outcome is Outcome.LOST and lease.history.transient < lease.policy.max_attempts:
        return calls.backoff(lease.history.transient)
    raise explain(problem, lease.target.label) from None


def _release_pause(lease: _Lease, problem: ClientError) -> float:
    now = time.monotonic()
    remaining = lease.release_deadline - now
    if remaining <= 0:
        raise _still_releasing(lease.target, lease.policy, problem) from None
    if now - lease.last_notice >= RELEASE_NOTICE_EVERY_SECONDS:
        lease.last_notice = now
        notices.emit(
            f"waiting for AWS to finish releasing {lease.target.label} before requesting it again "
            f"(its message types changed; up to {remaining:.0f} s more)"
        )
    return min(calls.backoff(lease.history.attempts), remaining)


def request(target: Target, params: Mapping[str, Any], user_token: str | None, policy: RequestPolicy) -> dict[str, Any]:
    """Lease the sender ID exactly once, or fail with an explanation.

    The caller has checked that the account does not hold it, so after an answer that may hide a
    success (5xx, dropped connection) a Describe tells whether our request went through. Each retry
    uses a fresh ClientToken, because AWS pins an answer (failures too) to its token; for the same
    reason a failure answered to the user's token is asked once more with a fresh one, as it may be a
    failure cached from an earlier run (a quota since raised, a release since finished).
    """
    lease = _Lease(target, policy, user_token)
    token = first_token(user_token, params)
    for attempt in itertools.count(1):
        try:
            answer = calls.attempt(target.connection, OPERATION, {**params, "ClientToken": token}, lease.history)
        except (ClientError, BotoCoreError) as problem:
            step = _after_failure(lease, problem)
            if isinstance(step, _Found):
                return step.record
            policy.sleep(step)
        else:
            if user_token is None or find(target) is not None:
                return answer
            # The user's token replayed the answer of a sender ID released since: lease it for real.
            if attempt >= policy.max_attempts:
                raise SenderIdError(f"AWS kept replaying an old answer for {target.label}; run `pulumi up` again")
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
