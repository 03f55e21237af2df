"""Registrations as resources: create, describe, delete, their ClientToken, tags and quotas."""

from __future__ import annotations

import re
import time

from pulumi_sms_sender_id.emulator import DEFAULT_ACCOUNT_ID
from pulumi_sms_sender_id.emulator.launcher import TEST_REGION
from pulumi_sms_sender_id.emulator.testing import ClientAndControl

from .support import GB_TYPE, ID_TYPE, IN_TYPE, code, error_of, field_names, filled, status, submitted

ARN = re.compile(rf"arn:aws:sms-voice:{TEST_REGION}:{DEFAULT_ACCOUNT_ID}:registration/(registration-[0-9a-f]{{32}})")


def test_a_new_registration_is_created_with_a_draft_version_one(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    created = client.create_registration(RegistrationType=GB_TYPE, Tags=[{"Key": "Name", "Value": "Acme GB"}])
    match = ARN.fullmatch(created["RegistrationArn"])
    assert match and match.group(1) == created["RegistrationId"]
    assert (created["RegistrationStatus"], created["CurrentVersionNumber"]) == ("CREATED", 1)
    assert created["Tags"] == [{"Key": "Name", "Value": "Acme GB"}]
    versions = client.describe_registration_versions(RegistrationId=created["RegistrationId"])
    (version,) = versions["RegistrationVersions"]
    assert version["RegistrationVersionStatus"] == "DRAFT"
    assert version["RegistrationVersionStatusHistory"]["DraftTimestamp"] == created["CreatedTimestamp"]


def test_describe_registrations_by_id_arn_type_and_status(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    gb = client.create_registration(RegistrationType=GB_TYPE)
    india = client.create_registration(RegistrationType=IN_TYPE)
    review = submitted(client)
    by_arn = client.describe_registrations(RegistrationIds=[india["RegistrationArn"], gb["RegistrationId"]])
    assert [r["RegistrationId"] for r in by_arn["Registrations"]] == [india["RegistrationId"], gb["RegistrationId"]]
    of_type = client.describe_registrations(Filters=[{"Name": "registration-type", "Values": [GB_TYPE]}])
    assert [r["RegistrationId"] for r in of_type["Registrations"]] == [gb["RegistrationId"], review]
    waiting = client.describe_registrations(Filters=[{"Name": "registration-status", "Values": ["SUBMITTED"]}])
    assert [r["RegistrationId"] for r in waiting["Registrations"]] == [review]
    assert "Tags" not in by_arn["Registrations"][0]  # Describe answers no tags


def test_describe_registrations_pages_in_creation_order(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    made = [client.create_registration(RegistrationType=ID_TYPE)["RegistrationId"] for _ in range(5)]
    pages = client.get_paginator("describe_registrations").paginate(PaginationConfig={"PageSize": 2})
    listed = [[r["RegistrationId"] for r in page["Registrations"]] for page in pages]
    assert listed == [made[:2], made[2:4], made[4:]]


def test_an_unknown_registration_is_resource_not_found(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    error = error_of(lambda: client.describe_registrations(RegistrationIds=["registration-0123456789abcdef"]))
    assert (code(error), error["ResourceType"], error["ResourceId"]) == (
        "ResourceNotFoundException",
        "registration",
        "registration-0123456789abcdef",
    )


def test_an_arn_of_another_region_or_resource_type_is_invalid(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    registration_id = client.create_registration(RegistrationType=GB_TYPE)["RegistrationId"]
    elsewhere = f"arn:aws:sms-voice:eu-west-1:{DEFAULT_ACCOUNT_ID}:registration/{registration_id}"
    attachment = f"arn:aws:sms-voice:{TEST_REGION}:{DEFAULT_ACCOUNT_ID}:registration-attachment/{registration_id}"
    for wrong in (elsewhere, attachment):
        error = error_of(lambda wrong=wrong: client.delete_registration(RegistrationId=wrong))  # type: ignore[misc]
        assert (error["Reason"], field_names(error)) == ("INVALID_ARN", ["RegistrationId"])


def test_deleting_a_registration_answers_deleted_and_forgets_it(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    created = client.create_registration(RegistrationType=GB_TYPE, Tags=[{"Key": "team", "Value": "sms"}])
    deleted = client.delete_registration(RegistrationId=created["RegistrationArn"])
    assert (deleted["RegistrationId"], deleted["RegistrationStatus"]) == (created["RegistrationId"], "DELETED")
    assert client.describe_registrations()["Registrations"] == []
    gone = error_of(lambda: client.list_tags_for_resource(ResourceArn=created["RegistrationArn"]))
    assert (code(gone), gone["ResourceType"]) == ("ResourceNotFoundException", "registration")


def test_a_reused_client_token_replays_the_first_registration(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    first = client.create_registration(RegistrationType=GB_TYPE, ClientToken="reg-1")
    control.reset_call_counts()
    again = client.create_registration(RegistrationType=GB_TYPE, ClientToken="reg-1")
    assert again["RegistrationId"] == first["RegistrationId"]
    assert len(client.describe_registrations()["Registrations"]) == 1
    other = error_of(lambda: client.create_registration(RegistrationType=IN_TYPE, ClientToken="reg-1"))
    assert (other["Reason"], field_names(other)) == ("INVALID_PARAMETER", ["ClientToken"])


def test_a_reused_client_token_replays_a_refusal_too(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    control.configure(registration_quotas={"REGISTRATIONS_PER_ACCOUNT": 0})
    refused = error_of(lambda: client.create_registration(RegistrationType=GB_TYPE, ClientToken="t"))
    control.configure(registration_quotas={"REGISTRATIONS_PER_ACCOUNT": 5})
    again = error_of(lambda: client.create_registration(RegistrationType=GB_TYPE, ClientToken="t"))
    assert again["Reason"] == refused["Reason"] == "REGISTRATIONS_PER_ACCOUNT"
    assert client.create_registration(RegistrationType=GB_TYPE, ClientToken="fresh")["RegistrationStatus"] == "CREATED"


def test_registrations_per_account_is_a_quota(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    assert control.current_config()["registration_quotas"]["REGISTRATIONS_PER_ACCOUNT"] == 100
    control.configure(registration_quotas={"REGISTRATIONS_PER_ACCOUNT": 2})
    client.create_registration(RegistrationType=GB_TYPE)
    client.create_registration(RegistrationType=GB_TYPE)
    error = error_of(lambda: client.create_registration(RegistrationType=GB_TYPE))
    assert (code(error), error["Reason"]) == ("ServiceQuotaExceededException", "REGISTRATIONS_PER_ACCOUNT")


def test_registration_versions_created_per_day_is_a_quota(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    control.configure(registration_quotas={"REGISTRATION_VERSIONS_CREATED_PER_DAY": 1})
    registration_id = submitted(client)
    control.deny_registration(registration_id)
    client.create_registration_version(RegistrationId=registration_id)
    client.submit_registration_version(RegistrationId=registration_id)
    control.deny_registration(registration_id)
    error = error_of(lambda: client.create_registration_version(RegistrationId=registration_id))
    assert error["Reason"] == "REGISTRATION_VERSIONS_CREATED_PER_DAY"


def test_registration_operations_are_rate_limited_at_one_per_second(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    registration_id = filled(client, form={})
    control.configure(request_quotas="aws")
    client.describe_registrations()
    assert code(error_of(client.describe_registrations)) == "ThrottlingException"
    client.describe_registration_field_values(RegistrationId=registration_id)  # another operation, another bucket
    assert code(error_of(lambda: client.describe_registration_field_values(RegistrationId=registration_id))) == (
        "ThrottlingException"
    )
    time.sleep(1.05)
    assert status(client, registration_id) == "CREATED"


def test_tags_on_a_registration(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    arn = client.create_registration(RegistrationType=GB_TYPE)["RegistrationArn"]
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "Name", "Value": "Acme"}, {"Key": "team", "Value": "sms"}])
    client.untag_resource(ResourceArn=arn, TagKeys=["team"])
    listed = client.list_tags_for_resource(ResourceArn=arn)
    assert (listed["ResourceArn"], listed["Tags"]) == (arn, [{"Key": "Name", "Value": "Acme"}])
    reserved = error_of(
        lambda: client.create_registration(RegistrationType=GB_TYPE, Tags=[{"Key": "aws:x", "Value": ""}])
    )
    assert field_names(reserved) == ["Tags[0].Key"]
