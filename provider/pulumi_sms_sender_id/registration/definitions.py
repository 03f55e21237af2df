"""The form AWS defines for a registration type: its fields, as DescribeRegistrationFieldDefinitions answers.

`FieldDefinition` holds one field's record, read-only, with the parts `field_rules` judges values by
(kind, requirement, text and select validation, conditional behaviour) and the display hints a refusal
quotes (title, description, example). `fetch` walks every page: the model paginates the operation, and
a type's form does not fit one page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..aws import calls
from ..aws.calls import Connection

TEXT: Final = "TEXT"
SELECT: Final = "SELECT"
ATTACHMENT: Final = "ATTACHMENT"
REQUIRED: Final = "REQUIRED"
CONDITIONAL: Final = "CONDITIONAL"
OPTIONAL: Final = "OPTIONAL"
DISALLOWED: Final = "DISALLOWED"
PAGE_SIZE: Final = 100


@dataclass(frozen=True)
class FieldDefinition:
    """One field of a registration type's form, as AWS defines it."""

    record: Mapping[str, Any]

    @property
    def path(self) -> str:
        return str(self.record["FieldPath"])

    @property
    def kind(self) -> str:
        """TEXT, SELECT or ATTACHMENT."""
        return str(self.record["FieldType"])

    @property
    def requirement(self) -> str:
        """REQUIRED, CONDITIONAL or OPTIONAL."""
        return str(self.record["FieldRequirement"])

    @property
    def hints(self) -> Mapping[str, Any]:
        return dict(self.record.get("DisplayHints") or {})

    @property
    def title(self) -> str:
        return str(self.hints.get("Title") or self.path)

    @property
    def text_validation(self) -> Mapping[str, Any]:
        return dict(self.record.get("TextValidation") or {})

    @property
    def select_validation(self) -> Mapping[str, Any]:
        return dict(self.record.get("SelectValidation") or {})

    @property
    def options(self) -> list[str]:
        return [str(o) for o in self.select_validation.get("Options") or []]

    @property
    def rules(self) -> Sequence[Mapping[str, Any]]:
        """ConditionalBehavior's rules, in the order AWS evaluates them (the first that matches wins)."""
        return list((self.record.get("ConditionalBehavior") or {}).get("Rules") or [])

    @property
    def default_behavior(self) -> str:
        """ConditionalBehavior's DefaultBehavior: REQUIRED, OPTIONAL or DISALLOWED when no rule matches."""
        return str((self.record.get("ConditionalBehavior") or {}).get("DefaultBehavior") or OPTIONAL)

    def expects(self) -> str:
        """What the field expects, in AWS's words: its description, its format, an example."""
        hints = self.hints
        parts = [str(hints.get("ShortDescription") or "").rstrip(".")]
        if hints.get("TextValidationDescription"):
            parts.append(str(hints["TextValidationDescription"]).rstrip("."))
        if self.kind == SELECT and self.options:
            parts.append(f"choose from {', '.join(repr(o) for o in self.options)}")
        if hints.get("ExampleTextValue"):
            parts.append(f"for example {hints['ExampleTextValue']!r}")
        return "; ".join(part for part in parts if part)


def from_records(records: Sequence[Mapping[str, Any]]) -> dict[str, FieldDefinition]:
    """Definitions by field path, in AWS's order."""
    return {str(r["FieldPath"]): FieldDefinition(dict(r)) for r in records}


def fetch(connection: Connection, registration_type: str) -> dict[str, FieldDefinition]:
    """Every field definition of the type, page by page; AWS's errors are raised unchanged."""
    params: dict[str, Any] = {"RegistrationType": registration_type, "MaxResults": PAGE_SIZE}
    records: list[Mapping[str, Any]] = []
    while True:
        answer = calls.call(connection, "DescribeRegistrationFieldDefinitions", params)
        records += answer.get("RegistrationFieldDefinitions", [])
        token = answer.get("NextToken")
        if not token:
            return from_records(records)
        params = {**params, "NextToken": token}
