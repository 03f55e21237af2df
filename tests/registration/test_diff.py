"""Registration diff: what replaces, what updates, decided offline; a form change refused while AWS reviews."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from pulumi.dynamic import DiffResult

from pulumi_sms_sender_id import RegistrationProvider
from pulumi_sms_sender_id.registration import files, schema
from pulumi_sms_sender_id.registration.errors import RegistrationError
from pulumi_sms_sender_id.sender_id.schema import OnChange
from tests.support import INDIA, INDIA_FORM, PROVIDER_KEY, REGION, unknown

ID = "registration-0123456789abcdef"
ARN = f"arn:aws:sms-voice:{REGION}:123456789012:registration/{ID}"


def state(**changes: Any) -> dict[str, Any]:
    """A registration's outputs as create or read wrote them."""
    return {
        "registration_type": INDIA,
        "fields": dict(INDIA_FORM),
        "attachments": {},
        "tags": {"team": "growth"},
        "submit": None,
        "aws_review": None,
        "region": REGION,
        "registration_id": ID,
        "registration_arn": ARN,
        "registration_status": "CREATED",
        "version_number": 1,
        "version_status": "DRAFT",
        "version_status_since": "2026-01-05T10:00:00+00:00",
        "approved_version_number": None,
        "denied_reasons": [],
        "field_feedback": {},
        "sender_id_arn": None,
        "attachment_ids": {},
        "attachment_digests": {},
        "created_attachment_ids": [],
        PROVIDER_KEY: "old-pickle",
        **changes,
    }


def program(**changes: Any) -> dict[str, Any]:
    return {"registration_type": INDIA, "fields": dict(INDIA_FORM), "tags": {"team": "growth"}, **changes}


EDITS: dict[str, Any] = {
    "registration_type": "ID_SENDER_ID_REGISTRATION",
    "fields": {**INDIA_FORM, "companyInfo.companyName": "ACME Two"},
    "attachments": {"senderIdInfo.proofOfSenderIdConnection": "s3://acme-registrations/proof.pdf"},
    "tags": {"team": "sales"},
    "submit": False,
    "aws_review": True,
    "region": "ap-south-1",
    "registration_id": "registration-other",
}


def diff(provider: RegistrationProvider, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
    return provider.diff(ID, olds, news)


def test_an_unchanged_program_shows_no_changes(registration_provider: RegistrationProvider) -> None:
    result = diff(registration_provider, state(), program())
    assert result.changes is False


def test_select_choices_in_another_order_are_no_change(registration_provider: RegistrationProvider) -> None:
    olds = state(fields={**INDIA_FORM, "companyInfo.areaOfBusiness": ["Retail", "Technology"]})
    news = program(fields={**INDIA_FORM, "companyInfo.areaOfBusiness": ["Technology", "Retail"]})
    assert diff(registration_provider, olds, news).changes is False


@pytest.mark.parametrize("row", schema.INPUTS, ids=lambda row: row.name)
def test_a_change_of_one_input_does_what_its_row_says(
    registration_provider: RegistrationProvider, row: schema.Input
) -> None:
    result = diff(registration_provider, state(), program(**{row.name: EDITS[row.name]}))
    assert result.changes is (row.on_change is not OnChange.NOTHING)
    assert result.replaces == ([row.name] if row.on_change is OnChange.REPLACE else [])


def test_a_new_content_of_the_same_attachment_file_is_an_update(
    registration_provider: RegistrationProvider, loa_pdf: Path
) -> None:
    path = "senderIdInfo.proofOfSenderIdConnection"
    olds = state(attachments={path: str(loa_pdf)}, attachment_digests={path: files.digest(str(loa_pdf))})
    news = program(attachments={path: str(loa_pdf)})
    assert diff(registration_provider, olds, news).changes is False

    loa_pdf.write_bytes(loa_pdf.read_bytes() + b"% signed again\n")
    result = diff(registration_provider, olds, news)
    assert result.changes is True
    assert result.replaces == []


def test_an_omitted_region_keeps_the_registration_where_it_is(registration_provider: RegistrationProvider) -> None:
    result = diff(registration_provider, state(region="ap-south-1"), program())
    assert result.changes is False


@pytest.mark.parametrize("status", ["SUBMITTED", "AWS_REVIEWING", "REVIEWING"])
def test_a_field_change_is_refused_in_preview_while_the_state_says_aws_reviews(
    registration_provider: RegistrationProvider, status: str
) -> None:
    since = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=3, hours=1)
    olds = state(registration_status=status, version_status=status, version_status_since=since.isoformat())
    with pytest.raises(RegistrationError) as refused:
        diff(registration_provider, olds, program(fields={**INDIA_FORM, "companyInfo.companyName": "ACME Two"}))
    message = str(refused.value)
    assert message.startswith(f"Changing fields is refused: AWS is reviewing registration {ID} ({INDIA})")
    assert f"version 1 is {status} since {since:%Y-%m-%d %H:%M} UTC, 3 days ago" in message
    assert "`pulumi refresh` first" in message
    assert "then run `pulumi up` again: an approved or denied registration gets a new version" in message
    assert ("discard-registration-version" in message) is (status == "SUBMITTED")


@pytest.mark.parametrize(
    "edit",
    [{"tags": {"team": "sales"}}, {"submit": False}, {"fields": {**INDIA_FORM, "senderIdInfo.senderId": unknown()}}],
    ids=["tags", "submit", "unknown-in-preview"],
)
def test_changes_aws_review_does_not_forbid_are_planned(
    registration_provider: RegistrationProvider, edit: dict[str, Any]
) -> None:
    olds = state(registration_status="REVIEWING", version_status="REVIEWING")
    assert diff(registration_provider, olds, program(**edit)).changes is True


def test_a_replacement_is_refused_while_aws_reviews(registration_provider: RegistrationProvider) -> None:
    olds = state(registration_status="REVIEWING", version_status="REVIEWING")
    with pytest.raises(RegistrationError, match="Changing registration_type is refused: AWS is reviewing"):
        diff(registration_provider, olds, program(registration_type="ID_SENDER_ID_REGISTRATION"))
