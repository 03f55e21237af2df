"""Every AWS call the provider makes: paced under the quota, retried by one rule, never hiding what happened.

What each attempt's outcome leads to (`classify`):
- OK: the answer is returned (the pacer speeds back up with time, see `pacing`).
- THROTTLED: the pacer slows down and spaces the next attempt; throttling is retried for as long
  as `sms-sender-id:throttleTimeoutSeconds` allows, because at 1 request per second a big stack is
  slow, not broken. There is no shared retry budget: one busy minute never fails later calls.
- LOST (5xx, dropped connection: AWS may have done the work) and UNSENT (never reached AWS): retried
  at most TRANSIENT_ATTEMPTS times with backoff. `History` keeps when an answer was lost, so a caller
  that then hears "not found" knows it was its own change (see `sender_ids.release`).
- FINAL: raised unchanged for the caller to explain.
What a retry after a lost answer may do depends on the operation (`operations`): a TOKEN operation is
retried with the same ClientToken (so AWS answers the first attempt's outcome), and `call` refuses one
sent without a token; a ONCE operation is retried only after the caller's `confirm` found that the lost
attempt did not take effect. RequestSenderId does not use `call`: retrying it needs a fresh ClientToken
and a Describe after a lost answer, which `leasing.request` adds around `attempt`.
"""

from __future__ import annotations

import enum
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from botocore import xform_name
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    HTTPClientError,
)

from . import client as clients
from . import operations, pacing
from .operations import Retry
from .settings import CallRules

if TYPE_CHECKING:
    from mypy_boto3_pinpoint_sms_voice_v2 import PinpointSMSVoiceV2Client

#: Attempts for failures that are neither throttling nor final (5xx, transport): a real outage
#: should surface within a minute rather than hold `pulumi up` for the whole throttle budget.
TRANSIENT_ATTEMPTS: Final = 6
BASE_DELAY: Final = 0.25
MAX_DELAY: Final = 8.0

LOST_CODES: Final = frozenset(
    {"InternalServerException", "ServiceUnavailableException", "InternalFailure", "RequestTimeout"}
)
THROTTLING_CODES: Final = frozenset({"ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded"})
HTTP_TOO_MANY_REQUESTS: Final = 429
HTTP_REQUEST_TIMEOUT: Final = 408
HTTP_SERVER_ERROR: Final = 500
#: Transport failures before the request reached AWS: safe to send again.
UNSENT_TRANSPORT: Final = (EndpointConnectionError, ConnectTimeoutError)


class Outcome(enum.Enum):
    THROTTLED = "throttled"
    LOST = "lost"
    UNSENT = "unsent"
    FINAL = "final"


