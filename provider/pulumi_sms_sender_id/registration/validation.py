"""`check`'s validation of a registration: each input's rule from `schema`, with no AWS call.

Every bad property is reported at once, and every bad entry of a map (a field, an attachment) as a failure
of its own naming the field path. Values the engine does not know yet (preview) pass through untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..aws import input_rules
from ..aws.input_rules import Failure, is_unknown
from ..aws.settings import Settings
from . import properties as p
from . import rules, schema

SUBJECT = "the registration"


def validate(news: Mapping[str, Any]) -> tuple[dict[str, Any], list[Failure]]:
    """Normalise every known input and collect one failure per bad property or map entry."""
    inputs = dict(news)
    failures: list[Failure] = []
    for row in schema.INPUTS:
        value = news.get(row.name)
        if is_unknown(value):
            continue
        if row.required and (value is None or value == ""):
            failures.append(Failure(row.name, "is required"))
            continue
        inputs[row.name], reasons = row.rule(value)
        failures += [Failure(row.name, reason) for reason in reasons]
    fields, files = inputs.get(p.FIELDS), inputs.get(p.ATTACHMENTS)
    if isinstance(fields, Mapping) and isinstance(files, Mapping):
        failures += [Failure(p.ATTACHMENTS, reason) for reason in rules.overlap(fields, files)]
    return inputs, failures


def region_failures(inputs: Mapping[str, Any], settings: Settings) -> list[Failure]:
    """The registration's region (its input, else the stack's) must be one where boto3 knows the service."""
    return input_rules.region_failures(inputs, settings, SUBJECT)
