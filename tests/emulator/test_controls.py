"""The test controls: fault injection, configuration, seeding, call counts and reset, in both modes."""

from __future__ import annotations

import pytest

from pulumi_sms_sender_id.emulator.testing import ClientAndControl

from .support import NO_RETRIES, arn, code, error_of


def test_injected_throttling_fails_the_next_n_calls_then_recovers(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    control = sms_voice_emulated.control
    control.inject_fault("RequestSenderId", "ThrottlingException", count=2)
    for _ in range(2):
        error = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB"))
        assert code(error) == "ThrottlingException"
        assert error["ResponseMetadata"]["HTTPStatusCode"] == 400
        assert error["Message"]
    assert client.describe_sender_ids()["SenderIds"] == []  # other operations are unaffected
    assert client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")["SenderId"] == "BRAND"


def test_injected_internal_error_is_http_500_with_a_request_id(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    sms_voice_emulated.control.inject_fault("DescribeSenderIds", "InternalServerException")
    error = error_of(client.describe_sender_ids)
    assert code(error) == "InternalServerException"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 500
    assert error["RequestId"] == error["ResponseMetadata"]["RequestId"]


def test_botocore_retries_ride_through_a_single_injected_fault(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated  # default retry policy
    control.inject_fault("RequestSenderId", "InternalServerException")
    answer = client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    assert answer["ResponseMetadata"]["RetryAttempts"] == 1
    assert control.call_counts()["RequestSenderId"] == 2


def test_fault_before_commit_changes_nothing(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    sms_voice_emulated.control.inject_fault("RequestSenderId", "InternalServerException")
    error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="t"))
    assert client.describe_sender_ids()["SenderIds"] == []
    # The token was never processed, so the retry is a first request.
    assert client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="t")["SenderId"] == "BRAND"


def test_fault_after_commit_applies_the_change_and_loses_the_answer(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    sms_voice_emulated.control.inject_fault("RequestSenderId", "InternalServerException", after_commit=True)
    error = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="t"))
    assert code(error) == "InternalServerException"
    assert [s["SenderId"] for s in client.describe_sender_ids()["SenderIds"]] == ["BRAND"]
    # A retry with the same token learns the original answer; a fresh token hits the conflict.
    assert client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="t")["SenderId"] == "BRAND"
    conflict = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="new"))
    assert conflict["Reason"] == "RESOURCE_ALREADY_EXISTS"


