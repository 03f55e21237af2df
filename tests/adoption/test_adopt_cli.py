"""`adopt` lists within AWS's rules (pages, filters, quota) and refuses bad input in one line, before any call."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from pulumi_sms_sender_id.adoption import inventory
from tests.adoption.support import Adopt


def sender_ids_in(program: str) -> list[str]:
    return [line.split('"')[1] for line in program.splitlines() if line.strip().startswith("sender_id=")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--filter", "colour=red"], "error: --filter: unknown filter 'colour': use one of sender-id,"),
        (["--filter", "registered=maybe"], "error: --filter: filter registered takes true or false, got 'maybe'"),
        (["--filter", "iso-country-code"], "error: --filter: filter 'iso-country-code' is not NAME=VALUE"),
        (["--requests-per-second", "0"], "error: --requests-per-second must be a positive number"),
        (["--region", "Europe"], "error: --region must be an AWS region name such as 'eu-west-2', got 'Europe'"),
    ],
)
def test_bad_input_is_one_line_and_no_aws_call(emulated: Any, adopt: Adopt, args: list[str], message: str) -> None:
    adopted = adopt(*args, regions=(), fast=False)
    assert adopted.status == 2
    assert len(adopted.stderr) == 1 and adopted.stderr[0].startswith(message), adopted.stderr
    assert adopted.stdout == ""
    assert emulated.call_counts() == {}


def test_no_region_anywhere_is_refused(emulated: Any, adopt: Adopt, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    adopted = adopt(regions=())
    assert (adopted.status, adopted.stderr) == (
        2,
        ["error: no AWS region: pass --region eu-west-2 (repeat it for several regions), or export AWS_REGION"],
    )
    assert emulated.call_counts() == {}


def test_the_default_region_is_the_environments(emulated: Any, adopt: Adopt) -> None:
    emulated.seed_sender_id("ACME", "GB", region="eu-west-2")  # AWS_DEFAULT_REGION of the test run
    emulated.seed_sender_id("ACME", "GB", region="us-east-1")
    adopted = adopt(regions=())
    assert adopted.status == 0
    assert 'region="eu-west-2"' in adopted.stdout and "us-east-1" not in adopted.stdout


def test_no_credentials_is_refused(adopt: Adopt, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # no instance metadata lookup on this machine
    adopted = adopt()
    assert adopted.status == 2
    assert adopted.stderr == [
        "error: no AWS credentials found: pass --profile, export AWS_PROFILE or "
        "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run `aws sso login`"
    ]


def test_an_unknown_profile_is_refused(adopt: Adopt) -> None:
    adopted = adopt("--profile", "nobody")
    assert adopted.status == 2
    assert adopted.stderr == [
        "error: The config profile (nobody) could not be found: pass an existing --profile or fix AWS_PROFILE"
    ]


def test_an_existing_output_is_kept_unless_forced(emulated: Any, adopt: Adopt, tmp_path: Path) -> None:
    program = tmp_path / "__main__.py"
    program.write_text("# mine\n")
    adopted = adopt("--output", str(program))
    assert (adopted.status, adopted.stderr) == (
        2,
        [f"error: {program} exists: pass --force to overwrite it, or choose another --output"],
    )
    assert program.read_text() == "# mine\n"
    assert emulated.call_counts() == {}


def test_an_aws_refusal_is_one_line_with_exit_status_1(emulated: Any, adopt: Adopt) -> None:
    emulated.inject_fault("DescribeSenderIds", "InternalServerException", count=100)
    adopted = adopt(regions=("eu-west-2",))
    assert adopted.status == 1
    assert adopted.stderr[-1].startswith("error: ") and "InternalServerException" in adopted.stderr[-1]
    assert adopted.stdout == ""


def test_every_page_is_listed_and_each_sender_id_tagged_once(
    emulated: Any, adopt: Adopt, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inventory, "PROGRESS_EVERY_SECONDS", 0.0)
    wanted = [f"S{n:03d}" for n in range(1, 131)]
    for sender_id in wanted:
        emulated.seed_sender_id(sender_id, "GB", region="eu-west-2", tags={"n": sender_id})
    emulated.reset_call_counts()

    adopted = adopt(regions=("eu-west-2",))

    assert adopted.status == 0
    assert sender_ids_in(adopted.stdout) == wanted
    assert emulated.call_counts() == {"DescribeSenderIds": 2, "ListTagsForResource": 130, "DescribeRegistrations": 1}
    assert "adopt: eu-west-2: 130 sender IDs found; reading their tags" in adopted.stderr
    assert "adopt: eu-west-2: tags of 129/130 sender IDs read" in adopted.stderr


def test_filters_reach_describe_sender_ids(emulated: Any, adopt: Adopt) -> None:
    emulated.seed_sender_id("ACME", "GB", region="eu-west-2")
    emulated.seed_sender_id("ACME", "DE", region="eu-west-2", registered=True)
    emulated.seed_sender_id("ACME", "FR", region="eu-west-2")
    emulated.seed_sender_id("NEWS", "GB", region="eu-west-2")
    adopted = adopt("--filter", "iso-country-code=gb,de", "--filter", "sender-id=acme", regions=("eu-west-2",))
    assert adopted.status == 0
    assert [line.strip() for line in adopted.stdout.splitlines() if "iso_country_code=" in line] == [
        'iso_country_code="DE",',
        'iso_country_code="GB",',
    ]
    assert "--filter iso-country-code=gb,de --filter sender-id=acme`" in adopted.stdout.replace("\n", " ")
    assert emulated.call_counts() == {"DescribeSenderIds": 1, "ListTagsForResource": 2, "DescribeRegistrations": 1}

    registered = adopt("--filter", "registered=true", regions=("eu-west-2",))
    assert sender_ids_in(registered.stdout) == ["ACME"] and 'iso_country_code="DE"' in registered.stdout


def test_by_default_listing_stays_within_awss_quota_of_one_request_per_second(emulated: Any, adopt: Adopt) -> None:
    for country in ("GB", "DE", "FR"):
        emulated.seed_sender_id("ACME", country, region="eu-west-2")
    emulated.configure(request_quotas=1)  # AWS's: 1 request per second per operation, burst 1
    emulated.reset_call_counts()
    started = time.monotonic()

    adopted = adopt(regions=("eu-west-2",), fast=False)

    assert adopted.status == 0
    reads = {"DescribeSenderIds": 1, "ListTagsForResource": 3, "DescribeRegistrations": 1}
    assert emulated.call_counts() == reads, "never throttled"
    assert time.monotonic() - started >= 1.9  # three ListTagsForResource a second apart


def test_regions_are_listed_side_by_side_under_their_own_quotas(emulated: Any, adopt: Adopt) -> None:
    regions = ("eu-west-2", "eu-central-1", "ap-southeast-2")
    countries = ("GB", "DE", "FR", "IE", "NL")
    for region in regions:
        for country in countries:
            emulated.seed_sender_id("ACME", country, region=region)
    emulated.configure(request_quotas=1)
    emulated.reset_call_counts()
    started = time.monotonic()

    adopted = adopt(regions=regions, fast=False)

    elapsed = time.monotonic() - started
    assert adopted.status == 0 and len(sender_ids_in(adopted.stdout)) == 15
    calls = emulated.call_counts()
    # Paced, so throttling is rare: on a loaded machine one call may arrive a moment early and be retried.
    assert calls["DescribeSenderIds"] == calls["DescribeRegistrations"] == 3, calls
    assert 15 <= calls["ListTagsForResource"] <= 17, calls
    assert 3.9 <= elapsed < 9, f"{elapsed:.1f} s: one region's time (4 s), not three (12 s)"
