"""The backend's attachment operations: Create, Describe and DeleteRegistrationAttachment.

A mixin of `models.PinpointSMSVoiceV2Backend` (see `registration_store`); the file rules and the
upload's timing are `registration_attachments`'. Deviation: attachments are listed in creation order.
"""

from __future__ import annotations

import hashlib
from typing import Any

from . import clock
from .client_tokens import fingerprint
from .exceptions import SmsVoiceError
from .listing import matching, page_of
from .registration_attachments import ATTACHMENT_RESOURCE_TYPE, RegistrationAttachment, check_file
from .registration_store import RegistrationStore
from .state import STATE
from .validation import enum_values

_ATTACHMENT_STATUSES = enum_values("AttachmentStatus")


class RegistrationAttachmentsBackend(RegistrationStore):
    """CreateRegistrationAttachment, DescribeRegistrationAttachments, DeleteRegistrationAttachment."""

    @clock.operation
    def create_registration_attachment(
        self,
        *,
        attachment_body: bytes | None,
        attachment_url: str | None,
        tags: list[dict[str, str]] | None,
        client_token: str | None,
    ) -> dict[str, Any]:
        """An attachment UPLOAD_IN_PROGRESS; a reused ClientToken replays its first answer."""
        body_digest = hashlib.sha256(attachment_body).hexdigest() if attachment_body is not None else None
        pinned_to = fingerprint(body_digest, attachment_url, tags)
        replayed = self.attachment_tokens.replay(client_token, pinned_to)
        if replayed is not None:
            return replayed
        try:
            result = self._create_attachment(attachment_body, attachment_url, tags or [])
        except SmsVoiceError as error:
            self.attachment_tokens.remember(client_token, pinned_to, error=error)
            raise
        self.attachment_tokens.remember(client_token, pinned_to, result=result)
        return result

    def _create_attachment(self, body: bytes | None, url: str | None, tags: list[dict[str, str]]) -> dict[str, Any]:
        check_file(body, url)
        self._check_quota("REGISTRATION_ATTACHMENTS_PER_ACCOUNT", len(self.attachments))
        now = clock.now()
        self._check_daily_quota("REGISTRATION_ATTACHMENTS_CREATED_PER_DAY", now)
        attachment_id = self._new_id("attachment")
        attachment = RegistrationAttachment(
            arn=self.home.arn(ATTACHMENT_RESOURCE_TYPE, attachment_id),
            attachment_id=attachment_id,
            at=now,
            upload_seconds=STATE.current_config().attachment_upload_seconds,
            url=url,
            sequence=self._next_sequence(),
        )
        self.attachments[attachment_id] = attachment
        if tags:
            self.tagger.tag_resource(attachment.arn, tags)
        return attachment.to_create_result([dict(tag) for tag in tags])

    @clock.operation
    def describe_registration_attachments(
        self,
        *,
        registration_attachment_ids: list[str] | None,
        filters: list[dict[str, Any]] | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of attachments (by ID: in request order); every ID given must exist."""
        if registration_attachment_ids:
            chosen = {
                a.id: a for a in (self._attachment(i, "RegistrationAttachmentIds") for i in registration_attachment_ids)
            }
            selected = list(enumerate(chosen.values()))
        else:
            selected = [(a.sequence, a) for a in self.attachments.values()]
        selected = matching(
            selected, filters, {"attachment-status": lambda a: [a.status]}, {"attachment-status": _ATTACHMENT_STATUSES}
        )
        page, token = page_of(selected, [registration_attachment_ids, filters], max_results, next_token)
        return [a.to_record() for a in page], token

    @clock.operation
    def delete_registration_attachment(self, *, registration_attachment_id: str) -> dict[str, Any]:
        """Delete, answered with status DELETED; refused while a registration under review uses it."""
        attachment = self._attachment(registration_attachment_id)
        attachment.check_deletable(self.registrations_using(attachment.id))
        del self.attachments[attachment.id]
        self.tagger.delete_all_tags_for_resource(attachment.arn)
        return attachment.to_record(status="DELETED")
