"""The control API's signatures, written once: what each control takes, in process and over HTTP.

`controls` implements them, `control_client.EmulatorControl` sends them over HTTP (both are checked
against `EmulatorControlProtocol` by mypy), and `server` refuses any JSON key they do not name. Leaf module:
typing only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from typing_extensions import TypedDict, Unpack


class ConfigChanges(TypedDict, total=False):
    """The knobs `configure` changes; an omitted or None knob stays as it is."""

    release_window_seconds: float | None
    registration_only_countries: Iterable[str] | None
    unsupported_countries: Iterable[str] | None
    sender_id_quota: int | None
    #: Every spelling of `quotas.parse`: "aws", "off", a number, "Op=rate[:burst],..." or a mapping.
    request_quotas: Any
    latency_seconds: float | None
    #: Seconds a new attachment stays UPLOAD_IN_PROGRESS, an approved registration PROVISIONING.
    attachment_upload_seconds: float | None
    registration_provisioning_seconds: float | None
    #: Account count quotas by AWS's reason (REGISTRATIONS_PER_ACCOUNT, ...), merged over those in force.
    registration_quotas: Mapping[str, int] | None
    #: Whether CreateRegistrationVersion copies the previous values; whether a DENIED version is editable.
    new_version_copies_values: bool | None
    denied_version_editable: bool | None


class SeedOptions(TypedDict, total=False):
    """Where and how `seed_sender_id` puts a sender ID (defaults: `state.DEFAULT_*`, TRANSACTIONAL)."""

    account_id: str
    region: str
    message_types: Sequence[str]
    registered: bool
    registration_id: str | None
    deletion_protection_enabled: bool
    tags: Mapping[str, str] | None


def documented_keys(shape: type[Any]) -> frozenset[str]:
    """The keys a TypedDict names: all a control's JSON body may hold."""
    return frozenset(shape.__annotations__)


def check_keys(control: str, given: Mapping[str, Any], shape: type[Any], *also: str) -> None:
    """Refuse a key the control does not document (TypeError, as Python does for a bad keyword)."""
    allowed = documented_keys(shape) | set(also)
    unknown = sorted(set(given) - allowed)
    if unknown:
        raise TypeError(f"{control} got unexpected keys {unknown}; documented: {sorted(allowed)}")


class EmulatorControlProtocol(Protocol):
    """The controls, whichever side of a process boundary the emulator lives on."""

    def inject_fault(
        self, operation: str, error: str = "ThrottlingException", count: int = 1, after_commit: bool = False
    ) -> None: ...

    def configure(self, **changes: Unpack[ConfigChanges]) -> None: ...

    def current_config(self) -> dict[str, Any]: ...

    def seed_sender_id(
        self, sender_id: str, iso_country_code: str, **options: Unpack[SeedOptions]
    ) -> dict[str, Any]: ...

    def call_counts(self) -> dict[str, int]: ...

    def reset_call_counts(self) -> None: ...

    def reset(self) -> None: ...

    def approve_registration(self, registration_id: str) -> dict[str, Any]: ...

    def deny_registration(
        self,
        registration_id: str,
        reasons: Sequence[Mapping[str, str]] | None = None,
        field_feedback: Mapping[str, str | Mapping[str, str]] | None = None,
        feedback: str | None = None,
    ) -> dict[str, Any]: ...

    def start_registration_review(self, registration_id: str) -> dict[str, Any]: ...

    def auto_approve_registrations(self, after_seconds: float | None) -> None: ...

    def load_registration_definitions(
        self, type_definitions: Any, field_definitions: Any, section_definitions: Any = None, replace: bool = False
    ) -> list[str]: ...
