"""What an account holds in registrations: each one of a region, with its current values and tags.

Shared by `adopt`, which declares them as `Registration` resources with `registration_id`, so the first
`pulumi up` takes each over with no change. A registration costs DescribeRegistrationVersions (is its
current version a draft?), DescribeRegistrationFieldValues and ListTagsForResource, after the region's
DescribeRegistrations pages. Deleted and closed registrations are left out: there is nothing to manage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from ..aws import calls
from ..aws.calls import Connection
from ..registration import files, outputs, registrations
from ..registration.reading import SENDER_ID_FIELD
from ..registration.registrations import Where

PAGE_SIZE: Final = 100
#: Registration statuses `adopt` does not declare: gone, or closed by the release of their sender ID.
LEFT_OUT: Final = frozenset({"DELETED", "CLOSED"})

Progress = Callable[[str], None]


@dataclass(frozen=True)
class FoundRegistration:
    """One registration as AWS holds it: its current version's values, attachments as ARNs, tags."""

    registration_arn: str
    registration_id: str
    registration_type: str
    region: str
    status: str
    version_number: int
    version_status: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    attachments: Mapping[str, str] = field(default_factory=dict)
    tags: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_draft(self) -> bool:
        return self.version_status == "DRAFT"

    @property
    def sender_id(self) -> str | None:
        value = self.fields.get(SENDER_ID_FIELD)
        return value if isinstance(value, str) else None


def _listed(connection: Connection) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    params: dict[str, Any] = {"MaxResults": PAGE_SIZE}
    where = Where(connection.region, connection.profile, connection.rules)
    with registrations.explained(where, f"registrations in {connection.region}"):
        while True:
            answer = calls.call(connection, "DescribeRegistrations", params)
            found += answer.get("Registrations", [])
            if not answer.get("NextToken"):
                return found
            params = {**params, "NextToken": answer["NextToken"]}


def _found(connection: Connection, record: Mapping[str, Any]) -> FoundRegistration:
    where = Where(connection.region, connection.profile, connection.rules, str(record["RegistrationId"]))
    number = int(record["CurrentVersionNumber"])
    params = {"RegistrationId": where.id, "VersionNumbers": [number]}
    with registrations.explained(where):
        versions = calls.call(connection, "DescribeRegistrationVersions", params).get("RegistrationVersions", [])
    values = registrations.field_values(where, number)
    arn = str(record["RegistrationArn"])
    attached = {
        str(v["FieldPath"]): files.attachment_arn(arn, str(v["RegistrationAttachmentId"]))
        for v in values
        if v.get("RegistrationAttachmentId")
    }
    return FoundRegistration(
        registration_arn=arn,
        registration_id=where.id,
        registration_type=str(record["RegistrationType"]),
        region=connection.region,
        status=str(record["RegistrationStatus"]),
        version_number=number,
        version_status=str(versions[0]["RegistrationVersionStatus"]) if versions else "DRAFT",
        fields=outputs.declared_fields(values),
        attachments=attached,
        tags=registrations.list_tags(where, arn),
    )


def _silent(_line: str) -> None:
    return None


def list_region(connection: Connection, progress: Progress = _silent) -> list[FoundRegistration]:
    """The region's registrations worth declaring, sorted by type and ID."""
    records = [r for r in _listed(connection) if r.get("RegistrationStatus") not in LEFT_OUT]
    if records:
        progress(f"{connection.region}: {len(records)} registration{'s' if len(records) != 1 else ''} found")
    found = [_found(connection, record) for record in records]
    return sorted(found, key=lambda f: (f.registration_type, f.registration_id))
