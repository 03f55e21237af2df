"""The resource's wire names and the canonical form of their values (`as_...`).

Users' programs and their stored stack state depend on these names: never rename one.
Every module that reads or writes a property goes through these constants and normalisers,
so a value compared in `diff` has the same shape as the value written by `create` or `read`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, Final

from ..aws import tagging
from ..aws.input_rules import is_unknown as is_unknown


class MessageType(str, Enum):
    """The kinds of SMS a sender ID may carry; AWS fixes them when the sender ID is leased."""

    TRANSACTIONAL = "TRANSACTIONAL"
    PROMOTIONAL = "PROMOTIONAL"

    def __str__(self) -> str:
        return self.value


# Inputs (also echoed as outputs). What each one means and does: `schema`.
SENDER_ID: Final = "sender_id"
ISO_COUNTRY_CODE: Final = "iso_country_code"
MESSAGE_TYPES: Final = "message_types"
DELETION_PROTECTION_ENABLED: Final = "deletion_protection_enabled"
TAGS: Final = "tags"
CLIENT_TOKEN: Final = "client_token"
REGION: Final = "region"
ADOPT_EXISTING: Final = "adopt_existing"
#: An input, echoed as AWS reports it: the registration that provisions the sender ID.
REGISTRATION_ID: Final = "registration_id"

# Outputs only.
SENDER_ID_ARN: Final = "sender_id_arn"
MONTHLY_LEASING_PRICE: Final = "monthly_leasing_price"
REGISTERED: Final = "registered"


def contains_unknown(value: Any) -> bool:
    if is_unknown(value):
        return True
    if isinstance(value, Mapping):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(contains_unknown(v) for v in value)
    return False


def upper(value: Any) -> Any:
    """Upper-case a string (AWS stores sender IDs and country codes that way); leave others alone."""
    return value.upper() if isinstance(value, str) else value


def as_message_types(values: Iterable[Any]) -> list[str]:
    """Upper-case, de-duplicated and sorted: Describe answers "Transactional", Request "TRANSACTIONAL"."""
    return sorted({str(v.value if isinstance(v, MessageType) else v).upper() for v in values})


def as_tags(value: Mapping[str, Any] | None) -> dict[str, str]:
    """The tag map as stored: omitted means no tags, keys and values as strings."""
    return {} if value is None else {str(k): str(v) for k, v in value.items()}


tags_from_aws = tagging.from_aws
tags_to_aws = tagging.to_aws
