"""What the provider writes to stack state for a registration: outputs of create, read and update, and
read's inputs.

Every step builds its outputs here from a `reading.Snapshot`, so create, update and read never disagree on
a property's shape. `submit` and `aws_review` are echoed from the inputs: AWS records neither as the
program means it (a draft may be one the program keeps on purpose).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Final

from . import files, schema, statuses
from . import properties as p
from .reading import Snapshot
from .values import Recorded

#: DeniedReasons members -> the snake_case keys of `denied_reasons`.
REASON_KEYS: Final = {
    "Reason": "reason",
    "ShortDescription": "short_description",
    "LongDescription": "long_description",
    "DocumentationTitle": "documentation_title",
    "DocumentationLink": "documentation_link",
}


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime.datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
        return stamp.astimezone(datetime.timezone.utc).isoformat()
    return None if value is None else str(value)


def since(version: Mapping[str, Any]) -> str | None:
    """When the version reached its current status (its RegistrationVersionStatusHistory member)."""
    key = statuses.HISTORY_KEY.get(str(version.get("RegistrationVersionStatus")))
    history = version.get("RegistrationVersionStatusHistory") or {}
    return _iso(history.get(key)) if key else None


def denied_reasons(version: Mapping[str, Any]) -> list[dict[str, str]]:
    if version.get("RegistrationVersionStatus") != "DENIED":
        return []
    return [
        {REASON_KEYS[k]: str(v) for k, v in reason.items() if k in REASON_KEYS}
        for reason in version.get("DeniedReasons") or []
    ]


def field_feedback(values: list[dict[str, Any]]) -> dict[str, str]:
    """Field path -> its DeniedReason and Feedback, as one text."""
    found = {}
    for value in values:
        said = [str(value[k]) for k in ("DeniedReason", "Feedback") if value.get(k)]
        if said:
            found[str(value["FieldPath"])] = "; ".join(said)
    return found


def declared_fields(values: list[dict[str, Any]]) -> dict[str, Any]:
    """The fields as a program declares them: text, or choices."""
    found: dict[str, Any] = {}
    for value in values:
        if value.get("TextValue") is not None:
            found[str(value["FieldPath"])] = value["TextValue"]
        elif value.get("SelectChoices") is not None:
            found[str(value["FieldPath"])] = list(value["SelectChoices"])
    return found


def declared_attachments(snapshot: Snapshot, recorded: Recorded) -> dict[str, str]:
    """The attachments as a program declares them: the recorded source of an upload AWS still holds, else
    the ARN of the attachment AWS holds (one uploaded outside this resource)."""
    found = {}
    arn = str(snapshot.info["RegistrationArn"])
    for value in snapshot.values:
        attachment_id = value.get("RegistrationAttachmentId")
        if attachment_id is None:
            continue
        path = str(value["FieldPath"])
        recorded_source = recorded.sources.get(path)
        if recorded.ids.get(path) == attachment_id and recorded_source is not None:
            found[path] = recorded_source
        else:
            found[path] = files.attachment_arn(arn, str(attachment_id))
    return found


def status(snapshot: Snapshot, region: str) -> dict[str, Any]:
    """The outputs that describe where the registration stands (also what `review` quotes)."""
    current = snapshot.current
    return {
        p.REGISTRATION_ID: snapshot.info["RegistrationId"],
        p.REGISTRATION_TYPE: snapshot.info["RegistrationType"],
        p.REGISTRATION_STATUS: snapshot.info["RegistrationStatus"],
        p.VERSION_NUMBER: int(snapshot.info["CurrentVersionNumber"]),
        p.VERSION_STATUS: current.get("RegistrationVersionStatus"),
        p.VERSION_STATUS_SINCE: since(current),
        p.REGION: region,
    }


def build(snapshot: Snapshot, inputs: Mapping[str, Any], region: str, recorded: Recorded) -> dict[str, Any]:
    """Full outputs: what AWS holds (the form included), plus the inputs AWS does not know."""
    approved = snapshot.info.get("ApprovedVersionNumber")
    return {
        **status(snapshot, region),
        p.FIELDS: declared_fields(snapshot.values),
        p.ATTACHMENTS: declared_attachments(snapshot, recorded),
        p.TAGS: dict(snapshot.tags),
        p.SUBMIT: inputs.get(p.SUBMIT),
        p.AWS_REVIEW: inputs.get(p.AWS_REVIEW),
        p.REGISTRATION_ARN: snapshot.info["RegistrationArn"],
        p.APPROVED_VERSION_NUMBER: None if approved is None else int(approved),
        p.DENIED_REASONS: denied_reasons(snapshot.judged),
        p.FIELD_FEEDBACK: field_feedback(snapshot.judged_values),
        p.SENDER_ID_ARN: snapshot.sender_id_arn,
        p.ATTACHMENT_IDS: dict(recorded.ids),
        p.ATTACHMENT_DIGESTS: dict(recorded.digests),
        p.CREATED_ATTACHMENT_IDS: list(recorded.created),
    }


def inputs_of(outs: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs that describe the registration as it is, for ReadResult (keeps refresh diffs exact)."""
    return {key: outs.get(key) for key in schema.INPUT_NAMES}
