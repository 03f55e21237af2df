"""Tests of this Pulumi program: the real sender-ID provider answers Pulumi's mocks, the local emulator
plays AWS. Needs `pulumi-sms-sender-id[emulator]` and pytest; run `pytest` in the project's directory."""

from pathlib import Path

import pulumi
import pytest

from pulumi_sms_sender_id import SenderId
from pulumi_sms_sender_id.testing import CheckFailed, run_program

pytest_plugins = ["pulumi_sms_sender_id.testing.pytest_plugin"]

PROJECT = Path(__file__).resolve().parents[1]  # the folder holding Pulumi.yaml


@pytest.fixture
def emulator_region():
    """The stack's region: the emulator serves it and the program runs in it (default us-east-1)."""
    return "eu-west-2"


def test_the_program_leases_its_sender_id_and_exports_it(sms_voice_client):
    result = run_program(PROJECT, stack="test")

    (leased,) = sms_voice_client.describe_sender_ids()["SenderIds"]
    assert result.outputs["sender_id_arn"] == leased["SenderIdArn"]
    assert leased["SenderIdArn"].startswith("arn:aws:sms-voice:eu-west-2:")
    assert result.outputs["monthly_leasing_price"] == leased["MonthlyLeasingPrice"]
    assert result.outputs["tags"]["stack"] == "test"


def test_stack_config_chooses_the_sender_id_and_the_country(sms_voice_client):
    result = run_program(PROJECT, stack="test", config={"senderId": "Brand-2", "country": "DE"})

    assert result.outputs["sender_id_arn"].endswith(":sender-id/BRAND-2/DE")


def test_a_sender_id_aws_would_refuse_fails_before_any_aws_call(sms_voice_client, emulator_control):
    with pytest.raises(CheckFailed, match="sender_id"):
        run_program(PROJECT, stack="test", config={"senderId": "-ACME"})

    assert emulator_control.call_counts().get("RequestSenderId", 0) == 0


@pulumi.runtime.test
def test_under_pulumi_mocks_a_sender_id_gets_its_real_arn_and_price(sender_id_mocks, sms_voice_client):
    brand = SenderId("brand", sender_id="ACME", iso_country_code="GB")

    def check(values):
        arn, price = values
        (leased,) = sms_voice_client.describe_sender_ids()["SenderIds"]
        assert arn == leased["SenderIdArn"] == "arn:aws:sms-voice:eu-west-2:123456789012:sender-id/ACME/GB"
        assert price == leased["MonthlyLeasingPrice"]

    return pulumi.Output.all(brand.sender_id_arn, brand.monthly_leasing_price).apply(check)
