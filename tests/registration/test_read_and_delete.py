"""Registration refresh and destroy against the emulator: what AWS decided is reported, a registration deleted
outside Pulumi is gone, and destroy deletes what the resource made, except while AWS reviews it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pulumi_sms_sender_id import RegistrationProvider
from pulumi_sms_sender_id.registration.errors import RegistrationError
from pulumi_sms_sender_id.registration.files import attachment_arn
from tests.registration.support import PROOF, attachments, create, india, registrations
from tests.support import INDIA, INDIA_FORM


def refresh(provider: RegistrationProvider, id_: str, outs: dict[str, Any]) -> tuple[str, dict[str, Any], Any]:
    read = provider.read(id_, outs)
    return str(read.id or ""), dict(read.outs or {}), read.inputs


def test_refresh_reports_a_denial_with_its_reasons_and_per_field_feedback(
    registration_provider: RegistrationProvider, registering: Any
) -> None:
    id_, outs = create(registration_provider, india())
    reason = {
        "Reason": "COMPANY_NAME_MISMATCH",
        "ShortDescription": "The name differs from the DLT record.",
        "DocumentationLink": "https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations.html",
    }
    registering.deny_registration(
        id_,
        reasons=[reason],
        field_feedback={
            "companyInfo.companyName": {"DeniedReason": "Not the DLT name", "Feedback": "Use 'ACME Pvt Ltd'"}
        },
    )

    _, outs, _ = refresh(registration_provider, id_, outs)

    assert (outs["registration_status"], outs["version_status"]) == ("REQUIRES_UPDATES", "DENIED")
    assert outs["denied_reasons"] == [
        {
            "reason": "COMPANY_NAME_MISMATCH",
            "short_description": "The name differs from the DLT record.",
            "documentation_link": "https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations.html",
        }
    ]
    assert outs["field_feedback"] == {"companyInfo.companyName": "Not the DLT name; Use 'ACME Pvt Ltd'"}
    assert outs["version_status_since"] is not None


def test_refresh_reports_the_approval_and_the_sender_id_aws_provisioned(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    id_, outs = create(registration_provider, india())
    registering.approve_registration(id_)

    _, outs, _ = refresh(registration_provider, id_, outs)

    (sender,) = sms.describe_sender_ids()["SenderIds"]
    assert outs["sender_id_arn"] == sender["SenderIdArn"]
    assert (sender["Registered"], sender["RegistrationId"]) == (True, id_)
    assert (outs["registration_status"], outs["approved_version_number"], outs["version_status"]) == (
        "COMPLETE",
        1,
        "APPROVED",
    )


def test_refresh_of_a_registration_deleted_outside_pulumi_says_it_is_gone(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    id_, outs = create(registration_provider, india(submit=False))
    sms.delete_registration(RegistrationId=id_)

    found, outs, _ = refresh(registration_provider, id_, outs)

    assert (found, outs) == ("", {})


def test_refresh_shows_a_value_changed_outside_pulumi_as_drift(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    id_, outs = create(registration_provider, india(submit=False))
    sms.put_registration_field_value(RegistrationId=id_, FieldPath="companyInfo.companyName", TextValue="Other")

    _, fresh, inputs = refresh(registration_provider, id_, outs)

    assert inputs["fields"]["companyInfo.companyName"] == "Other"
    assert registration_provider.diff(id_, fresh, india(submit=False)).changes is True


def test_get_reads_a_registration_from_its_id_alone(
    registration_provider: RegistrationProvider, registering: Any, loa_pdf: Path
) -> None:
    id_, created = create(registration_provider, india(loa_pdf))

    found, outs, _ = refresh(registration_provider, id_, {})

    assert found == id_
    assert (outs["registration_type"], outs["fields"]) == (INDIA, INDIA_FORM)
    assert outs["attachments"] == {PROOF: attachment_arn(outs["registration_arn"], created["attachment_ids"][PROOF])}


def test_delete_deletes_the_registration_and_the_attachments_it_uploaded(
    registration_provider: RegistrationProvider, registering: Any, sms: Any, loa_pdf: Path
) -> None:
    id_, outs = create(registration_provider, india(loa_pdf, submit=False))
    foreign = sms.create_registration_attachment(AttachmentUrl="s3://acme-registrations/other.pdf")
    kept = foreign["RegistrationAttachmentId"]

    registration_provider.delete(id_, outs)

    assert registrations(sms) == {}
    assert list(attachments(sms)) == [kept], "an attachment the resource did not upload is not its to delete"


@pytest.mark.parametrize("reviewing", [False, True], ids=["submitted", "reviewing"])
def test_delete_is_refused_while_aws_reviews_with_the_reason(
    registration_provider: RegistrationProvider, registering: Any, sms: Any, loa_pdf: Path, reviewing: bool
) -> None:
    id_, outs = create(registration_provider, india(loa_pdf))
    if reviewing:
        registering.start_registration_review(id_)
    registering.reset_call_counts()

    with pytest.raises(RegistrationError) as refused:
        registration_provider.delete(id_, outs)

    assert str(refused.value).startswith(f"Deleting it is refused: AWS is reviewing registration {id_}")
    assert list(registrations(sms)) == [id_]
    assert len(attachments(sms)) == 1
    assert not any(op.startswith("Delete") for op in registering.call_counts())


def test_delete_of_a_registration_already_gone_succeeds(
    registration_provider: RegistrationProvider, registering: Any, sms: Any
) -> None:
    id_, outs = create(registration_provider, india(submit=False))
    sms.delete_registration(RegistrationId=id_)

    registration_provider.delete(id_, outs)

    assert registrations(sms) == {}
