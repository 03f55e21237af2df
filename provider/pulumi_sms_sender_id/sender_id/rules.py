"""The value rules of the inputs: every rule AWS enforces, as one function per input.

Each rule returns the value normalised or raises `Invalid` with a reason that names what is allowed,
so a CheckFailure tells the user how to fix the property. `schema` pairs each input with its rule;
`validation` applies them.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ..aws import countries
from ..aws.input_rules import Invalid as Invalid
from ..aws.input_rules import got as got
from ..aws.input_rules import optional_bool as optional_bool
from ..aws.input_rules import region as region
from ..aws.input_rules import registration_id as registration_id
from ..aws.input_rules import tags as tags
from . import properties as p

SENDER_ID_PATTERN: Final = re.compile(r"[A-Za-z0-9-]{3,11}")
COUNTRY_PATTERN: Final = re.compile(r"[A-Za-z]{2}")
CLIENT_TOKEN_PATTERN: Final = re.compile(r"[!-~]{1,64}")
MAX_MESSAGE_TYPES: Final = 2

# Countries where AWS offers no sender IDs at all (the API answers SENDER_ID_NOT_SUPPORTED). Others
# may require registration; that list changes, so the API decides and `errors` explains its answer.
UNSUPPORTED_COUNTRIES: Final = {
    "US": "the United States",
    "CA": "Canada",
    "CN": "China",
}


def sender_id(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f'must be a string such as "ACME", {got(value)}: quote it')
    if not SENDER_ID_PATTERN.fullmatch(value):
        raise Invalid(f"{value!r} is not a valid sender ID: use 3-11 characters of letters A-Z, digits and hyphens")
    if not any(c.isalpha() for c in value):
        raise Invalid(f"{value!r} is numeric only: a sender ID needs at least one letter")
    if value.startswith("-") or value.endswith("-"):
        raise Invalid(f"{value!r} starts or ends with a hyphen: move the hyphen inside the sender ID")
    return value.upper()


def iso_country_code(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f'must be a two-letter ISO 3166-1 alpha-2 country code such as "GB" or "DE", {got(value)}')
    if not COUNTRY_PATTERN.fullmatch(value):
        raise Invalid(f"{value!r} is not a two-letter ISO 3166-1 alpha-2 country code such as 'GB' or 'DE'")
    code = value.upper()
    if not countries.is_iso_country(code):
        meant = countries.suggestion(code)
        hint = f"did you mean {meant!r}?" if meant else "use an assigned code such as 'GB' or 'DE'"
        raise Invalid(f"{value!r} is not an ISO 3166-1 alpha-2 country code: {hint}")
    if code in UNSUPPORTED_COUNTRIES:
        raise Invalid(
            f"AWS does not support sender IDs in {UNSUPPORTED_COUNTRIES[code]} ({code}): "
            "messages there are sent from phone numbers (long codes, toll-free or short codes) instead"
        )
    return code


def message_types(value: Any) -> list[Any] | None:
    if value is None:
        return None
    if not isinstance(value, (list, tuple)):
        raise Invalid(f"must be a list such as ['TRANSACTIONAL'] or ['TRANSACTIONAL', 'PROMOTIONAL'], {got(value)}")
    allowed = {t.value for t in p.MessageType}
    for item in value:
        if p.is_unknown(item):
            continue
        text = item.value if isinstance(item, p.MessageType) else item
        if not isinstance(text, str) or text.upper() not in allowed:
            raise Invalid(f"{item!r} is not a message type: use TRANSACTIONAL or PROMOTIONAL")
    if p.contains_unknown(value):
        return list(value)
    normalised = p.as_message_types(value)
    if len(normalised) > MAX_MESSAGE_TYPES:
        raise Invalid("lists more than 2 message types: use TRANSACTIONAL, PROMOTIONAL or both")
    # An empty list asks for nothing in particular, exactly like leaving the property out.
    return normalised or None


def client_token(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not CLIENT_TOKEN_PATTERN.fullmatch(value):
        raise Invalid(f"must be 1-64 printable ASCII characters without spaces such as 'release-2026-11', {got(value)}")
    return value
