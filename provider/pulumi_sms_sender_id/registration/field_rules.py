"""What a registration type's form accepts: declared values judged against its field definitions.

A pure function of the definitions and the values (`problems`), so `create` and `update` refuse a form
AWS would refuse before anything is created, and tests can judge any form without AWS. Each problem names
the input and field path, the rule, and what the field expects, in the words of AWS's display hints.

The rules are the model's documentation of `RegistrationFieldDefinition`:
- a field is REQUIRED, OPTIONAL, or CONDITIONAL: its ConditionalBehavior's rules are evaluated in order,
  the first whose conditions all hold decides (REQUIRED, OPTIONAL or DISALLOWED, with its optional
  ConditionalValidation), else DefaultBehavior; an operator the model does not list never holds;
- TEXT: MinLength, MaxLength and Pattern (matched against the whole text); SELECT: MinChoices, MaxChoices,
  Options (a condition's AllowedValues narrow them); ATTACHMENT: an attachment.
Guesses where AWS documents nothing (the emulator makes the same ones, docs/registration.md lists them): a
field's value for a condition is its choices, its text, or its attachment; EQUALS means the same set of
values, IN any value among Values, NOT_EQUALS and NOT_IN their negations; a Pattern Python cannot compile
(Java-only syntax) is left to AWS.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from .definitions import ATTACHMENT, DISALLOWED, OPTIONAL, REQUIRED, SELECT, TEXT, FieldDefinition
from .properties import ATTACHMENTS, FIELDS, entry


class Attached:
    """The value of an ATTACHMENT field in a declared form: an attachment, whatever its file."""

    def __repr__(self) -> str:
        return "<attachment>"


ATTACHED: Final = Attached()
#: A declared value: text, choices, or an attachment.
Declared = str | list[str] | Attached


@dataclass(frozen=True)
class Problem:
    """One field a form gets wrong: which, by which rule, and what to write."""

    path: str
    rule: str
    message: str


def declared(fields: Mapping[str, Any], attachments: Mapping[str, Any]) -> dict[str, Declared]:
    """The form a resource declares: its fields' values and its attachments."""
    form: dict[str, Declared] = {k: (list(v) if isinstance(v, (list, tuple)) else str(v)) for k, v in fields.items()}
    form.update(dict.fromkeys(attachments, ATTACHED))
    return form


def _items(value: Declared | None) -> list[str]:
    """A value as a condition compares it."""
    if value is None:
        return []
    if isinstance(value, list):
        return list(value)
    return [repr(value)] if isinstance(value, Attached) else [value]


_OPERATORS: Final[Mapping[str, Callable[[list[str], list[str]], bool]]] = {
    "EQUALS": lambda items, values: bool(items) and set(items) == set(values),
    "NOT_EQUALS": lambda items, values: not (bool(items) and set(items) == set(values)),
    "IN": lambda items, values: any(item in values for item in items),
    "NOT_IN": lambda items, values: not any(item in values for item in items),
    "HAS_VALUE": lambda items, _values: bool(items),
    "NO_VALUE": lambda items, _values: not items,
}
_SAYS: Final = {
    "EQUALS": "is {values}",
    "NOT_EQUALS": "is not {values}",
    "IN": "is one of {values}",
    "NOT_IN": "is none of {values}",
    "HAS_VALUE": "has a value",
    "NO_VALUE": "has no value",
}


def _holds(condition: Mapping[str, Any], form: Mapping[str, Declared]) -> bool:
    operator = _OPERATORS.get(str(condition.get("Operator")))
    if operator is None:
        return False  # the model: operators not in its list evaluate to false
    depends = str(condition.get("DependsOnFieldPath"))
    return operator(_items(form.get(depends)), [str(v) for v in condition.get("Values") or []])


def _when(rule: Mapping[str, Any]) -> str:
    """A matching rule's conditions, in words: `when companyInfo.isLocal is 'Yes'`."""
    said = []
    for condition in rule.get("Conditions") or []:
        values = [str(v) for v in condition.get("Values") or []]
        shown = repr(values[0]) if len(values) == 1 else repr(values)
        verb = _SAYS.get(str(condition.get("Operator")), "matches")
        said.append(f"{condition.get('DependsOnFieldPath')} {verb.format(values=shown)}")
    return f" when {' and '.join(said)}" if said else ""


def requirement(field: FieldDefinition, form: Mapping[str, Declared]) -> tuple[str, Mapping[str, Any], str]:
    """(REQUIRED, OPTIONAL or DISALLOWED; the matching rule's ConditionalValidation; why, in words)."""
    if field.requirement in (REQUIRED, OPTIONAL):
        return field.requirement, {}, ""
    for rule in field.rules:
        if all(_holds(c, form) for c in rule.get("Conditions") or []):
            return str(rule.get("RuleBehavior")), dict(rule.get("ConditionalValidation") or {}), _when(rule)
    return field.default_behavior, {}, ""


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None  # Java-only syntax: AWS judges it


