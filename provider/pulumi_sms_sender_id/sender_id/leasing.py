"""Lease a sender ID exactly once: the one place that calls RequestSenderId.

"Where is the ClientToken logic?": here. AWS pins every answer, failures too, to its ClientToken, so:
- the first attempt's token is the user's `client_token` combined with the exact request
  (`first_token`), or a random one without it;
- every retry gets a fresh random token, so no retry can replay (or be refused) as an earlier one;
- a success answered to the user's token is trusted only if Describe then finds the sender ID (it may
  replay the lease of a sender ID released since; Describe gets a few seconds, as it may lag behind
  a fresh lease), and a failure answered to it is asked once more with a fresh token (it may be
  cached from an earlier run).
After an answer that may hide a success (5xx, dropped connection) a Describe tells whether our
request went through, so a retry never leases twice; and once an earlier attempt may have leased it,
"already exists" means ours (Describe lagged), never someone else's. Right after this process released the same
sender ID (a message-type change), AWS's release delay is waited out (`lease`'s `release_wait`).
`diff` ignores `client_token` (its schema row changes nothing); `outputs` only echoes it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from ..aws import calls, notices
from ..aws.calls import History, Outcome
from . import errors, releases, sender_ids
from . import properties as p
from .errors import SenderIdError, explain_local, reason_of
from .sender_ids import Target

OPERATION: Final = "RequestSenderId"
#: While waiting out AWS's release of our own sender ID, a line in the output at most this often.
RELEASE_NOTICE_EVERY_SECONDS: Final = 15.0
#: Describe may lag behind a lease a moment ago: before concluding it is absent, look this many times...
DESCRIBE_LOOKS: Final = 3
#: ...this many seconds apart.
DESCRIBE_LAG_SECONDS: Final = 1.0


def first_token(user_token: str | None, params: Mapping[str, Any]) -> str:
    """The first attempt's ClientToken.

    A user's token is combined with the exact request, so reusing it with other parameters cannot be
    refused by AWS; without one every attempt gets a fresh random token, so no answer is ever a replay.
    """
    if user_token is None:
        return fresh_token()
    canonical = json.dumps(params, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{user_token}\n{canonical}".encode()).hexdigest()[:64]


def fresh_token() -> str:
    """A retry's ClientToken: never seen by AWS, so its answer is never a replay."""
    return str(uuid.uuid4())


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


@dataclass(frozen=True)
class RequestPolicy:
    """How hard `request` tries. `wait_for_release` > 0 only right after this process released it."""

    wait_for_release: float = 0.0
    max_attempts: int = calls.TRANSIENT_ATTEMPTS
    sleep: Callable[[float], None] = time.sleep


@dataclass
class _Progress:
    """One `request`'s progress: its deadlines and what its failed attempts met."""

    target: Target
    policy: RequestPolicy
    user_token: str | None
    history: History = field(default_factory=History)
    release_deadline: float = 0.0
    throttle_deadline: float = 0.0
    last_notice: float = -RELEASE_NOTICE_EVERY_SECONDS
    #: An earlier attempt may have leased it (its answer was lost, or it succeeded unseen by Describe).
    maybe_ours: bool = False

    def __post_init__(self) -> None:
        now = time.monotonic()
        self.release_deadline = now + self.policy.wait_for_release
        self.throttle_deadline = now + self.target.rules.throttle_timeout_seconds


