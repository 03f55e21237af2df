"""check: every input rule, before any AWS call, with one failure per bad property."""

from __future__ import annotations

from typing import Any

import pytest

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


@pytest.mark.parametrize("region", ["EU-WEST-1", "mars", "eu-west"])
def test_bad_region_is_refused(provider: SenderIdProvider, region: str) -> None:
    _, failures = check(provider, region=region)
    assert "region name" in failures["region"]


@pytest.mark.parametrize("key", ["deletion_protection_enabled", "adopt_existing"])
def test_flags_must_be_booleans(provider: SenderIdProvider, key: str) -> None:
    _, failures = check(provider, None, **{key: "yes"})
    assert "true or false" in failures[key]


def test_each_bad_property_gets_its_own_failure(provider: SenderIdProvider) -> None:
    _, failures = check(provider, sender_id="A", iso_country_code="USA", message_types=["X"], region="x")
    assert set(failures) == {"sender_id", "iso_country_code", "message_types", "region"}
    assert all(reason.startswith(key) for key, reason in failures.items())


def test_unknown_values_pass_through_in_preview(provider: SenderIdProvider) -> None:
    pending = unknown()
    inputs, failures = check(
        provider, sender_id=pending, message_types=[pending, "PROMOTIONAL"], tags={"team": pending}
    )
    assert failures == {}
    assert inputs["sender_id"] is pending
    assert inputs["message_types"][0] is pending
    assert inputs["tags"]["team"] is pending
