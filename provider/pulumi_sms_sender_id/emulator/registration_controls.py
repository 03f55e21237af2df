"""The registration test controls: a test acts as AWS's reviewer, and chooses the registration types.

Like the other controls (`controls`), each function checks its arguments (ValueError naming the bad
one) and is offered three ways: here, over HTTP (`server`), and by `control_client.EmulatorControl`.
A registration is found by its ID in whichever account and region holds it (IDs are unique). The
reviewer's answers are the registration's DescribeRegistrations record, with CreatedTimestamp as an
ISO 8601 string so that they read the same over HTTP.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import registration_catalogue
from .controls import apply_config
from .registration import register
from .registration_config import check_seconds
from .state import LOCK, STATE

if TYPE_CHECKING:
    from .models import PinpointSMSVoiceV2Backend

#: DeniedReasons when a test gives none (AWS always explains a denial; the text is the emulator's).
DEFAULT_DENIED_REASONS = ({"Reason": "REVIEW_DENIED", "ShortDescription": "Denied by the emulator's test reviewer."},)
_REASON_KEYS = frozenset({"Reason", "ShortDescription", "LongDescription", "DocumentationTitle", "DocumentationLink"})
_NOTE_KEYS = frozenset({"DeniedReason", "Feedback"})


def _holder(registration_id: Any) -> PinpointSMSVoiceV2Backend:
    """The backend that holds the registration, in any account and region; ValueError if none does."""
    if not isinstance(registration_id, str) or not registration_id:
        raise ValueError(f"registration_id must be a registration ID, got {registration_id!r}")
    register()
    from .models import pinpointsmsvoicev2_backends

    with LOCK:
        for account in list(pinpointsmsvoicev2_backends.values()):
            for backend in list(account.values()):
                if registration_id in backend.registrations:
                    held: PinpointSMSVoiceV2Backend = backend
                    return held
    raise ValueError(f"no registration {registration_id!r} in any account or region")


def _json(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "CreatedTimestamp": record["CreatedTimestamp"].isoformat()}


def start_registration_review(registration_id: str) -> dict[str, Any]:
    """Move a submitted version to REVIEWING (as AWS's reviewer picking it up). ValueError if not submitted."""
    return _json(_holder(registration_id).start_registration_review(registration_id))


def approve_registration(registration_id: str) -> dict[str, Any]:
    """Approve the submitted version: PROVISIONING, then COMPLETE with its sender ID (see `registration_review`)."""
    return _json(_holder(registration_id).approve_registration(registration_id))


def deny_registration(
    registration_id: str,
    reasons: Sequence[Mapping[str, str]] | None = None,
    field_feedback: Mapping[str, str | Mapping[str, str]] | None = None,
    feedback: str | None = None,
) -> dict[str, Any]:
    """Deny the submitted version (REQUIRES_UPDATES), explaining why.

    ``reasons``: DeniedReasons entries (Reason and ShortDescription required; LongDescription,
    DocumentationTitle, DocumentationLink optional). ``field_feedback``: field path -> its
    DeniedReason text, or -> ``{"DeniedReason": ..., "Feedback": ...}``. ``feedback``: the version's
    Feedback. DescribeRegistrationVersions and DescribeRegistrationFieldValues answer them.
    """
    checked_reasons = _reasons(reasons if reasons else DEFAULT_DENIED_REASONS)
    notes = _field_notes(field_feedback or {})
    if feedback is not None and not isinstance(feedback, str):
        raise ValueError(f"feedback must be a string, got {feedback!r}")
    return _json(_holder(registration_id).deny_registration(registration_id, checked_reasons, feedback, notes))


def _reasons(reasons: Any) -> list[dict[str, str]]:
    if isinstance(reasons, (str, Mapping)) or not isinstance(reasons, Sequence):
        raise ValueError(f"reasons must be a list of DeniedReasons entries, got {reasons!r}")
    checked = []
    for reason in reasons:
        if not isinstance(reason, Mapping) or not {"Reason", "ShortDescription"} <= set(reason):
            raise ValueError(f"each reason needs Reason and ShortDescription, got {reason!r}")
        if set(reason) - _REASON_KEYS or not all(isinstance(v, str) for v in reason.values()):
            raise ValueError(f"a reason has the string members {sorted(_REASON_KEYS)}, got {reason!r}")
        checked.append(dict(reason))
    return checked


def _field_notes(feedback: Any) -> dict[str, dict[str, str]]:
    if not isinstance(feedback, Mapping):
        raise ValueError(f"field_feedback must map field paths to notes, got {feedback!r}")
    notes: dict[str, dict[str, str]] = {}
    for path, note in feedback.items():
        note = {"DeniedReason": note} if isinstance(note, str) else note
        if not isinstance(note, Mapping) or not note or set(note) - _NOTE_KEYS:
            raise ValueError(f"field_feedback[{path!r}] must be a string or {{'DeniedReason', 'Feedback'}}")
        if not all(isinstance(v, str) for v in note.values()):
            raise ValueError(f"field_feedback[{path!r}] must hold strings, got {note!r}")
        notes[str(path)] = dict(note)
    return notes


def auto_approve_registrations(after_seconds: float | None, *, as_default: bool = False) -> None:
    """Approve every submitted version ``after_seconds`` after its submission (REVIEWING at half of it);
    None turns it off (a test reviews). Versions already waiting count from their own submission."""
    seconds = None if after_seconds is None else check_seconds(after_seconds, "after_seconds")
    apply_config({"auto_approve_registrations_after_seconds": seconds}, as_default)


def load_registration_definitions(
    type_definitions: Any,
    field_definitions: Any,
    section_definitions: Any = None,
    replace: bool = False,
    *,
    as_default: bool = False,
) -> list[str]:
    """Serve registration types captured from a real account (parsed AWS CLI output).

    ``type_definitions``: the output of ``describe-registration-type-definitions``;
    ``field_definitions``: that of ``describe-registration-field-definitions --registration-type X``,
    or a list of them (one per type); ``section_definitions`` (optional, likewise): that of
    ``describe-registration-section-definitions``. Types with field definitions are loaded,
    replacing built-in ones of the same name (``replace=True``: replacing the whole catalogue).
    Returns the names of the types now served.
    """
    loaded = registration_catalogue.from_documents(type_definitions, field_definitions, section_definitions)
    return use_registration_catalogue(loaded, replace, as_default=as_default)


def use_registration_catalogue(
    loaded: registration_catalogue.Catalogue, replace: bool = False, *, as_default: bool = False
) -> list[str]:
    """Serve ``loaded``'s types (also the server's ``--registration-definitions`` files)."""
    if not isinstance(replace, bool):
        raise ValueError(f"replace must be true or false, got {replace!r}")
    if not loaded.types:
        raise ValueError("no registration type has field definitions: nothing to load")
    with LOCK:
        base = (STATE.baseline if as_default and STATE.baseline else STATE.current_config()).catalogue()
        catalogue = base.merged(loaded, replace)
        apply_config({"registration_catalogue": catalogue}, as_default)
    return sorted(catalogue.types)
