"""Registration create against the emulator: the form judged first, created once, uploaded, put, submitted,
and nothing left behind when it fails part-way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pulumi_sms_sender_id import RegistrationProvider
from pulumi_sms_sender_id.aws import calls
from pulumi_sms_sender_id.registration import definitions
from pulumi_sms_sender_id.registration.errors import RegistrationError
from tests.registration.support import PROOF, attachments, changes, create, hints, india, registrations, values
from tests.support import INDIA, INDIA_FORM


def without(*paths: str) -> dict[str, Any]:
    return {k: v for k, v in INDIA_FORM.items() if k not in paths}


@pytest.fixture
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries after an internal error without waiting."""
    monkeypatch.setattr(calls, "backoff", lambda failures: 0.0)


def test_create_uploads_the_attachment_puts_every_value_and_submits(
    registration_provider: RegistrationProvider, registering: Any, sms: Any, loa_pdf: Path
) -> None:
    id_, outs = create(registration_provider, india(loa_pdf))

    assert list(registrations(sms)) == [id_]
    attachment_id = outs["attachment_ids"][PROOF]
    assert attachments(sms) == {attachment_id: "UPLOAD_COMPLETE"}
    assert values(sms, id_) == {**INDIA_FORM, PROOF: attachment_id}
    assert (outs["registration_status"], outs["version_number"], outs["version_status"]) == (
        "SUBMITTED",
        1,
        "SUBMITTED",
    )
    assert outs["registration_arn"].endswith(f":registration/{id_}")
    assert outs["created_attachment_ids"] == [attachment_id]
    assert outs["approved_version_number"] is None
    assert outs["sender_id_arn"] is None
    assert outs["tags"] == {"team": "growth"}
    assert outs["fields"] == INDIA_FORM


def test_create_waits_for_the_upload_to_complete_before_putting_it(
    registration_provider: RegistrationProvider, emulated: Any, loa_pdf: Path
) -> None:
    emulated.configure(attachment_upload_seconds=1.0)  # the default: AWS takes uploads in the background

    create(registration_provider, india(loa_pdf))

    counts = emulated.call_counts()
    assert counts["DescribeRegistrationAttachments"] >= 2, "polled until UPLOAD_COMPLETE"


def test_submit_false_keeps_a_draft(registration_provider: RegistrationProvider, registering: Any) -> None:
    _, outs = create(registration_provider, india(submit=False))
    assert (outs["registration_status"], outs["version_status"]) == ("CREATED", "DRAFT")
    assert registering.call_counts().get("SubmitRegistrationVersion", 0) == 0


def test_aws_review_asks_aws_to_check_the_form_first(
    registration_provider: RegistrationProvider, registering: Any
) -> None:
    _, outs = create(registration_provider, india(aws_review=True))
    assert outs["version_status"] == "AWS_REVIEWING"


