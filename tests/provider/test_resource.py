"""The SenderId resource under Pulumi's mocks, with the real provider and the emulator behind them.

These prove the typed args, the wire names and the output attributes together.
"""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

from pulumi_sms_sender_id import MessageType, SenderId, SenderIdArgs
from tests.mocks import ProviderBackedMocks
from tests.support import TYPE_TOKEN, pulumi_test

ARN = "arn:aws:sms-voice:eu-west-2:123456789012:sender-id/ACME/GB"


def resolved(*outputs: pulumi.Output[Any]) -> pulumi.Output[list[Any]]:
    return pulumi.Output.all(*outputs)


@pulumi_test
def test_args_become_typed_outputs(pulumi_mocks: ProviderBackedMocks) -> pulumi.Output[Any]:
    brand = SenderId(
        "brand-gb",
        SenderIdArgs(
            sender_id="acme", iso_country_code="GB", message_types=[MessageType.TRANSACTIONAL], tags={"team": "growth"}
        ),
    )

    def verify(values: list[Any]) -> None:
        id_, arn, sender, types, tags, price, registered, registration_id, region = values
        assert id_ == arn == ARN
        assert sender == "ACME"
        assert types == ["TRANSACTIONAL"]
        assert tags == {"team": "growth"}
        assert float(price) > 0
        assert registered is False
        assert registration_id is None
        assert region == "eu-west-2"

    return resolved(
        brand.id,
        brand.sender_id_arn,
        brand.sender_id,
        brand.message_types,
        brand.tags,
        brand.monthly_leasing_price,
        brand.registered,
        brand.registration_id,
        brand.region,
    ).apply(verify)


@pulumi_test
def test_keyword_arguments_work_like_args(pulumi_mocks: ProviderBackedMocks) -> pulumi.Output[Any]:
    brand = SenderId("brand-de", sender_id="ACME", iso_country_code="DE", deletion_protection_enabled=True)

    def verify(values: list[Any]) -> None:
        assert values == ["DE", True]
        assert pulumi_mocks.resources["brand-de"]["sender_id_arn"].endswith("/ACME/DE")

    return resolved(brand.iso_country_code, brand.deletion_protection_enabled).apply(verify)


def test_type_token_is_the_public_contract() -> None:
    """The one place the token is spelled out: stack state refers to it, and other tests use TYPE_TOKEN."""
    assert TYPE_TOKEN == "pulumi-python:dynamic/smsvoice:SenderId"


def test_args_and_keyword_arguments_together_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="not both"):
        SenderId("x", SenderIdArgs(sender_id="ACME", iso_country_code="GB"), tags={"a": "b"})


def test_missing_required_inputs_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="needs sender_id and iso_country_code"):
        SenderId("x")
    with pytest.raises(TypeError, match="needs iso_country_code"):
        SenderId("x", sender_id="ACME")


def test_unknown_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="unexpected keyword arguments \\['senderId'\\]"):
        SenderId("x", senderId="ACME", iso_country_code="GB")


@pulumi_test
def test_get_reads_an_existing_sender_id_by_arn(pulumi_mocks: ProviderBackedMocks, emulated: Any) -> pulumi.Output[Any]:
    emulated.seed_sender_id(
        "ACME", "GB", region="eu-west-2", registered=True, registration_id="reg-9", tags={"owner": "ops"}
    )
    existing = SenderId.get("existing", ARN)

    def verify(values: list[Any]) -> None:
        assert values == [ARN, True, "reg-9", {"owner": "ops"}]

    return resolved(existing.sender_id_arn, existing.registered, existing.registration_id, existing.tags).apply(verify)


@pulumi_test
def test_every_resource_pickles_the_same_provider(pulumi_mocks: ProviderBackedMocks) -> pulumi.Output[Any]:
    first = SenderId("a", sender_id="ACME", iso_country_code="GB")
    second = SenderId("b", sender_id="ACME", iso_country_code="FR")

    def verify(_: list[Any]) -> None:
        assert len(pulumi_mocks.pickles) == 2
        assert pulumi_mocks.pickles[0] == pulumi_mocks.pickles[1]

    return resolved(first.id, second.id).apply(verify)
