"""Errors of the pinpoint-sms-voice-v2 API, shaped exactly like the botocore model.

Each class's ``code`` is the model's error shape name; the snake_case attributes (``reason``,
``resource_type``, ``resource_id``, ``fields``, ``request_id``) are what moto's serializer picks up
to write the modeled members (``Reason``, ``ResourceType``, ...) into the JSON error body, so that
boto3 exposes them at the top level of ``ClientError.response``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from moto.core.exceptions import ServiceException

SENDER_ID_RESOURCE_TYPE = "sender-id"


class SmsVoiceError(ServiceException):
    """Base of every modeled error; lets callers catch (and cache) service answers as one type."""

    #: HTTP status the error is sent with. The model declares none, so moto defaults to 400;
    #: faults (``"fault": true`` in the model) are sent as 500 like the real service does.
    http_status = 400


class ValidationException(SmsVoiceError):
    code = "ValidationException"

    def __init__(
        self,
        message: str,
        reason: str = "FIELD_VALIDATION_FAILED",
        fields: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message)
        self.reason = reason
        if fields:  # an absent attribute leaves the optional Fields member out of the body
            self.fields = [{"Name": name, "Message": msg} for name, msg in fields]


class ConflictException(SmsVoiceError):
    code = "ConflictException"

    def __init__(
        self,
        message: str,
        reason: str,
        resource_id: str,
        resource_type: str = SENDER_ID_RESOURCE_TYPE,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.resource_type = resource_type
        self.resource_id = resource_id


class ResourceNotFoundException(SmsVoiceError):
    code = "ResourceNotFoundException"

    def __init__(
        self,
        resource_id: str,
        resource_type: str = SENDER_ID_RESOURCE_TYPE,
        message: str | None = None,
    ) -> None:
        super().__init__(message or f"The {resource_type} {resource_id!r} does not exist.")
        self.resource_type = resource_type
        self.resource_id = resource_id


class ServiceQuotaExceededException(SmsVoiceError):
    code = "ServiceQuotaExceededException"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class AccessDeniedException(SmsVoiceError):
    code = "AccessDeniedException"

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class ThrottlingException(SmsVoiceError):
    code = "ThrottlingException"

    def __init__(self, message: str = "Rate exceeded") -> None:
        super().__init__(message)


class InternalServerException(SmsVoiceError):
    code = "InternalServerException"
    http_status = 500

    def __init__(self, message: str = "Internal server error", request_id: str | None = None) -> None:
        super().__init__(message)
        self.request_id = request_id or str(uuid.uuid4())