def classify(problem: Exception) -> Outcome:
    """By the modeled error code, else by the HTTP status: a gateway's 502/503/504 or 429 carries no
    modeled code (botocore names it "504"), and may hide a change AWS made, or ask to slow down."""
    if isinstance(problem, ClientError):
        code = str(problem.response.get("Error", {}).get("Code", ""))
        status = int(problem.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
        if code in THROTTLING_CODES or status == HTTP_TOO_MANY_REQUESTS:
            return Outcome.THROTTLED
        if code in LOST_CODES or status >= HTTP_SERVER_ERROR or status == HTTP_REQUEST_TIMEOUT:
            return Outcome.LOST
        return Outcome.FINAL
    if isinstance(problem, UNSENT_TRANSPORT):
        return Outcome.UNSENT
    # Any other HTTP failure (a dropped or timed-out connection, a broken response) came after the
    # request left: AWS may have acted on it.
    return Outcome.LOST if isinstance(problem, HTTPClientError) else Outcome.FINAL


@dataclass
class History:
    """What the attempts of one call met, so that a retry never hides what AWS may have done."""

    attempts: int = 0
    #: time.time() and time.monotonic() when the latest attempt was sent (after its pacing wait).
    sent_at: float = 0.0
    sent_at_monotonic: float = 0.0
    transient: int = 0
    #: time.time() and time.monotonic() of the first attempt whose answer was lost (AWS may have acted).
    lost_at: float | None = None
    lost_at_monotonic: float | None = None

    def sent(self) -> None:
        self.attempts += 1
        self.sent_at, self.sent_at_monotonic = time.time(), time.monotonic()

    def failed(self, outcome: Outcome) -> None:
        """Count a lost or unsent attempt (throttles have a time budget instead, and AWS did nothing)."""
        if outcome in (Outcome.THROTTLED, Outcome.FINAL):
            return
        self.transient += 1
        if outcome is Outcome.LOST and self.lost_at is None:
            self.lost_at, self.lost_at_monotonic = self.sent_at, self.sent_at_monotonic


@dataclass(frozen=True)
class Connection:
    """Where calls go: a region of the account behind a profile, under the stack's call rules."""

    region: str
    profile: str | None = None
    rules: CallRules = field(default_factory=CallRules)

    def client(self) -> PinpointSMSVoiceV2Client:
        return clients.get_client(self.region, self.profile)

    def caller(self) -> str | None:
        """Who the calls go out as (`client.caller`): what ties a release on this machine to an account."""
        return clients.caller(self.region, self.profile)

    def pacer(self, operation: str) -> pacing.Pacer:
        key = pacing.PacerKey(self.profile, clients.endpoint_url(), self.region, operation)
        return pacing.pacer(key, self.rules.quota(operation))


def backoff(transient_failures: int) -> float:
    """Full-jitter exponential backoff (the exponent capped, so long waits never overflow)."""
    return random.uniform(0, min(MAX_DELAY, BASE_DELAY * 2 ** min(transient_failures, 10)))


def attempt(connection: Connection, operation: str, params: Mapping[str, Any], history: History) -> dict[str, Any]:
    """One paced attempt; the pacer learns from the outcome, `history` records a failure."""
    api = connection.client()
    pacer = connection.pacer(operation)
    sent_at = pacer.wait_turn()
    history.sent()
    try:
        answer = dict(getattr(api, xform_name(operation))(**params))
    except (ClientError, BotoCoreError) as problem:
        outcome = classify(problem)
        if outcome is Outcome.THROTTLED:
            pacer.throttled(sent_at)
        history.failed(outcome)
        raise
    return answer


#: A ONCE operation's check after a lost answer: the answer the lost attempt would have given, rebuilt from
#: what AWS now holds, or None when it did not take effect (so one more attempt is safe).
Confirm = Callable[[], "dict[str, Any] | None"]


def call(
    connection: Connection,
    operation: str,
    params: Mapping[str, Any],
    history: History | None = None,
    confirm: Confirm | None = None,
) -> dict[str, Any]:
    """`operation(**params)` under the retry rule above; the last failure is raised unchanged.

    `confirm` is required for a ONCE operation (see the module docstring); a TOKEN operation needs its
    ClientToken in `params`.
    """
    kind = operations.retry(operation)
    if kind is Retry.TOKEN and not params.get("ClientToken"):
        raise ValueError(f"{operation} needs an explicit ClientToken: a retry must repeat the first attempt's")
    if kind is Retry.ONCE and confirm is None:
        raise ValueError(f"{operation} needs a confirm step: a blind retry after a lost answer could act twice")
    history = history if history is not None else History()
    deadline = time.monotonic() + connection.rules.throttle_timeout_seconds
    while True:
        try:
            return attempt(connection, operation, params, history)
        except (ClientError, BotoCoreError) as problem:
            outcome = classify(problem)
            if outcome is Outcome.THROTTLED and time.monotonic() < deadline:
                continue  # the pacer has already spaced the next attempt
            if outcome in (Outcome.LOST, Outcome.UNSENT) and history.transient < TRANSIENT_ATTEMPTS:
                time.sleep(backoff(history.transient))
                if outcome is Outcome.LOST and confirm is not None and (done := confirm()) is not None:
                    return done
                continue
            raise
