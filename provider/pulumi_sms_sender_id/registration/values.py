"""A registration's form as AWS holds it, against the form the resource declares: what to put, upload, delete.

AWS holds one value per field of a version: TextValue (TEXT), SelectChoices (SELECT) or
RegistrationAttachmentId (ATTACHMENT). A declared field is put when AWS holds another value (choices
compare as a set); an attachment is uploaded anew when its source, or its local file's content, is not
what this resource uploaded for that field, or AWS holds another attachment there; a value AWS holds
that the resource no longer declares is deleted. Nothing else is put: "only what changed".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import files
from . import properties as p


@dataclass(frozen=True)
class Recorded:
    """What the resource uploaded, as its outputs keep it (empty for a new or adopted registration)."""

    sources: Mapping[str, str] = field(default_factory=dict)
    ids: Mapping[str, str] = field(default_factory=dict)
    digests: Mapping[str, str | None] = field(default_factory=dict)
    created: Sequence[str] = ()

    @staticmethod
    def of(outputs: Mapping[str, Any]) -> Recorded:
        return Recorded(
            sources=p.as_attachments(outputs.get(p.ATTACHMENTS)),
            ids=dict(outputs.get(p.ATTACHMENT_IDS) or {}),
            digests=dict(outputs.get(p.ATTACHMENT_DIGESTS) or {}),
            created=list(outputs.get(p.CREATED_ATTACHMENT_IDS) or []),
        )


@dataclass(frozen=True)
class Plan:
    """The calls that bring AWS's form to the declared one."""

    puts: dict[str, dict[str, Any]]
    uploads: dict[str, str]
    deletes: list[str]

    @property
    def changes(self) -> bool:
        return bool(self.puts or self.uploads or self.deletes)


def held(records: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Field path -> the value AWS holds (one of its three parameters); fields without a value are left out."""
    found: dict[str, dict[str, Any]] = {}
    for record in records:
        for key in ("TextValue", "SelectChoices", "RegistrationAttachmentId"):
            if record.get(key) is not None:
                found[str(record["FieldPath"])] = {key: record[key]}
    return found


def parameter(value: Any) -> dict[str, Any]:
    """PutRegistrationFieldValue's value parameter for a declared field."""
    return {"SelectChoices": list(value)} if isinstance(value, (list, tuple)) else {"TextValue": str(value)}


def _same(put: Mapping[str, Any], holds: Mapping[str, Any] | None) -> bool:
    if holds is None or set(put) != set(holds):
        return False
    key = next(iter(put))
    return sorted(put[key]) == sorted(holds[key]) if key == "SelectChoices" else put[key] == holds[key]


def _kept(path: str, source: str, recorded: Recorded, holds: Mapping[str, Any] | None) -> bool:
    """The attachment AWS holds for `path` is the upload of `source`, unchanged."""
    attachment_id = recorded.ids.get(path)
    if attachment_id is None or recorded.sources.get(path) != source:
        return False
    if holds != {"RegistrationAttachmentId": attachment_id}:
        return False
    return files.digest(source) == recorded.digests.get(path)


def plan(
    fields: Mapping[str, Any], attachments: Mapping[str, str], recorded: Recorded, aws: Mapping[str, Mapping[str, Any]]
) -> Plan:
    """What to put, upload and delete so that AWS's form (`aws`, from `held`) is the declared one."""
    puts = {path: parameter(v) for path, v in fields.items() if not _same(parameter(v), aws.get(path))}
    uploads: dict[str, str] = {}
    for path, source in attachments.items():
        if files.Source(source).is_attachment:
            wanted = {"RegistrationAttachmentId": files.Source(source).attachment_id}
            if not _same(wanted, aws.get(path)):
                puts[path] = wanted
        elif not _kept(path, source, recorded, aws.get(path)):
            uploads[path] = source
    deletes = sorted(path for path in aws if path not in fields and path not in attachments)
    return Plan(puts, uploads, deletes)
