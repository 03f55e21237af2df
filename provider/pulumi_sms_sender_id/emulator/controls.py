"""Process-global test controls: fault injection, configuration, call counts, seeding, reset.

The state here is shared by every account/region backend (a fault injected for ``RequestSenderId``
fires for whichever account calls it next) and by every server thread, so it is guarded by
:data:`LOCK`, which the backends also hold while they mutate sender IDs.

This module imports nothing from moto at import time; the functions that touch backends import
them lazily, so ``import pulumi_sms_sender_id.emulator`` stays cheap.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import threading
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from . import quotas
from .quotas import Quota

if TYPE_CHECKING:
    from .exceptions import SmsVoiceError

#: Guards all emulator state (controls and backends). Re-entrant: backend methods call helpers.
LOCK = threading.RLock()

SERVICE_NAME: Final = "pinpoint-sms-voice-v2"
RELEASE_WINDOW_ENV_VAR = "SMS_VOICE_EMULATOR_RELEASE_WINDOW"
DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"

DEFAULT_RELEASE_WINDOW_SECONDS = 2.0
#: Countries that the AWS "supported countries" table marks as requiring sender-ID registration
#: (India's DLT, Singapore's SGNIC, and the Gulf/SEA/MENA registries). Not the truth: AWS changes
#: the list, which is why it is configurable.
DEFAULT_REGISTRATION_ONLY_COUNTRIES = frozenset({"IN", "SG", "AE", "SA", "VN", "PH", "EG", "JO"})
#: Countries where AWS does not support alphanumeric sender IDs at all.
DEFAULT_UNSUPPORTED_COUNTRIES = frozenset({"US", "CA", "CN"})
#: Sender IDs per account and region before ServiceQuotaExceededException SENDER_IDS_PER_ACCOUNT.
DEFAULT_SENDER_ID_QUOTA = 1000

FAULT_ERRORS = ("ThrottlingException", "InternalServerException")


@dataclasses.dataclass(frozen=True)
class EmulatorConfig:
    """Behaviour knobs; frozen so a request sees one consistent snapshot."""

    release_window_seconds: float = DEFAULT_RELEASE_WINDOW_SECONDS
    registration_only_countries: frozenset[str] = DEFAULT_REGISTRATION_ONLY_COUNTRIES
    unsupported_countries: frozenset[str] = DEFAULT_UNSUPPORTED_COUNTRIES
    sender_id_quota: int = DEFAULT_SENDER_ID_QUOTA
    #: Requests per second per account, region and operation (see `quotas`); empty: no quota.
    request_quotas: Mapping[str, Quota] = dataclasses.field(default_factory=dict)
    #: Seconds added before every answer, to measure a client at a real service's latency.
    latency_seconds: float = 0.0


@dataclasses.dataclass
class Fault:
    """A pending injected failure for one operation."""

    error: str
    remaining: int
    after_commit: bool

    def exception(self) -> SmsVoiceError:
        from .exceptions import InternalServerException, ThrottlingException

        if self.error == "ThrottlingException":
            return ThrottlingException("Rate exceeded (fault injected by the sms-voice emulator)")
        return InternalServerException("Internal server error (fault injected by the sms-voice emulator)")


def _default_config() -> EmulatorConfig:
    config = EmulatorConfig()
    spec = os.environ.get(quotas.ENV_VAR)
    if spec is not None and spec.strip():
        try:
            config = dataclasses.replace(config, request_quotas=quotas.parse(spec, operation_names()))
        except ValueError as error:
            raise ValueError(f"{quotas.ENV_VAR}: {error}") from None
    window = os.environ.get(RELEASE_WINDOW_ENV_VAR)
    if window is None or not window.strip():
        return config
    try:
        seconds = float(window)
    except ValueError:
        raise ValueError(f"{RELEASE_WINDOW_ENV_VAR} must be a number of seconds, got {window!r}") from None
    return dataclasses.replace(config, release_window_seconds=_check_window(seconds))


class EmulatorState:
    """Controls shared by all backends. Use the module functions; this class exists for clarity."""

    def __init__(self) -> None:
        self.baseline: EmulatorConfig | None = None  # None: built-in defaults + env var, read lazily
        self.config = EmulatorConfig()
        self._config_loaded = False
        self.faults: dict[str, deque[Fault]] = {}
        self.calls: Counter[str] = Counter()
        self.buckets = quotas.Buckets()

    def current_config(self) -> EmulatorConfig:
        with LOCK:
            if not self._config_loaded:
                self.config = self.baseline or _default_config()
                self._config_loaded = True
            return self.config

    def record_call(self, operation: str) -> Fault | None:
        """Count one received request and pop the fault it must suffer, if any."""
        with LOCK:
            self.calls[operation] += 1
            queue = self.faults.get(operation)
            if not queue:
                return None
            fault = queue[0]
            fault.remaining -= 1
            if fault.remaining <= 0:
                queue.popleft()
            return dataclasses.replace(fault)

    def admit(self, account: str, region: str, operation: str) -> bool:
        """Whether the request fits the quota of its account, region and operation (False: throttle)."""
        quota = self.current_config().request_quotas.get(operation)
        return self.buckets.take(account, region, operation, quota)

    def reset(self) -> None:
        with LOCK:
            self.faults.clear()
            self.calls.clear()
            self.buckets.reset()
            self._config_loaded = False


STATE = EmulatorState()


@functools.lru_cache(maxsize=1)
def operation_names() -> frozenset[str]:
    """All operations of the service according to the botocore model (not just the emulated ones)."""
    from .validation import service_model

    return frozenset(service_model().operation_names)


def _check_window(seconds: float) -> float:
    if not seconds >= 0:  # also rejects NaN
        raise ValueError(f"release_window_seconds must be >= 0, got {seconds!r}")
    return float(seconds)


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


def configure(
    *,
    release_window_seconds: float | None = None,
    registration_only_countries: Iterable[str] | None = None,
    unsupported_countries: Iterable[str] | None = None,
    sender_id_quota: int | None = None,
    request_quotas: Any = None,
    latency_seconds: float | None = None,
    as_default: bool = False,
) -> None:
    """Change behaviour knobs; ``None`` leaves a knob unchanged. :func:`reset` restores the defaults.

    ``request_quotas`` takes every spelling of :func:`.quotas.parse` (``"aws"``, ``"off"``, a number,
    ``"Op=rate[:burst],..."`` or a mapping); ``latency_seconds`` delays every answer.

    ``as_default=True`` also makes the change part of what :func:`reset` restores (the server's CLI
    flags use it).
    """
    changes = _config_changes(
        release_window_seconds=release_window_seconds,
        registration_only_countries=registration_only_countries,
        unsupported_countries=unsupported_countries,
        sender_id_quota=sender_id_quota,
        request_quotas=request_quotas,
        latency_seconds=latency_seconds,
    )
    with LOCK:
        if as_default:
            STATE.baseline = dataclasses.replace(STATE.baseline or _default_config(), **changes)
            STATE.config = STATE.baseline
            STATE._config_loaded = True
        else:
            STATE.config = dataclasses.replace(STATE.current_config(), **changes)


def _config_changes(
    *,
    release_window_seconds: float | None,
    registration_only_countries: Iterable[str] | None,
    unsupported_countries: Iterable[str] | None,
    sender_id_quota: int | None,
    request_quotas: Any = None,
    latency_seconds: float | None = None,
) -> dict[str, Any]:
    changes: dict[str, Any] = {}
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
        changes["release_window_seconds"] = _check_window(release_window_seconds)
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
    }


def seed_sender_id(
    sender_id: str,
    iso_country_code: str,
    *,
    account_id: str = DEFAULT_ACCOUNT_ID,
    region: str = DEFAULT_REGION,
    message_types: Sequence[str] = ("TRANSACTIONAL",),
    registered: bool = False,
    registration_id: str | None = None,
    deletion_protection_enabled: bool = False,
    tags: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Put a sender ID straight into state, bypassing country rules, quota and release window.

    Use it for what the API cannot create (a registered IN sender ID) or for pre-existing
    resources. Returns the DescribeSenderIds record (title-case message types, SenderIdArn).
    Raises ValueError on malformed input or if the sender ID already exists.
    """
    from . import register
    from .models import backend_for

    register()
    if not isinstance(account_id, str) or not (len(account_id) == 12 and account_id.isdigit()):
        raise ValueError(f"account_id must be 12 digits, got {account_id!r}")
    if not isinstance(region, str):
        raise ValueError(f"region must be a string, got {region!r}")
    backend = backend_for(account_id, region)  # any well-formed region, like the API
    return backend.seed_sender_id(
        sender_id=sender_id,
        iso_country_code=iso_country_code,
        message_types=list(message_types),
        registered=bool(registered),
        registration_id=registration_id,
        deletion_protection_enabled=bool(deletion_protection_enabled),
        tags=dict(tags or {}),
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
