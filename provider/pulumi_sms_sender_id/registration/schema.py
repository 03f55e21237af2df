"""One row per property of `Registration`: what it accepts, what a change to it does, how values compare.

The same shape as the sender ID's `sender_id.schema` (whose `OnChange` and `Omitted` it shares): a
property's rule, change rule and doc line side by side; `validation`, `diff` and `outputs` are derived
from this table, and the tests check `RegistrationArgs`, `Registration` and docs/registration.md
against it. Every rule returns (the value normalised, the reasons it is wrong): a map input can be wrong
in several entries, each reported by its field path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from ..aws.input_rules import Invalid, optional_bool, region, tags
from ..sender_id.schema import Omitted, OnChange
from . import properties as p
from . import rules

Rule = Callable[[Any], tuple[Any, list[str]]]
#: How a value compares: its canonical form, given the stack's default region.
Compare = Callable[[Any, str | None], Any]


def _one(rule: Callable[[Any], Any]) -> Rule:
    """A rule of one value (raising `Invalid`) as a rule of many reasons."""

    def checked(value: Any) -> tuple[Any, list[str]]:
        try:
            return rule(value), []
        except Invalid as problem:
            return value, [str(problem)]

    return checked


def _many(rule: Rule) -> Rule:
    """A rule of a map's entries that may also refuse the whole value (not a map at all)."""

    def checked(value: Any) -> tuple[Any, list[str]]:
        try:
            return rule(value)
        except Invalid as problem:
            return value, [str(problem)]

    return checked


def _same(value: Any, _region: str | None) -> Any:
    return value


def _region_or_default(value: Any, default_region: str | None) -> Any:
    return value or default_region


def _not_compared(_value: Any, _region: str | None) -> Any:
    return None


@dataclass(frozen=True)
class Input:
    """An input of `Registration` (echoed as an output of the same name)."""

    name: str
    on_change: OnChange
    rule: Rule
    compare: Compare
    doc: str
    required: bool = False
    omitted: Omitted = Omitted.COMPARED


@dataclass(frozen=True)
class Output:
    """An output only: what AWS reports about the registration."""

    name: str
    doc: str


INPUTS: Final = (
    Input(
        p.REGISTRATION_TYPE,
        OnChange.REPLACE,
        _one(rules.registration_type),
        _same,
        'The registration type, e.g. "IN_SENDER_ID_REGISTRATION"; its form is the type\'s fields. Replaces.',
        required=True,
    ),
    Input(
        p.FIELDS,
        OnChange.UPDATE,
        _many(rules.fields),
        lambda value, _region: p.comparable_fields(value),
        "Field path -> text (a TEXT field) or list of choices (a SELECT field). Updates the registration.",
    ),
    Input(
        p.ATTACHMENTS,
        OnChange.UPDATE,
        _many(rules.attachments),
        lambda value, _region: p.as_attachments(value),
        "Field path -> a local file, s3://bucket/key or an attachment ARN (an ATTACHMENT field). Updates.",
    ),
    Input(
        p.TAGS,
        OnChange.UPDATE,
        _one(tags),
        lambda value, _region: {} if value is None else dict(value),
        "Up to 200 tags. Updates in place, even while AWS reviews the registration.",
    ),
    Input(
        p.SUBMIT,
        OnChange.UPDATE,
        _one(optional_bool),
        lambda value, _region: p.submits(value),
        "Submit the form for review (default true); false keeps it a draft. Updates.",
    ),
    Input(
        p.AWS_REVIEW,
        OnChange.UPDATE,
        _one(optional_bool),
        lambda value, _region: p.asks_aws_review(value),
        "Ask AWS to check the form before the review when submitting (default false). Updates.",
    ),
    Input(
        p.REGION,
        OnChange.REPLACE,
        _one(region),
        _region_or_default,
        "AWS region; defaults to stack config aws:region, then AWS_REGION. Replaces.",
        omitted=Omitted.KEEP_AWS,
    ),
    Input(
        p.REGISTRATION_ID,
        OnChange.NOTHING,
        _one(rules.registration_id),
        _not_compared,
        "An existing registration to manage instead of creating one (adopt writes it). Changing it changes nothing.",
    ),
)

OUTPUTS: Final = (
    Output(p.REGISTRATION_ARN, "The registration's ARN."),
    Output(p.REGISTRATION_STATUS, "CREATED, SUBMITTED, REVIEWING, COMPLETE, REQUIRES_UPDATES, ... (see Statuses)."),
    Output(p.VERSION_NUMBER, "The current version's number."),
    Output(p.VERSION_STATUS, "The current version's status: DRAFT, SUBMITTED, REVIEWING, APPROVED, DENIED, ..."),
    Output(p.VERSION_STATUS_SINCE, "When the current version reached its status (ISO 8601, UTC)."),
    Output(p.APPROVED_VERSION_NUMBER, "The approved version's number; None until AWS approves one."),
    Output(p.DENIED_REASONS, "Why AWS denied the latest version: a list of {reason, short_description, ...}."),
    Output(p.FIELD_FEEDBACK, "Field path -> AWS's denial reason or feedback for that field."),
    Output(p.SENDER_ID_ARN, "The sender ID AWS provisioned on approval; None until then."),
    Output(p.ATTACHMENT_IDS, "Field path -> the registration attachment ID its file was uploaded as."),
    Output(p.ATTACHMENT_DIGESTS, "Field path -> SHA-256 of the local file uploaded (a new file content updates)."),
    Output(p.CREATED_ATTACHMENT_IDS, "Attachments this resource uploaded; deleted with the registration."),
)

INPUT_NAMES: Final = tuple(row.name for row in INPUTS)
OUTPUT_ONLY_NAMES: Final = tuple(row.name for row in OUTPUTS)
COMPARED: Final = tuple(row for row in INPUTS if row.on_change is not OnChange.NOTHING)
REPLACING: Final = tuple(row.name for row in INPUTS if row.on_change is OnChange.REPLACE)
REQUIRED: Final = tuple(row.name for row in INPUTS if row.required)
#: The inputs that are the registration's form: a change needs an editable version.
FORM: Final = (p.FIELDS, p.ATTACHMENTS)
