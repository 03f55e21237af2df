"""`check`'s validation: each input's rule from `schema`, applied before any AWS call.

Every bad property is reported at once, each reason naming the property and what is allowed.
Values the engine does not know yet (preview) pass through untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..aws import regions
from ..aws.settings import MissingRegion, Settings
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
            failures.append(Failure(row.name, str(problem)))
    return inputs, failures


def region_failures(inputs: Mapping[str, Any], settings: Settings) -> list[Failure]:
    """The region the sender ID will live in (its input, else the stack's) must offer sender IDs.

    Checked against the regions where the installed boto3 knows the service, so a typo in
    `aws:region` or AWS_REGION fails here, naming where the value came from, instead of after calls
    to an endpoint that does not exist.
    """
    given = inputs.get(p.REGION)
    if p.is_unknown(given):
        return []
    region = given or settings.region
    if not region:
        return [Failure(p.REGION, str(MissingRegion()))]
    reason = regions.problem(region)
    if reason is None:
        return []
    source = "the region input" if given else settings.region_source or "the stack's settings"
    return [Failure(p.REGION, f"{reason} (the region comes from {source})")]
