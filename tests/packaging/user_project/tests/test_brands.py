"""The user's own tests, with the kit: the real provider behind Pulumi's mocks, the emulator as AWS."""

from pathlib import Path

import brands
import pulumi
import pytest

from pulumi_sms_sender_id.testing import CheckFailed, run_program

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture
def emulator_region():
    return "eu-west-2"


def test_the_program_leases_a_sender_id_per_country(sms_voice_client):
    result = run_program(PROJECT, stack="dev")

    leased = {s["IsoCountryCode"]: s["SenderIdArn"] for s in sms_voice_client.describe_sender_ids()["SenderIds"]}
    assert result.outputs["arns"] == leased
    assert sorted(leased) == ["DE", "FR", "GB"]


def test_each_run_is_a_fresh_first_up(sms_voice_client):
    unpaced = {"sms-sender-id:requestsPerSecond": "100"}  # the emulator has no quota; AWS's is 1
    first = run_program(PROJECT, stack="dev", config={**unpaced, "senderId": "ONE"})
    second = run_program(PROJECT, stack="dev", config={**unpaced, "senderId": "TWO"})

    assert len(first.resources) == len(second.resources) == 3
    assert second.outputs["arns"]["GB"].endswith("/TWO/GB")


def test_a_refused_sender_id_fails_the_run(sms_voice_client):
    with pytest.raises(CheckFailed, match=r"brand-(gb|de|fr): sender_id"):
        run_program(PROJECT, stack="dev", config={"senderId": "-ACME"})


@pulumi.runtime.test
def test_declared_sender_ids_get_their_real_arns(sender_id_mocks):
    declared = brands.declare("ACME")

    def check(arns):
        assert arns == [f"arn:aws:sms-voice:eu-west-2:123456789012:sender-id/ACME/{c}" for c in brands.COUNTRIES]

    return pulumi.Output.all(*(brand.sender_id_arn for brand in declared.values())).apply(check)
