"""Region, profile and endpoint come from stack config, then the environment; clients are shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_sms_sender_id.aws import client, settings


class StackConfig(dict[str, str]):
    pass


def test_resource_region_wins_over_stack_config() -> None:
    resolved = settings.resolve(StackConfig({"aws:region": "eu-west-1"}), {"AWS_REGION": "us-west-2"})
    assert resolved.region_for("ap-southeast-2") == "ap-southeast-2"
    assert resolved.region_for(None) == "eu-west-1"


def test_environment_follows_stack_config() -> None:
    assert settings.resolve(None, {"AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "eu-west-1"}).region == "us-west-2"
    assert settings.resolve(None, {"AWS_DEFAULT_REGION": "eu-west-1"}).region == "eu-west-1"


def test_profile_region_is_the_last_resort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    config.write_text("[profile sms]\nregion = eu-central-1\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    resolved = settings.resolve(StackConfig({"aws:profile": "sms"}), {})
    assert (resolved.profile, resolved.region) == ("sms", "eu-central-1")


def test_missing_region_says_which_config_key_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    with pytest.raises(settings.MissingRegion, match="pulumi config set aws:region"):
        settings.resolve(None, {}).region_for(None)


def test_rerequest_timeout_comes_from_stack_config() -> None:
    resolved = settings.resolve(StackConfig({"sms-sender-id:rerequestTimeoutSeconds": "30"}), {"AWS_REGION": "x"})
    assert resolved.rerequest_timeout_seconds == 30.0
    with pytest.raises(ValueError, match="rerequestTimeoutSeconds must be a number"):
        settings.resolve(StackConfig({"sms-sender-id:rerequestTimeoutSeconds": "soon"}), {"AWS_REGION": "x"})


def test_one_client_per_region_profile_and_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    first = client.get_client("eu-west-2", None)
    assert client.get_client("eu-west-2", None) is first
    assert client.get_client("eu-west-1", None) is not first
    monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", "http://127.0.0.1:9")
    moved = client.get_client("eu-west-2", None)
    assert moved is not first
    assert moved.meta.endpoint_url == "http://127.0.0.1:9"


def test_request_rates_default_to_aws_quota_of_one_per_second() -> None:
    rules = settings.resolve(None, {"AWS_REGION": "x"}).calls
    assert {rules.quota(op) for op in settings.OPERATIONS} == {1.0}
    assert rules.throttle_timeout_seconds == 900.0


def test_one_request_rate_applies_to_every_operation() -> None:
    rules = settings.resolve(StackConfig({"sms-sender-id:requestsPerSecond": "5"}), {"AWS_REGION": "x"}).calls
    assert {rules.quota(op) for op in settings.OPERATIONS} == {5.0}


def test_a_map_of_rates_raises_only_the_operations_it_names() -> None:
    config = StackConfig({"sms-sender-id:requestsPerSecond": '{"DescribeSenderIds": 20, "RequestSenderId": "2.5"}'})
    rules = settings.resolve(config, {"AWS_REGION": "x"}).calls
    assert (rules.quota("DescribeSenderIds"), rules.quota("RequestSenderId"), rules.quota("ReleaseSenderId")) == (
        20.0,
        2.5,
        1.0,
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "must be a number of requests per second from 0.01 to 100000"),
        ("1e-12", "must be a number of requests per second from 0.01 to 100000"),
        ("fast", "must be a number of requests per second from 0.01 to 100000"),
        ("nan", "must be a number of requests per second from 0.01 to 100000"),
        ('{"Describe": 5}', "names 'Describe', which is not an operation the provider calls; use one of"),
        ('{"DescribeSenderIds": -1}', "requestsPerSecond.DescribeSenderIds must be a number of requests per second"),
        ("{not json", "is not valid JSON"),
    ],
)
def test_a_bad_request_rate_names_the_key_and_what_is_expected(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(".", r"\.")):
        settings.resolve(StackConfig({"sms-sender-id:requestsPerSecond": value}), {"AWS_REGION": "x"})


def test_throttle_timeout_comes_from_stack_config() -> None:
    config = StackConfig({"sms-sender-id:throttleTimeoutSeconds": "60"})
    assert settings.resolve(config, {"AWS_REGION": "x"}).calls.throttle_timeout_seconds == 60.0
    with pytest.raises(ValueError, match="throttleTimeoutSeconds must be a finite number of seconds"):
        settings.resolve(StackConfig({"sms-sender-id:throttleTimeoutSeconds": "inf"}), {"AWS_REGION": "x"})
