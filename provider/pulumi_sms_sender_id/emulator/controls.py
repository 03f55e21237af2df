"""The test controls, one way: fault injection, configuration, seeding, call counts, reset.

Each public function checks its arguments (a bad one raises ValueError naming it) and then changes
the shared state in `state`; the HTTP routes of `server` and the client of `control_client` call
these same functions. Backends (moto) are imported lazily, only by the functions that touch them,
so ``import pulumi_sms_sender_id.emulator`` stays cheap and free of moto.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
from collections import deque
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from typing_extensions import Unpack

from . import quotas
from .control_api import ConfigChanges, SeedOptions, check_keys
from .registration import register
from .registration_config import registration_config, registration_config_changes
from .state import (
    DEFAULT_ACCOUNT_ID,
    DEFAULT_REGION,
    FAULT_ERRORS,
    LOCK,
    SERVICE_NAME,
    STATE,
    Fault,
    check_window,
    default_config,
    operation_names,
)

if TYPE_CHECKING:
    from .sender_id import NewSenderId


def _country_set(values: Iterable[str], name: str) -> frozenset[str]:
    if isinstance(values, str):
        raise ValueError(f"{name} must be a collection of ISO country codes, not a string")
    codes = frozenset(str(v).upper() for v in values)
    bad = sorted(c for c in codes if len(c) != 2 or not c.isalpha() or not c.isascii())
    if bad:
        raise ValueError(f"{name}: not ISO 3166-1 alpha-2 codes: {bad}")
    return codes


def inject_fault(
    operation: str,
    error: str = "ThrottlingException",
    count: int = 1,
    after_commit: bool = False,
) -> None:
    """Make the next ``count`` calls of ``operation`` fail with ``error``.

    ``after_commit=True`` applies the operation first and only then answers the error, which
    simulates a response lost in transit: the change happened but the client never learnt it.
    Faults for the same operation queue up behind each other.
    """
    if operation not in operation_names():
        raise ValueError(f"unknown operation {operation!r} of {SERVICE_NAME} (use the API name, e.g. RequestSenderId)")
    if error not in FAULT_ERRORS:
        raise ValueError(f"error must be one of {list(FAULT_ERRORS)}, got {error!r}")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be a positive integer, got {count!r}")
    with LOCK:
        STATE.faults.setdefault(operation, deque()).append(Fault(error, count, bool(after_commit)))


def configure(*, as_default: bool = False, **changes: Unpack[ConfigChanges]) -> None:
    """Change behaviour knobs; ``None`` leaves a knob unchanged. :func:`reset` restores the defaults.

    ``request_quotas`` takes every spelling of :func:`.quotas.parse` (``"aws"``, ``"off"``, a number,
    ``"Op=rate[:burst],..."`` or a mapping); ``latency_seconds`` delays every answer.

    ``as_default=True`` also makes the change part of what :func:`reset` restores (the server's CLI
    flags use it).
    """
    check_keys("configure", changes, ConfigChanges)
    apply_config(_config_changes(**changes), as_default)


def apply_config(checked: Mapping[str, Any], as_default: bool = False) -> None:
    """Put checked `EmulatorConfig` fields in force (and, ``as_default``, among what a reset restores)."""
    with LOCK:
        if as_default:
            STATE.baseline = dataclasses.replace(STATE.baseline or default_config(), **checked)
            STATE.config = STATE.baseline
            STATE._config_loaded = True
        else:
            STATE.config = dataclasses.replace(STATE.current_config(), **checked)


def _config_changes(
    *,
    release_window_seconds: float | None = None,
    registration_only_countries: Iterable[str] | None = None,
    unsupported_countries: Iterable[str] | None = None,
    sender_id_quota: int | None = None,
    request_quotas: Any = None,
    latency_seconds: float | None = None,
    **registration_changes: Any,
) -> dict[str, Any]:
    """The checked `EmulatorConfig` fields of `configure`'s changes (its one argument check)."""
    changes: dict[str, Any] = registration_config_changes(**registration_changes)
    if request_quotas is not None:
        changes["request_quotas"] = quotas.parse(request_quotas, operation_names())
    if latency_seconds is not None:
        if isinstance(latency_seconds, bool) or not isinstance(latency_seconds, (int, float)):
            raise ValueError(f"latency_seconds must be a number, got {latency_seconds!r}")
        if not 0 <= latency_seconds <= 60:  # also rejects NaN
            raise ValueError(f"latency_seconds must be between 0 and 60, got {latency_seconds!r}")
        changes["latency_seconds"] = float(latency_seconds)
    if release_window_seconds is not None:
        if isinstance(release_window_seconds, bool) or not isinstance(release_window_seconds, (int, float)):
            raise ValueError(f"release_window_seconds must be a number, got {release_window_seconds!r}")
        changes["release_window_seconds"] = check_window(release_window_seconds)
    if registration_only_countries is not None:
        changes["registration_only_countries"] = _country_set(
            registration_only_countries, "registration_only_countries"
        )
    if unsupported_countries is not None:
        changes["unsupported_countries"] = _country_set(unsupported_countries, "unsupported_countries")
    if sender_id_quota is not None:
        if isinstance(sender_id_quota, bool) or not isinstance(sender_id_quota, int) or sender_id_quota < 0:
            raise ValueError(f"sender_id_quota must be a non-negative integer, got {sender_id_quota!r}")
        changes["sender_id_quota"] = sender_id_quota
    return changes


