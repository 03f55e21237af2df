"""The emulator's leaf module: its constants, its configuration and the control state backends read.

Every other emulator module may import this one; it imports nothing of the emulator but `quotas` and
`registration_catalogue` (and nothing of moto), so there is no import cycle through it. The state is
shared by every account/region backend (a fault injected for ``RequestSenderId`` fires for whichever
account calls it next) and by every server thread, so it is guarded by :data:`LOCK`, which the
backends also hold while they mutate sender IDs and registrations. The functions that change it,
with their argument checks, are `controls` (and `registration_controls`).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import threading
from collections import Counter, deque
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from . import quotas, registration_catalogue
from .quotas import Quota
from .registration_catalogue import Catalogue

if TYPE_CHECKING:
    from .exceptions import SmsVoiceError

#: Guards all emulator state (controls and backends). Re-entrant: backend methods call helpers.
LOCK = threading.RLock()

SERVICE_NAME: Final = "pinpoint-sms-voice-v2"
#: boto3's per-service endpoint variable for pinpoint-sms-voice-v2.
ENDPOINT_ENV_VAR: Final = "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2"
#: Path prefix of the HTTP test controls in server mode.
CONTROL_PATH_PREFIX: Final = "/_sms-voice-emulator/"
#: Our key in moto's backend index. Deliberately not "pinpointsmsvoicev2", so that a native moto
#: backend for the service, should one appear, cannot collide with this one.
MOTO_SERVICE_KEY: Final = "smsvoiceemulator"
URL_PATTERN: Final = re.compile(r"https?://sms-voice\.(.+)\.amazonaws\.com")
RELEASE_WINDOW_ENV_VAR = "SMS_VOICE_EMULATOR_RELEASE_WINDOW"
#: Files or directories (separated by os.pathsep) of registration definitions captured with the AWS CLI.
REGISTRATION_DEFINITIONS_ENV_VAR = "SMS_VOICE_EMULATOR_REGISTRATION_DEFINITIONS"
DEFAULT_ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "us-east-1"

DEFAULT_RELEASE_WINDOW_SECONDS = 2.0
#: Countries that the AWS "supported countries" table marks as requiring sender-ID registration
#: (India's DLT, Singapore's SGNIC, and the Gulf/SEA/MENA registries). Not the truth: AWS changes
#: the list, which is why it is configurable.
DEFAULT_REGISTRATION_ONLY_COUNTRIES = frozenset({"IN", "ID", "SG", "AE", "SA", "VN", "PH", "EG", "JO"})
#: Countries where AWS does not support alphanumeric sender IDs at all.
DEFAULT_UNSUPPORTED_COUNTRIES = frozenset({"US", "CA", "CN"})
#: Sender IDs per account and region before ServiceQuotaExceededException SENDER_IDS_PER_ACCOUNT.
DEFAULT_SENDER_ID_QUOTA = 1000

#: Seconds an attachment stays UPLOAD_IN_PROGRESS, and an approved registration PROVISIONING (guesses:
#: AWS takes longer; long enough that a client which does not wait for them fails against the emulator).
DEFAULT_ATTACHMENT_UPLOAD_SECONDS = 1.0
DEFAULT_REGISTRATION_PROVISIONING_SECONDS = 1.0
#: Account count quotas (ServiceQuotaExceededException reasons) for registrations, per account and region.
#: AWS documents no numbers for them: these are guesses (docs/emulator.md), configurable.
DEFAULT_REGISTRATION_QUOTAS: Mapping[str, int] = MappingProxyType(
    {
        "REGISTRATIONS_PER_ACCOUNT": 100,
        "REGISTRATION_ATTACHMENTS_PER_ACCOUNT": 100,
        "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY": 100,
        "REGISTRATION_VERSIONS_CREATED_PER_DAY": 100,
        "ASSOCIATIONS_PER_REGISTRATION": 10,
    }
)

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
    attachment_upload_seconds: float = DEFAULT_ATTACHMENT_UPLOAD_SECONDS
    registration_provisioning_seconds: float = DEFAULT_REGISTRATION_PROVISIONING_SECONDS
    #: Seconds after submission when a version is approved by itself (REVIEWING at half); None: a test reviews.
    auto_approve_registrations_after_seconds: float | None = None
    registration_quotas: Mapping[str, int] = dataclasses.field(default_factory=lambda: DEFAULT_REGISTRATION_QUOTAS)
    #: Whether CreateRegistrationVersion pre-fills the new version with the previous one's values.
    new_version_copies_values: bool = True
    #: Whether a DENIED version can be edited and resubmitted in place, without a new version.
    denied_version_editable: bool = False
    #: The registration types in force; None: the built-in catalogue.
    registration_catalogue: Catalogue | None = None

    def catalogue(self) -> Catalogue:
        return self.registration_catalogue or registration_catalogue.builtin()


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


def default_config() -> EmulatorConfig:
    config = EmulatorConfig()
    spec = os.environ.get(quotas.ENV_VAR)
    if spec is not None and spec.strip():
        try:
            config = dataclasses.replace(config, request_quotas=quotas.parse(spec, operation_names()))
        except ValueError as error:
            raise ValueError(f"{quotas.ENV_VAR}: {error}") from None
    definitions = os.environ.get(REGISTRATION_DEFINITIONS_ENV_VAR)
    if definitions is not None and definitions.strip():
        try:
            loaded = registration_catalogue.read_files(p for p in definitions.split(os.pathsep) if p.strip())
        except ValueError as error:
            raise ValueError(f"{REGISTRATION_DEFINITIONS_ENV_VAR}: {error}") from None
        config = dataclasses.replace(config, registration_catalogue=config.catalogue().merged(loaded))
    window = os.environ.get(RELEASE_WINDOW_ENV_VAR)
    if window is None or not window.strip():
        return config
    try:
        seconds = float(window)
    except ValueError:
        raise ValueError(f"{RELEASE_WINDOW_ENV_VAR} must be a number of seconds, got {window!r}") from None
    return dataclasses.replace(config, release_window_seconds=check_window(seconds))


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
                self.config = self.baseline or default_config()
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
    from botocore.loaders import Loader

    return frozenset(Loader().load_service_model(SERVICE_NAME, "service-2")["operations"])


def check_window(seconds: float) -> float:
    if not seconds >= 0:  # also rejects NaN
        raise ValueError(f"release_window_seconds must be >= 0, got {seconds!r}")
    return float(seconds)
