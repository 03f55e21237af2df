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

from . import diff, errors, schema
from . import properties as p
from .validation import Failure


def _sender(props: Mapping[str, Any]) -> str:
    return f"sender ID {props.get(p.SENDER_ID)} ({props.get(p.ISO_COUNTRY_CODE)})"


def _replacing(olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> list[str]:
    return [key for key in schema.REPLACING if diff.certainly_changed(key, olds, news, default_region)]


def check_refusals(olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> list[Failure]:
    """For check: one failure per replacing key while the old inputs enable deletion protection."""
    if olds.get(p.DELETION_PROTECTION_ENABLED) is not True:
        return []
    return [
        Failure(key, errors.protected_replacement(key, _sender(olds))) for key in _replacing(olds, news, default_region)
    ]


def diff_refusal(outputs: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> str | None:
    """For diff: why replacing the sender ID recorded in `outputs` must not be planned, if it must not."""
    keys = _replacing(outputs, news, default_region)
    if not keys:
        return None
    changing = ", ".join(keys)
    if outputs.get(p.DELETION_PROTECTION_ENABLED) is True:
        return errors.protected_replacement(changing, _sender(outputs))
    if outputs.get(p.REGISTERED) is True:
        return errors.registered_replacement(changing, _sender(outputs), outputs.get(p.REGISTRATION_ID))
    return None