def current_config() -> dict[str, Any]:
    """The configuration in force, JSON-friendly (sorted country lists)."""
    config = STATE.current_config()
    return {
        "release_window_seconds": config.release_window_seconds,
        "registration_only_countries": sorted(config.registration_only_countries),
        "unsupported_countries": sorted(config.unsupported_countries),
        "sender_id_quota": config.sender_id_quota,
        "request_quotas": {op: quota.to_json() for op, quota in sorted(config.request_quotas.items())},
        "latency_seconds": config.latency_seconds,
        **registration_config(config),
    }


def seed_sender_id(sender_id: str, iso_country_code: str, **options: Unpack[SeedOptions]) -> dict[str, Any]:
    """Put a sender ID straight into state, bypassing country rules, quota and release window.

    Use it for what the API cannot create (a registered IN sender ID) or for pre-existing
    resources. Returns the DescribeSenderIds record (title-case message types, SenderIdArn).
    Raises ValueError on malformed input or if the sender ID already exists.
    """
    from .models import backend_for

    check_keys("seed_sender_id", options, SeedOptions)
    register()
    account_id = options.get("account_id", DEFAULT_ACCOUNT_ID)
    region = options.get("region", DEFAULT_REGION)
    if not isinstance(account_id, str) or not (len(account_id) == 12 and account_id.isdigit()):
        raise ValueError(f"account_id must be 12 digits, got {account_id!r}")
    if not isinstance(region, str):
        raise ValueError(f"region must be a string, got {region!r}")
    backend = backend_for(account_id, region)  # any well-formed region, like the API
    return backend.seed_sender_id(_to_seed(sender_id, iso_country_code, options))


def _to_seed(sender_id: str, iso_country_code: str, options: SeedOptions) -> NewSenderId:
    """The checked sender ID to seed: `seed_sender_id`'s argument check."""
    from ..aws.countries import is_iso_country
    from .quirks import MAX_TAGS_PER_RESOURCE
    from .sender_id import MESSAGE_TYPES, NewSenderId
    from .validation import sender_id_problem

    message_types = list(options.get("message_types", ("TRANSACTIONAL",)))
    registered = bool(options.get("registered", False))
    registration_id = options.get("registration_id")
    tags = dict(options.get("tags") or {})
    if not isinstance(sender_id, str) or not re.fullmatch(r"[A-Za-z0-9-]{1,11}", sender_id):
        raise ValueError(f"sender_id must be 1-11 letters, digits or hyphens, got {sender_id!r}")
    problem = sender_id_problem(sender_id)
    if problem:
        raise ValueError(f"sender_id {sender_id!r}: {problem}")
    if not isinstance(iso_country_code, str) or not is_iso_country(iso_country_code):
        raise ValueError(f"iso_country_code must be an ISO 3166-1 alpha-2 code, got {iso_country_code!r}")
    types = [str(t).upper() for t in message_types]
    if not types or any(t not in MESSAGE_TYPES for t in types):
        raise ValueError(f"message_types must be a non-empty subset of {list(MESSAGE_TYPES)}: {message_types!r}")
    if registration_id is not None and not registered:
        raise ValueError("registration_id needs registered=True")
    if len(tags) > MAX_TAGS_PER_RESOURCE:
        raise ValueError(f"at most {MAX_TAGS_PER_RESOURCE} tags")
    return NewSenderId(
        sender_id=sender_id.upper(),
        iso_country_code=iso_country_code,
        message_types=types,
        deletion_protection_enabled=bool(options.get("deletion_protection_enabled", False)),
        tags=[{"Key": str(k), "Value": str(v)} for k, v in tags.items()],
        registered=registered,
        # Deviation: the registration ID names no registration (approved registrations make their own).
        registration_id=(registration_id or f"registration-{secrets.token_hex(16)}") if registered else None,
    )


def call_counts() -> dict[str, int]:
    """API operation name -> requests that reached an operation since the last reset (faulted and
    failed included; not those refused before, e.g. unsigned, unknown target or malformed body)."""
    with LOCK:
        return dict(STATE.calls)


def reset_call_counts() -> None:
    with LOCK:
        STATE.calls.clear()


def reset() -> None:
    """Forget all sender IDs, tags, client tokens and release history, and clear faults and counts,
    and restore the default configuration. Other moto services are left alone."""
    import sys

    with LOCK:
        STATE.reset()
        models = sys.modules.get(__package__ + ".models")
        if models is None:  # nothing was ever created
            return
        for account in list(models.pinpointsmsvoicev2_backends.values()):
            for backend in list(account.values()):
                backend.reset()
