"""The sender-ID operations behave like AWS, quirks included, in process and over HTTP alike."""

from __future__ import annotations

import functools
import re
import time
from typing import TYPE_CHECKING

import pytest

from pulumi_sms_sender_id.emulator.testing import ClientAndControl

if TYPE_CHECKING:
    from mypy_boto3_pinpoint_sms_voice_v2.type_defs import TagTypeDef

from .support import NO_CLIENT_VALIDATION, NO_RETRIES, arn, code, error_of, field_names


def test_request_returns_upper_case_sender_id_and_message_types(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    answer = client.request_sender_id(
        SenderId="MyBrand", IsoCountryCode="GB", MessageTypes=["TRANSACTIONAL", "PROMOTIONAL"]
    )
    assert answer["SenderId"] == "MYBRAND"
    assert answer["IsoCountryCode"] == "GB"
    assert answer["MessageTypes"] == ["TRANSACTIONAL", "PROMOTIONAL"]
    assert answer["SenderIdArn"] == arn("MYBRAND", "GB")
    assert answer["DeletionProtectionEnabled"] is False
    assert answer["Registered"] is False
    assert "Tags" not in answer


def test_request_defaults_message_types_to_transactional(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    assert client.request_sender_id(SenderId="Brand", IsoCountryCode="DE")["MessageTypes"] == ["TRANSACTIONAL"]


def test_request_echoes_tags_and_deletion_protection(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    tags: list[TagTypeDef] = [{"Key": "team", "Value": "growth"}, {"Key": "empty", "Value": ""}]
    answer = client.request_sender_id(SenderId="Brand", IsoCountryCode="FR", Tags=tags, DeletionProtectionEnabled=True)
    assert answer["Tags"] == tags
    assert answer["DeletionProtectionEnabled"] is True
    assert client.list_tags_for_resource(ResourceArn=answer["SenderIdArn"])["Tags"] == tags


def test_monthly_leasing_price_is_a_plausible_usd_string(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    for country in ("GB", "AU", "JP", "KE"):
        price = client.request_sender_id(SenderId="Brand", IsoCountryCode=country)["MonthlyLeasingPrice"]
        assert re.fullmatch(r"\d+\.\d{2}", price)
        assert 0 < float(price) < 100


def test_requesting_an_existing_sender_id_conflicts(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    error = error_of(lambda: client.request_sender_id(SenderId="brand", IsoCountryCode="GB"))
    assert code(error) == "ConflictException"
    assert error["Reason"] == "RESOURCE_ALREADY_EXISTS"
    assert error["ResourceType"] == "sender-id"
    assert error["ResourceId"] == "BRAND"


def test_same_sender_id_in_another_country_is_another_resource(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    assert client.request_sender_id(SenderId="Brand", IsoCountryCode="IE")["SenderIdArn"] == arn("BRAND", "IE")


@pytest.mark.parametrize("country", ["US", "CA", "CN"])
def test_countries_without_sender_ids_answer_not_supported(sms_voice_emulated: ClientAndControl, country: str) -> None:
    client, _ = sms_voice_emulated
    error = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode=country))
    assert code(error) == "ValidationException"
    assert error["Reason"] == "SENDER_ID_NOT_SUPPORTED"
    assert field_names(error) == ["IsoCountryCode"]


@pytest.mark.parametrize("country", ["IN", "ID", "SG"])
def test_registration_only_countries_answer_requires_registration(
    sms_voice_emulated: ClientAndControl, country: str
) -> None:
    client, _ = sms_voice_emulated
    error = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode=country))
    assert code(error) == "ValidationException"
    assert error["Reason"] == "SENDER_ID_REQUIRES_REGISTRATION"


def test_country_rules_are_configurable(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    control.configure(registration_only_countries=["GB"], unsupported_countries=["DE"])
    assert error_of(lambda: client.request_sender_id(SenderId="A", IsoCountryCode="GB"))["Reason"] == (
        "SENDER_ID_REQUIRES_REGISTRATION"
    )
    assert error_of(lambda: client.request_sender_id(SenderId="A", IsoCountryCode="DE"))["Reason"] == (
        "SENDER_ID_NOT_SUPPORTED"
    )
    assert client.request_sender_id(SenderId="A", IsoCountryCode="IN")["SenderId"] == "A"


def test_sender_id_quota_answers_service_quota_exceeded(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    control.configure(sender_id_quota=2)
    client.request_sender_id(SenderId="One", IsoCountryCode="GB")
    client.request_sender_id(SenderId="Two", IsoCountryCode="GB")
    error = error_of(lambda: client.request_sender_id(SenderId="Three", IsoCountryCode="GB"))
    assert code(error) == "ServiceQuotaExceededException"
    assert error["Reason"] == "SENDER_IDS_PER_ACCOUNT"


# -- ClientToken ---------------------------------------------------------------------------


def _sender_ids(client: object) -> list[str]:
    return [s["SenderId"] for s in client.describe_sender_ids()["SenderIds"]]  # type: ignore[attr-defined]


def test_repeated_client_token_replays_the_first_answer_and_creates_nothing(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client, control = sms_voice_emulated
    first = dict(client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="token-1"))
    control.reset_call_counts()
    again = dict(client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="token-1"))
    first.pop("ResponseMetadata")
    again.pop("ResponseMetadata")
    assert again == first
    assert _sender_ids(client) == ["BRAND"]
    assert control.call_counts()["RequestSenderId"] == 1


def test_repeated_client_token_replays_a_failure_even_after_the_cause_is_gone(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client, control = sms_voice_emulated
    first = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="IN", ClientToken="t"))
    control.configure(registration_only_countries=[])
    again = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="IN", ClientToken="t"))
    assert again["Reason"] == first["Reason"] == "SENDER_ID_REQUIRES_REGISTRATION"
    assert _sender_ids(client) == []
    assert client.request_sender_id(SenderId="Brand", IsoCountryCode="IN", ClientToken="fresh")["SenderId"] == "BRAND"


