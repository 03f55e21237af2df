"""Refusals that save money or sender IDs, decided before anything is leased or released.

A replacement is doomed when AWS will refuse the release (deletion protection) and irreversible when
the old sender ID is registered (a release ends the registration). `check` refuses it per property
from the old inputs; `diff` refuses it again from the old outputs, which know what AWS reported
(protection enabled out of band or on adoption, registration), so preview fails either way.
Only certain changes count: values still unknown in preview do not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import diff, schema
from . import properties as p
from .validation import Failure

PROTECTED_ADVICE = (
    "the change replaces the sender ID and AWS refuses to release a protected one, so `pulumi up` would "
    "stop half-way (with the new one leased, or the old one neither released nor requested again). "
    "First apply deletion_protection_enabled=False on its own (`pulumi up`), then make this change."
)


def _sender(props: Mapping[str, Any]) -> str:
    return f"sender ID {props.get(p.SENDER_ID)} ({props.get(p.ISO_COUNTRY_CODE)})"


def _replacing(olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> list[str]:
    return [key for key in schema.REPLACING if diff.certainly_changed(key, olds, news, default_region)]


def check_refusals(
    olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None
) -> list[Failure]:
    """For check: one failure per replacing key while the old inputs enable deletion protection."""
    if olds.get(p.DELETION_PROTECTION_ENABLED) is not True:
        return []
    return [
        Failure(key, f"{key} cannot change while deletion protection is enabled on {_sender(olds)}: {PROTECTED_ADVICE}")
        for key in _replacing(olds, news, default_region)
    ]


def diff_refusal(outputs: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> str | None:
    """For diff: why replacing the sender ID recorded in `outputs` must not be planned, if it must not."""
    keys = _replacing(outputs, news, default_region)
    if not keys:
        return None
    changing = ", ".join(keys)
    if outputs.get(p.DELETION_PROTECTION_ENABLED) is True:
        return (
            f"{changing} cannot change while deletion protection is enabled on {_sender(outputs)}: {PROTECTED_ADVICE}"
        )
    if outputs.get(p.REGISTERED) is True:
        registration = outputs.get(p.REGISTRATION_ID) or "its registration"
        return (
            f"{changing} cannot change on {_sender(outputs)}: it is registered ({registration}), and replacing "
            "it would release it, which ends the registration for good. If you really want to give it up, "
            "remove the resource from the program and run `pulumi up` (that releases it), then declare the "
            "new sender ID."
        )
    return None
