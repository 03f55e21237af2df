"""Registration update against the emulator: a draft takes the changes directly, an approved or denied
registration gets a new version with only what changed, and nothing changes while AWS reviews it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pulumi_sms_sender_id import RegistrationProvider
from pulumi_sms_sender_id.aws import calls
from pulumi_sms_sender_id.registration.errors import RegistrationError
from tests.registration.support import (
    PROOF,
    RENAMED,
    attachments,
    changes,
    create,
    hints,
    india,
    registrations,
    values,
)
from tests.support import INDIA_FORM


def update(provider: RegistrationProvider, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any]:
    """check + update, as `pulumi up` runs a changed resource (the old outputs are the state)."""
    checked = provider.check(olds, news)
    assert checked.failures == [], checked.failures
    outs = provider.update(id_, olds, checked.inputs).outs
    assert outs is not None
    return dict(outs)


def refresh(provider: RegistrationProvider, id_: str, outs: dict[str, Any]) -> dict[str, Any]:
    read = provider.read(id_, outs)
    assert read.outs is not None
    return dict(read.outs)


def test_a_draft_takes_changed_values_and_loses_removed_ones(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    with_description = {**INDIA_FORM, "senderIdInfo.senderIdDescription": "Login codes"}
    id_, outs = create(registration_provider, india(fields=with_description, submit=False))
    registering.reset_call_counts()

    outs = update(registration_provider, id_, outs, india(fields=RENAMED, submit=False))

    counts = registering.call_counts()
    assert (counts["PutRegistrationFieldValue"], counts["DeleteRegistrationFieldValue"]) == (1, 1)
    assert counts.get("CreateRegistrationVersion", 0) == counts.get("SubmitRegistrationVersion", 0) == 0
    assert values(sms, id_) == RENAMED
    assert (outs["version_number"], outs["version_status"], outs["fields"]) == (1, "DRAFT", RENAMED)


def test_submit_turned_on_submits_the_draft(registration_provider: RegistrationProvider, registering: Any) -> None:
    id_, outs = create(registration_provider, india(submit=False))

    outs = update(registration_provider, id_, outs, india())

    assert outs["version_status"] == "SUBMITTED"
    assert registering.call_counts().get("PutRegistrationFieldValue", 0) == len(INDIA_FORM)


def test_denial_then_resubmission_puts_only_what_changed_in_a_new_version(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    id_, outs = create(registration_provider, india())
    registering.deny_registration(
        id_,
        reasons=[{"Reason": "COMPANY_NAME_MISMATCH", "ShortDescription": "The name differs from the DLT record."}],
        field_feedback={"companyInfo.companyName": "Use the name registered with TRAI DLT"},
    )
    outs = refresh(registration_provider, id_, outs)
    assert outs["registration_status"] == "REQUIRES_UPDATES"
    registering.reset_call_counts()

    outs = update(registration_provider, id_, outs, india(fields=RENAMED))

    counts = registering.call_counts()
    assert (counts["CreateRegistrationVersion"], counts["PutRegistrationFieldValue"]) == (1, 1)
    assert counts["SubmitRegistrationVersion"] == 1
    assert (outs["version_number"], outs["version_status"], outs["registration_status"]) == (
        2,
        "SUBMITTED",
        "SUBMITTED",
    )
    assert values(sms, id_, version=2) == RENAMED
    assert values(sms, id_, version=1) == INDIA_FORM, "the denied version is read-only"


def test_a_new_version_that_aws_leaves_empty_gets_the_whole_form(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    registering.configure(new_version_copies_values=False)
    id_, outs = create(registration_provider, india())
    registering.deny_registration(id_)
    outs = refresh(registration_provider, id_, outs)
    registering.reset_call_counts()

    update(registration_provider, id_, outs, india(fields=RENAMED))

    assert registering.call_counts()["PutRegistrationFieldValue"] == len(RENAMED)
    assert values(sms, id_, version=2) == RENAMED


def test_a_change_to_an_approved_registration_is_a_new_version_until_aws_approves_it(
    registration_provider: RegistrationProvider, registering: Any
) -> None:
    id_, outs = create(registration_provider, india())
    registering.approve_registration(id_)
    outs = refresh(registration_provider, id_, outs)

    outs = update(registration_provider, id_, outs, india(fields=RENAMED))
    assert (outs["version_number"], outs["version_status"], outs["approved_version_number"]) == (2, "SUBMITTED", 1)

    registering.approve_registration(id_)
    outs = refresh(registration_provider, id_, outs)
    assert (outs["approved_version_number"], outs["registration_status"]) == (2, "COMPLETE")


def test_a_field_change_while_aws_reviews_is_refused_before_any_mutating_call(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    id_, outs = create(registration_provider, india(submit=False))  # the state says DRAFT...
    sms.submit_registration_version(RegistrationId=id_)  # ...and someone submitted it since
    registering.start_registration_review(id_)
    registering.reset_call_counts()

    with pytest.raises(RegistrationError) as refused:
        update(registration_provider, id_, outs, india(fields=RENAMED, submit=False))

    message = str(refused.value)
    assert message.startswith(f"Changing fields or attachments is refused: AWS is reviewing registration {id_}")
    assert "version 1 is REVIEWING since" in message
    assert "Wait for AWS's decision" in message
    assert "as the stack state records it" not in message, "this one comes from a fresh Describe"
    assert changes(registering.call_counts()) == {}
    assert values(sms, id_) == INDIA_FORM


def test_tags_change_in_place_even_while_aws_reviews(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    id_, outs = create(registration_provider, india())
    registering.start_registration_review(id_)

    outs = update(registration_provider, id_, outs, india(tags={"team": "sales"}))

    assert outs["tags"] == {"team": "sales"}
    tags = sms.list_tags_for_resource(ResourceArn=outs["registration_arn"])["Tags"]
    assert tags == [{"Key": "team", "Value": "sales"}]


def test_a_new_content_of_the_attachment_file_is_uploaded_and_put(
    registration_provider: RegistrationProvider, registering: Any, sms: Any, loa_pdf: Path
) -> None:
    id_, outs = create(registration_provider, india(loa_pdf, submit=False))
    first = outs["attachment_ids"][PROOF]
    loa_pdf.write_bytes(loa_pdf.read_bytes() + b"% signed again\n")

    assert registration_provider.diff(id_, outs, india(loa_pdf, submit=False)).changes is True
    outs = update(registration_provider, id_, outs, india(loa_pdf, submit=False))

    second = outs["attachment_ids"][PROOF]
    assert second != first
    assert values(sms, id_)[PROOF] == second
    assert outs["created_attachment_ids"] == [first, second]
    assert sorted(attachments(sms)) == sorted([first, second]), "the first is deleted with the registration"
    assert list(registrations(sms)) == [id_]


def test_an_incomplete_draft_is_kept_and_refused_by_title_once_it_is_to_be_submitted(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    partial = {"senderIdInfo.senderId": "ACMEIN", "companyInfo.companyName": "ACME India Private Limited"}
    id_, outs = create(registration_provider, india(fields=partial, submit=False))
    assert outs["version_status"] == "DRAFT"
    registering.reset_call_counts()

    with pytest.raises(RegistrationError) as refused:
        update(registration_provider, id_, outs, india(fields=partial))
    title = hints(sms, "companyInfo.companyId")["Title"]
    assert f'fields["companyInfo.companyId"] ({title}) is required' in str(refused.value)
    assert changes(registering.call_counts()) == {}


def test_a_lost_new_version_answer_makes_one_version(
    registration_provider: RegistrationProvider, registering: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calls, "backoff", lambda failures: 0.0)
    id_, outs = create(registration_provider, india())
    registering.deny_registration(id_)
    outs = refresh(registration_provider, id_, outs)
    registering.inject_fault("CreateRegistrationVersion", "InternalServerException", after_commit=True)

    outs = update(registration_provider, id_, outs, india(fields=RENAMED))

    assert (outs["version_number"], outs["version_status"]) == (2, "SUBMITTED")
    assert registering.call_counts()["CreateRegistrationVersion"] == 1
