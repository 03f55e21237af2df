"""The registration model: one registration, its versions, its status, its associations and its rules.

(Not to be confused with `registration`, which registers the emulator's backend with moto.)

The registration's status is derived from its versions, as the model's enum describes it: CREATED
until first submitted; SUBMITTED / AWS_REVIEWING / REVIEWING while its current version is;
PROVISIONING once approved until its sender ID exists, then COMPLETE; REQUIRES_UPDATES after a
denial; CLOSED when its last associated sender ID is released; DELETED in DeleteRegistration's answer.
Each rule that refuses a change in the wrong state is a method here, raising AWS's ConflictException
reason. Deviations (AWS's exact choices are undocumented): which reason answers which state (the
table in docs/emulator.md); a registration keeps the form (type definition) it was created with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from moto.core.common_models import BaseModel

from .clock import timestamp
from .exceptions import ConflictException, ValidationException
from .registration_catalogue import RegistrationType
from .registration_versions import APPROVED, DENIED, DRAFT, SUBMITTED, UNDER_REVIEW, RegistrationVersion

REGISTRATION_RESOURCE_TYPE = "registration"
CLOSES_REGISTRATION = "DISASSOCIATE_ALL_CLOSES_REGISTRATION"
DISASSOCIATES_ON_DELETE = "DELETE_REGISTRATION_DISASSOCIATES"


@dataclass(frozen=True)
class Association:
    """An origination identity (here only sender IDs) associated with a registration."""

    resource_arn: str
    resource_id: str
    iso_country_code: str
    resource_type: str

    def to_record(self) -> dict[str, Any]:
        return {
            "ResourceArn": self.resource_arn,
            "ResourceId": self.resource_id,
            "ResourceType": self.resource_type,
            "IsoCountryCode": self.iso_country_code,
        }


class Registration(BaseModel):
    """One registration of one type, in one account and region."""

    def __init__(self, *, arn: str, registration_id: str, kind: RegistrationType, at: float, sequence: int) -> None:
        self.arn = arn
        self.id = registration_id
        self.kind = kind
        self.created = at
        self.sequence = sequence
        self.versions = [RegistrationVersion(1, at)]
        #: When the approved registration's sender ID will exist (PROVISIONING until then).
        self.provisioning_due: float | None = None
        self.closed = False
        self.associations: list[Association] = []

    @property
    def current(self) -> RegistrationVersion:
        return self.versions[-1]

    def version(self, number: int | None) -> RegistrationVersion:
        """A version by number (the current one for None); an unknown number is a ValidationException."""
        if number is None:
            return self.current
        for version in self.versions:
            if version.number == number:
                return version
        raise ValidationException(
            f"Registration {self.id} has no version {number}.",
            reason="UNKNOWN_REGISTRATION_VERSION",
            fields=[("VersionNumber", f"Versions are 1 to {self.current.number}")],
        )

    def _latest(self, status: str) -> RegistrationVersion | None:
        return next((v for v in reversed(self.versions) if v.status == status), None)

    @property
    def status(self) -> str:
        current = self.current.status
        if self.closed:
            return "CLOSED"
        if current in UNDER_REVIEW:
            return current
        if current == APPROVED or (current != DENIED and self._latest(APPROVED)):
            return "PROVISIONING" if self.provisioning_due is not None else "COMPLETE"
        if current == DENIED or self._latest(DENIED):
            return "REQUIRES_UPDATES"
        return "CREATED"

    # -- rules ---------------------------------------------------------------------------------

    def _conflict(self, reason: str, message: str) -> ConflictException:
        return ConflictException(
            f"Registration {self.id} ({self.status}): {message}",
            reason=reason,
            resource_id=self.id,
            resource_type=REGISTRATION_RESOURCE_TYPE,
        )

    def _editable(self, denied_editable: bool) -> bool:
        status = self.current.status
        return not self.closed and (status == DRAFT or (denied_editable and status == DENIED))

    def check_editable(self, denied_editable: bool) -> RegistrationVersion:
        """Field values change only in a DRAFT (or, if so configured, a DENIED) current version."""
        if not self._editable(denied_editable):
            raise self._conflict(
                "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
                f"version {self.current.number} is {self.current.status} and read-only; "
                "create a new version to change values",
            )
        return self.current

    def check_submittable(self, denied_editable: bool) -> None:
        """What can be edited can be submitted; what is under review already was."""
        if self.current.under_review:
            raise self._conflict("REGISTRATION_ALREADY_SUBMITTED", f"version {self.current.number} is under review")
        if not self._editable(denied_editable):
            raise self._conflict(
                "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED",
                f"version {self.current.number} is {self.current.status}; create a new version to submit",
            )

    def check_new_version(self) -> None:
        """A new version follows a decided or discarded one, never a DRAFT, a review or provisioning."""
        provisioning = self.provisioning_due is not None
        if self.closed or self.current.status == DRAFT or self.current.under_review or provisioning:
            raise self._conflict(
                "CREATE_REGISTRATION_VERSION_NOT_ALLOWED", f"version {self.current.number} is {self.current.status}"
            )

    def check_discardable(self) -> None:
        """The User Guide: 'You can only discard the registration if its status is Submitted.'"""
        if self.current.status != SUBMITTED:
            raise self._conflict(
                "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED",
                f"only a SUBMITTED version can be discarded; version {self.current.number} is {self.current.status}",
            )

    def check_deletable(self) -> None:
        """Not during review or provisioning; not while sender IDs depend on it, unless deleting disassociates."""
        if self.current.under_review:
            raise self._conflict("REGISTRATION_ALREADY_SUBMITTED", "it cannot be deleted while under review")
        if self.provisioning_due is not None:
            raise self._conflict("RESOURCE_DELETION_NOT_ALLOWED", "it cannot be deleted while provisioning")
        if self.associations and self.disassociation_behavior != DISASSOCIATES_ON_DELETE:
            raise self._conflict(
                "RESOURCE_DELETION_NOT_ALLOWED",
                f"release its sender IDs first ({', '.join(a.resource_id for a in self.associations)})",
            )

    def check_associable(self, behavior: str | None, resource_id: str) -> None:
        """Only identities of an ASSOCIATE_BEFORE_SUBMIT (while a DRAFT) or ASSOCIATE_AFTER_COMPLETE type."""
        if behavior not in ("ASSOCIATE_BEFORE_SUBMIT", "ASSOCIATE_AFTER_COMPLETE"):
            raise ValidationException(
                f"Registration type {self.kind.name} does not take associations of {resource_id}"
                + (" (its sender ID is provisioned on approval)" if behavior == "ASSOCIATE_ON_APPROVAL" else ""),
                reason="INVALID_REGISTRATION_ASSOCIATION",
                fields=[("ResourceId", "Not associable with this registration")],
            )
        if any(a.resource_id == resource_id for a in self.associations):
            raise self._conflict("RESOURCE_ALREADY_ASSOCIATED", f"{resource_id} is already associated")
        if behavior == "ASSOCIATE_BEFORE_SUBMIT" and self.current.status != DRAFT:
            raise self._conflict("RESOURCE_MODIFICATION_NOT_ALLOWED", "associate before submitting")
        if behavior == "ASSOCIATE_AFTER_COMPLETE" and self.status != "COMPLETE":
            raise self._conflict("REGISTRATION_NOT_COMPLETE", "associate once the registration is COMPLETE")

    @property
    def disassociation_behavior(self) -> str | None:
        association = self.kind.sender_id_association
        return str(association["DisassociationBehavior"]) if association else None

    # -- changes -------------------------------------------------------------------------------

    def new_version(self, at: float, copy_values: bool) -> RegistrationVersion:
        self.versions.append(self.current.successor(at, copy_values))
        return self.current

    def approve(self, at: float, provisioning_seconds: float) -> None:
        """The current version is approved; an earlier approved one is ARCHIVED; provisioning starts."""
        previous = self._latest(APPROVED)
        self.current.approve(at)
        if previous is not None:
            previous.archive(at)
        self.provisioning_due = at + provisioning_seconds

    def advance(self, now: float, auto_approve_after: float | None, provisioning_seconds: float) -> bool:
        """Let time act (auto-review at half the delay, approval at the delay); True: provision now."""
        submitted = self.current.submitted_at
        if auto_approve_after is not None and self.current.under_review and submitted is not None:
            if now >= submitted + auto_approve_after:
                self.approve(submitted + auto_approve_after, provisioning_seconds)
            elif now >= submitted + auto_approve_after / 2:
                self.current.start_review(submitted + auto_approve_after / 2)
        return self.provisioning_due is not None and now >= self.provisioning_due

    def associate(self, association: Association) -> None:
        self.associations.append(association)

    def disassociate(self, resource_arn: str) -> None:
        """Forget a released identity; the last one gone closes a DISASSOCIATE_ALL_CLOSES_REGISTRATION type."""
        self.associations = [a for a in self.associations if a.resource_arn != resource_arn]
        if not self.associations and self.disassociation_behavior == CLOSES_REGISTRATION:
            self.closed = True

    # -- answers -------------------------------------------------------------------------------

    def to_information(self, status: str | None = None) -> dict[str, Any]:
        """DescribeRegistrations' entry (also DeleteRegistration's answer, with status DELETED)."""
        record: dict[str, Any] = {
            "RegistrationArn": self.arn,
            "RegistrationId": self.id,
            "RegistrationType": self.kind.name,
            "RegistrationStatus": status or self.status,
            "CurrentVersionNumber": self.current.number,
            "CreatedTimestamp": timestamp(self.created),
        }
        approved, denied = self._latest(APPROVED), self._latest(DENIED)
        if approved is not None:
            record["ApprovedVersionNumber"] = approved.number
        if denied is not None:
            record["LatestDeniedVersionNumber"] = denied.number
        return record

    def version_result(self, version: RegistrationVersion) -> dict[str, Any]:
        """Create/Submit/DiscardRegistrationVersion's answer."""
        return {
            "RegistrationArn": self.arn,
            "RegistrationId": self.id,
            "VersionNumber": version.number,
            "RegistrationVersionStatus": version.status,
            "RegistrationVersionStatusHistory": version.history_record(),
        }

    def association_result(self, association: Association) -> dict[str, Any]:
        return {**self.header(), "RegistrationType": self.kind.name, **association.to_record()}

    def header(self) -> dict[str, Any]:
        return {"RegistrationArn": self.arn, "RegistrationId": self.id}
