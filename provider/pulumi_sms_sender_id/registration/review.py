"""While AWS reviews a registration, nothing of its form may change: refused before any mutating call.

"After submission, your sender ID registration can't be modified or deleted until the third-party
registrar completes their review" (AWS's blog; the User Guide says the same of REVIEWING). So a change
of the form (fields, attachments) or a replacement is refused:
- in preview, by `diff`, when the stack state already says AWS reviews it (the state may be stale: the
  message says to refresh first);
- in `update` and `delete`, from a fresh Describe, before any call that changes anything.
Tags stay changeable (TagResource is not part of the form; a guess, see docs/registration.md).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from . import diff, statuses
from . import properties as p
from .errors import RegistrationError


def since(timestamp: str | None, now: datetime.datetime | None = None) -> str:
    """` since 2026-01-05 10:00 UTC, 3 days ago` (after a status), from an ISO 8601 timestamp; "" for none."""
    if not timestamp:
        return ""
    try:
        at = datetime.datetime.fromisoformat(timestamp)
    except ValueError:
        return f" since {timestamp}"
    if at.tzinfo is None:
        at = at.replace(tzinfo=datetime.timezone.utc)
    now = now or datetime.datetime.now(datetime.timezone.utc)
    return f"{_at(at)}, {_age(now - at)} ago"


def _at(at: datetime.datetime) -> str:
    return f" since {at.astimezone(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"


def _age(age: datetime.timedelta) -> str:
    if age.days:
        return f"{age.days} day{'s' if age.days != 1 else ''}"
    seconds = max(0.0, age.total_seconds())
    return f"{int(seconds // 3600)} h" if seconds >= 3600 else f"{max(1, int(seconds // 60))} min"


def _what_to_do(registration_id: str, version_status: str, region: str | None) -> str:
    steps = (
        "Wait for AWS's decision (reviews take days to weeks; `pulumi refresh` shows the status, the denial "
        "reasons and the feedback), then run `pulumi up` again: an approved or denied registration gets a new "
        "version with your change"
    )
    if version_status == "SUBMITTED":
        where = f" --region {region}" if region else ""
        steps += (
            ". Or withdraw the submission before AWS starts reviewing it: `aws pinpoint-sms-voice-v2 "
            f"discard-registration-version --registration-id {registration_id}{where}`, then `pulumi refresh` "
            "and `pulumi up`"
        )
    return steps


def _number(value: Any) -> Any:
    """A version number as the user wrote none: the engine sends every number as a float."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def message(outputs: Mapping[str, Any], doing: str, from_state: bool) -> str:
    """Why `doing` is refused while AWS reviews the registration that `outputs` describe."""
    registration_id = str(outputs.get(p.REGISTRATION_ID))
    status = str(outputs.get(p.VERSION_STATUS))
    meaning = statuses.VERSION.get(status, status)
    stale = " (as the stack state records it: if AWS has decided since, `pulumi refresh` first)" if from_state else ""
    return (
        f"{doing} is refused: AWS is reviewing registration {registration_id} "
        f"({outputs.get(p.REGISTRATION_TYPE)}), version {_number(outputs.get(p.VERSION_NUMBER))} is {status}"
        f"{since(outputs.get(p.VERSION_STATUS_SINCE))} ({meaning}){stale}, and AWS allows no change to it "
        f"while it reviews. {_what_to_do(registration_id, status, outputs.get(p.REGION))}."
    )


def refusal(outputs: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> str | None:
    """For diff: why the change from the recorded `outputs` to `news` must not be planned now, if it must not."""
    if not statuses.under_review(outputs.get(p.VERSION_STATUS)):
        return None
    changing = diff.certainly_changed_form(outputs, news, default_region)
    if not changing:
        return None
    return message(outputs, f"Changing {' and '.join(changing)}", from_state=True)


def refuse_if_reviewing(outputs: Mapping[str, Any], doing: str) -> None:
    """For update and delete, given outputs from a fresh Describe."""
    if statuses.under_review(outputs.get(p.VERSION_STATUS)):
        raise RegistrationError(message(outputs, doing, from_state=False))