def test_create_walks_every_page_of_the_field_definitions(
    registration_provider: RegistrationProvider, registering: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(definitions, "PAGE_SIZE", 5)
    create(registration_provider, india())
    assert registering.call_counts()["DescribeRegistrationFieldDefinitions"] == 5  # 24 fields


def test_missing_required_fields_are_refused_by_title_before_anything_is_created(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    missing = ("companyInfo.companyName", "inSidSpecificInfo.principalEntityId")
    with pytest.raises(RegistrationError) as refused:
        create(registration_provider, india(fields=without(*missing)))

    message = str(refused.value)
    assert "refuses 2 fields, so nothing was created or changed in AWS" in message
    for path in missing:
        shown = hints(sms, path)
        assert f'fields["{path}"] ({shown["Title"]}) is required: {shown["ShortDescription"].rstrip(".")}' in message
    assert changes(registering.call_counts()) == {}


def test_a_value_the_definitions_reject_is_refused_naming_the_field_and_what_it_expects(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    inputs = india(fields={**INDIA_FORM, "senderIdInfo.senderId": "ACME-IN", "companyInfo.areaOfBusiness": ["Space"]})
    with pytest.raises(RegistrationError) as refused:
        create(registration_provider, inputs)

    message = str(refused.value)
    assert "fields[\"senderIdInfo.senderId\"] (Sender ID) 'ACME-IN' does not match the pattern" in message
    assert "'Space' is not among the options" in message
    assert changes(registering.call_counts()) == {}


def test_an_unknown_registration_type_is_refused_with_the_types_aws_knows(
    registration_provider: RegistrationProvider, registering: Any
) -> None:
    with pytest.raises(RegistrationError) as refused:
        create(registration_provider, india(registration_type="XX_SENDER_ID_REGISTRATION"))
    assert "AWS does not know the registration type 'XX_SENDER_ID_REGISTRATION'" in str(refused.value)
    assert INDIA in str(refused.value)
    assert registering.call_counts().get("CreateRegistration", 0) == 0


def test_a_lost_create_answer_never_yields_two_registrations(
    registration_provider: RegistrationProvider, registering: Any, sms: Any, no_backoff: None
) -> None:
    registering.inject_fault("CreateRegistration", "InternalServerException", after_commit=True)

    id_, _ = create(registration_provider, india())

    assert list(registrations(sms)) == [id_]
    assert registering.call_counts()["CreateRegistration"] == 2  # the retry, with the same ClientToken


def test_a_lost_attachment_answer_never_yields_two_attachments(
    registration_provider: RegistrationProvider, registering: Any, sms: Any, loa_pdf: Path, no_backoff: None
) -> None:
    registering.inject_fault("CreateRegistrationAttachment", "InternalServerException", after_commit=True)

    _, outs = create(registration_provider, india(loa_pdf))

    assert list(attachments(sms)) == outs["created_attachment_ids"] == [outs["attachment_ids"][PROOF]]


def test_an_interrupted_create_run_again_gets_its_registration_back(
    registration_provider: RegistrationProvider, registering: Any, sms: Any, loa_pdf: Path
) -> None:
    first, _ = create(registration_provider, india(loa_pdf))  # `pulumi up` died before saving this

    again, outs = create(registration_provider, india(loa_pdf))

    assert again == first
    assert list(registrations(sms)) == [first]
    assert len(attachments(sms)) == 1
    assert outs["version_status"] == "SUBMITTED"


def test_a_create_after_its_registration_was_deleted_creates_a_new_one(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    first, outs = create(registration_provider, india(submit=False))
    registration_provider.delete(first, outs)

    again, _ = create(registration_provider, india(submit=False))  # the same inputs: the token replays the first

    assert again != first
    assert list(registrations(sms)) == [again]


def test_a_create_failing_part_way_deletes_its_draft_and_attachments(
    registration_provider: RegistrationProvider, registering: Any, sms: Any, loa_pdf: Path, no_backoff: None
) -> None:
    registering.inject_fault("SubmitRegistrationVersion", "InternalServerException", count=calls.TRANSIENT_ATTEMPTS + 1)

    with pytest.raises(RegistrationError) as failed:
        create(registration_provider, india(loa_pdf))

    assert registrations(sms) == {}
    assert attachments(sms) == {}
    assert "its draft and attachments, was deleted again" in str(failed.value)
    counts = registering.call_counts()
    assert (counts["DeleteRegistration"], counts["DeleteRegistrationAttachment"]) == (1, 1)


def test_a_lost_submit_answer_submits_once(
    registration_provider: RegistrationProvider, registering: Any, no_backoff: None
) -> None:
    registering.inject_fault("SubmitRegistrationVersion", "InternalServerException", after_commit=True)

    _, outs = create(registration_provider, india())

    assert outs["version_status"] == "SUBMITTED"
    assert registering.call_counts()["SubmitRegistrationVersion"] == 1, "Describe said it took effect: no retry"


def test_a_conditionally_required_attachment_is_refused_saying_when_it_is_required(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    local = {k: v for k, v in INDIA_FORM.items() if not k.startswith("inSidSpecificInfo.")}
    local["companyAddress.isoCountryCode"] = "ID"  # a local company: the operators' letters are required

    with pytest.raises(RegistrationError) as refused:
        create(registration_provider, india(registration_type="ID_SENDER_ID_REGISTRATION", fields=local))

    path = "idSidSpecificInfo.letterOfAuthorization1"
    title = hints(sms, path, "ID_SENDER_ID_REGISTRATION")["Title"]
    assert f"attachments[\"{path}\"] ({title}) is required when companyAddress.isoCountryCode is 'ID'" in str(
        refused.value
    )
    assert changes(registering.call_counts()) == {}
