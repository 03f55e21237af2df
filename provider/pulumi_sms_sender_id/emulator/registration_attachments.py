"""Registration attachments: a file (body or S3 URL) uploaded for a registration form's ATTACHMENT field.

An attachment is an account-level resource, linked to a form only through PutRegistrationFieldValue.
Its upload takes time on AWS, so CreateRegistrationAttachment always answers UPLOAD_IN_PROGRESS and
the attachment becomes UPLOAD_COMPLETE after the configured upload time (``attachment_upload_seconds``,
default 1 s): a client must poll DescribeRegistrationAttachments before using it, as AWS's own sample
does. The model documents "valid file extensions are PDF, JPEG and PNG" and a 5 MB maximum (the
AttachmentBody shape's cap, 6,990,508 bytes, is checked with the input in `validation`).

Deviations: a body's type is read from its first bytes (PDF, PNG or JPEG magic), a URL's from its
extension, otherwise ATTACHMENT_TYPE_NOT_SUPPORTED; S3 is never read (any ``s3://bucket/key`` URL of
the right extension uploads); Describe answers AttachmentUrl only for URL uploads; uploads never fail
(no UPLOAD_FAILED); the IDs are ``attachment-`` and 32 hex digits.
"""

from __future__ import annotations

import re
from typing import Any, Final

from moto.core.common_models import BaseModel

from .clock import timestamp
from .exceptions import ConflictException, ValidationException

ATTACHMENT_RESOURCE_TYPE: Final = "registration-attachment"
IN_PROGRESS: Final = "UPLOAD_IN_PROGRESS"
COMPLETE: Final = "UPLOAD_COMPLETE"
DELETED: Final = "DELETED"
#: The first bytes of a PDF, a PNG and a JPEG file.
_MAGIC: Final = (b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_EXTENSIONS: Final = (".pdf", ".png", ".jpg", ".jpeg")
_S3_URL: Final = re.compile(r"s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S+")


def check_file(body: bytes | None, url: str | None) -> None:
    """A PDF, PNG or JPEG file, given as a body or as an ``s3://bucket/key`` URL."""
    if url is not None and not _S3_URL.fullmatch(url):
        raise ValidationException(
            f"AttachmentUrl {url!r} is not an S3 URL of the form s3://BucketName/FileName.",
            reason="INVALID_PARAMETER",
            fields=[("AttachmentUrl", "Must be s3://BucketName/FileName")],
        )
    if url is not None:
        supported = url.lower().endswith(_EXTENSIONS)
    else:
        supported = body is not None and body.startswith(_MAGIC)
    if not supported:
        parameter = "AttachmentUrl" if url is not None else "AttachmentBody"
        raise ValidationException(
            "The attachment must be a PDF, JPEG or PNG file.",
            reason="ATTACHMENT_TYPE_NOT_SUPPORTED",
            fields=[(parameter, "Supported file types: PDF, JPEG, PNG")],
        )


class RegistrationAttachment(BaseModel):
    """One uploaded file."""

    def __init__(
        self, *, arn: str, attachment_id: str, at: float, upload_seconds: float, url: str | None, sequence: int
    ) -> None:
        self.arn = arn
        self.id = attachment_id
        self.created = at
        self.sequence = sequence
        self.url = url
        self.status = IN_PROGRESS
        self.uploaded_at = at + upload_seconds

    def advance(self, now: float) -> None:
        if self.status == IN_PROGRESS and now >= self.uploaded_at:
            self.status = COMPLETE

    def problem(self) -> str | None:
        """Why a form cannot use this attachment now (None: it can)."""
        return None if self.status == COMPLETE else f"Attachment {self.id} is {self.status}"

    def check_usable(self) -> None:
        """PutRegistrationFieldValue takes only uploaded attachments: ConflictException RESOURCE_NOT_ACTIVE."""
        problem = self.problem()
        if problem:
            raise ConflictException(
                f"{problem}; wait for UPLOAD_COMPLETE (DescribeRegistrationAttachments).",
                reason="RESOURCE_NOT_ACTIVE",
                resource_id=self.id,
                resource_type=ATTACHMENT_RESOURCE_TYPE,
            )

    def check_deletable(self, used_by: list[str]) -> None:
        """Not while a registration under review uses it: ConflictException RESOURCE_DELETION_NOT_ALLOWED."""
        if used_by:
            raise ConflictException(
                f"Attachment {self.id} is part of registrations under review: {', '.join(used_by)}.",
                reason="RESOURCE_DELETION_NOT_ALLOWED",
                resource_id=self.id,
                resource_type=ATTACHMENT_RESOURCE_TYPE,
            )

    def to_record(self, status: str | None = None) -> dict[str, Any]:
        """DescribeRegistrationAttachments' entry (and DeleteRegistrationAttachment's, status DELETED)."""
        record: dict[str, Any] = {
            "RegistrationAttachmentArn": self.arn,
            "RegistrationAttachmentId": self.id,
            "AttachmentStatus": status or self.status,
            "CreatedTimestamp": timestamp(self.created),
        }
        if self.url is not None and status is None:
            record["AttachmentUrl"] = self.url
        return record

    def to_create_result(self, tags: list[dict[str, str]]) -> dict[str, Any]:
        record = self.to_record()
        record.pop("AttachmentUrl", None)
        if tags:
            record["Tags"] = tags
        return record
