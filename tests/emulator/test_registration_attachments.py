"""Registration attachments: one file, a body or an S3 URL, that uploads for a while before a form can use it."""

from __future__ import annotations

import time

import pytest

from pulumi_sms_sender_id.emulator import DEFAULT_ACCOUNT_ID
from pulumi_sms_sender_id.emulator.launcher import TEST_REGION
from pulumi_sms_sender_id.emulator.testing import ClientAndControl

from .support import GB_FORM, NO_RETRIES, PDF, code, error_of, field_names, filled

#: The AttachmentBody shape's maximum size in bytes (5 MiB in base64).
MAX_BODY = 6_990_508
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 16


def test_an_attachment_uploads_for_a_while_before_it_is_complete(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    control.configure(attachment_upload_seconds=0.5)
    created = client.create_registration_attachment(AttachmentBody=PDF)
    attachment_id = created["RegistrationAttachmentId"]
    assert created["RegistrationAttachmentArn"] == (
        f"arn:aws:sms-voice:{TEST_REGION}:{DEFAULT_ACCOUNT_ID}:registration-attachment/{attachment_id}"
    )
    assert created["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"
    (record,) = client.describe_registration_attachments(RegistrationAttachmentIds=[attachment_id])[
        "RegistrationAttachments"
    ]
    assert record["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"
    time.sleep(0.55)
    (record,) = client.describe_registration_attachments()["RegistrationAttachments"]
    assert record["AttachmentStatus"] == "UPLOAD_COMPLETE"


def test_the_upload_takes_a_second_unless_configured(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    assert control.current_config()["attachment_upload_seconds"] == 1.0
    attachment_id = client.create_registration_attachment(AttachmentBody=PDF)["RegistrationAttachmentId"]
    time.sleep(0.3)
    listed = client.describe_registration_attachments(RegistrationAttachmentIds=[attachment_id])
    assert listed["RegistrationAttachments"][0]["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"


def test_a_form_can_use_an_attachment_only_once_uploaded(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated.new_client(config=NO_RETRIES), sms_voice_emulated.control
    control.configure(attachment_upload_seconds=0.3)
    registration_id = filled(client, form={})
    attachment_id = client.create_registration_attachment(AttachmentBody=PDF)["RegistrationAttachmentId"]

    def attach() -> object:
        return client.put_registration_field_value(
            RegistrationId=registration_id,
            FieldPath="senderIdInfo.letterOfAuthorization",
            RegistrationAttachmentId=attachment_id,
        )

    early = error_of(attach)
    assert (code(early), early["Reason"], early["ResourceType"], early["ResourceId"]) == (
        "ConflictException",
        "RESOURCE_NOT_ACTIVE",
        "registration-attachment",
        attachment_id,
    )
    time.sleep(0.35)
    assert attach()["RegistrationAttachmentId"] == attachment_id  # type: ignore[index]


@pytest.mark.parametrize("body", [PDF, PNG, JPEG], ids=["pdf", "png", "jpeg"])
def test_pdf_png_and_jpeg_bodies_are_accepted(instant_emulated: ClientAndControl, body: bytes) -> None:
    client, _ = instant_emulated
    assert client.create_registration_attachment(AttachmentBody=body)["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"


def test_a_body_of_another_type_is_not_supported(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    error = error_of(lambda: client.create_registration_attachment(AttachmentBody=b"GIF89a..."))
    assert (error["Reason"], field_names(error)) == ("ATTACHMENT_TYPE_NOT_SUPPORTED", ["AttachmentBody"])


def test_an_s3_url_is_kept_and_answered(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    url = "s3://acme-registrations/loa/letter.pdf"
    attachment_id = client.create_registration_attachment(AttachmentUrl=url)["RegistrationAttachmentId"]
    (record,) = client.describe_registration_attachments(RegistrationAttachmentIds=[attachment_id])[
        "RegistrationAttachments"
    ]
    assert (record["AttachmentUrl"], record["AttachmentStatus"]) == (url, "UPLOAD_COMPLETE")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://example.com/letter.pdf", "INVALID_PARAMETER"),
        ("s3://acme-registrations", "INVALID_PARAMETER"),
        ("s3://acme-registrations/letter.docx", "ATTACHMENT_TYPE_NOT_SUPPORTED"),
    ],
)
def test_a_url_must_name_an_s3_object_of_a_supported_type(
    instant_emulated: ClientAndControl, url: str, reason: str
) -> None:
    client, _ = instant_emulated
    error = error_of(lambda: client.create_registration_attachment(AttachmentUrl=url))
    assert (error["Reason"], field_names(error)) == (reason, ["AttachmentUrl"])


def test_a_body_and_a_url_together_are_refused(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    error = error_of(lambda: client.create_registration_attachment(AttachmentBody=PDF, AttachmentUrl="s3://b/a.pdf"))
    assert (error["Reason"], field_names(error)) == (
        "PARAMETERS_CANNOT_BE_USED_TOGETHER",
        ["AttachmentBody", "AttachmentUrl"],
    )
    assert client.describe_registration_attachments()["RegistrationAttachments"] == []


def test_neither_a_body_nor_a_url_is_refused(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    error = error_of(client.create_registration_attachment)
    assert (error["Reason"], field_names(error)) == ("MISSING_PARAMETER", ["AttachmentBody", "AttachmentUrl"])


def test_a_body_over_the_apis_size_cap_is_refused(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    assert client.create_registration_attachment(AttachmentBody=PDF.ljust(MAX_BODY, b" "))["AttachmentStatus"]
    error = error_of(lambda: client.create_registration_attachment(AttachmentBody=PDF.ljust(MAX_BODY + 1, b" ")))
    assert (code(error), error["Reason"], field_names(error)) == (
        "ValidationException",
        "MAXIMUM_SIZE_EXCEEDED",
        ["AttachmentBody"],
    )


def test_a_reused_client_token_replays_the_first_attachment(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    first = client.create_registration_attachment(AttachmentBody=PDF, ClientToken="loa-1")
    again = client.create_registration_attachment(AttachmentBody=PDF, ClientToken="loa-1")
    assert again["RegistrationAttachmentId"] == first["RegistrationAttachmentId"]
    assert again["AttachmentStatus"] == "UPLOAD_IN_PROGRESS"  # the first answer, as it was
    assert len(client.describe_registration_attachments()["RegistrationAttachments"]) == 1
    other = error_of(lambda: client.create_registration_attachment(AttachmentBody=PNG, ClientToken="loa-1"))
    assert (other["Reason"], field_names(other)) == ("INVALID_PARAMETER", ["ClientToken"])


def test_tags_on_an_attachment(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    created = client.create_registration_attachment(AttachmentBody=PDF, Tags=[{"Key": "doc", "Value": "loa"}])
    assert created["Tags"] == [{"Key": "doc", "Value": "loa"}]
    arn = created["RegistrationAttachmentArn"]
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "year", "Value": "2026"}])
    client.untag_resource(ResourceArn=arn, TagKeys=["doc"])
    assert client.list_tags_for_resource(ResourceArn=arn)["Tags"] == [{"Key": "year", "Value": "2026"}]


def test_attachment_quotas(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    control.configure(registration_quotas={"REGISTRATION_ATTACHMENTS_PER_ACCOUNT": 1})
    first = client.create_registration_attachment(AttachmentBody=PDF)["RegistrationAttachmentId"]
    assert error_of(lambda: client.create_registration_attachment(AttachmentBody=PDF))["Reason"] == (
        "REGISTRATION_ATTACHMENTS_PER_ACCOUNT"
    )
    control.configure(registration_quotas={"REGISTRATION_ATTACHMENTS_PER_ACCOUNT": 9,
                                           "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY": 1})  # fmt: skip
    client.delete_registration_attachment(RegistrationAttachmentId=first)
    assert error_of(lambda: client.create_registration_attachment(AttachmentBody=PDF))["Reason"] == (
        "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY"
    )


def test_deleting_an_attachment_answers_deleted_and_forgets_it(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    created = client.create_registration_attachment(AttachmentBody=PDF)
    deleted = client.delete_registration_attachment(RegistrationAttachmentId=created["RegistrationAttachmentArn"])
    assert (deleted["RegistrationAttachmentId"], deleted["AttachmentStatus"]) == (
        created["RegistrationAttachmentId"],
        "DELETED",
    )
    assert client.describe_registration_attachments()["RegistrationAttachments"] == []
    gone = error_of(
        lambda: client.describe_registration_attachments(
            RegistrationAttachmentIds=[created["RegistrationAttachmentId"]]
        )
    )
    assert (code(gone), gone["ResourceType"]) == ("ResourceNotFoundException", "registration-attachment")


def test_an_attachment_under_review_cannot_be_deleted_and_a_deleted_one_fails_the_form(
    instant_emulated: ClientAndControl,
) -> None:
    client, _ = instant_emulated
    attachment_id = client.create_registration_attachment(AttachmentBody=PDF)["RegistrationAttachmentId"]
    behalf = {**GB_FORM, "senderIdInfo.registeringOnBehalfOfAnotherEntity": ["Yes"]}
    reviewed = filled(client, form=behalf)
    draft = filled(client, form=behalf)
    for registration_id in (reviewed, draft):
        client.put_registration_field_value(
            RegistrationId=registration_id,
            FieldPath="senderIdInfo.letterOfAuthorization",
            RegistrationAttachmentId=attachment_id,
        )
    client.submit_registration_version(RegistrationId=reviewed)
    refused = error_of(lambda: client.delete_registration_attachment(RegistrationAttachmentId=attachment_id))
    assert (code(refused), refused["Reason"]) == ("ConflictException", "RESOURCE_DELETION_NOT_ALLOWED")
    assert reviewed in refused["Message"]
    client.discard_registration_version(RegistrationId=reviewed)
    client.delete_registration_attachment(RegistrationAttachmentId=attachment_id)
    error = error_of(lambda: client.submit_registration_version(RegistrationId=draft))
    assert error["Fields"] == [
        {"Name": "senderIdInfo.letterOfAuthorization", "Message": f"Attachment {attachment_id} was deleted"}
    ]


def test_attachments_filter_by_status_and_page(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    done = [client.create_registration_attachment(AttachmentBody=PDF)["RegistrationAttachmentId"] for _ in range(3)]
    control.configure(attachment_upload_seconds=60)
    busy = client.create_registration_attachment(AttachmentBody=PDF)["RegistrationAttachmentId"]
    uploading = client.describe_registration_attachments(
        Filters=[{"Name": "attachment-status", "Values": ["UPLOAD_IN_PROGRESS"]}]
    )
    assert [a["RegistrationAttachmentId"] for a in uploading["RegistrationAttachments"]] == [busy]
    pages = client.get_paginator("describe_registration_attachments").paginate(PaginationConfig={"PageSize": 3})
    assert [[a["RegistrationAttachmentId"] for a in p["RegistrationAttachments"]] for p in pages] == [done, [busy]]
    bad = error_of(
        lambda: client.describe_registration_attachments(Filters=[{"Name": "attachment-status", "Values": ["DONE"]}])
    )
    assert bad["Reason"] == "INVALID_FILTER_VALUES"
