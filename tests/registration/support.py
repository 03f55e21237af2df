"""What the registration tests share besides fixtures: the declared registration, and AWS as plain boto3 sees it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from pulumi_sms_sender_id import RegistrationProvider
from tests.support import INDIA, INDIA_FORM

PROOF: Final = "senderIdInfo.proofOfSenderIdConnection"
#: The India form with one value changed: what an update declares.
RENAMED: Final = {**INDIA_FORM, "companyInfo.companyName": "ACME Two Private Limited"}
#: Every call that changes a registration, its attachments or its tags.
CHANGES: Final = (
    "CreateRegistration",
    "DeleteRegistration",
    "CreateRegistrationAttachment",
    "DeleteRegistrationAttachment",
    "PutRegistrationFieldValue",
    "DeleteRegistrationFieldValue",
    "CreateRegistrationVersion",
    "SubmitRegistrationVersion",
    "TagResource",
    "UntagResource",
)


def changes(counts: Mapping[str, int]) -> dict[str, int]:
    """The calls among `counts` (an emulator's call counts) that changed something."""
    return {op: counts[op] for op in CHANGES if counts.get(op)}


def india(attachment: Path | None = None, **changes: Any) -> dict[str, Any]:
    """An India sender-ID registration as a program declares it (with the attachment, if given)."""
    inputs: dict[str, Any] = {"registration_type": INDIA, "fields": dict(INDIA_FORM), "tags": {"team": "growth"}}
    if attachment is not None:
        inputs["attachments"] = {PROOF: str(attachment)}
    return {**inputs, **changes}


def create(provider: RegistrationProvider, inputs: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """check + create, as `pulumi up` runs a new resource."""
    checked = provider.check({}, dict(inputs))
    assert checked.failures == [], checked.failures
    result = provider.create(checked.inputs)
    assert result.outs is not None
    return str(result.id), dict(result.outs)


def registrations(sms: Any) -> dict[str, dict[str, Any]]:
    """The registrations AWS holds (DELETED ones are gone), by ID, read with plain boto3."""
    found = sms.describe_registrations()["Registrations"]
    return {r["RegistrationId"]: r for r in found if r["RegistrationStatus"] != "DELETED"}


def attachments(sms: Any) -> dict[str, str]:
    """The registration attachments AWS holds, ID -> status."""
    found = sms.describe_registration_attachments()["RegistrationAttachments"]
    return {a["RegistrationAttachmentId"]: a["AttachmentStatus"] for a in found if a["AttachmentStatus"] != "DELETED"}


def values(sms: Any, registration_id: str, version: int | None = None) -> dict[str, Any]:
    """Field path -> the value AWS holds (text, choices or attachment ID)."""
    params: dict[str, Any] = {"RegistrationId": registration_id}
    if version is not None:
        params["VersionNumber"] = version
    found = sms.describe_registration_field_values(**params)["RegistrationFieldValues"]
    return {
        v["FieldPath"]: v.get("TextValue", v.get("SelectChoices", v.get("RegistrationAttachmentId")))
        for v in found
        if any(k in v for k in ("TextValue", "SelectChoices", "RegistrationAttachmentId"))
    }


def hints(sms: Any, path: str, registration_type: str = INDIA) -> dict[str, Any]:
    """The DisplayHints AWS gives a field: what a refusal must quote (its Title, its ShortDescription)."""
    found = sms.describe_registration_field_definitions(RegistrationType=registration_type, FieldPaths=[path])
    return dict(found["RegistrationFieldDefinitions"][0]["DisplayHints"])
