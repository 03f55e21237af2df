"""The `Registration` resource's wire names and the canonical form of their values.

Users' programs and their stack state depend on these names: never rename one. What each one means and
does: `schema`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..sender_id.properties import as_tags as as_tags  # tags are the same on every resource

# Inputs (also echoed as outputs).
REGISTRATION_TYPE: Final = "registration_type"
FIELDS: Final = "fields"
ATTACHMENTS: Final = "attachments"
TAGS: Final = "tags"
SUBMIT: Final = "submit"
AWS_REVIEW: Final = "aws_review"
REGION: Final = "region"
#: An input too: an existing registration to manage instead of creating one (what `adopt` writes).
REGISTRATION_ID: Final = "registration_id"

# Outputs only.
REGISTRATION_ARN: Final = "registration_arn"
REGISTRATION_STATUS: Final = "registration_status"
VERSION_NUMBER: Final = "version_number"
VERSION_STATUS: Final = "version_status"
VERSION_STATUS_SINCE: Final = "version_status_since"
APPROVED_VERSION_NUMBER: Final = "approved_version_number"
DENIED_REASONS: Final = "denied_reasons"
FIELD_FEEDBACK: Final = "field_feedback"
SENDER_ID_ARN: Final = "sender_id_arn"
ATTACHMENT_IDS: Final = "attachment_ids"
ATTACHMENT_DIGESTS: Final = "attachment_digests"
CREATED_ATTACHMENT_IDS: Final = "created_attachment_ids"

#: A field's value as the program gives it: text for a TEXT field, choices for a SELECT field.
FieldValue = str | list[str]


def as_fields(value: Mapping[str, Any] | None) -> dict[str, FieldValue]:
    """The field map as stored: omitted means no fields; a SELECT field's choices as a list."""
    return {} if value is None else {str(k): (list(v) if isinstance(v, (list, tuple)) else v) for k, v in value.items()}


def comparable_fields(value: Mapping[str, Any] | None) -> dict[str, Any]:
    """The field map as `diff` compares it: choices are a set (their order means nothing to AWS)."""
    return {k: (tuple(sorted(v)) if isinstance(v, list) else v) for k, v in as_fields(value).items()}


def as_attachments(value: Mapping[str, Any] | None) -> dict[str, str]:
    return {} if value is None else {str(k): str(v) for k, v in value.items()}


def entry(input_name: str, path: object) -> str:
    """How messages name one entry of a map input: `fields["companyInfo.companyName"]`."""
    return f'{input_name}["{path}"]'


def submits(value: Any) -> bool:
    """`submit`: omitted means submit."""
    return value is not False


def asks_aws_review(value: Any) -> bool:
    """`aws_review`: omitted means no AWS pre-review."""
    return value is True
