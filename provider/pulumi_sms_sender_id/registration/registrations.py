"""The plain AWS side of a registration: create, find, versions, values, submit, delete.

Each function makes the fewest calls it can through `calls.call`, with the retry rule of its operation
(`aws.operations`), and every AWS failure leaves here explained (`errors.explain`):
- CreateRegistration is idempotent by ClientToken: the first token is derived from the request (`token`),
  so an interrupted `pulumi up` run again gets its registration back instead of a second one, and a lost
  answer is retried with the same token; a success is confirmed by Describe (a token may replay the answer
  of a registration deleted since), and creation starts over with a fresh token if it is gone.
- CreateRegistrationVersion and SubmitRegistrationVersion may not run twice: after a lost answer, a Describe
  tells whether the first attempt took effect (`calls.call`'s confirm step).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from ..aws import calls, tagging
from ..aws.calls import Connection
from ..aws.errors import reason_of
from ..aws.settings import CallRules
from . import statuses
from .errors import RegistrationError, explain, explain_local

PAGE_SIZE: Final = 100
NOT_FOUND: Final = "ResourceNotFoundException"
UNKNOWN_TYPE: Final = "UNKNOWN_REGISTRATION_TYPE"


@dataclass(frozen=True)
class Where:
    """Which registration (once it exists), where, with which credentials profile, under which call rules."""

    region: str
    profile: str | None = None
    rules: CallRules = field(default_factory=CallRules)
    registration_id: str | None = None

    @property
    def connection(self) -> Connection:
        return Connection(self.region, self.profile, self.rules)

    @property
    def label(self) -> str:
        named = f"registration {self.registration_id}" if self.registration_id else "the new registration"
        return f"{named} in {self.region}"

    def of(self, registration_id: str) -> Where:
        return Where(self.region, self.profile, self.rules, registration_id)

    def explain(self, problem: ClientError, subject: str | None = None) -> RegistrationError:
        """An AWS failure met here, explained under the stack's throttle timeout."""
        return explain(problem, subject or self.label, throttle_timeout=self.rules.throttle_timeout_seconds)

    @property
    def id(self) -> str:
        if self.registration_id is None:
            raise ValueError("no registration yet")
        return self.registration_id


@contextmanager
def explained(where: Where, subject: str | None = None) -> Iterator[None]:
    """AWS failures inside, explained about `subject` (default: the registration)."""
    try:
        yield
    except ClientError as problem:
        raise where.explain(problem, subject) from None
    except BotoCoreError as problem:
        raise explain_local(problem, subject or where.label) from None


def _pages(connection: Connection, operation: str, params: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    request = {**params, "MaxResults": PAGE_SIZE}
    while True:
        answer = calls.call(connection, operation, request)
        found += answer.get(key, [])
        if not answer.get("NextToken"):
            return found
        request = {**request, "NextToken": answer["NextToken"]}


def token(*parts: Any) -> str:
    """A ClientToken derived from the request: the same request, the same token (64 characters at most)."""
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:64]


def fresh_token() -> str:
    return str(uuid.uuid4())


def describe(where: Where) -> dict[str, Any] | None:
    """The DescribeRegistrations record, or None when AWS holds no such registration (or it is DELETED)."""
    try:
        answer = calls.call(where.connection, "DescribeRegistrations", {"RegistrationIds": [where.id]})
    except ClientError as problem:
        if reason_of(problem)[0] == NOT_FOUND:
            return None
        raise where.explain(problem) from None
    except BotoCoreError as problem:
        raise explain_local(problem, where.label) from None
    records = answer.get("Registrations", [])
    if not records or records[0].get("RegistrationStatus") in statuses.GONE:
        return None
    return dict(records[0])


def create(where: Where, registration_type: str, tags: Mapping[str, str], first_token: str) -> dict[str, Any]:
    """Create the registration exactly once; the CreateRegistration answer of the registration that exists."""
    params: dict[str, Any] = {"RegistrationType": registration_type}
    if tags:
        params["Tags"] = tagging.to_aws(tags)
    with explained(where):
        answer = calls.call(where.connection, "CreateRegistration", {**params, "ClientToken": first_token})
        if describe(where.of(answer["RegistrationId"])) is not None:
            return answer
        # The token replayed the answer of a registration deleted since: create it for real.
        return calls.call(where.connection, "CreateRegistration", {**params, "ClientToken": fresh_token()})


def versions(where: Where) -> list[dict[str, Any]]:
    """Every version's DescribeRegistrationVersions record, oldest first."""
    with explained(where):
        found = _pages(
            where.connection, "DescribeRegistrationVersions", {"RegistrationId": where.id}, "RegistrationVersions"
        )
    return sorted(found, key=lambda v: int(v["VersionNumber"]))


