"""Bring a registration's form to the declared one: the one path of create, update and adoption.

1. The type's field definitions judge the declared form first (`check_form`): a form AWS would refuse
   is refused before anything is created or changed, each problem in the user's words (a draft kept
   with `submit=False` may still lack required fields: AWS checks those on submission).
2. The current version decides how values can change (`statuses`): a DRAFT takes them directly; while
   AWS reviews, a change is refused before any mutating call (`review`); an approved or denied version
   is followed by a new version (CreateRegistrationVersion) that takes only what changed, compared with
   what the new version holds (AWS may or may not copy the previous values into it).
3. Attachments are uploaded, then awaited (UPLOAD_COMPLETE); values are put, removed ones deleted.
4. The DRAFT is submitted when `submit` asks for it (with `aws_review`).
`Progress` records what this run created, so that a create failing part-way can delete it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from ..aws.errors import reason_of
from . import attachments, definitions, errors, field_rules, files, outputs, registrations, review, statuses, values
from . import properties as p
from .registrations import Where
from .values import Recorded


@dataclass
class Progress:
    """What one create or update made in AWS so far (for its cleanup) and recorded (for its outputs)."""

    created_registration: str | None = None
    uploaded: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Declared:
    """The form and submission a resource declares."""

    registration_type: str
    fields: Mapping[str, Any]
    attachments: Mapping[str, str]
    submit: bool
    aws_review: bool

    @staticmethod
    def of(props: Mapping[str, Any]) -> Declared:
        return Declared(
            registration_type=str(props[p.REGISTRATION_TYPE]),
            fields=p.as_fields(props.get(p.FIELDS)),
            attachments=p.as_attachments(props.get(p.ATTACHMENTS)),
            submit=p.submits(props.get(p.SUBMIT)),
            aws_review=p.asks_aws_review(props.get(p.AWS_REVIEW)),
        )


def check_form(where: Where, declared: Declared, subject: str) -> None:
    """Refuse a form the type's field definitions refuse, before any change in AWS."""
    try:
        found = definitions.fetch(where.connection, declared.registration_type)
    except ClientError as problem:
        if reason_of(problem)[1] != registrations.UNKNOWN_TYPE:
            raise where.explain(problem, subject) from None
        found = {}
    except BotoCoreError as problem:
        raise errors.explain_local(problem, subject) from None
    if not found and registrations.type_definition(where, declared.registration_type) is None:
        known = registrations.known_types(where)
        raise errors.unknown_type(subject, declared.registration_type, known)
    form = field_rules.declared(declared.fields, declared.attachments)
    problems = field_rules.problems(found, form, declared.registration_type, complete=declared.submit)
    if problems:
        raise errors.refused_form(subject, [problem.message for problem in problems])


def current(where: Where) -> tuple[dict[str, Any], dict[str, Any]]:
    info = registrations.describe(where)
    if info is None:
        raise errors.not_a_registration(where.label, "gone")
    versions = registrations.versions(where)
    return info, (versions[-1] if versions else {"VersionNumber": info["CurrentVersionNumber"]})


def _held(where: Where, version: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return values.held(registrations.field_values(where, int(version["VersionNumber"])))


def resumed(where: Where, declared: Declared) -> Recorded | None:
    """The registration an earlier run of this same create made and submitted before it was interrupted (its
    ClientToken replayed it), recorded as it is; None when it is still a draft for `converge` to finish.

    A new registration is a DRAFT: one that is not came from an earlier run, which submits last, so it holds
    the declared form already (the token is derived from that form, the attachments' content included).
    """
    _info, version = current(where)
    if version.get("RegistrationVersionStatus") in statuses.EDITABLE:
        return None
    held = _held(where, version)
    ids = {
        path: str(held[path]["RegistrationAttachmentId"])
        for path in declared.attachments
        if "RegistrationAttachmentId" in held.get(path, {})
    }
    uploaded = [i for path, i in ids.items() if not files.Source(declared.attachments[path]).is_attachment]
    return Recorded(
        sources=dict(declared.attachments),
        ids=ids,
        digests={path: files.digest(declared.attachments[path]) for path in ids},
        created=uploaded,
    )


def converge(where: Where, declared: Declared, recorded: Recorded, progress: Progress) -> Recorded:
    """Make the registration hold the declared form (and submit it, if asked); what is recorded now."""
    info, version = current(where)
    status = str(version.get("RegistrationVersionStatus"))
    plan = values.plan(declared.fields, declared.attachments, recorded, _held(where, version))
    if plan.changes and statuses.under_review(status):
        review.refuse_if_reviewing(view(info, version, where.region), "Changing fields or attachments")
    if plan.changes and status not in statuses.EDITABLE:
        created = registrations.new_version(where, int(version["VersionNumber"]))
        version = {"VersionNumber": created["VersionNumber"], "RegistrationVersionStatus": "DRAFT"}
        status = "DRAFT"
        plan = values.plan(declared.fields, declared.attachments, recorded, _held(where, version))
    ids, digests = dict(recorded.ids), dict(recorded.digests)
    uploads = {}
    for path, source in plan.uploads.items():
        done = attachments.upload(where, path, source)
        progress.uploaded.append(done.attachment_id)
        uploads[path] = done.attachment_id
        ids[path], digests[path] = done.attachment_id, done.digest
    attachments.wait(where, uploads)
    puts = {**plan.puts, **{path: {"RegistrationAttachmentId": i} for path, i in uploads.items()}}
    for path, value in puts.items():
        registrations.put_value(where, path, value)
    for path in plan.deletes:
        registrations.delete_value(where, path)
    if declared.submit and status in statuses.EDITABLE:
        registrations.submit(where, int(version["VersionNumber"]), declared.aws_review)
    kept = set(declared.attachments)
    return Recorded(
        sources=dict(declared.attachments),
        ids={k: v for k, v in ids.items() if k in kept},
        digests={k: v for k, v in digests.items() if k in kept},
        created=[*recorded.created, *(i for i in progress.uploaded if i not in recorded.created)],
    )


def view(info: Mapping[str, Any], version: Mapping[str, Any], region: str) -> dict[str, Any]:
    """The status outputs `review` quotes, from a fresh Describe."""
    return {
        p.REGISTRATION_ID: info["RegistrationId"],
        p.REGISTRATION_TYPE: info["RegistrationType"],
        p.VERSION_NUMBER: version.get("VersionNumber"),
        p.VERSION_STATUS: version.get("RegistrationVersionStatus"),
        p.VERSION_STATUS_SINCE: outputs.since(version),
        p.REGION: region,
    }