def _text(field: FieldDefinition, text: str, override: Mapping[str, Any]) -> list[tuple[str, str]]:
    rules = {**field.text_validation, **{k: v for k, v in override.items() if k != "AllowedValues"}}
    low, high, pattern = rules.get("MinLength"), rules.get("MaxLength"), rules.get("Pattern")
    found = []
    if isinstance(low, int) and len(text) < low:
        found.append(("too short", f"is {len(text)} characters: at least {low} needed"))
    if isinstance(high, int) and len(text) > high:
        found.append(("too long", f"is {len(text)} characters: at most {high} allowed"))
    compiled = _compiled(pattern) if isinstance(pattern, str) else None
    if compiled is not None and not compiled.fullmatch(text):
        found.append(("pattern", f"{text!r} does not match the pattern {pattern}"))
    return found


def _choices(field: FieldDefinition, choices: list[str], override: Mapping[str, Any]) -> list[tuple[str, str]]:
    rules = field.select_validation
    options = [str(o) for o in (override.get("AllowedValues") or rules.get("Options") or [])]
    low, high = rules.get("MinChoices"), rules.get("MaxChoices")
    found = []
    if isinstance(low, int) and len(choices) < low:
        found.append(("too few choices", f"has {len(choices)} choice(s): choose at least {low}"))
    if isinstance(high, int) and len(choices) > high:
        found.append(("too many choices", f"has {len(choices)} choices: choose at most {high}"))
    unknown = [c for c in choices if c not in options]
    if unknown:
        found.append(("not an option", f"{', '.join(repr(c) for c in unknown)} is not among the options"))
    if len(set(choices)) != len(choices):
        found.append(("repeated choice", "chooses an option twice"))
    return found


def _kind(field: FieldDefinition, value: Declared) -> str | None:
    """Why `value` is the wrong kind for the field, if it is."""
    if field.kind == ATTACHMENT and not isinstance(value, Attached):
        return f"is an ATTACHMENT field: declare its file in {ATTACHMENTS}, not {FIELDS}"
    if field.kind != ATTACHMENT and isinstance(value, Attached):
        return f"is a {field.kind} field: declare its value in {FIELDS}, not {ATTACHMENTS}"
    if field.kind == SELECT and not isinstance(value, list):
        return "is a SELECT field: give a list of choices, e.g. ['Yes'], not a string"
    if field.kind == TEXT and not isinstance(value, str):
        return "is a TEXT field: give a string, not a list"
    return None


def _where(field_kind: str, path: str) -> str:
    return entry(ATTACHMENTS if field_kind == ATTACHMENT else FIELDS, path)


def _field_problems(field: FieldDefinition, form: Mapping[str, Declared], complete: bool) -> list[Problem]:
    behavior, override, why = requirement(field, form)
    value = form.get(field.path)
    named = f"{_where(field.kind, field.path)} ({field.title})"
    expects = field.expects()
    tail = f": {expects}" if expects else ""
    if value is None:
        if behavior == REQUIRED and complete:
            return [Problem(field.path, "required", f"{named} is required{why}{tail}")]
        return []
    if behavior == DISALLOWED:
        return [Problem(field.path, "disallowed", f"{named} must be left out{why}")]
    wrong = _kind(field, value)
    if wrong:
        return [Problem(field.path, "kind", f"{named} {wrong}")]
    found = _text(field, value, override) if isinstance(value, str) else []
    found += _choices(field, value, override) if isinstance(value, list) else []
    return [Problem(field.path, rule, f"{named} {said}{tail}") for rule, said in found]


def _unknown(path: str, value: Declared, known: Sequence[str], registration_type: str) -> Problem:
    where = _where(ATTACHMENT if isinstance(value, Attached) else TEXT, path)
    close = difflib.get_close_matches(path, known, n=1)
    hint = f": did you mean {close[0]!r}?" if close else f"; its fields are {', '.join(known)}"
    return Problem(path, "unknown field", f"{where} is not a field of {registration_type}{hint}")


def problems(
    definitions: Mapping[str, FieldDefinition],
    form: Mapping[str, Declared],
    registration_type: str,
    complete: bool = True,
) -> list[Problem]:
    """Everything wrong with `form` for the type whose fields `definitions` are; [] when AWS should accept it.

    `complete=False` judges a draft that is not to be submitted: AWS checks that every required field is
    there only on submission, so a missing one is no problem yet; the values given must still be right.
    """
    found = [_unknown(p, v, list(definitions), registration_type) for p, v in form.items() if p not in definitions]
    for field in definitions.values():
        found += _field_problems(field, form, complete)
    return found
