"""The backend's registration operations: registrations, their versions, and their associations.

A mixin of `models.PinpointSMSVoiceV2Backend` (see `registration_store`). Each method is one API
operation; the rules are the model's (`registrations.Registration`), the quotas `quirks`'.
"""

from __future__ import annotations

from typing import Any

from . import clock
from .arns import sender_key
from .client_tokens import fingerprint
from .exceptions import ResourceNotFoundException, SmsVoiceError
from .listing import matching, page_of
from .registration_catalogue import SENDER_ID_ASSOCIATION
from .registration_fields import check_complete
from .registration_store import RegistrationStore
from .registrations import REGISTRATION_RESOURCE_TYPE, Association, Registration
from .state import STATE
from .validation import enum_values

#: The model's RegistrationStatus and RegistrationVersionStatus enums, for the status filters.
_REGISTRATION_STATUSES = enum_values("RegistrationStatus")
_VERSION_STATUSES = enum_values("RegistrationVersionStatus")


class RegistrationsBackend(RegistrationStore):
    """CreateRegistration ... ListRegistrationAssociations."""

    @clock.operation
    def create_registration(
        self, *, registration_type: str, tags: list[dict[str, str]] | None, client_token: str | None
    ) -> dict[str, Any]:
        """A CREATED registration with a DRAFT version 1; a reused ClientToken replays its first answer."""
        pinned_to = fingerprint(registration_type, tags)
        replayed = self.registration_tokens.replay(client_token, pinned_to)
        if replayed is not None:
            return replayed
        try:
            result = self._create_registration(registration_type, tags or [])
        except SmsVoiceError as error:
            self.registration_tokens.remember(client_token, pinned_to, error=error)
            raise
        self.registration_tokens.remember(client_token, pinned_to, result=result)
        return result

    def _create_registration(self, registration_type: str, tags: list[dict[str, str]]) -> dict[str, Any]:
        kind = self._registration_type(registration_type)
        self._check_quota("REGISTRATIONS_PER_ACCOUNT", len(self.registrations))
        registration_id = self._new_id("registration")
        registration = Registration(
            arn=self.home.arn(REGISTRATION_RESOURCE_TYPE, registration_id),
            registration_id=registration_id,
            kind=kind,
            at=clock.now(),
            sequence=self._next_sequence(),
        )
        self.registrations[registration_id] = registration
        if tags:
            self.tagger.tag_resource(registration.arn, tags)
        record = registration.to_information()
        if tags:
            record["Tags"] = [dict(tag) for tag in tags]
        return record

    @clock.operation
    def describe_registrations(
        self,
        *,
        registration_ids: list[str] | None,
        filters: list[dict[str, Any]] | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page, in creation order (RegistrationIds: in request order); every ID given must exist."""
        if registration_ids:
            chosen = {r.id: r for r in (self._registration(i, "RegistrationIds") for i in registration_ids)}
            selected = list(enumerate(chosen.values()))
        else:
            selected = [(r.sequence, r) for r in self.registrations.values()]
        selected = matching(
            selected,
            filters,
            {"registration-type": lambda r: [r.kind.name], "registration-status": lambda r: [r.status]},
            {"registration-status": _REGISTRATION_STATUSES},
        )
        page, token = page_of(selected, [registration_ids, filters], max_results, next_token)
        return [r.to_information() for r in page], token

    @clock.operation
    def delete_registration(self, *, registration_id: str) -> dict[str, Any]:
        """Permanently delete; answered with status DELETED. Deviation: the refusals are the model's guesses."""
        registration = self._registration(registration_id)
        registration.check_deletable()
        for association in registration.associations:  # DELETE_REGISTRATION_DISASSOCIATES
            sender = self.sender_ids.get(sender_key(self.home, association.resource_arn, association.iso_country_code))
            if sender is not None:
                sender.registered, sender.registration_id = False, None
        del self.registrations[registration.id]
        self.tagger.delete_all_tags_for_resource(registration.arn)
        return registration.to_information(status="DELETED")

    @clock.operation
    def create_registration_version(self, *, registration_id: str) -> dict[str, Any]:
        """A new DRAFT; the previous version becomes read-only.

        Deviation: whether AWS pre-fills it with the previous values is undocumented; the emulator
        does unless configured otherwise (``new_version_copies_values``).
        """
        registration = self._registration(registration_id)
        registration.check_new_version()
        now = clock.now()
        self._check_daily_quota("REGISTRATION_VERSIONS_CREATED_PER_DAY", now)
        config = STATE.current_config()
        return registration.version_result(registration.new_version(now, config.new_version_copies_values))

    @clock.operation
    def submit_registration_version(self, *, registration_id: str, aws_review: bool | None) -> dict[str, Any]:
        """Submit the current version once its form is complete (required and conditional fields)."""
        registration = self._registration(registration_id)
        registration.check_submittable(STATE.current_config().denied_version_editable)
        version = registration.current
        check_complete(registration.kind, version.values, self._attachment_problem)
        version.submit(bool(aws_review), clock.now())
        return {**registration.version_result(version), "AwsReview": version.aws_review}

    def _attachment_problem(self, attachment_id: str) -> str | None:
        attachment = self.attachments.get(attachment_id)
        return attachment.problem() if attachment is not None else f"Attachment {attachment_id} was deleted"

    @clock.operation
    def discard_registration_version(self, *, registration_id: str) -> dict[str, Any]:
        """Discard the SUBMITTED current version (the only state the User Guide allows)."""
        registration = self._registration(registration_id)
        registration.check_discardable()
        registration.current.discard(clock.now())
        return registration.version_result(registration.current)

    @clock.operation
    def describe_registration_versions(
        self,
        *,
        registration_id: str,
        version_numbers: list[int] | None,
        filters: list[dict[str, Any]] | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[dict[str, Any], list[dict[str, Any]], str | None]:
        """The header, one page of versions (ascending numbers) and the next token."""
        registration = self._registration(registration_id)
        if version_numbers:
            chosen = [registration.version(n) for n in dict.fromkeys(version_numbers)]
        else:
            chosen = list(registration.versions)
        selected = matching(
            [(v.number, v) for v in chosen],
            filters,
            {"registration-version-status": lambda v: [v.status]},
            {"registration-version-status": _VERSION_STATUSES},
        )
        page, token = page_of(selected, [registration.id, version_numbers, filters], max_results, next_token)
        return registration.header(), [v.to_record() for v in page], token

    @clock.operation
    def create_registration_association(self, *, registration_id: str, resource_id: str) -> dict[str, Any]:
        """Associate a sender ID (its ARN) with a type that takes associations.

        Deviations: only sender IDs are modelled (a phone number is never found); a bare sender ID
        is looked up in the type's country.
        """
        registration = self._registration(registration_id)
        association = registration.kind.sender_id_association or {}
        country = str(association.get("IsoCountryCode") or "")
        if resource_id.startswith("arn:") and "/" in resource_id:
            country = resource_id.rsplit("/", 1)[1]
        sender = self.sender_ids.get(sender_key(self.home, resource_id, country)) if country else None
        if sender is None:
            raise ResourceNotFoundException(resource_id, message=f"Origination identity {resource_id} does not exist.")
        registration.check_associable(association.get("AssociationBehavior"), sender.sender_id)
        self._check_quota("ASSOCIATIONS_PER_REGISTRATION", len(registration.associations))
        linked = Association(sender.arn, sender.sender_id, sender.iso_country_code, SENDER_ID_ASSOCIATION)
        registration.associate(linked)
        if registration.status == "COMPLETE":
            sender.registered, sender.registration_id = True, registration.id
        return registration.association_result(linked)

    @clock.operation
    def list_registration_associations(
        self,
        *,
        registration_id: str,
        filters: list[dict[str, Any]] | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[dict[str, Any], list[dict[str, Any]], str | None]:
        """The header and one page of associated identities, in association order."""
        registration = self._registration(registration_id)
        selected = matching(
            list(enumerate(registration.associations)),
            filters,
            {"resource-type": lambda a: [a.resource_type], "iso-country-code": lambda a: [a.iso_country_code]},
        )
        page, token = page_of(selected, [registration.id, filters], max_results, next_token)
        header = {**registration.header(), "RegistrationType": registration.kind.name}
        return header, [a.to_record() for a in page], token