def test_client_token_replays_success_even_after_the_sender_id_was_released(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client, control = sms_voice_emulated
    control.configure(release_window_seconds=0)
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="sticky")
    client.release_sender_id(SenderId="BRAND", IsoCountryCode="GB")
    replayed = client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="sticky")
    assert replayed["SenderId"] == "BRAND"
    assert _sender_ids(client) == []  # the trap: a success answer, and nothing exists


def test_client_token_reused_with_other_parameters_is_invalid(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="t")
    error = error_of(lambda: client.request_sender_id(SenderId="Other", IsoCountryCode="GB", ClientToken="t"))
    assert code(error) == "ValidationException"
    assert error["Reason"] == "INVALID_PARAMETER"
    assert field_names(error) == ["ClientToken"]
    assert _sender_ids(client) == ["BRAND"]


# -- release window ------------------------------------------------------------------------


def test_rerequest_within_release_window_requires_registration(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated  # default window: 2 s
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    client.release_sender_id(SenderId="Brand", IsoCountryCode="GB")
    error = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB"))
    assert code(error) == "ValidationException"
    assert error["Reason"] == "SENDER_ID_REQUIRES_REGISTRATION"
    assert field_names(error) == ["SenderId"]


def test_rerequest_after_release_window_succeeds(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    control.configure(release_window_seconds=0.3)
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    client.release_sender_id(SenderId="Brand", IsoCountryCode="GB")
    time.sleep(0.35)
    assert client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")["SenderId"] == "BRAND"


# -- DescribeSenderIds ---------------------------------------------------------------------


def test_describe_returns_title_case_message_types_and_no_tags(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(
        SenderId="Brand",
        IsoCountryCode="GB",
        MessageTypes=["PROMOTIONAL", "TRANSACTIONAL"],
        Tags=[{"Key": "k", "Value": "v"}],
    )
    (record,) = client.describe_sender_ids(SenderIds=[{"SenderId": "Brand", "IsoCountryCode": "GB"}])["SenderIds"]
    assert record["MessageTypes"] == ["Promotional", "Transactional"]
    assert record == {
        "SenderIdArn": arn("BRAND", "GB"),
        "SenderId": "BRAND",
        "IsoCountryCode": "GB",
        "MessageTypes": ["Promotional", "Transactional"],
        "MonthlyLeasingPrice": record["MonthlyLeasingPrice"],
        "DeletionProtectionEnabled": False,
        "Registered": False,
    }


def test_describe_accepts_the_arn_in_place_of_the_sender_id(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    created = client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    found = client.describe_sender_ids(SenderIds=[{"SenderId": created["SenderIdArn"], "IsoCountryCode": "GB"}])
    assert [s["SenderId"] for s in found["SenderIds"]] == ["BRAND"]


def test_describe_of_an_unknown_sender_id_is_resource_not_found(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    error = error_of(
        lambda: client.describe_sender_ids(
            SenderIds=[{"SenderId": "Brand", "IsoCountryCode": "GB"}, {"SenderId": "Ghost", "IsoCountryCode": "GB"}]
        )
    )
    assert code(error) == "ResourceNotFoundException"
    assert error["ResourceType"] == "sender-id"
    assert error["ResourceId"] == "GHOST"


def test_describe_filters_by_every_attribute(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    client.request_sender_id(SenderId="Alpha", IsoCountryCode="GB", MessageTypes=["PROMOTIONAL"])
    client.request_sender_id(SenderId="Beta", IsoCountryCode="DE", DeletionProtectionEnabled=True)
    control.seed_sender_id("Gamma", "IN", registered=True)

    def names(name: str, *values: str) -> list[str]:
        found = client.describe_sender_ids(Filters=[{"Name": name, "Values": list(values)}])  # type: ignore[typeddict-item]
        return sorted(s["SenderId"] for s in found["SenderIds"])

    assert names("sender-id", "alpha", "GAMMA") == ["ALPHA", "GAMMA"]
    assert names("iso-country-code", "DE") == ["BETA"]
    assert names("message-type", "promotional") == ["ALPHA"]
    assert names("message-type", "Transactional") == ["BETA", "GAMMA"]
    assert names("deletion-protection-enabled", "true") == ["BETA"]
    assert names("registered", "true") == ["GAMMA"]
    assert names("registered", "false", "true") == ["ALPHA", "BETA", "GAMMA"]
    both = client.describe_sender_ids(
        Filters=[{"Name": "registered", "Values": ["false"]}, {"Name": "iso-country-code", "Values": ["GB"]}]
    )
    assert [s["SenderId"] for s in both["SenderIds"]] == ["ALPHA"]
    error = error_of(lambda: names("registered", "maybe"))
    assert error["Reason"] == "INVALID_FILTER_VALUES"


def test_describe_pages_with_max_results_and_next_token(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    for index in range(7):
        client.request_sender_id(SenderId=f"Brand{index}", IsoCountryCode="GB")
    first = client.describe_sender_ids(MaxResults=3)
    assert len(first["SenderIds"]) == 3
    assert first["NextToken"]
    pages = client.get_paginator("describe_sender_ids").paginate(PaginationConfig={"PageSize": 3})
    seen = [s["SenderId"] for page in pages for s in page["SenderIds"]]
    assert sorted(seen) == [f"BRAND{i}" for i in range(7)]


def test_describe_with_a_bad_next_token_is_invalid_next_token(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    error = error_of(lambda: client.describe_sender_ids(NextToken="not-a-token"))
    assert code(error) == "ValidationException"
    assert error["Reason"] == "INVALID_NEXT_TOKEN"
    assert field_names(error) == ["NextToken"]


def test_describe_owner_shared_returns_nothing_and_self_returns_own(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    assert client.describe_sender_ids(Owner="SHARED")["SenderIds"] == []
    assert [s["SenderId"] for s in client.describe_sender_ids(Owner="SELF")["SenderIds"]] == ["BRAND"]


def test_describe_cannot_combine_owner_with_sender_ids(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    error = error_of(
        lambda: client.describe_sender_ids(Owner="SELF", SenderIds=[{"SenderId": "Brand", "IsoCountryCode": "GB"}])
    )
    assert error["Reason"] == "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    assert sorted(field_names(error)) == ["Owner", "SenderIds"]


def test_seeded_registered_sender_id_is_described_with_its_registration(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client, control = sms_voice_emulated
    seeded = control.seed_sender_id("Bank", "IN", registered=True, registration_id="registration-abc")
    (record,) = client.describe_sender_ids(SenderIds=[{"SenderId": "BANK", "IsoCountryCode": "IN"}])["SenderIds"]
    assert record == seeded
    assert record["Registered"] is True
    assert record["RegistrationId"] == "registration-abc"
    assert record["SenderIdArn"] == arn("BANK", "IN")


# -- UpdateSenderId ------------------------------------------------------------------------


def test_update_changes_only_deletion_protection(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", MessageTypes=["PROMOTIONAL"])
    updated = client.update_sender_id(SenderId="brand", IsoCountryCode="GB", DeletionProtectionEnabled=True)
    assert updated["DeletionProtectionEnabled"] is True
    assert updated["MessageTypes"] == ["PROMOTIONAL"]
    assert updated["SenderId"] == "BRAND"
    unchanged = client.update_sender_id(SenderId="BRAND", IsoCountryCode="GB")
    assert unchanged["DeletionProtectionEnabled"] is True


def test_update_by_arn_and_of_unknown_or_foreign_arn(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    created = client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    updated = client.update_sender_id(
        SenderId=created["SenderIdArn"], IsoCountryCode="GB", DeletionProtectionEnabled=True
    )
    assert updated["SenderIdArn"] == created["SenderIdArn"]
    missing = error_of(lambda: client.update_sender_id(SenderId="Ghost", IsoCountryCode="GB"))
    assert code(missing) == "ResourceNotFoundException"
    assert missing["ResourceId"] == "GHOST"
    foreign = arn("BRAND", "GB", region="eu-west-1")
    invalid = error_of(lambda: client.update_sender_id(SenderId=foreign, IsoCountryCode="GB"))
    assert invalid["Reason"] == "INVALID_ARN"
    assert field_names(invalid) == ["SenderId"]
    other_account = arn("BRAND", "GB", account="210987654321")
    assert error_of(lambda: client.update_sender_id(SenderId=other_account, IsoCountryCode="GB"))["Reason"] == (
        "INVALID_ARN"
    )


# -- ReleaseSenderId -----------------------------------------------------------------------


def test_release_returns_the_record_without_deletion_protection_or_tags(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", Tags=[{"Key": "k", "Value": "v"}])
    released = dict(client.release_sender_id(SenderId="Brand", IsoCountryCode="GB"))
    released.pop("ResponseMetadata")
    assert released == {
        "SenderIdArn": arn("BRAND", "GB"),
        "SenderId": "BRAND",
        "IsoCountryCode": "GB",
        "MessageTypes": ["TRANSACTIONAL"],
        "MonthlyLeasingPrice": released["MonthlyLeasingPrice"],
        "Registered": False,
    }
    assert _sender_ids(client) == []


def test_release_by_arn(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    created = client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    assert client.release_sender_id(SenderId=created["SenderIdArn"], IsoCountryCode="GB")["SenderId"] == "BRAND"


def test_releasing_a_protected_sender_id_conflicts(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", DeletionProtectionEnabled=True)
    error = error_of(lambda: client.release_sender_id(SenderId="Brand", IsoCountryCode="GB"))
    assert code(error) == "ConflictException"
    assert error["Reason"] == "DELETION_PROTECTION_ENABLED"
    assert error["ResourceType"] == "sender-id"
    assert error["ResourceId"] == "BRAND"
    assert _sender_ids(client) == ["BRAND"]


def test_releasing_an_unknown_sender_id_is_resource_not_found(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    error = error_of(lambda: client.release_sender_id(SenderId="Ghost", IsoCountryCode="GB"))
    assert code(error) == "ResourceNotFoundException"
    assert (error["ResourceType"], error["ResourceId"]) == ("sender-id", "GHOST")


def test_released_sender_id_loses_its_tags(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    control.configure(release_window_seconds=0)
    created = client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", Tags=[{"Key": "k", "Value": "v"}])
    client.release_sender_id(SenderId="Brand", IsoCountryCode="GB")
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    assert client.list_tags_for_resource(ResourceArn=created["SenderIdArn"])["Tags"] == []


# -- tags ----------------------------------------------------------------------------------


def test_tag_resource_adds_and_overwrites_and_untag_removes(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    sender_arn = client.request_sender_id(
        SenderId="Brand", IsoCountryCode="GB", Tags=[{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]
    )["SenderIdArn"]
    client.tag_resource(ResourceArn=sender_arn, Tags=[{"Key": "b", "Value": "two"}, {"Key": "c", "Value": "3"}])
    listed = client.list_tags_for_resource(ResourceArn=sender_arn)
    assert listed["ResourceArn"] == sender_arn
    assert {t["Key"]: t["Value"] for t in listed["Tags"]} == {"a": "1", "b": "two", "c": "3"}
    client.untag_resource(ResourceArn=sender_arn, TagKeys=["a", "not-there"])
    assert {t["Key"] for t in client.list_tags_for_resource(ResourceArn=sender_arn)["Tags"]} == {"b", "c"}


def test_tag_calls_on_an_unknown_arn_are_resource_not_found(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    ghost = arn("GHOST", "GB")
    calls = [
        lambda: client.tag_resource(ResourceArn=ghost, Tags=[{"Key": "k", "Value": "v"}]),
        lambda: client.untag_resource(ResourceArn=ghost, TagKeys=["k"]),
        lambda: client.list_tags_for_resource(ResourceArn=ghost),
    ]
    for call in calls:
        error = error_of(call)
        assert code(error) == "ResourceNotFoundException"
        assert (error["ResourceType"], error["ResourceId"]) == ("sender-id", ghost)
    pool = "arn:aws:sms-voice:us-east-1:123456789012:pool/pool-0123456789abcdef"
    error = error_of(lambda: client.list_tags_for_resource(ResourceArn=pool))
    assert (code(error), error["ResourceType"]) == ("ResourceNotFoundException", "pool")


def test_tag_calls_on_a_malformed_or_foreign_arn_are_invalid_arn(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    for bad in ("arn:aws:sns:us-east-1:123456789012:topic", arn("BRAND", "GB", account="210987654321")):
        error = error_of(functools.partial(client.list_tags_for_resource, ResourceArn=bad))
        assert error["Reason"] == "INVALID_ARN"
        assert field_names(error) == ["ResourceArn"]


def test_more_than_200_tags_per_resource_exceeds_the_quota(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    sender_arn = client.request_sender_id(
        SenderId="Brand", IsoCountryCode="GB", Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(150)]
    )["SenderIdArn"]
    client.tag_resource(ResourceArn=sender_arn, Tags=[{"Key": f"k{i}", "Value": "new"} for i in range(100, 200)])
    error = error_of(lambda: client.tag_resource(ResourceArn=sender_arn, Tags=[{"Key": "one-more", "Value": "v"}]))
    assert code(error) == "ServiceQuotaExceededException"
    assert error["Reason"] == "TAGS_PER_RESOURCE"
    assert len(client.list_tags_for_resource(ResourceArn=sender_arn)["Tags"]) == 200


def test_empty_tag_lists_are_rejected_by_the_service(sms_voice_emulated: ClientAndControl) -> None:
    unchecked = sms_voice_emulated.new_client(config=NO_CLIENT_VALIDATION)
    sender_arn = unchecked.request_sender_id(SenderId="Brand", IsoCountryCode="GB")["SenderIdArn"]
    for call, field in [
        (lambda: unchecked.tag_resource(ResourceArn=sender_arn, Tags=[]), "Tags"),
        (lambda: unchecked.untag_resource(ResourceArn=sender_arn, TagKeys=[]), "TagKeys"),
    ]:
        error = error_of(call)
        assert code(error) == "ValidationException"
        assert field_names(error) == [field]


# -- accounts, regions, other operations ---------------------------------------------------


def test_state_is_per_account_and_region(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    other_region = sms_voice_emulated.new_client(region_name="eu-west-1")
    other_account = sms_voice_emulated.new_client(account_id="210987654321")
    assert other_region.describe_sender_ids()["SenderIds"] == []
    assert other_account.describe_sender_ids()["SenderIds"] == []
    created = other_account.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    assert created["SenderIdArn"] == arn("BRAND", "GB", account="210987654321")
    created = other_region.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    assert created["SenderIdArn"] == arn("BRAND", "GB", region="eu-west-1")


def test_unimplemented_operations_answer_a_modeled_error_at_once(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    control.reset_call_counts()
    error = error_of(client.describe_pools)
    assert code(error) == "ValidationException"
    assert error["Reason"] == "UNKNOWN_OPERATION"
    assert error["ResponseMetadata"]["RetryAttempts"] == 0
    assert control.call_counts() == {"DescribePools": 1}


def test_no_retries_config_is_honoured(sms_voice_emulated: ClientAndControl) -> None:
    # Guard for the fault tests: a single-attempt client surfaces the first failure.
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    sms_voice_emulated.control.inject_fault("DescribeSenderIds", "ThrottlingException", count=1)
    assert code(error_of(client.describe_sender_ids)) == "ThrottlingException"
