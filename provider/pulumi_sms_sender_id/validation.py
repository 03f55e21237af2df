"""`check`'s validation: each input's rule from `schema`, applied before any AWS call.

Every bad property is reported at once, each reason naming the property and what is allowed.
Values the engine does not know yet (preview) pass through untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import properties as p
from . import schema
from .rules import Invalid


@dataclass(frozen=True)
class Failure:
    property: str
    reason: str


def _checked(row: schema.Input, value: Any) -> Any:
    if row.required and (value is None or value == ""):
        raise Invalid("is required")
    return row.rule(value)


def validate(news: Mapping[str, Any]) -> tuple[dict[str, Any], list[Failure]]:
    """Normalise every known input and collect one failure per bad property."""
    inputs = dict(news)
    failures: list[Failure] = []
    for row in schema.INPUTS:
        value = news.get(row.name)
        if p.is_unknown(value):
            continue
        try:
            inputs[row.name] = _checked(row, value)
        except Invalid as problem:
            failures.append(Failure(row.name, f"{row.name} {problem}"))
    return inputs, failures
