"""`check`'s validation: each input's rule from `schema`, applied before any AWS call.

Every bad property is reported at once, each reason naming the property and what is allowed.
Values the engine does not know yet (preview) pass through untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..aws.input_rules import Failure as Failure
from ..aws.input_rules import region_failures as region_failures
from . import properties as p
from . import schema
from .rules import Invalid


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
            failures.append(Failure(row.name, str(problem)))
    return inputs, failures