def field_values(where: Where, version: int) -> list[dict[str, Any]]:
    """The DescribeRegistrationFieldValues records of one version."""
    params = {"RegistrationId": where.id, "VersionNumber": version}
    with explained(where):
        return _pages(where.connection, "DescribeRegistrationFieldValues", params, "RegistrationFieldValues")


def put_value(where: Where, path: str, value: Mapping[str, Any]) -> None:
    """PutRegistrationFieldValue with one of TextValue, SelectChoices or RegistrationAttachmentId."""
    with explained(where, f"{where.label}, field {path}"):
        calls.call(
            where.connection, "PutRegistrationFieldValue", {"RegistrationId": where.id, "FieldPath": path, **value}
        )


def delete_value(where: Where, path: str) -> None:
    """Remove a field's value; a value already gone (a retry after a lost answer) is fine."""
    history = calls.History()
    try:
        calls.call(
            where.connection, "DeleteRegistrationFieldValue", {"RegistrationId": where.id, "FieldPath": path}, history
        )
    except ClientError as problem:
        if history.lost_at is None:
            raise where.explain(problem, f"{where.label}, field {path}") from None
    except BotoCoreError as problem:
        raise explain_local(problem, where.label) from None


def new_version(where: Where, current: int) -> dict[str, Any]:
    """CreateRegistrationVersion after version `current`: a new DRAFT, never two."""

    def confirm() -> dict[str, Any] | None:
        record = describe(where)
        if record is None or int(record["CurrentVersionNumber"]) <= current:
            return None
        return {"VersionNumber": record["CurrentVersionNumber"], "RegistrationVersionStatus": "DRAFT"}

    with explained(where):
        return calls.call(where.connection, "CreateRegistrationVersion", {"RegistrationId": where.id}, confirm=confirm)


def submit(where: Where, version: int, aws_review: bool) -> dict[str, Any]:
    """SubmitRegistrationVersion of the current DRAFT `version`, never twice."""

    def confirm() -> dict[str, Any] | None:
        params = {"RegistrationId": where.id, "VersionNumbers": [version]}
        found = calls.call(where.connection, "DescribeRegistrationVersions", params).get("RegistrationVersions", [])
        return dict(found[0]) if found and found[0]["RegistrationVersionStatus"] != "DRAFT" else None

    params = {"RegistrationId": where.id, "AwsReview": aws_review}
    with explained(where):
        return calls.call(where.connection, "SubmitRegistrationVersion", params, confirm=confirm)


def delete(where: Where) -> None:
    """Delete the registration; one already gone (deleted outside Pulumi, or a lost answer) is fine."""
    try:
        calls.call(where.connection, "DeleteRegistration", {"RegistrationId": where.id})
    except ClientError as problem:
        if reason_of(problem)[0] != NOT_FOUND:
            raise where.explain(problem) from None
    except BotoCoreError as problem:
        raise explain_local(problem, where.label) from None


def list_tags(where: Where, arn: str) -> dict[str, str]:
    with explained(where):
        return tagging.list_tags(where.connection, arn)


def retag(where: Where, arn: str, old: Mapping[str, str], new: Mapping[str, str]) -> None:
    with explained(where):
        tagging.retag(where.connection, arn, old, new)


def type_definition(where: Where, registration_type: str) -> dict[str, Any] | None:
    """DescribeRegistrationTypeDefinitions' record of the type, or None when AWS does not know it."""
    params = {"RegistrationTypes": [registration_type]}
    try:
        found = calls.call(where.connection, "DescribeRegistrationTypeDefinitions", params)
    except ClientError as problem:
        if reason_of(problem)[1] == UNKNOWN_TYPE:
            return None
        raise where.explain(problem) from None
    except BotoCoreError as problem:
        raise explain_local(problem, where.label) from None
    records = found.get("RegistrationTypeDefinitions", [])
    return dict(records[0]) if records else None


def known_types(where: Where) -> list[str]:
    """Every registration type AWS offers in the region."""
    with explained(where):
        found = _pages(where.connection, "DescribeRegistrationTypeDefinitions", {}, "RegistrationTypeDefinitions")
    return sorted(str(r["RegistrationType"]) for r in found)


def sender_id_country(definition: Mapping[str, Any] | None) -> str | None:
    """The country whose sender ID a type provisions on approval (its SupportedAssociations)."""
    for association in (definition or {}).get("SupportedAssociations") or []:
        if association.get("ResourceType") == "SENDER_ID" and association.get("IsoCountryCode"):
            return str(association["IsoCountryCode"])
    return None
