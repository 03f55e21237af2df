"""check: every input rule, before any AWS call, with one failure per bad property."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_sms_sender_id import MessageType, SenderIdProvider
from tests.support import unknown


def check(
    provider: SenderIdProvider, olds: dict[str, Any] | None = None, **news: Any
) -> tuple[dict[str, Any], dict[str, str]]:
    base = {"sender_id": "ACME", "iso_country_code": "GB"}
    result = provider.check(olds or {}, {**base, **news})
    return result.inputs, {f.property: f.reason for f in result.failures}


def test_valid_inputs_are_normalised_to_what_aws_stores(provider: SenderIdProvider) -> None:
    inputs, failures = check(
        provider,
        sender_id="acme-1",
        iso_country_code="gb",
        message_types=["promotional", MessageType.TRANSACTIONAL, "TRANSACTIONAL"],
    )
    assert failures == {}
    assert inputs["sender_id"] == "ACME-1"
    assert inputs["iso_country_code"] == "GB"
    assert inputs["message_types"] == ["PROMOTIONAL", "TRANSACTIONAL"]


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("AB", "3-11 characters"),
        ("ABCDEFGHIJKL", "3-11 characters"),
        ("AC_ME", "letters A-Z, digits and hyphens"),
        ("AC ME", "letters A-Z, digits and hyphens"),
        ("12345", "at least one letter"),
        ("-ACME", "hyphen"),
        ("ACME-", "hyphen"),
        (12345, "must be a string"),
        ("", "is required"),
        (None, "is required"),
    ],
)
def test_bad_sender_id_fails_with_the_rule_it_breaks(provider: SenderIdProvider, value: Any, hint: str) -> None:
    _, failures = check(provider, sender_id=value)
    assert list(failures) == ["sender_id"]
    assert hint in failures["sender_id"]


@pytest.mark.parametrize("value", ["GBR", "G1", "", "g", 44])
def test_bad_country_code_asks_for_two_letters(provider: SenderIdProvider, value: Any) -> None:
    _, failures = check(provider, iso_country_code=value)
    assert list(failures) == ["iso_country_code"]
    assert "two-letter" in failures["iso_country_code"] or "is required" in failures["iso_country_code"]


@pytest.mark.parametrize(("code", "name"), [("US", "United States"), ("ca", "Canada"), ("CN", "China")])
def test_countries_without_sender_ids_fail_at_check(provider: SenderIdProvider, code: str, name: str) -> None:
    _, failures = check(provider, iso_country_code=code)
    assert "does not support sender IDs" in failures["iso_country_code"]
    assert name in failures["iso_country_code"]


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (["SMS"], "TRANSACTIONAL or PROMOTIONAL"),
        ("TRANSACTIONAL", "must be a list"),
        ([1], "TRANSACTIONAL or PROMOTIONAL"),
    ],
)
def test_bad_message_types_name_the_allowed_values(provider: SenderIdProvider, value: Any, hint: str) -> None:
    _, failures = check(provider, message_types=value)
    assert hint in failures["message_types"]


def test_empty_message_types_means_no_preference(provider: SenderIdProvider) -> None:
    inputs, failures = check(provider, message_types=[])
    assert failures == {}
    assert inputs["message_types"] is None


@pytest.mark.parametrize(
    ("tags", "hint"),
    [
        ({f"k{i}": "v" for i in range(201)}, "at most 200"),
        ({"aws:team": "x"}, "reserves"),
        ({"": "x"}, "1-128"),
        ({"k" * 129: "x"}, "1-128"),
        ({"team": "v" * 257}, "at most 256"),
        ({"cost-centre": 42}, "must be a string"),
        ({"team": "growth\n"}, "line break"),
        ({"te\u2028am": "growth"}, "line break"),
        (["team"], "map"),
    ],
)
def test_bad_tags_fail_with_the_limit(provider: SenderIdProvider, tags: Any, hint: str) -> None:
    _, failures = check(provider, tags=tags)
    assert hint in failures["tags"]


def test_tags_at_the_limits_pass(provider: SenderIdProvider) -> None:
    tags = {f"k{i:03}": "" for i in range(199)} | {"k" * 128: "v" * 256}
    _, failures = check(provider, tags=tags)
    assert failures == {}


@pytest.mark.parametrize("token", ["has space", "x" * 65, "", "é"])
def test_bad_client_token_is_refused(provider: SenderIdProvider, token: str) -> None:
    _, failures = check(provider, client_token=token)
    assert "printable ASCII" in failures["client_token"]


@pytest.mark.parametrize("region", ["EU-WEST-1", "mars", "eu-west", 2])
def test_bad_region_is_refused(provider: SenderIdProvider, region: Any) -> None:
    _, failures = check(provider, region=region)
    assert "must be an AWS region name such as 'eu-west-2'" in failures["region"]


@pytest.mark.parametrize("key", ["deletion_protection_enabled", "adopt_existing"])
def test_flags_must_be_booleans(provider: SenderIdProvider, key: str) -> None:
    _, failures = check(provider, None, **{key: "yes"})
    assert "true or false" in failures[key]


def test_each_bad_property_gets_its_own_failure(provider: SenderIdProvider) -> None:
    _, failures = check(provider, sender_id="A", iso_country_code="USA", message_types=["X"], region="x")
    assert set(failures) == {"sender_id", "iso_country_code", "message_types", "region"}


def test_a_reason_never_repeats_the_property_name_the_engine_shows_before_it(provider: SenderIdProvider) -> None:
    _, failures = check(provider, sender_id=12345.0, tags={"aws:team": "x"}, deletion_protection_enabled="yes")
    assert failures == {
        "sender_id": 'must be a string such as "ACME", got the number 12345: quote it',
        "tags": "tag key 'aws:team' starts with 'aws:', which AWS reserves: choose another prefix",
        "deletion_protection_enabled": "must be true or false, got 'yes'",
    }


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("UK", "'UK' is not an ISO 3166-1 alpha-2 country code: did you mean 'GB'?"),
        ("XX", "'XX' is not an ISO 3166-1 alpha-2 country code: use an assigned code such as 'GB' or 'DE'"),
        ("zz", "'zz' is not an ISO 3166-1 alpha-2 country code: use an assigned code such as 'GB' or 'DE'"),
    ],
)
def test_codes_that_only_look_like_countries_are_refused(provider: SenderIdProvider, code: str, reason: str) -> None:
    _, failures = check(provider, iso_country_code=code)
    assert failures == {"iso_country_code": reason}


def test_unknown_values_pass_through_in_preview(provider: SenderIdProvider) -> None:
    pending = unknown()
    inputs, failures = check(
        provider, sender_id=pending, message_types=[pending, "PROMOTIONAL"], tags={"team": pending}
    )
    assert failures == {}
    assert inputs["sender_id"] is pending
    assert inputs["message_types"][0] is pending
    assert inputs["tags"]["team"] is pending


def configured(**config: str) -> SenderIdProvider:
    provider = SenderIdProvider()
    provider.configure(ConfigureRequest(Config(config, "test")))
    return provider


def test_missing_region_is_refused_at_check_naming_the_config_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    _, failures = check(configured())
    assert list(failures) == ["region"]
    assert "pulumi config set aws:region" in failures["region"]


@pytest.mark.parametrize(
    ("region", "hint"),
    [
        ("moon-1", "'moon-1' is not an AWS region name. End User Messaging SMS is available in: af-south-1"),
        ("eu-west-9", "If AWS opened it recently, upgrade boto3 (pip install -U boto3)"),
    ],
)
def test_a_typo_in_the_stacks_region_is_refused_at_check_naming_where_it_came_from(region: str, hint: str) -> None:
    _, failures = check(configured(**{"aws:region": region}))
    assert list(failures) == ["region"]
    assert hint in failures["region"]
    assert failures["region"].endswith("(the region comes from stack config aws:region)")


def test_the_environment_is_named_when_the_region_came_from_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_REGION", "eu-wset-2")
    _, failures = check(configured())
    assert failures["region"].endswith("(the region comes from environment variable AWS_REGION)")


def test_a_region_input_boto3_does_not_know_for_the_service_is_refused(provider: SenderIdProvider) -> None:
    _, failures = check(provider, region="cn-north-1")
    assert "'cn-north-1' is not a region where the installed boto3" in failures["region"]
    assert failures["region"].endswith("(the region comes from the region input)")


def test_a_region_input_overrides_a_bad_stack_region() -> None:
    _, failures = check(configured(**{"aws:region": "moon-1"}), region="eu-west-1")
    assert failures == {}


def test_a_region_of_another_partition_botocore_lists_is_accepted(provider: SenderIdProvider) -> None:
    _, failures = check(provider, region="eusc-de-east-1")
    assert failures == {}
