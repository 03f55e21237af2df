"""The input rules every resource shares: tags as AWS allows them, region names, booleans, and how a
reason quotes what the program gave.

Each rule returns the value normalised or raises `Invalid` with a reason that names what is allowed.
The engine shows a reason after the property's name ("property tags ... has a problem: <reason>"), so a
reason never repeats the name. Each resource's own rules (`sender_id.rules`, `registration.rules`) use these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from pulumi.output import Unknown
from pulumi.runtime import rpc

from . import regions
from .settings import MissingRegion, Settings

MAX_TAGS: Final = 200
MAX_TAG_KEY: Final = 128
MAX_TAG_VALUE: Final = 256
# The model's tag patterns (`.+`, `.*`) are Java regular expressions, whose `.` stops at line breaks.
#: An ID or ARN of the service's resources (the model's "IdOrArn" shapes).
ID_OR_ARN: Final = re.compile(r"[A-Za-z0-9_:/-]{1,256}")
LINE_BREAKS: Final = re.compile("[\n\r\u0085\u2028\u2029]")


def is_unknown(value: Any) -> bool:
    """True for a value the engine does not know yet (preview), in either of its two spellings."""
    return isinstance(value, Unknown) or (isinstance(value, str) and value == rpc.UNKNOWN)


@dataclass(frozen=True)
class Failure:
    """One refusal of `check`: the property, and the reason the engine shows after its name."""

    property: str
    reason: str


class Invalid(ValueError):
    """A property value that breaks a rule; its message is the reason shown to the user.

    The engine shows it after the property's name ("property tags ... has a problem: <reason>"), so a
    reason never repeats the name; it says what is expected, with an example.
    """


def got(value: Any) -> str:
    """What the program gave, in the program's words (the engine sends every number as a float)."""
    if isinstance(value, bool):
        return f"got {str(value).lower()}"
    if isinstance(value, float) and value.is_integer():
        return f"got the number {int(value)}"
    if isinstance(value, (int, float)):
        return f"got the number {value}"
    if isinstance(value, Mapping):
        return "got a map"
    if isinstance(value, (list, tuple)):
        return "got a list"
    return f"got {value!r}"


def optional_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise Invalid(f"must be true or false, {got(value)}")


def tags(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise Invalid(f'must be a map of tag keys to string values such as {{"team": "growth"}}, {got(value)}')
    if len(value) > MAX_TAGS:
        raise Invalid(f"has {len(value)} tags: AWS allows at most {MAX_TAGS} per resource")
    for key, item in value.items():
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_TAG_KEY:
            raise Invalid(f"tag key {key!r} must be 1-{MAX_TAG_KEY} characters")
        if LINE_BREAKS.search(key):
            raise Invalid(f"tag key {key!r} contains a line break, which AWS refuses")
        if key.lower().startswith("aws:"):
            raise Invalid(f"tag key {key!r} starts with 'aws:', which AWS reserves: choose another prefix")
        if is_unknown(item):
            continue
        if not isinstance(item, str):
            raise Invalid(f"value of tag {key!r} must be a string, {got(item)}: quote it")
        if LINE_BREAKS.search(item):
            raise Invalid(f"value of tag {key!r} contains a line break, which AWS refuses")
        if len(item) > MAX_TAG_VALUE:
            raise Invalid(f"value of tag {key!r} is {len(item)} characters: at most {MAX_TAG_VALUE} allowed")
    return dict(value)


def region(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not regions.is_well_formed(value):
        raise Invalid(f"must be an AWS region name such as 'eu-west-2', {got(value)}")
    return value


def region_failures(inputs: Mapping[str, Any], settings: Settings, subject: str = "the sender ID") -> list[Failure]:
    """The region a resource will live in (its `region` input, else the stack's) must offer the service.

    Checked against the regions where the installed boto3 knows the service, so a typo in `aws:region`
    or AWS_REGION fails here, naming where the value came from, instead of after calls to an endpoint
    that does not exist.
    """
    given = inputs.get("region")
    if is_unknown(given):
        return []
    where = given or settings.region
    if not where:
        return [Failure("region", str(MissingRegion(subject)))]
    reason = regions.problem(where)
    if reason is None:
        return []
    source = "the region input" if given else settings.region_source or "the stack's settings"
    return [Failure("region", f"{reason} (the region comes from {source})")]


def registration_id(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not ID_OR_ARN.fullmatch(value):
        raise Invalid(f"must be a registration ID such as 'registration-0123abcd' or its ARN, {got(value)}")
    return value