class _Found:
    """A lost answer hid a success: the sender ID is ours."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record


def _after_failure(progress: _Progress, problem: ClientError | BotoCoreError) -> _Found | float:
    """What a failed attempt leads to: the sender ID found, or the pause before the next attempt.

    Raises the explained failure when no retry is due.
    """
    outcome = calls.classify(problem)
    if outcome is Outcome.LOST:
        if (found := sender_ids.find(progress.target)) is not None:
            return _Found(found)
        progress.maybe_ours = True
    if isinstance(problem, ClientError) and reason_of(problem)[1] == "RESOURCE_ALREADY_EXISTS" and progress.maybe_ours:
        return _ours_after_all(progress, problem)
    if isinstance(problem, BotoCoreError):
        if outcome is Outcome.FINAL or progress.history.transient >= progress.policy.max_attempts:
            raise explain_local(problem, progress.target.label) from None
        return calls.backoff(progress.history.transient)
    reason = reason_of(problem)[1]
    if outcome is Outcome.THROTTLED and time.monotonic() < progress.throttle_deadline:
        return 0.0  # the pacer spaces the next attempt
    if reason == "SENDER_ID_REQUIRES_REGISTRATION" and progress.policy.wait_for_release > 0:
        return _release_pause(progress, problem)
    if progress.user_token is not None and progress.history.attempts == 1 and outcome is Outcome.FINAL:
        return 0.0  # possibly a failure cached from an earlier run: ask again at once with a fresh token
    if outcome is Outcome.LOST and progress.history.transient < progress.policy.max_attempts:
        return calls.backoff(progress.history.transient)
    raise sender_ids.explain_for(progress.target, problem) from None


def find_patiently(target: Target, sleep: Callable[[float], None]) -> dict[str, Any] | None:
    """Describe, giving a lease made a moment ago DESCRIBE_LOOKS chances to show up."""
    for look in range(DESCRIBE_LOOKS):
        if look:
            sleep(DESCRIBE_LAG_SECONDS)
        if (found := sender_ids.find(target)) is not None:
            return found
    return None


def _ours_after_all(progress: _Progress, problem: ClientError) -> _Found:
    """"Already exists" after an attempt of ours that may have leased it: the lease is ours."""
    found = find_patiently(progress.target, progress.policy.sleep)
    if found is None:
        explained = sender_ids.explain_for(progress.target, problem)
        raise errors.perhaps_ours(explained, progress.target.label) from None
    return _Found(found)


def _release_pause(progress: _Progress, problem: ClientError) -> float:
    now = time.monotonic()
    remaining = progress.release_deadline - now
    if remaining <= 0:
        label = progress.target.label
        raise errors.still_releasing(
            sender_ids.explain_for(progress.target, problem), label, progress.policy.wait_for_release
        ) from None
    if now - progress.last_notice >= RELEASE_NOTICE_EVERY_SECONDS:
        progress.last_notice = now
        notices.emit(
            f"waiting for AWS to finish releasing {progress.target.label} before requesting it again "
            f"(its message types changed; up to {remaining:.0f} s more)"
        )
    return min(calls.backoff(progress.history.attempts), remaining)


def request(target: Target, params: Mapping[str, Any], user_token: str | None, policy: RequestPolicy) -> dict[str, Any]:
    """Lease the sender ID exactly once, or fail with an explanation.

    The caller has checked that the account does not hold it, so after an answer that may hide a
    success (5xx, dropped connection) a Describe tells whether our request went through. Each retry
    uses a fresh ClientToken, because AWS pins an answer (failures too) to its token; for the same
    reason a failure answered to the user's token is asked once more with a fresh one, as it may be a
    failure cached from an earlier run (a quota since raised, a release since finished).
    """
    progress = _Progress(target, policy, user_token)
    token = first_token(user_token, params)
    for attempt in itertools.count(1):
        try:
            answer = calls.attempt(target.connection, OPERATION, {**params, "ClientToken": token}, progress.history)
        except (ClientError, BotoCoreError) as problem:
            step = _after_failure(progress, problem)
            if isinstance(step, _Found):
                return step.record
            policy.sleep(step)
        else:
            if user_token is None or attempt > 1 or find_patiently(target, policy.sleep) is not None:
                return answer  # only the user's token can be answered with a replay
            # The user's token replayed the answer of a sender ID released since: lease it for real,
            # knowing that if Describe merely lagged, "already exists" will mean ours.
            progress.maybe_ours = True
        token = fresh_token()
    raise AssertionError("unreachable")


def lease(target: Target, props: Mapping[str, Any], tags: Mapping[str, str], release_wait: float) -> dict[str, Any]:
    """Lease the sender ID the account does not hold, with the resource's inputs; the Request record.

    Waits up to `release_wait` seconds for AWS to finish a release this process made of the same
    sender ID; a release by an earlier run is explained instead (AWS's refusal is final then).
    """
    params = request_params(target, props.get(p.MESSAGE_TYPES), props.get(p.DELETION_PROTECTION_ENABLED), tags)
    released = releases.key(target.region, target.sender_id, target.iso_country_code)
    caller = target.connection.caller()  # releases count in the account these credentials call
    wait = release_wait if releases.released_here_within(released, release_wait, caller=caller) else 0.0
    try:
        record = request(target, params, props.get(p.CLIENT_TOKEN), RequestPolicy(wait_for_release=wait))
    except SenderIdError as error:
        if error.reason == "RESOURCE_ALREADY_EXISTS":  # appeared after `find`: a twin declaration
            raise errors.appeared_meanwhile(error, target.label) from None
        ago = releases.seconds_since_release(released, caller=caller) if not wait else None
        if error.reason != "SENDER_ID_REQUIRES_REGISTRATION" or ago is None:
            raise
        raise errors.recently_released(error, target.label, ago) from None
    releases.forget(released, caller=caller)
    return record
