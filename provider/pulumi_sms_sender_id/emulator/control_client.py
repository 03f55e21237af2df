"""Clients of the emulator's controls: in this process, or over a server's plain-HTTP JSON API.

Standard library only (no moto, no pytest), so `EmulatorControl` also works from processes that have
neither imported. Both satisfy `control_api.EmulatorControlProtocol`; mypy checks it below.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from typing_extensions import Unpack

from . import controls as _controls
from . import registration_controls as _registrations
from .control_api import ConfigChanges, EmulatorControlProtocol, SeedOptions
from .state import CONTROL_PATH_PREFIX

__all__ = ["EmulatorControl", "EmulatorControlProtocol", "InProcessControl"]


class InProcessControl:
    """The controls of the emulator in this process (for ``mock_aws()``): the module's own functions."""

    inject_fault = staticmethod(_controls.inject_fault)
    configure = staticmethod(_controls.configure)
    seed_sender_id = staticmethod(_controls.seed_sender_id)
    call_counts = staticmethod(_controls.call_counts)
    reset_call_counts = staticmethod(_controls.reset_call_counts)
    reset = staticmethod(_controls.reset)
    current_config = staticmethod(_controls.current_config)
    start_registration_review = staticmethod(_registrations.start_registration_review)
    approve_registration = staticmethod(_registrations.approve_registration)
    deny_registration = staticmethod(_registrations.deny_registration)
    auto_approve_registrations = staticmethod(_registrations.auto_approve_registrations)
    load_registration_definitions = staticmethod(_registrations.load_registration_definitions)


class EmulatorControl:
    """The controls of an emulator server, over its plain-HTTP JSON API (stdlib only).

    Invalid arguments raise ValueError with the server's message, like the in-process controls.
    """

    def __init__(self, endpoint_url: str, timeout: float = 10.0) -> None:
        self.endpoint_url = endpoint_url.rstrip("/")
        self.timeout = timeout
        # Never send loopback control calls through an HTTP proxy from the environment.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _call(self, method: str, route: str, body: Mapping[str, Any] | None = None) -> Any:
        data = json.dumps(dict(body or {})).encode() if method == "POST" else None
        request = urllib.request.Request(
            f"{self.endpoint_url}{CONTROL_PATH_PREFIX}{route}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            try:
                message = json.loads(error.read()).get("error", error.reason)
            except ValueError:
                message = error.reason
            if error.code == 400:
                raise ValueError(message) from None
            raise RuntimeError(f"emulator control {method} {route}: HTTP {error.code}: {message}") from None

    def inject_fault(
        self, operation: str, error: str = "ThrottlingException", count: int = 1, after_commit: bool = False
    ) -> None:
        self._call(
            "POST", "faults", {"operation": operation, "error": error, "count": count, "after_commit": after_commit}
        )

    def configure(self, **changes: Unpack[ConfigChanges]) -> None:
        body: dict[str, Any] = {key: value for key, value in changes.items() if value is not None}
        for key in ("registration_only_countries", "unsupported_countries"):
            if key in body:
                body[key] = list(body[key])
        self._call("POST", "config", body)

    def seed_sender_id(
        self, sender_id: str, iso_country_code: str, **options: Unpack[SeedOptions]
    ) -> dict[str, Any]:
        body: dict[str, Any] = {**options, "sender_id": sender_id, "iso_country_code": iso_country_code}
        if "message_types" in options:
            body["message_types"] = list(options["message_types"])
        if options.get("tags") is not None:
            body["tags"] = dict(options["tags"] or {})
        record: dict[str, Any] = self._call("POST", "sender-ids", body)
        return record

    def call_counts(self) -> dict[str, int]:
        counts: dict[str, int] = self._call("GET", "calls")
        return counts

    def reset_call_counts(self) -> None:
        self._call("POST", "calls/reset")

    def reset(self) -> None:
        self._call("POST", "reset")

    def current_config(self) -> dict[str, Any]:
        config: dict[str, Any] = self._call("GET", "config")
        return config

    def _review(self, action: str, body: Mapping[str, Any]) -> dict[str, Any]:
        record: dict[str, Any] = self._call("POST", f"registrations/{action}", body)
        return record

    def start_registration_review(self, registration_id: str) -> dict[str, Any]:
        return self._review("start-review", {"registration_id": registration_id})

    def approve_registration(self, registration_id: str) -> dict[str, Any]:
        return self._review("approve", {"registration_id": registration_id})

    def deny_registration(
        self,
        registration_id: str,
        reasons: Sequence[Mapping[str, str]] | None = None,
        field_feedback: Mapping[str, str | Mapping[str, str]] | None = None,
        feedback: str | None = None,
    ) -> dict[str, Any]:
        body = {"registration_id": registration_id, "reasons": reasons, "field_feedback": field_feedback}
        return self._review("deny", _plain({**body, "feedback": feedback}))

    def auto_approve_registrations(self, after_seconds: float | None) -> None:
        self._call("POST", "registrations/auto-approve", {"after_seconds": after_seconds})

    def load_registration_definitions(
        self, type_definitions: Any, field_definitions: Any, section_definitions: Any = None, replace: bool = False
    ) -> list[str]:
        body = {
            "type_definitions": type_definitions,
            "field_definitions": field_definitions,
            "section_definitions": section_definitions,
            "replace": replace,
        }
        types: list[str] = self._call("POST", "registration-definitions", body)["registration_types"]
        return types


def _plain(value: Any) -> Any:
    """Mappings and sequences as JSON objects and arrays; the server checks what they hold."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


if TYPE_CHECKING:  # both clients offer every control with the documented signature

    def _conforms(http: EmulatorControl, local: InProcessControl) -> list[EmulatorControlProtocol]:
        return [http, local]