def test_fault_after_commit_on_release(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    sms_voice_emulated.control.inject_fault("ReleaseSenderId", "ThrottlingException", after_commit=True)
    assert code(error_of(lambda: client.release_sender_id(SenderId="Brand", IsoCountryCode="GB"))) == (
        "ThrottlingException"
    )
    assert client.describe_sender_ids()["SenderIds"] == []
    gone = error_of(lambda: client.release_sender_id(SenderId="Brand", IsoCountryCode="GB"))
    assert code(gone) == "ResourceNotFoundException"


def test_faults_for_one_operation_queue_up(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    control = sms_voice_emulated.control
    control.inject_fault("DescribeSenderIds", "ThrottlingException")
    control.inject_fault("DescribeSenderIds", "InternalServerException")
    assert code(error_of(client.describe_sender_ids)) == "ThrottlingException"
    assert code(error_of(client.describe_sender_ids)) == "InternalServerException"
    assert client.describe_sender_ids()["SenderIds"] == []


def test_faults_fire_for_any_account_and_region(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(region_name="eu-west-2", config=NO_RETRIES, account_id="111122223333")
    sms_voice_emulated.control.inject_fault("ListTagsForResource")
    assert code(error_of(lambda: client.list_tags_for_resource(ResourceArn=arn("X", "GB")))) == "ThrottlingException"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"operation": "CreateSenderId"}, "unknown operation"),
        ({"operation": "RequestSenderId", "error": "ConflictException"}, "error must be one of"),
        ({"operation": "RequestSenderId", "count": 0}, "count must be a positive integer"),
    ],
)
def test_inject_fault_rejects_bad_arguments(
    sms_voice_emulated: ClientAndControl, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        sms_voice_emulated.control.inject_fault(**kwargs)  # type: ignore[arg-type]


def test_call_counts_count_every_request_including_failed_and_faulted(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    control = sms_voice_emulated.control
    control.reset_call_counts()
    control.inject_fault("RequestSenderId")
    error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB"))
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB"))
    error_of(lambda: client.release_sender_id(SenderId="Ghost", IsoCountryCode="GB"))
    client.describe_sender_ids()
    assert control.call_counts() == {"RequestSenderId": 3, "ReleaseSenderId": 1, "DescribeSenderIds": 1}
    control.reset_call_counts()
    assert control.call_counts() == {}


def test_configure_rejects_bad_values(sms_voice_emulated: ClientAndControl) -> None:
    control = sms_voice_emulated.control
    with pytest.raises(ValueError, match="release_window_seconds"):
        control.configure(release_window_seconds=-1)
    with pytest.raises(ValueError, match="ISO"):
        control.configure(unsupported_countries=["USA"])
    with pytest.raises(ValueError, match="sender_id_quota"):
        control.configure(sender_id_quota=-5)


def test_seed_puts_a_sender_id_in_any_account_and_region(sms_voice_emulated: ClientAndControl) -> None:
    control = sms_voice_emulated.control
    record = control.seed_sender_id(
        "Bank",
        "SG",
        account_id="111122223333",
        region="eu-west-1",
        message_types=["PROMOTIONAL"],
        deletion_protection_enabled=True,
        tags={"owner": "payments"},
    )
    assert record["SenderIdArn"] == arn("BANK", "SG", region="eu-west-1", account="111122223333")
    assert record["MessageTypes"] == ["Promotional"]
    assert record["Registered"] is False
    assert "RegistrationId" not in record
    client = sms_voice_emulated.new_client(region_name="eu-west-1", account_id="111122223333")
    assert client.describe_sender_ids()["SenderIds"] == [record]
    assert client.list_tags_for_resource(ResourceArn=record["SenderIdArn"])["Tags"] == [
        {"Key": "owner", "Value": "payments"}
    ]
    protected = error_of(lambda: client.release_sender_id(SenderId="Bank", IsoCountryCode="SG"))
    assert protected["Reason"] == "DELETION_PROTECTION_ENABLED"


def test_seeded_registered_sender_id_gets_a_registration_id(sms_voice_emulated: ClientAndControl) -> None:
    record = sms_voice_emulated.control.seed_sender_id("Bank", "IN", registered=True)
    assert record["Registered"] is True
    assert record["RegistrationId"].startswith("registration-")


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("Bank", "IN"), {}, "already exists"),
        (("Bad_Id", "GB"), {}, "sender_id"),
        (("Bank", "gb"), {}, "iso_country_code"),
        (("Other", "GB"), {"message_types": ["SMS"]}, "message_types"),
        (("Other", "GB"), {"account_id": "42"}, "account_id"),
        (("Other", "GB"), {"registration_id": "registration-1"}, "registered=True"),
    ],
)
def test_seed_rejects_bad_input(
    sms_voice_emulated: ClientAndControl, args: tuple[str, str], kwargs: dict[str, object], message: str
) -> None:
    control = sms_voice_emulated.control
    control.seed_sender_id("Bank", "IN")
    with pytest.raises(ValueError, match=message):
        control.seed_sender_id(*args, **kwargs)  # type: ignore[arg-type]


def test_reset_forgets_state_faults_counts_tokens_release_history_and_config(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    control = sms_voice_emulated.control
    client.request_sender_id(SenderId="Kept", IsoCountryCode="GB", ClientToken="token")
    client.request_sender_id(SenderId="Gone", IsoCountryCode="GB")
    client.release_sender_id(SenderId="Gone", IsoCountryCode="GB")
    control.configure(unsupported_countries=["GB"], release_window_seconds=60)
    control.inject_fault("DescribeSenderIds", count=5)

    control.reset()

    assert control.call_counts() == {}
    assert client.describe_sender_ids()["SenderIds"] == []  # no fault left, no sender IDs left
    assert client.request_sender_id(SenderId="Gone", IsoCountryCode="GB")["SenderId"] == "GONE"  # history, config
    other = client.request_sender_id(SenderId="Other", IsoCountryCode="GB", ClientToken="token")
    assert other["SenderId"] == "OTHER"  # the token cache is gone too
    error = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="US"))
    assert error["Reason"] == "SENDER_ID_NOT_SUPPORTED"  # default config is back
