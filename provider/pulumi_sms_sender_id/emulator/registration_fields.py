"""Field values of a registration form, checked against the type's field definitions as AWS checks them.

Two moments, as on AWS: PutRegistrationFieldValue checks the one value it stores (the field exists,
the value has the field's kind, its length, pattern and choices), and SubmitRegistrationVersion
checks the whole form (every required and conditionally required field is there, no disallowed one
is, conditional validation holds). Both answer ValidationException ``FIELD_VALIDATION_FAILED`` with
each field path in ``Fields``; an unknown field is ``UNKNOWN_REGISTRATION_FIELD``.

Conditional requirements follow the model's documentation: rules top to bottom, the first whose
conditions all hold wins (its RuleBehavior, REQUIRED / OPTIONAL / DISALLOWED, and its
ConditionalValidation), else DefaultBehavior; an unknown operator never holds.
Deviations (AWS's exact semantics are undocumented): a field's value for a condition is its choices,
its text or its attachment ID; EQUALS means the same set of values, IN means any value among
Values, NOT_EQUALS and NOT_IN are their negations (so an empty field is NOT_EQUALS anything);
a pattern Python's ``re`` cannot compile (Java-only syntax such as ``\\p{L}``) is not checked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .exceptions import ValidationException
from .registration_catalogue import FieldDefinition, RegistrationType

#: The kind of value each field type takes, by PutRegistrationFieldValue's parameter name.
VALUE_PARAMETER = {"TEXT": "TextValue", "SELECT": "SelectChoices", "ATTACHMENT": "RegistrationAttachmentId"}


@dataclass
class FieldValue:
    """What one field of one version holds, and what a reviewer said about it."""

    select_choices: list[str] | None = None
    text_value: str | None = None
    attachment_id: str | None = None
    denied_reason: str | None = None
    feedback: str | None = None

    @property
    def is_set(self) -> bool:
        return self.select_choices is not None or self.text_value is not None or self.attachment_id is not None

    def items(self) -> list[str]:
        """The value as conditions compare it: the choices, or the one text or attachment ID."""
        if self.select_choices is not None:
            return list(self.select_choices)
        return [v for v in (self.text_value, self.attachment_id) if v is not None]

    def to_value(self) -> dict[str, Any]:
        """The stored value, as Put/DeleteRegistrationFieldValue echo it."""
        record: dict[str, Any] = {}
        if self.select_choices is not None:
            record["SelectChoices"] = list(self.select_choices)
        if self.text_value is not None:
            record["TextValue"] = self.text_value
        if self.attachment_id is not None:
            record["RegistrationAttachmentId"] = self.attachment_id
        return record

    def to_record(self, path: str) -> dict[str, Any]:
        """DescribeRegistrationFieldValues' entry, with the reviewer's DeniedReason and Feedback."""
        record = {"FieldPath": path, **self.to_value()}
        if self.denied_reason is not None:
            record["DeniedReason"] = self.denied_reason
        if self.feedback is not None:
            record["Feedback"] = self.feedback
        return record


def check_put(kind: RegistrationType, path: str, value: FieldValue) -> FieldDefinition:
    """PutRegistrationFieldValue's check of one value; returns the field's definition."""
    definition = kind.field(path)
    if definition is None:
        raise ValidationException(
            f"Field {path} is not a field of registration type {kind.name}.",
            reason="UNKNOWN_REGISTRATION_FIELD",
            fields=[(path, f"Unknown field for {kind.name}")],
        )
    given = [name for name, v in _parameters(value).items() if v is not None]
    if not given:
        raise ValidationException(
            "One of SelectChoices, TextValue or RegistrationAttachmentId is required.",
            reason="MISSING_PARAMETER",
            fields=[(path, f"Give {VALUE_PARAMETER[definition.field_type]}")],
        )
    if len(given) > 1:
        raise ValidationException(
            f"{' and '.join(given)} can't be used at the same time.",
            reason="PARAMETERS_CANNOT_BE_USED_TOGETHER",
            fields=[(path, "Give exactly one value")],
        )
    expected = VALUE_PARAMETER[definition.field_type]
    if given != [expected]:
        problems = [f"A {definition.field_type} field: give {expected}"]
    else:
        problems = value_problems(definition, value)
    _raise([(path, problem) for problem in problems])
    return definition


def _parameters(value: FieldValue) -> dict[str, Any]:
    return {
        "SelectChoices": value.select_choices,
        "TextValue": value.text_value,
        "RegistrationAttachmentId": value.attachment_id,
    }


def value_problems(
    definition: FieldDefinition, value: FieldValue, override: Mapping[str, Any] | None = None
) -> list[str]:
    """What is wrong with a value of the right kind, under the field's validation (or a rule's override)."""
    if definition.field_type == "TEXT" and value.text_value is not None:
        return _text_problems({**definition.text_validation, **(override or {})}, value.text_value)
    if definition.field_type == "SELECT" and value.select_choices is not None:
        validation = dict(definition.select_validation)
        if override and override.get("AllowedValues") is not None:
            validation["Options"] = override["AllowedValues"]
        return _select_problems(validation, value.select_choices)
    return []


def _text_problems(validation: Mapping[str, Any], text: str) -> list[str]:
    problems = []
    low, high, pattern = validation.get("MinLength"), validation.get("MaxLength"), validation.get("Pattern")
    if isinstance(low, int) and len(text) < low:
        problems.append(f"Must be at least {low} characters long")
    if isinstance(high, int) and len(text) > high:
        problems.append(f"Must be at most {high} characters long")
    compiled = _compiled(pattern) if isinstance(pattern, str) else None
    if compiled is not None and not compiled.fullmatch(text):
        problems.append(f"Must match the pattern {pattern}")
    return problems


def _select_problems(validation: Mapping[str, Any], choices: list[str]) -> list[str]:
    problems = []
    low, high = validation.get("MinChoices"), validation.get("MaxChoices")
    options = list(validation.get("Options") or [])
    if isinstance(low, int) and len(choices) < low:
        problems.append(f"Choose at least {low} option{'s' if low != 1 else ''}")
    if isinstance(high, int) and len(choices) > high:
        problems.append(f"Choose at most {high} option{'s' if high != 1 else ''}")
    unknown = [c for c in choices if c not in options]
    if unknown:
        problems.append(f"Not among the options {options}: {unknown}")
    if len(set(choices)) != len(choices):
        problems.append("Each option can be chosen only once")
    return problems


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None  # Java-only syntax: left unchecked (see the module docstring)


def resolved(definition: FieldDefinition, values: Mapping[str, FieldValue]) -> tuple[str, Mapping[str, Any] | None]:
    """The field's requirement given the other values, and the matching rule's ConditionalValidation."""
    behavior = definition.conditional_behavior
    if definition.requirement != "CONDITIONAL" or behavior is None:
        return ("OPTIONAL" if definition.requirement == "CONDITIONAL" else definition.requirement), None
    for rule in behavior.get("Rules") or []:
        if all(_holds(condition, values) for condition in rule.get("Conditions") or []):
            return str(rule.get("RuleBehavior")), rule.get("ConditionalValidation")
    return str(behavior.get("DefaultBehavior")), None


_OPERATORS: Mapping[str, Callable[[list[str], list[str]], bool]] = {
    "EQUALS": lambda items, values: bool(items) and set(items) == set(values),
    "NOT_EQUALS": lambda items, values: not (bool(items) and set(items) == set(values)),
    "IN": lambda items, values: any(item in values for item in items),
    "NOT_IN": lambda items, values: not any(item in values for item in items),
    "HAS_VALUE": lambda items, _: bool(items),
    "NO_VALUE": lambda items, _: not items,
}


def _holds(condition: Mapping[str, Any], values: Mapping[str, FieldValue]) -> bool:
    operator = _OPERATORS.get(str(condition.get("Operator")))
    if operator is None:
        return False  # the model: unknown operators evaluate to false
    held = values.get(str(condition.get("DependsOnFieldPath")))
    return operator(held.items() if held is not None else [], [str(v) for v in condition.get("Values") or []])


def check_complete(
    kind: RegistrationType, values: Mapping[str, FieldValue], attachment_problem: Callable[[str], str | None]
) -> None:
    """SubmitRegistrationVersion's check of the whole form; every problem is reported at once.

    ``attachment_problem`` says what is wrong with a referenced attachment now (deleted, not
    uploaded), or None.
    """
    problems: list[tuple[str, str]] = []
    for definition in kind.fields:
        requirement, override = resolved(definition, values)
        value = values.get(definition.path)
        present = value is not None and value.is_set
        if requirement == "REQUIRED" and not present:
            problems.append((definition.path, "Field is required"))
        elif requirement == "DISALLOWED" and present:
            problems.append((definition.path, "Field must not have a value given the other fields"))
        elif value is not None and present:
            problems += [(definition.path, p) for p in value_problems(definition, value, override)]
            attachment = attachment_problem(value.attachment_id) if value.attachment_id else None
            if attachment:
                problems.append((definition.path, attachment))
    _raise(problems)


def _raise(problems: list[tuple[str, str]]) -> None:
    if not problems:
        return
    count = len(problems)
    details = "; ".join(f"{path}: {message}" for path, message in problems)
    raise ValidationException(
        f"{count} registration field{'s' if count > 1 else ''} failed validation: {details}",
        reason="FIELD_VALIDATION_FAILED",
        fields=problems,
    )
