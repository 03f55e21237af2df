"""A registration's life: submitted, reviewed by the test (as AWS's reviewer), approved or denied, closed."""

from __future__ import annotations

import time

import pytest

from pulumi_sms_sender_id.emulator.testing import ClientAndControl

from .support import GB_FORM, IN_FORM, IN_TYPE, arn, code, error_of, filled, put, status, submitted, version_status


def _history(client: object, registration_id: str, number: int = 1) -> dict[str, object]:
    versions = client.describe_registration_versions(  # type: ignore[attr-defined]
        RegistrationId=registration_id, VersionNumbers=[number]
    )
    return dict(versions["RegistrationVersions"][0]["RegistrationVersionStatusHistory"])


def test_approval_provisions_the_registered_sender_id_and_completes(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    control.configure(registration_provisioning_seconds=0.3)
    registration_id = submitted(client)
    assert status(client, registration_id) == "SUBMITTED"
    assert control.start_registration_review(registration_id)["RegistrationStatus"] == "REVIEWING"
    approved = control.approve_registration(registration_id)
    assert (approved["RegistrationStatus"], approved["ApprovedVersionNumber"]) == ("PROVISIONING", 1)
    assert client.describe_sender_ids()["SenderIds"] == []  # the sender ID exists once provisioned
    time.sleep(0.35)
    assert status(client, registration_id) == "COMPLETE"
    (sender,) = client.describe_sender_ids(Filters=[{"Name": "registered", "Values": ["true"]}])["SenderIds"]
    assert (sender["SenderId"], sender["IsoCountryCode"], sender["RegistrationId"]) == (
        "MYBRAND",
        "GB",
        registration_id,
    )
    associations = client.list_registration_associations(RegistrationId=registration_id)
    assert associations["RegistrationType"] == "GB_SENDER_ID_REGISTRATION"
    assert associations["RegistrationAssociations"] == [
        {
            "ResourceArn": arn("MYBRAND", "GB"),
            "ResourceId": "MYBRAND",
            "ResourceType": "SENDER_ID",
            "IsoCountryCode": "GB",
        }
    ]
    history = _history(client, registration_id)
    assert list(history) == ["DraftTimestamp", "SubmittedTimestamp", "ReviewingTimestamp", "ApprovedTimestamp"]
    assert history["DraftTimestamp"] <= history["SubmittedTimestamp"] <= history["ApprovedTimestamp"]  # type: ignore[operator]


def test_an_indian_sender_id_comes_only_through_a_registration(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    refused = error_of(lambda: client.request_sender_id(SenderId="ACMEIN", IsoCountryCode="IN"))
    assert refused["Reason"] == "SENDER_ID_REQUIRES_REGISTRATION"
    registration_id = submitted(client, IN_TYPE)
    assert control.approve_registration(registration_id)["RegistrationStatus"] == "COMPLETE"
    (sender,) = client.describe_sender_ids()["SenderIds"]
    assert (sender["SenderId"], sender["IsoCountryCode"], sender["Registered"]) == ("ACMEIN", "IN", True)
    assert sender["MessageTypes"] == ["Transactional", "Promotional"]


def test_releasing_the_sender_id_closes_the_registration_which_can_then_be_deleted(
    instant_emulated: ClientAndControl,
) -> None:
    client, control = instant_emulated
    registration_id = submitted(client)
    control.approve_registration(registration_id)
    held = error_of(lambda: client.delete_registration(RegistrationId=registration_id))
    assert (code(held), held["Reason"]) == ("ConflictException", "RESOURCE_DELETION_NOT_ALLOWED")
    assert client.release_sender_id(SenderId="MYBRAND", IsoCountryCode="GB")["RegistrationId"] == registration_id
    assert status(client, registration_id) == "CLOSED"
    closed = error_of(lambda: client.create_registration_version(RegistrationId=registration_id))
    assert closed["Reason"] == "CREATE_REGISTRATION_VERSION_NOT_ALLOWED"
    assert client.delete_registration(RegistrationId=registration_id)["RegistrationStatus"] == "DELETED"


def test_aws_review_goes_through_aws_reviewing_first(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    registration_id = filled(client)
    answer = client.submit_registration_version(RegistrationId=registration_id, AwsReview=True)
    assert (answer["AwsReview"], answer["RegistrationVersionStatus"]) == (True, "AWS_REVIEWING")
    assert status(client, registration_id) == "AWS_REVIEWING"
    control.start_registration_review(registration_id)
    assert version_status(client, registration_id, 1) == "REVIEWING"
    assert list(_history(client, registration_id)) == [
        "DraftTimestamp",
        "SubmittedTimestamp",
        "AwsReviewingTimestamp",
        "ReviewingTimestamp",
    ]


def test_a_denial_explains_itself_and_a_new_version_fixes_it(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    registration_id = submitted(client)
    denied = control.deny_registration(
        registration_id,
        reasons=[{"Reason": "INVALID_COMPANY", "ShortDescription": "Company not found", "LongDescription": "..."}],
        field_feedback={
            "companyInfo.companyId": "Not a Companies House number",
            "senderIdInfo.letterOfAuthorization": {"DeniedReason": "Missing", "Feedback": "Upload the signed LOA"},
        },
        feedback="Fix the company details",
    )
    assert (denied["RegistrationStatus"], denied["LatestDeniedVersionNumber"]) == ("REQUIRES_UPDATES", 1)
    (version,) = client.describe_registration_versions(RegistrationId=registration_id)["RegistrationVersions"]
    assert version["RegistrationVersionStatus"] == "DENIED"
    assert version["DeniedReasons"] == [
        {"Reason": "INVALID_COMPANY", "ShortDescription": "Company not found", "LongDescription": "..."}
    ]
    assert version["Feedback"] == "Fix the company details"
    assert "DeniedTimestamp" in version["RegistrationVersionStatusHistory"]
    values = client.describe_registration_field_values(
        RegistrationId=registration_id, FieldPaths=["companyInfo.companyId", "senderIdInfo.letterOfAuthorization"]
    )["RegistrationFieldValues"]
    assert values == [
        {
            "FieldPath": "senderIdInfo.letterOfAuthorization",
            "DeniedReason": "Missing",
            "Feedback": "Upload the signed LOA",
        },
        {"FieldPath": "companyInfo.companyId", "TextValue": "AC123456", "DeniedReason": "Not a Companies House number"},
    ]
    read_only = error_of(lambda: put(client, registration_id, "companyInfo.companyId", "12345678"))
    assert read_only["Reason"] == "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED"

    new = client.create_registration_version(RegistrationId=registration_id)
    assert (new["VersionNumber"], new["RegistrationVersionStatus"]) == (2, "DRAFT")
    copied = client.describe_registration_field_values(
        RegistrationId=registration_id, FieldPaths=["companyInfo.companyId"]
    )
    assert copied["RegistrationFieldValues"] == [{"FieldPath": "companyInfo.companyId", "TextValue": "AC123456"}]
    put(client, registration_id, "companyInfo.companyId", "12345678")
    assert client.submit_registration_version(RegistrationId=registration_id)["VersionNumber"] == 2
    assert status(client, registration_id) == "SUBMITTED"
    assert version_status(client, registration_id, 1) == "DENIED"
    control.approve_registration(registration_id)
    (registration,) = client.describe_registrations(RegistrationIds=[registration_id])["Registrations"]
    assert (registration["RegistrationStatus"], registration["ApprovedVersionNumber"]) == ("COMPLETE", 2)


def test_a_new_version_starts_empty_when_so_configured(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    control.configure(new_version_copies_values=False)
    registration_id = submitted(client)
    control.deny_registration(registration_id)
    client.create_registration_version(RegistrationId=registration_id)
    assert client.describe_registration_field_values(RegistrationId=registration_id)["RegistrationFieldValues"] == []
    assert len(client.describe_registration_field_values(RegistrationId=registration_id, VersionNumber=1)[
        "RegistrationFieldValues"
    ]) == len(GB_FORM)  # fmt: skip


def test_a_denied_version_is_edited_and_resubmitted_in_place_when_so_configured(
    instant_emulated: ClientAndControl,
) -> None:
    client, control = instant_emulated
    control.configure(denied_version_editable=True)
    registration_id = submitted(client)
    control.deny_registration(registration_id, field_feedback={"companyInfo.companyId": "Wrong"})
    put(client, registration_id, "companyInfo.companyId", "12345678")
    again = client.submit_registration_version(RegistrationId=registration_id)
    assert (again["VersionNumber"], again["RegistrationVersionStatus"]) == (1, "SUBMITTED")
    values = client.describe_registration_field_values(
        RegistrationId=registration_id, FieldPaths=["companyInfo.companyId"]
    )
    assert values["RegistrationFieldValues"] == [{"FieldPath": "companyInfo.companyId", "TextValue": "12345678"}]


@pytest.mark.parametrize("stage", ["SUBMITTED", "REVIEWING"])
def test_nothing_about_a_registration_changes_during_review(instant_emulated: ClientAndControl, stage: str) -> None:
    client, control = instant_emulated
    registration_id = submitted(client)
    if stage == "REVIEWING":
        control.start_registration_review(registration_id)
    refusals = {
        "put": lambda: put(client, registration_id, "companyAddress.city", "Leeds"),
        "delete value": lambda: client.delete_registration_field_value(
            RegistrationId=registration_id, FieldPath="companyAddress.city"
        ),
        "submit": lambda: client.submit_registration_version(RegistrationId=registration_id),
        "new version": lambda: client.create_registration_version(RegistrationId=registration_id),
        "delete": lambda: client.delete_registration(RegistrationId=registration_id),
    }
    reasons = {name: error_of(call)["Reason"] for name, call in refusals.items()}
    assert reasons == {
        "put": "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
        "delete value": "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED",
        "submit": "REGISTRATION_ALREADY_SUBMITTED",
        "new version": "CREATE_REGISTRATION_VERSION_NOT_ALLOWED",
        "delete": "REGISTRATION_ALREADY_SUBMITTED",
    }
    conflict = error_of(refusals["put"])
    assert (code(conflict), conflict["ResourceType"], conflict["ResourceId"]) == (
        "ConflictException",
        "registration",
        registration_id,
    )
    assert status(client, registration_id) == stage


def test_only_a_submitted_version_can_be_discarded(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    registration_id = filled(client)
    assert error_of(lambda: client.discard_registration_version(RegistrationId=registration_id))["Reason"] == (
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED"
    )
    client.submit_registration_version(RegistrationId=registration_id)
    discarded = client.discard_registration_version(RegistrationId=registration_id)
    assert discarded["RegistrationVersionStatus"] == "DISCARDED"
    assert "DiscardedTimestamp" in discarded["RegistrationVersionStatusHistory"]
    assert status(client, registration_id) == "CREATED"
    assert error_of(lambda: client.submit_registration_version(RegistrationId=registration_id))["Reason"] == (
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED"
    )
    assert client.create_registration_version(RegistrationId=registration_id)["VersionNumber"] == 2
    client.submit_registration_version(RegistrationId=registration_id)
    control.start_registration_review(registration_id)
    assert error_of(lambda: client.discard_registration_version(RegistrationId=registration_id))["Reason"] == (
        "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED"
    )


def test_a_new_approved_version_archives_the_previous_one(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    registration_id = submitted(client)
    control.approve_registration(registration_id)
    assert error_of(lambda: client.submit_registration_version(RegistrationId=registration_id))["Reason"] == (
        "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED"
    )
    client.create_registration_version(RegistrationId=registration_id)
    assert status(client, registration_id) == "COMPLETE"  # the approved version still holds
    put(client, registration_id, "messageSamples.messageSample1", "Your Acme login code is 654321")
    client.submit_registration_version(RegistrationId=registration_id)
    control.approve_registration(registration_id)
    assert [version_status(client, registration_id, n) for n in (1, 2)] == ["ARCHIVED", "APPROVED"]
    archived = client.describe_registration_versions(
        RegistrationId=registration_id, Filters=[{"Name": "registration-version-status", "Values": ["ARCHIVED"]}]
    )
    assert [v["VersionNumber"] for v in archived["RegistrationVersions"]] == [1]
    assert len(client.describe_sender_ids()["SenderIds"]) == 1


def test_automatic_approval_reviews_then_approves_after_the_delay(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    control.configure(registration_provisioning_seconds=0)
    control.auto_approve_registrations(0.6)
    assert control.current_config()["auto_approve_registrations_after_seconds"] == 0.6
    registration_id = submitted(client)
    assert status(client, registration_id) == "SUBMITTED"
    time.sleep(0.35)
    assert status(client, registration_id) == "REVIEWING"
    time.sleep(0.3)
    assert status(client, registration_id) == "COMPLETE"
    assert [s["SenderId"] for s in client.describe_sender_ids()["SenderIds"]] == ["MYBRAND"]
    control.auto_approve_registrations(None)
    waiting = submitted(client, IN_TYPE, IN_FORM)
    time.sleep(0.65)
    assert status(client, waiting) == "SUBMITTED"
