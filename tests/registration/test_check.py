"""Registration check: the inputs' shapes, each bad field path named, with no AWS call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pulumi_sms_sender_id import RegistrationProvider
from pulumi_sms_sender_id.registration.rules import MAX_ATTACHMENT_BYTES
from tests.support import INDIA, INDIA_FORM, unknown


def check(provider: RegistrationProvider, **news: Any) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    result = provider.check({}, {"registration_type": INDIA, "fields": INDIA_FORM, **news})
    return result.inputs, [(f.property, f.reason) for f in result.failures]


def test_a_well_formed_registration_passes_without_any_aws_call(
    registration_provider: RegistrationProvider, emulated: Any, loa_pdf: Path
) -> None:
    inputs, failures = check(
        registration_provider,
        attachments={"senderIdInfo.proofOfSenderIdConnection": str(loa_pdf)},
        tags={"team": "growth"},
        submit=False,
    )
    assert failures == []
    assert inputs["fields"] == INDIA_FORM
    assert emulated.call_counts() == {}


@pytest.mark.parametrize(
    ("news", "failure"),
    [
        ({"registration_type": "IN SENDER ID"}, ("registration_type", "'IN SENDER ID' is not a registration type")),
        ({"registration_type": None}, ("registration_type", "is required")),
        ({"fields": {"companyName": "ACME"}}, ("fields", 'fields["companyName"] is not a field path')),
        ({"fields": {"companyInfo.companyName": "x" * 2049}}, ("fields", "is 2049 characters: AWS takes at most 2048")),
        ({"fields": {"companyInfo.companyName": ""}}, ("fields", "is empty: leave the field out")),
        ({"fields": {"messagingUseCase.monthlyMessageVolume": [10000]}}, ("fields", "must be a list of strings")),
        (
            {"fields": {"companyInfo.areaOfBusiness": {"a": "b"}}},
            ("fields", "must be a string (a TEXT field) or a list"),
        ),
        ({"fields": "companyInfo.companyName=ACME"}, ("fields", "must be a map of field paths to values")),
        ({"submit": "yes"}, ("submit", "must be true or false")),
        ({"attachments": {"senderIdInfo.loa": "s3://bucket"}}, ("attachments", "is not an S3 URL")),
        (
            {"attachments": {"senderIdInfo.loa": "arn:aws:sms-voice:eu-west-2:1:x"}},
            ("attachments", "not a registration attachment ARN"),
        ),
    ],
)
def test_a_bad_shape_is_refused_naming_the_input_and_field_path(
    registration_provider: RegistrationProvider, news: dict[str, Any], failure: tuple[str, str]
) -> None:
    _, failures = check(registration_provider, **news)
    assert len(failures) == 1
    (name, reason) = failures[0]
    assert name == failure[0]
    assert failure[1] in reason


def test_a_missing_attachment_file_is_refused_by_its_field_path(
    registration_provider: RegistrationProvider, tmp_path: Path
) -> None:
    _, failures = check(registration_provider, attachments={"senderIdInfo.loa": str(tmp_path / "missing.pdf")})
    assert failures == [
        ("attachments", f'attachments["senderIdInfo.loa"]: there is no file {tmp_path / "missing.pdf"}')
    ]


def test_an_attachment_over_the_upload_limit_is_refused(
    registration_provider: RegistrationProvider, tmp_path: Path
) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-" + b"0" * MAX_ATTACHMENT_BYTES)
    _, failures = check(registration_provider, attachments={"senderIdInfo.loa": str(big)})
    assert len(failures) == 1
    assert "AWS takes attachments of at most 5 MiB" in failures[0][1]


def test_every_bad_entry_is_reported_at_once(registration_provider: RegistrationProvider, tmp_path: Path) -> None:
    _, failures = check(
        registration_provider,
        fields={"companyInfo.companyName": "", "companyInfo.companyId": "x" * 3000},
        attachments={"senderIdInfo.loa": str(tmp_path / "none.pdf"), "companyInfo.companyName": "s3://b/k.pdf"},
    )
    assert [name for name, _ in failures] == ["fields", "fields", "attachments", "attachments"]
    assert "declared in both fields and attachments" in failures[-1][1]


def test_values_unknown_in_preview_pass(registration_provider: RegistrationProvider) -> None:
    _, failures = check(
        registration_provider,
        fields={**INDIA_FORM, "senderIdInfo.senderId": unknown()},
        attachments={"senderIdInfo.loa": unknown()},
    )
    assert failures == []
