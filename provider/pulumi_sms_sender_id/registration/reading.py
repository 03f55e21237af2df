"""Everything AWS says about a registration, read at once: what refresh, create and update report.

The registration (DescribeRegistrations), its versions (the current one's status and since when, the
denial reasons), the current version's values, the per-field feedback of the version AWS last judged,
its tags, and the sender ID AWS provisioned on approval. That sender ID is found through the model's
`SenderIdInformation.RegistrationId`: the type's SupportedAssociations name the country, the form's
`senderIdInfo.senderId` field names the sender ID (the field path AWS's own blog uses), and
ListRegistrationAssociations is asked when those do not find it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ..aws import calls
from ..sender_id import sender_ids
from ..sender_id.sender_ids import Target
from . import registrations, statuses
from .registrations import Where, explained

#: The field of a sender-ID registration form that holds the sender ID [AWS blog, "Automate sender ID
#: registration in AWS End User Messaging"].
SENDER_ID_FIELD: Final = "senderIdInfo.senderId"


@dataclass(frozen=True)
class Snapshot:
    info: Mapping[str, Any]
    versions: list[dict[str, Any]]
    values: list[dict[str, Any]]
    judged_values: list[dict[str, Any]]
    tags: dict[str, str]
    sender_id_arn: str | None

    @property
    def current(self) -> Mapping[str, Any]:
        return self.versions[-1] if self.versions else {}

    @property
    def judged(self) -> Mapping[str, Any]:
        """The version whose verdict the user must read: the latest denied one while updates are required."""
        return _judged_version(self.info, self.versions)


def _judged_version(info: Mapping[str, Any], versions: list[dict[str, Any]]) -> Mapping[str, Any]:
    denied = info.get("LatestDeniedVersionNumber")
    if denied is not None and info.get("RegistrationStatus") == "REQUIRES_UPDATES":
        return next((v for v in versions if v["VersionNumber"] == denied), versions[-1] if versions else {})
    return versions[-1] if versions else {}


def _text_of(values: list[dict[str, Any]], path: str) -> str | None:
    return next((str(v["TextValue"]) for v in values if v["FieldPath"] == path and v.get("TextValue")), None)


def sender_id_arn(where: Where, info: Mapping[str, Any], values: list[dict[str, Any]]) -> str | None:
    """The ARN of the sender ID AWS provisioned for the registration, None until there is one."""
    if info.get("ApprovedVersionNumber") is None and info.get("RegistrationStatus") not in statuses.APPROVED:
        return None
    country = registrations.sender_id_country(registrations.type_definition(where, str(info["RegistrationType"])))
    sender = _text_of(values, SENDER_ID_FIELD)
    if country and sender:
        record = sender_ids.find(Target(sender.upper(), country, where.region, where.profile, where.rules))
        if record is not None and record.get("RegistrationId") in (where.id, info.get("RegistrationArn")):
            return str(record["SenderIdArn"])
    with explained(where):
        answer = calls.call(where.connection, "ListRegistrationAssociations", {"RegistrationId": where.id})
    for association in answer.get("RegistrationAssociations", []):
        if association.get("ResourceType") == "SENDER_ID":
            return str(association["ResourceArn"])
    return None


def snapshot(where: Where) -> Snapshot | None:
    """What AWS holds for the registration, or None when it is gone."""
    info = registrations.describe(where)
    if info is None:
        return None
    versions = registrations.versions(where)
    current = int(info["CurrentVersionNumber"])
    values = registrations.field_values(where, current)
    judged = _judged_version(info, versions)
    judged_number = judged.get("VersionNumber", current)
    judged_values = values if judged_number == current else registrations.field_values(where, int(judged_number))
    tags = registrations.list_tags(where, str(info["RegistrationArn"]))
    return Snapshot(info, versions, values, judged_values, tags, sender_id_arn(where, info, values))
