"""What AWS does to registrations on its side: uploads finish, reviewers decide, sender IDs get provisioned.

A mixin of `models.PinpointSMSVoiceV2Backend` (see `registration_store`). :meth:`advance` runs before
every operation (`clock.operation`); the reviewer's decisions are the test controls
(`registration_controls`), or automatic (``auto_approve_registrations``).

Approval provisions as AWS documents ASSOCIATE_ON_APPROVAL ("The sender ID will be automatically
provisioned once the registration is approved"): the registration is PROVISIONING for
``registration_provisioning_seconds`` (default 1 s), then the sender ID named by the approved
version's ``senderIdInfo.senderId`` exists in the type's country, Registered with this RegistrationId,
associated (ListRegistrationAssociations), and the registration is COMPLETE. Releasing the last
associated sender ID of a DISASSOCIATE_ALL_CLOSES_REGISTRATION type closes the registration.
Deviations: the sender ID appears at COMPLETE, not during PROVISIONING (undocumented); it gets
message types TRANSACTIONAL and PROMOTIONAL (one public observation of a registered Indian sender ID)
and no deletion protection; one that already exists is marked registered instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from . import clock
from .registration_catalogue import SENDER_ID_ASSOCIATION, SENDER_ID_FIELD
from .registration_store import RegistrationStore
from .registrations import Association, Registration
from .sender_id import NewSenderId, SenderId
from .state import STATE

PROVISIONED_MESSAGE_TYPES = ["TRANSACTIONAL", "PROMOTIONAL"]


class RegistrationReview(RegistrationStore):
    """The clock's effects, the reviewer's decisions, provisioning and closing."""

    def advance(self, now: float) -> None:
        """Make every change that has fallen due (see `clock`)."""
        config = STATE.current_config()
        for attachment in self.attachments.values():
            attachment.advance(now)
        for registration in self.registrations.values():
            auto_approve = config.auto_approve_registrations_after_seconds
            if registration.advance(now, auto_approve, config.registration_provisioning_seconds):
                self._provision(registration)

    def _provision(self, registration: Registration) -> None:
        association = registration.kind.sender_id_association or {}
        value = registration.current.values.get(SENDER_ID_FIELD)
        country = association.get("IsoCountryCode")
        if association.get("AssociationBehavior") == "ASSOCIATE_ON_APPROVAL" and value and value.text_value and country:
            sender = self._provisioned_sender(value.text_value.upper(), str(country))
            if all(a.resource_arn != sender.arn for a in registration.associations):
                registration.associate(
                    Association(sender.arn, sender.sender_id, sender.iso_country_code, SENDER_ID_ASSOCIATION)
                )
        for linked in registration.associations:
            held = self.sender_ids.get((linked.resource_id, linked.iso_country_code))
            if held is not None:
                held.registered, held.registration_id = True, registration.id
        registration.provisioning_due = None

    def _provisioned_sender(self, sender_id: str, country: str) -> SenderId:
        held = self.sender_ids.get((sender_id, country))
        if held is not None:
            return held
        return self._store(NewSenderId(sender_id, country, PROVISIONED_MESSAGE_TYPES, False, registered=True))

    def released(self, sender: SenderId) -> None:
        """A sender ID was released: it leaves its registrations, which may close."""
        for registration in self.registrations.values():
            if any(a.resource_arn == sender.arn for a in registration.associations):
                registration.disassociate(sender.arn)

    # -- the reviewer (test controls) --------------------------------------------------------------

    def _under_review(self, registration_id: str) -> Registration:
        registration = self.registrations[registration_id]
        if not registration.current.under_review:
            raise ValueError(
                f"registration {registration_id} is not under review: version {registration.current.number} "
                f"is {registration.current.status} (submit it first)"
            )
        return registration

    @clock.operation
    def start_registration_review(self, registration_id: str) -> dict[str, Any]:
        """A reviewer picks the submitted version up: REVIEWING."""
        registration = self._under_review(registration_id)
        registration.current.start_review(clock.now())
        return registration.to_information()

    @clock.operation
    def approve_registration(self, registration_id: str) -> dict[str, Any]:
        """APPROVED; PROVISIONING, then COMPLETE with the sender ID (at once if provisioning takes 0 s)."""
        registration = self._under_review(registration_id)
        now = clock.now()
        registration.approve(now, STATE.current_config().registration_provisioning_seconds)
        self.advance(now)
        return registration.to_information()

    @clock.operation
    def deny_registration(
        self,
        registration_id: str,
        reasons: Sequence[Mapping[str, str]],
        feedback: str | None,
        field_notes: Mapping[str, Mapping[str, str]],
    ) -> dict[str, Any]:
        """DENIED (REQUIRES_UPDATES), with DeniedReasons and per-field DeniedReason/Feedback."""
        registration = self._under_review(registration_id)
        unknown = sorted(path for path in field_notes if registration.kind.field(path) is None)
        if unknown:
            raise ValueError(f"field_feedback names fields {registration.kind.name} does not have: {unknown}")
        registration.current.deny(reasons, feedback, field_notes, clock.now())
        return registration.to_information()
