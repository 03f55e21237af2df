"""Registrations through the real provider process, as the engine drives it: from submission through refresh
and approval to the sender ID, and the safety of each step (one registration per create, nothing left behind,
nothing changed while AWS reviews)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.engine.harness import Declared, Engine, ProviderError, StartProvider, registration
from tests.registration.support import RENAMED, attachments, changes, registrations, values
from tests.registration.support import india as declared
from tests.support import INDIA, INDIA_FORM, held


def india(attachment: Path | None = None, **changes: Any) -> Declared:
    """The India registration in a program (as `tests.registration.support.india` declares it)."""
    return registration(**declared(attachment, **changes))


def sender_id(registration_id: str) -> dict[str, Any]:
    return {
        "sender_id": INDIA_FORM["senderIdInfo.senderId"],
        "iso_country_code": "IN",
        "registration_id": registration_id,
    }


def mutations(emulator: Any) -> dict[str, int]:
    return changes(emulator.control.call_counts())


def test_from_submission_through_refresh_and_approval_to_the_sender_id(
    engine: Engine, emulator: Any, aws: Any, loa_pdf: Path
) -> None:
    engine.up({"india": india(loa_pdf)})
    reg = engine.state["india"]
    assert (reg.outputs["registration_status"], reg.outputs["version_status"]) == ("SUBMITTED", "SUBMITTED")
    assert engine.preview({"india": india(loa_pdf)})["india"].op == "same"

    with pytest.raises(ProviderError) as pending:
        engine.up({"india": india(loa_pdf), "acme": sender_id(reg.id)})
    assert f"its registration {reg.id} ({INDIA}) is SUBMITTED since" in pending.value.message
    assert emulator.control.call_counts().get("RequestSenderId", 0) == 0

    emulator.control.approve_registration(reg.id)
    assert not engine.refresh()["india"].drift
    outputs = engine.state["india"].outputs
    assert (outputs["registration_status"], outputs["approved_version_number"]) == ("COMPLETE", 1)
    assert outputs["sender_id_arn"] == held(aws)["ACMEIN/IN"]["SenderIdArn"]

    engine.up({"india": india(loa_pdf), "acme": sender_id(reg.id)})
    assert engine.state["acme"].id == outputs["sender_id_arn"]
    assert emulator.control.call_counts().get("RequestSenderId", 0) == 0

    engine.destroy()  # the sender ID first (it depends on the registration), which closes the registration
    assert held(aws) == {}
    assert registrations(aws) == {}
    assert attachments(aws) == {}


def test_a_lost_create_answer_never_yields_two_registrations(engine: Engine, emulator: Any, aws: Any) -> None:
    emulator.control.inject_fault("CreateRegistration", "InternalServerException", after_commit=True)

    engine.up({"india": india()})

    assert list(registrations(aws)) == [engine.state["india"].id]
    assert emulator.control.call_counts()["CreateRegistration"] == 2


def test_a_create_failing_part_way_leaves_nothing_behind(
    start_provider: StartProvider, emulator: Any, aws: Any, loa_pdf: Path
) -> None:
    engine = Engine(start_provider(**{"sms-sender-id:throttleTimeoutSeconds": "0.5"}))
    emulator.control.configure(attachment_upload_seconds=0.1)
    emulator.control.inject_fault("SubmitRegistrationVersion", "ThrottlingException", count=1000)

    with pytest.raises(ProviderError) as failed:
        engine.up({"india": india(loa_pdf)})

    assert "kept throttling" in failed.value.message
    assert "its draft and attachments, was deleted again" in failed.value.message
    assert registrations(aws) == {}
    assert attachments(aws) == {}
    assert engine.state == {}


def test_denial_then_resubmission(engine: Engine, emulator: Any, aws: Any) -> None:
    engine.up({"india": india()})
    id_ = engine.state["india"].id
    emulator.control.deny_registration(
        id_,
        reasons=[{"Reason": "COMPANY_NAME_MISMATCH", "ShortDescription": "The name differs from the DLT record."}],
        field_feedback={"companyInfo.companyName": "Use the name registered with TRAI DLT"},
    )

    engine.refresh()
    outputs = engine.state["india"].outputs
    assert outputs["registration_status"] == "REQUIRES_UPDATES"
    assert outputs["denied_reasons"][0]["reason"] == "COMPANY_NAME_MISMATCH"
    assert outputs["field_feedback"] == {"companyInfo.companyName": "Use the name registered with TRAI DLT"}

    assert engine.preview({"india": india(fields=RENAMED)})["india"].op == "update"
    emulator.control.reset_call_counts()
    engine.up({"india": india(fields=RENAMED)})

    outputs = engine.state["india"].outputs
    assert (outputs["version_number"], outputs["version_status"]) == (2, "SUBMITTED")
    assert mutations(emulator) == {
        "CreateRegistrationVersion": 1,
        "PutRegistrationFieldValue": 1,
        "SubmitRegistrationVersion": 1,
    }
    assert values(aws, id_, version=2) == RENAMED


def test_a_field_change_while_aws_reviews_is_refused_in_preview_before_any_call(
    engine: Engine, emulator: Any, aws: Any
) -> None:
    engine.up({"india": india()})
    id_ = engine.state["india"].id
    emulator.control.start_registration_review(id_)
    engine.refresh()
    emulator.control.reset_call_counts()

    with pytest.raises(ProviderError) as refused:
        engine.preview({"india": india(fields=RENAMED)})

    message = refused.value.message
    assert f"Changing fields is refused: AWS is reviewing registration {id_} ({INDIA})" in message
    assert "version 1 is REVIEWING since" in message
    assert "Wait for AWS's decision" in message
    assert emulator.control.call_counts() == {}, "preview is offline"
    with pytest.raises(ProviderError, match="AWS is reviewing"):
        engine.up({"india": india(fields=RENAMED)})
    assert mutations(emulator) == {}
    assert values(aws, id_) == INDIA_FORM


def test_destroy_is_refused_while_aws_reviews_and_says_why(engine: Engine, emulator: Any, aws: Any) -> None:
    engine.up({"india": india()})
    emulator.control.reset_call_counts()

    with pytest.raises(ProviderError) as refused:
        engine.destroy()

    assert "Deleting it is refused: AWS is reviewing registration" in refused.value.message
    assert "version 1 is SUBMITTED" in refused.value.message
    assert "discard-registration-version" in refused.value.message
    assert mutations(emulator) == {}
    assert list(registrations(aws)) == [engine.state["india"].id]
