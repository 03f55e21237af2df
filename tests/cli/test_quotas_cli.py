"""Under AWS's request quotas (1 request per second per operation) and at scale, with the real engine."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from botocore.config import Config

from tests.cli.conftest import OpenStack
from tests.cli.support import Cli, needs_cli, program_project
from tests.support import REGION, held

pytestmark = needs_cli()

#: One sender ID per line, over GB and DE, each with a tag; `COUNT` of them.
PROGRAM = """
import pulumi
from pulumi_sms_sender_id import SenderId, SenderIdArgs

count = pulumi.Config().require_int("count")
for i in range(count):
    country = ("GB", "DE")[i % 2]
    SenderId(f"brand-{i}", SenderIdArgs(sender_id=f"BRAND{i:02}", iso_country_code=country, tags={"n": str(i)}))
"""
QUOTA_N = 12
#: Each phase's busiest operation makes one call per sender ID, at 1 per second.
FLOOR_SECONDS = QUOTA_N / 1
MAX_OVER_FLOOR = 1.2


def _timed(cli: Cli, *args: str) -> tuple[float, str]:
    started = time.monotonic()
    done = cli.on_stack(*args, "--yes", "--skip-preview")
    return time.monotonic() - started, cli.output_of(done)


@pytest.fixture
def aws_quotas(emulator: Any) -> Any:
    emulator.control.configure(request_quotas="aws")
    return emulator


def test_twelve_sender_ids_under_aws_quotas_deploy_refresh_and_destroy_near_the_floor_saying_why_they_wait(
    open_stack: OpenStack, tmp_path: Path, aws_quotas: Any
) -> None:
    # The test's own look at "AWS" shares the quota with the provider: let it wait its turn too.
    aws = aws_quotas.client(REGION, Config(retries={"mode": "standard", "max_attempts": 30}))
    cli = open_stack(program_project(PROGRAM, tmp_path / "project"), {"count": str(QUOTA_N)})

    up, shown = _timed(cli, "up")
    assert len(held(aws)) == QUOTA_N
    assert "for AWS's request quota for " in shown.split("Diagnostics:", 1)[1]
    refresh, _ = _timed(cli, "refresh")
    assert len(cli.sender_id_states()) == QUOTA_N
    destroy, _ = _timed(cli, "destroy")
    assert held(aws) == {}

    for phase, seconds in {"up": up, "refresh": refresh, "destroy": destroy}.items():
        assert seconds <= MAX_OVER_FLOOR * FLOOR_SECONDS, f"{phase} took {seconds:.1f} s, floor {FLOOR_SECONDS} s"


def test_forty_sender_ids_with_parallel_16_lease_exactly_once_each(
    open_stack: OpenStack, tmp_path: Path, emulator: Any, aws: Any
) -> None:
    cli = open_stack(
        program_project(PROGRAM, tmp_path / "project"), {"count": "40", "sms-sender-id:requestsPerSecond": "1000"}
    )
    emulator.control.reset_call_counts()

    cli.up("--parallel", "16")

    assert len(held(aws)) == 40 == len(cli.sender_id_states())
    assert emulator.control.call_counts()["RequestSenderId"] == 40
