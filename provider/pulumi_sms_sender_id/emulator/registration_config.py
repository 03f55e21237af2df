"""The registration knobs of `configure` and `current_config`: their argument checks and their JSON view.

Leaf module (no moto), called by `controls`. What each knob means is documented on
`state.EmulatorConfig`; the reviewer's knob (automatic approval) and the catalogue have their own
controls (`registration_controls`), since ``None`` means "off" for the one and the other is data.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .state import DEFAULT_REGISTRATION_QUOTAS, STATE, EmulatorConfig

#: The longest delay a knob takes: a day, so a typo cannot stall a test for ever.
MAX_SECONDS = 24 * 60 * 60.0


def check_seconds(value: Any, name: str) -> float:
    """A delay in seconds between 0 and a day, else ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{name} must be a number of seconds, got {value!r}")
    if not 0 <= value <= MAX_SECONDS:
        raise ValueError(f"{name} must be between 0 and {MAX_SECONDS:.0f} seconds, got {value!r}")
    return float(value)


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be true or false, got {value!r}")
    return value


def _quotas(value: Any) -> dict[str, int]:
    """Changed count quotas merged over those in force; keys are AWS's quota reasons."""
    if not isinstance(value, Mapping):
        raise ValueError(f"registration_quotas must map quota reasons to counts, got {value!r}")
    unknown = sorted(set(value) - set(DEFAULT_REGISTRATION_QUOTAS))
    if unknown:
        raise ValueError(f"registration_quotas: unknown quotas {unknown}; known: {sorted(DEFAULT_REGISTRATION_QUOTAS)}")
    for name, count in value.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"registration_quotas: {name} must be a non-negative integer, got {count!r}")
    return {**STATE.current_config().registration_quotas, **value}


def registration_config_changes(
    *,
    attachment_upload_seconds: float | None = None,
    registration_provisioning_seconds: float | None = None,
    registration_quotas: Mapping[str, int] | None = None,
    new_version_copies_values: bool | None = None,
    denied_version_editable: bool | None = None,
) -> dict[str, Any]:
    """The checked `EmulatorConfig` fields of the registration knobs given (None: unchanged)."""
    changes: dict[str, Any] = {}
    if attachment_upload_seconds is not None:
        changes["attachment_upload_seconds"] = check_seconds(attachment_upload_seconds, "attachment_upload_seconds")
    if registration_provisioning_seconds is not None:
        changes["registration_provisioning_seconds"] = check_seconds(
            registration_provisioning_seconds, "registration_provisioning_seconds"
        )
    if registration_quotas is not None:
        changes["registration_quotas"] = _quotas(registration_quotas)
    if new_version_copies_values is not None:
        changes["new_version_copies_values"] = _flag(new_version_copies_values, "new_version_copies_values")
    if denied_version_editable is not None:
        changes["denied_version_editable"] = _flag(denied_version_editable, "denied_version_editable")
    return changes


def registration_config(config: EmulatorConfig) -> dict[str, Any]:
    """The registration part of `current_config`, JSON-friendly."""
    return {
        "attachment_upload_seconds": config.attachment_upload_seconds,
        "registration_provisioning_seconds": config.registration_provisioning_seconds,
        "auto_approve_registrations_after_seconds": config.auto_approve_registrations_after_seconds,
        "registration_quotas": dict(sorted(config.registration_quotas.items())),
        "new_version_copies_values": config.new_version_copies_values,
        "denied_version_editable": config.denied_version_editable,
        "registration_types": config.catalogue().describe(),
    }
