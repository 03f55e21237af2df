"""What the backend keeps for registrations, and the lookups its registration mixins share.

`models.PinpointSMSVoiceV2Backend` is composed, as moto composes its large backends (EC2), of the
sender-ID operations and four registration mixins, each of one concern: `registrations_backend`
(registrations, versions, associations), `registration_forms_backend` (definitions and field values),
`registration_attachments_backend` (attachments) and `registration_review` (what AWS does on its side:
uploads finishing, the review, provisioning). This base holds their state and lookups.
"""

from __future__ import annotations

import secrets
from collections import deque
from typing import TYPE_CHECKING

from moto.utilities.tagging_service import TaggingService

from . import quirks
from .arns import Home, resource_id
from .client_tokens import ClientTokens
from .exceptions import ResourceNotFoundException, ValidationException
from .registration_attachments import ATTACHMENT_RESOURCE_TYPE, RegistrationAttachment
from .registration_catalogue import RegistrationType
from .registration_versions import UNDER_REVIEW
from .registrations import REGISTRATION_RESOURCE_TYPE, Registration
from .state import STATE

if TYPE_CHECKING:
    from .sender_id import NewSenderId, SenderId

DAY_SECONDS = 24 * 60 * 60


class RegistrationStore:
    """Registrations and attachments of one account in one region (a mixin of the backend)."""

    home: Home
    region_name: str
    tagger: TaggingService
    sequence: int
    sender_ids: dict[tuple[str, str], SenderId]

    if TYPE_CHECKING:

        def _store(self, new: NewSenderId) -> SenderId: ...

    def _init_registrations(self) -> None:
        self.registrations: dict[str, Registration] = {}
        self.attachments: dict[str, RegistrationAttachment] = {}
        self.registration_tokens = ClientTokens()
        self.attachment_tokens = ClientTokens()
        #: Quota reason -> when each counted creation happened (for the per-day quotas).
        self.created_at: dict[str, deque[float]] = {}

    def _next_sequence(self) -> int:
        self.sequence += 1
        return self.sequence

    @staticmethod
    def _new_id(prefix: str) -> str:
        """Deviation: AWS's ID format is undocumented; ``registration-``/``attachment-`` and 32 hex digits."""
        return f"{prefix}-{secrets.token_hex(16)}"

    def _registration(self, id_or_arn: str, parameter: str = "RegistrationId") -> Registration:
        registration_id = resource_id(self.home, id_or_arn, REGISTRATION_RESOURCE_TYPE, parameter)
        found = self.registrations.get(registration_id)
        if found is None:
            raise ResourceNotFoundException(
                registration_id,
                resource_type=REGISTRATION_RESOURCE_TYPE,
                message=f"Registration {registration_id} does not exist in this account and region.",
            )
        return found

    def _attachment(self, id_or_arn: str, parameter: str = "RegistrationAttachmentId") -> RegistrationAttachment:
        attachment_id = resource_id(self.home, id_or_arn, ATTACHMENT_RESOURCE_TYPE, parameter)
        found = self.attachments.get(attachment_id)
        if found is None:
            raise ResourceNotFoundException(
                attachment_id,
                resource_type=ATTACHMENT_RESOURCE_TYPE,
                message=f"Registration attachment {attachment_id} does not exist in this account and region.",
            )
        return found

    @staticmethod
    def _registration_type(name: str, parameter: str = "RegistrationType") -> RegistrationType:
        """The catalogue's type of that name; an unknown one is ValidationException UNKNOWN_REGISTRATION_TYPE."""
        catalogue = STATE.current_config().catalogue()
        kind = catalogue.get(name)
        if kind is None:
            raise ValidationException(
                f"Unknown registration type {name}; DescribeRegistrationTypeDefinitions lists "
                f"{', '.join(sorted(k.name for k in catalogue))}.",
                reason="UNKNOWN_REGISTRATION_TYPE",
                fields=[(parameter, "Unknown registration type")],
            )
        return kind

    def _check_quota(self, reason: str, count: int) -> None:
        quirks.check_registration_quota(STATE.current_config(), reason, count, self.region_name)

    def _check_daily_quota(self, reason: str, now: float) -> None:
        """A creation counted against a per-day quota: refused beyond it, else remembered."""
        log = self.created_at.setdefault(reason, deque())
        while log and log[0] <= now - DAY_SECONDS:
            log.popleft()
        self._check_quota(reason, len(log))
        log.append(now)

    def _tags_of(self, arn: str) -> list[dict[str, str]]:
        tags: list[dict[str, str]] = self.tagger.list_tags_for_resource(arn)["Tags"]
        return tags

    def registrations_using(self, attachment_id: str) -> list[str]:
        """The registrations under review whose current version uses an attachment."""
        return [
            r.id
            for r in self.registrations.values()
            if r.current.status in UNDER_REVIEW
            and any(v.attachment_id == attachment_id for v in r.current.values.values())
        ]
