"""The HTTP control API's routes: each ``(method, path)`` under ``/_sms-voice-emulator/`` and its handler.

A handler takes the decoded JSON body, refuses any key its control does not document (TypeError) and
calls the control of `controls` or `registration_controls`; `server.ControlMiddleware` answers what it
returns as JSON, and a ValueError or TypeError as HTTP 400.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from typing_extensions import TypedDict

from . import controls, registration_controls
from .control_api import ConfigChanges, SeedOptions, check_keys


def _seed(body: dict[str, Any]) -> Any:
    check_keys("sender-ids", body, SeedOptions, "sender_id", "iso_country_code")
    if "sender_id" not in body or "iso_country_code" not in body:
        raise ValueError("sender_id and iso_country_code are required")
    sender_id = body.pop("sender_id")
    iso_country_code = body.pop("iso_country_code")
    return controls.seed_sender_id(sender_id, iso_country_code, **body)


OK = {"status": "ok"}


class FaultBody(TypedDict):
    """The JSON body of POST faults: `controls.inject_fault`'s arguments."""

    operation: str
    error: str
    count: int
    after_commit: bool


def _inject_fault(body: dict[str, Any]) -> Any:
    check_keys("faults", body, FaultBody)
    controls.inject_fault(**body)
    return OK


def _configure(body: dict[str, Any]) -> Any:
    check_keys("config", body, ConfigChanges)  # never as_default: a test cannot change what reset restores
    controls.configure(**body)
    return controls.current_config()


def _reset_call_counts(_: dict[str, Any]) -> Any:
    controls.reset_call_counts()
    return OK


def _reset(_: dict[str, Any]) -> Any:
    controls.reset()
    return OK


class ReviewBody(TypedDict):
    """The JSON body of POST registrations/start-review and registrations/approve."""

    registration_id: str


class DenyBody(ReviewBody, total=False):
    """The JSON body of POST registrations/deny: `registration_controls.deny_registration`'s arguments."""

    reasons: list[dict[str, str]] | None
    field_feedback: dict[str, Any] | None
    feedback: str | None


class DefinitionsBody(TypedDict, total=False):
    """The JSON body of POST registration-definitions: `load_registration_definitions`' arguments."""

    type_definitions: Any
    field_definitions: Any
    section_definitions: Any
    replace: bool


def _review(control: Callable[..., Any], shape: type[Any] = ReviewBody) -> Callable[[dict[str, Any]], Any]:
    """A reviewer control's route: the registration_id it needs, and the keys its body may hold."""

    def handle(body: dict[str, Any]) -> Any:
        check_keys("registrations", body, shape)
        if "registration_id" not in body:
            raise ValueError("registration_id is required")
        return control(**body)

    return handle


def _auto_approve(body: dict[str, Any]) -> Any:
    if set(body) != {"after_seconds"}:
        raise ValueError("the body must be {\"after_seconds\": SECONDS or null}")
    registration_controls.auto_approve_registrations(body["after_seconds"])
    return controls.current_config()


def _load_definitions(body: dict[str, Any]) -> Any:
    check_keys("registration-definitions", body, DefinitionsBody)
    if "type_definitions" not in body or "field_definitions" not in body:
        raise ValueError("type_definitions and field_definitions are required")
    return {"registration_types": registration_controls.load_registration_definitions(**body)}


#: (method, path after the prefix) -> handler of the decoded JSON body.
ROUTES: dict[tuple[str, str], Callable[[dict[str, Any]], Any]] = {
    ("POST", "faults"): _inject_fault,
    ("POST", "config"): _configure,
    ("GET", "config"): lambda _: controls.current_config(),
    ("POST", "sender-ids"): _seed,
    ("GET", "calls"): lambda _: controls.call_counts(),
    ("POST", "calls/reset"): _reset_call_counts,
    ("POST", "reset"): _reset,
    ("GET", "health"): lambda _: OK,
    ("POST", "registrations/start-review"): _review(registration_controls.start_registration_review),
    ("POST", "registrations/approve"): _review(registration_controls.approve_registration),
    ("POST", "registrations/deny"): _review(registration_controls.deny_registration, DenyBody),
    ("POST", "registrations/auto-approve"): _auto_approve,
    ("POST", "registration-definitions"): _load_definitions,
}
