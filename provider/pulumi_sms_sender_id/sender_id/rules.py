"""The value rules of the inputs: every rule AWS enforces, as one function per input.

Each rule returns the value normalised or raises `Invalid` with a reason that names what is allowed,
so a CheckFailure tells the user how to fix the property. `schema` pairs each input with its rule;
`validation` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ..aws import countries, regions
from . import properties as p

SENDER_ID_PATTERN: Final = re.compile(r"[A-Za-z0-9-]{3,11}")
COUNTRY_PATTERN: Final = re.compile(r"[A-Za-z]{2}")
CLIENT_TOKEN_PATTERN: Final = re.compile(r"[!-~]{1,64}")
MAX_MESSAGE_TYPES: Final = 2
MAX_TAGS: Final = 200
MAX_TAG_KEY: Final = 128
MAX_TAG_VALUE: Final = 256
# The model's tag patterns (`.+`, `.*`) are Java regular expressions, whose `.` stops at line breaks.
LINE_BREAKS: Final = re.compile("[\n\r\u0085\u2028\u2029]")

# Countries where AWS offers no sender IDs at all (the API answers SENDER_ID_NOT_SUPPORTED). Others
# may require registration; that list changes, so the API decides and `errors` explains its answer.
UNSUPPORTED_COUNTRIES: Final = {
    "US": "the United States",
    "CA": "Canada",
    "CN": "China",
}


class Invalid(ValueError):
    """A property value that breaks a rule; its message is the reason shown to the user.

    The engine shows it after the property's name ("property tags ... has a problem: <reason>"), so a
    reason never repeats the name; it says what is expected, with an example.
    """


def got(value: Any) -> str:
    """What the program gave, in the program's words (the engine sends every number as a float)."""
    if isinstance(value, bool):
        return f"got {str(value).lower()}"
    if isinstance(value, float) and value.is_integer():
        return f"got the number {int(value)}"
    if isinstance(value, (int, float)):
        return f"got the number {value}"
    if isinstance(value, Mapping):
        return "got a map"
    if isinstance(value, (list, tuple)):
        return "got a list"
    return f"got {value!r}"


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


def optional_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise Invalid(f"must be true or false, {got(value)}")


def tags(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise Invalid(f'must be a map of tag keys to string values such as {{"team": "growth"}}, {got(value)}')
    if len(value) > MAX_TAGS:
        raise Invalid(f"has {len(value)} tags: AWS allows at most {MAX_TAGS} per sender ID")
    for key, item in value.items():
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_TAG_KEY:
            raise Invalid(f"tag key {key!r} must be 1-{MAX_TAG_KEY} characters")
        if LINE_BREAKS.search(key):
            raise Invalid(f"tag key {key!r} contains a line break, which AWS refuses")
        if key.lower().startswith("aws:"):
            raise Invalid(f"tag key {key!r} starts with 'aws:', which AWS reserves: choose another prefix")
        if p.is_unknown(item):
            continue
        if not isinstance(item, str):
            raise Invalid(f"value of tag {key!r} must be a string, {got(item)}: quote it")
        if LINE_BREAKS.search(item):
            raise Invalid(f"value of tag {key!r} contains a line break, which AWS refuses")
        if len(item) > MAX_TAG_VALUE:
            raise Invalid(f"value of tag {key!r} is {len(item)} characters: at most {MAX_TAG_VALUE} allowed")
    return dict(value)


def client_token(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not CLIENT_TOKEN_PATTERN.fullmatch(value):
        raise Invalid(f"must be 1-64 printable ASCII characters without spaces such as 'release-2026-11', {got(value)}")
    return value


def region(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not regions.is_well_formed(value):
        raise Invalid(f"must be an AWS region name such as 'eu-west-2', {got(value)}")
    return value
