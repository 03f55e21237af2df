"""Request-rate quotas: a token bucket per account, region and operation, as AWS enforces them."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from pulumi_sms_sender_id.emulator import quotas
from pulumi_sms_sender_id.emulator.testing import ClientAndControl, EmulatorServer

from .support import NO_RETRIES, code, error_of

OPERATIONS = ("RequestSenderId", "DescribeSenderIds", "DeleteOptedOutNumber")


def test_the_aws_preset_allows_one_request_per_second_per_operation(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    sms_voice_emulated.control.configure(request_quotas="aws")

    client.describe_sender_ids()
    throttled = error_of(client.describe_sender_ids)
    assert code(throttled) == "ThrottlingException"
    assert throttled["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert throttled["Message"] == "Rate exceeded"
    client.request_sender_id(SenderId="ACME", IsoCountryCode="GB")  # another operation has its own bucket
    time.sleep(1.05)
    assert client.describe_sender_ids()["SenderIds"][0]["SenderId"] == "ACME"


def test_quotas_are_per_account_and_region(sms_voice_emulated: ClientAndControl) -> None:
    sms_voice_emulated.control.configure(request_quotas={"DescribeSenderIds": 1})
    here = sms_voice_emulated.new_client(config=NO_RETRIES)
    elsewhere = sms_voice_emulated.new_client(region_name="eu-west-1", config=NO_RETRIES)
    other_account = sms_voice_emulated.new_client(config=NO_RETRIES, account_id="210987654321")

    here.describe_sender_ids()
    elsewhere.describe_sender_ids()
    other_account.describe_sender_ids()
    assert code(error_of(here.describe_sender_ids)) == "ThrottlingException"


def test_a_burst_lets_that_many_requests_through_at_once(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    sms_voice_emulated.control.configure(request_quotas="DescribeSenderIds=0.5:3")
    for _ in range(3):
        client.describe_sender_ids()
    assert code(error_of(client.describe_sender_ids)) == "ThrottlingException"
    assert sms_voice_emulated.control.call_counts()["DescribeSenderIds"] == 4  # throttled requests are counted


def test_reset_turns_quotas_off_and_refills_buckets(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    sms_voice_emulated.control.configure(request_quotas=1)
    client.describe_sender_ids()
    sms_voice_emulated.control.reset()
    for _ in range(5):
        client.describe_sender_ids()


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("aws", {"RequestSenderId": (1.0, 1.0), "DescribeSenderIds": (1.0, 1.0), "DeleteOptedOutNumber": (10.0, 1.0)}),
        ("off", {}),
        ("", {}),
        (5, dict.fromkeys(OPERATIONS, (5.0, 1.0))),
        ("2.5", dict.fromkeys(OPERATIONS, (2.5, 1.0))),
        ("RequestSenderId=1, DescribeSenderIds=5:2", {"RequestSenderId": (1.0, 1.0), "DescribeSenderIds": (5.0, 2.0)}),
        ("*=10,RequestSenderId=1", {**dict.fromkeys(OPERATIONS, (10.0, 1.0)), "RequestSenderId": (1.0, 1.0)}),
        ({"RequestSenderId": {"rate": 3, "burst": 4}}, {"RequestSenderId": (3.0, 4.0)}),
    ],
)
def test_every_spelling_of_a_quota_parses_the_same_way(spec: object, expected: dict[str, tuple[float, float]]) -> None:
    parsed = quotas.parse(spec, OPERATIONS)
    assert {op: (q.rate, q.burst) for op, q in parsed.items()} == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("RequestSenderID=1", "unknown operations ['RequestSenderID']"),
        ("RequestSenderId", "must be a positive number"),
        ("RequestSenderId=0", "rate of RequestSenderId must be a positive number"),
        ("RequestSenderId=1:nan", "burst of RequestSenderId must be a positive number"),
        (True, "must be a positive number"),
        ({"RequestSenderId": {"burst": 2}}, "must be {'rate': r, 'burst': b}"),
        ("DescribeSenderIds 5", "must be a positive number"),
    ],
)
def test_a_malformed_quota_names_what_is_wrong(spec: object, message: str) -> None:
    with pytest.raises(ValueError, match="^.*" + message.replace("[", r"\[").replace("(", r"\(")):
        quotas.parse(spec, OPERATIONS)


def test_quotas_and_latency_are_shown_in_the_config_and_set_over_http(emulator: EmulatorServer) -> None:
    emulator.control.configure(request_quotas="RequestSenderId=2:3", latency_seconds=0.01)
    config = emulator.control.current_config()
    assert config["request_quotas"] == {"RequestSenderId": {"rate": 2.0, "burst": 3.0}}
    assert config["latency_seconds"] == 0.01
    with pytest.raises(ValueError, match="unknown operations"):
        emulator.control.configure(request_quotas={"Nope": 1})


def test_latency_delays_every_answer(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_RETRIES)
    sms_voice_emulated.control.configure(latency_seconds=0.2)
    started = time.monotonic()
    client.describe_sender_ids()
    assert time.monotonic() - started >= 0.2


def test_the_cli_flag_and_the_environment_turn_quotas_on() -> None:
    with EmulatorServer("--quotas", "aws") as server:
        client = server.client(config=NO_RETRIES)
        client.describe_sender_ids()
        assert code(error_of(client.describe_sender_ids)) == "ThrottlingException"
        assert server.control.current_config()["request_quotas"]["DeleteOptedOutNumber"]["rate"] == 10.0
        server.control.reset()  # the flag is the default a reset restores
        assert server.control.current_config()["request_quotas"]["RequestSenderId"]["rate"] == 1.0

    env = {**os.environ, quotas.ENV_VAR: "DescribeSenderIds=1"}
    result = subprocess.run(
        [sys.executable, "-c", "from pulumi_sms_sender_id.emulator import controls; print(controls.current_config())"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "'request_quotas': {'DescribeSenderIds': {'rate': 1.0, 'burst': 1.0}}" in result.stdout
