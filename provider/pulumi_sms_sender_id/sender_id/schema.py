"""One row per property: what it accepts, what a change to it does, how its values compare.

Like a Terraform `Schema()` literal: a property's validation, its change rule and its doc line sit
side by side, and everything else is derived from this table: `validation` applies the rules, `diff`
the change and comparison rules, `outputs` the list of inputs. The field docstrings of `SenderIdArgs`
and `SenderId` and the README's inputs and outputs tables are checked against it by the tests.

"What does a tags-only change do?": read the `tags` row.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from . import properties as p
from . import rules


class OnChange(enum.Enum):
    """What the engine does when the program changes the input."""

    REPLACE = "replace"
    UPDATE = "update in place"
    NOTHING = "nothing"


class Omitted(enum.Enum):
    """What leaving the input out means."""

    #: Compared like any value (its canonical form): omitted tags are no tags.
    COMPARED = "compared as a value"
    #: Keep what AWS has: an omitted new value is never a change (protection is removed only by False,
    #: and a change of the stack's default region never moves an existing sender ID).
    KEEP_AWS = "keep what AWS has"
    #: Whatever AWS chose: omitted on either side never proves a change (state written without
    #: message types cannot prove one either).
    AWS_CHOOSES = "AWS's choice"


#: How a value compares: its canonical form, given the stack's default region.
Compare = Callable[[Any, str | None], Any]


def _upper(value: Any, _region: str | None) -> Any:
    return p.upper(value)


def _message_type_set(value: Any, _region: str | None) -> Any:
    return None if value is None else frozenset(p.as_message_types(value))


def _region_or_default(value: Any, default_region: str | None) -> Any:
    return value or default_region


def _tag_map(value: Any, _region: str | None) -> Any:
    return p.as_tags(value)


def _truth(value: Any, _region: str | None) -> Any:
    return bool(value)


def _not_compared(_value: Any, _region: str | None) -> Any:
    return None


@dataclass(frozen=True)
class Input:
    """An input of `SenderId` (echoed as an output of the same name)."""

    name: str
    on_change: OnChange
    rule: Callable[[Any], Any]
    compare: Compare
    doc: str
    required: bool = False
    omitted: Omitted = Omitted.COMPARED
    #: Part of which sender ID it is (with the other identity inputs): a replacement caused only by
    #: non-identity inputs must release the old one first, as AWS cannot hold two leases of one.
    identity: bool = False


@dataclass(frozen=True)
class Output:
    """An output only: what AWS reports about the sender ID."""

    name: str
    doc: str


INPUTS: Final = (
    Input(
        p.SENDER_ID,
        OnChange.REPLACE,
        rules.sender_id,
        _upper,
        "3-11 letters, digits or hyphens, at least one letter. AWS stores it upper-case. Replaces.",
        required=True,
        identity=True,
    ),
    Input(
        p.ISO_COUNTRY_CODE,
        OnChange.REPLACE,
        rules.iso_country_code,
        _upper,
        'Two-letter ISO 3166-1 country code, e.g. "GB". Replaces.',
        required=True,
        identity=True,
    ),
    Input(
        p.MESSAGE_TYPES,
        OnChange.REPLACE,
        rules.message_types,
        _message_type_set,
        "TRANSACTIONAL and/or PROMOTIONAL. Replaces (release first, then request). Omitted: AWS's choice.",
        omitted=Omitted.AWS_CHOOSES,
    ),
    Input(
        p.DELETION_PROTECTION_ENABLED,
        OnChange.UPDATE,
        rules.optional_bool,
        _truth,
        "Refuse releases while true. Updates in place. Omitted: keep what AWS has (false on create).",
        omitted=Omitted.KEEP_AWS,
    ),
    Input(
        p.TAGS,
        OnChange.UPDATE,
        rules.tags,
        _tag_map,
        "Up to 200 tags. Updates in place with the minimal tag/untag calls.",
    ),
    Input(
        p.CLIENT_TOKEN,
        OnChange.NOTHING,
        rules.client_token,
        _not_compared,
        "Idempotency token for the first RequestSenderId attempt. Changing it alone changes nothing.",
    ),
    Input(
        p.REGION,
        OnChange.REPLACE,
        rules.region,
        _region_or_default,
        "AWS region; defaults to stack config aws:region, then AWS_REGION. Replaces.",
        omitted=Omitted.KEEP_AWS,
        identity=True,
    ),
    Input(
        p.ADOPT_EXISTING,
        OnChange.NOTHING,
        rules.optional_bool,
        _not_compared,
        "Take over a sender ID the account already holds instead of failing. Changing it alone changes nothing.",
    ),
    Input(
        p.REGISTRATION_ID,
        OnChange.NOTHING,
        rules.registration_id,
        _not_compared,
        "The Registration that provisions it: taken over on approval, never leased. Changing it alone changes nothing.",
    ),
)

OUTPUTS: Final = (
    Output(p.SENDER_ID_ARN, "The ARN; also the resource's id."),
    Output(p.MONTHLY_LEASING_PRICE, 'Monthly price in USD, as AWS returns it (e.g. "1.00").'),
    Output(p.REGISTERED, "Whether the sender ID is registered."),
)

INPUT_NAMES: Final = tuple(row.name for row in INPUTS)
OUTPUT_ONLY_NAMES: Final = tuple(row.name for row in OUTPUTS)
#: Inputs whose change the engine must hear about (the others change nothing).
COMPARED: Final = tuple(row for row in INPUTS if row.on_change is not OnChange.NOTHING)
REPLACING: Final = tuple(row.name for row in INPUTS if row.on_change is OnChange.REPLACE)
IDENTITY: Final = tuple(row.name for row in INPUTS if row.identity)
REQUIRED: Final = tuple(row.name for row in INPUTS if row.required)
