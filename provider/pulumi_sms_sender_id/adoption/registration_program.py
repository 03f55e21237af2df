"""The `Registration` declarations of an adoption program: each registration exactly as AWS holds it.

Each declares its type, its current version's values (attachments by ARN: the files are in AWS, not
here), its tags, its region and `registration_id`, so the first `pulumi up` takes it over with no call that
changes anything; a draft keeps `submit=False`, so adopting it never submits it. The text follows the
conventions of `adoption` (ruff's format, literals, comments).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..registration import properties as rp
from ..registration import validation
from .adoption import INDENT, comment, literal
from .registrations import FoundRegistration

#: The output the program exports: resource name -> registration ID.
IDS_OUTPUT: Final = "registration_ids"


@dataclass(frozen=True)
class RegistrationDeclaration:
    name: str
    variable: str
    found: FoundRegistration

    def inputs(self) -> dict[str, Any]:
        """The `Registration` inputs, as the generated program passes them."""
        item = self.found
        inputs: dict[str, Any] = {
            rp.REGISTRATION_TYPE: item.registration_type,
            rp.FIELDS: dict(item.fields),
            rp.ATTACHMENTS: dict(item.attachments),
            rp.TAGS: dict(item.tags),
            rp.REGION: item.region,
            rp.REGISTRATION_ID: item.registration_id,
        }
        if item.is_draft:
            inputs[rp.SUBMIT] = False
        return inputs


def _base(item: FoundRegistration) -> str:
    """`acmein-in-registration` (the form's sender ID and the type's country), else the registration's ID."""
    if item.sender_id is None:
        return item.registration_id
    return f"{item.sender_id}-{item.registration_type.split('_', 1)[0]}-registration".lower()


def plan(
    items: Sequence[FoundRegistration], taken: set[str]
) -> tuple[list[RegistrationDeclaration], list[tuple[FoundRegistration, str]]]:
    """Declarations with names and variables not in `taken` (the sender IDs'); the refused ones, with why."""
    declarations, skipped = [], []
    for item in items:
        name = _unique(_base(item), taken, "-")
        variable = _unique(re.sub(r"\W", "_", name), taken, "_")
        declaration = RegistrationDeclaration(name, variable, item)
        failures = validation.validate(declaration.inputs())[1]
        if failures:
            skipped.append((item, "; ".join(f.reason for f in failures)))
            continue
        taken.update({name, variable})
        declarations.append(declaration)
    return declarations, skipped


def _unique(name: str, taken: set[str], joiner: str) -> str:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}{joiner}{n}"
    return candidate


def describe(item: FoundRegistration) -> str:
    draft = ", a draft (submit=False keeps it one)" if item.is_draft else ""
    return (
        f"{item.registration_id} ({item.registration_type}) in {item.region}: {item.status}, version "
        f"{item.version_number} {item.version_status}{draft}"
    )


#: The line length `ruff format` writes by default, and the one past which a line needs its value apart.
FORMAT_LINE: Final = 88
CHECK_LINE: Final = 120


def _entry(indent: str, path: str, value: Any) -> list[str]:
    """One `"path": value,` entry, as `ruff format` writes it: a list past the line length one choice per line,
    a text too long for any line alone in parentheses (where a line of one string is exempt from E501)."""
    key = f"{indent}{literal(path)}: "
    if isinstance(value, list):
        line = f"{key}[{', '.join(literal(v) for v in value)}],"
        if len(line) <= FORMAT_LINE:
            return [line]
        return [f"{key}[", *(f"{indent}{INDENT}{literal(v)}," for v in value), f"{indent}],"]
    line = f"{key}{literal(str(value))},"
    if len(line) <= CHECK_LINE or " " in str(value):
        return [line]
    return [f"{key}(", f"{indent}{INDENT}{literal(str(value))}", f"{indent}),"]


def _map(key: str, values: dict[str, Any], inner: str) -> list[str]:
    if not values:
        return [f"{inner}{key}={{}},"]
    lines = [f"{inner}{key}={{"]
    for path, value in sorted(values.items()):
        lines += _entry(inner + INDENT, path, value)
    return [*lines, f"{inner}}},"]


def lines(declaration: RegistrationDeclaration) -> list[str]:
    item, inner = declaration.found, INDENT * 2
    found = [
        *comment(describe(item)),
        f"{declaration.variable} = Registration(",
        f"{INDENT}{literal(declaration.name)},",
        f"{INDENT}RegistrationArgs(",
        f"{inner}registration_type={literal(item.registration_type)},",
        *_map("fields", dict(item.fields), inner),
        *_map("attachments", dict(item.attachments), inner),
        *_map("tags", dict(item.tags), inner),
    ]
    if item.is_draft:
        found.append(f"{inner}submit=False,")
    return [
        *found,
        f"{inner}region={literal(item.region)},",
        f"{inner}registration_id={literal(item.registration_id)},",
        f"{INDENT}),",
        ")",
    ]


def exports(declarations: Sequence[RegistrationDeclaration]) -> list[str]:
    found = ["pulumi.export(", f"{INDENT}{literal(IDS_OUTPUT)},", f"{INDENT}{{"]
    found += [f"{INDENT * 2}{literal(d.name)}: {d.variable}.registration_id," for d in declarations]
    return [*found, f"{INDENT}}},", ")"]
