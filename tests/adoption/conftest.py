"""Fixtures of the adoption tests: the seeded account on the in-process emulator, and `adopt` run in process."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from pulumi_sms_sender_id.__main__ import main
from tests.adoption.support import REGIONS, Adopt, Adopted, aws_holds, seed


@pytest.fixture
def account(emulated: Any) -> dict[str, dict[str, Any]]:
    """The seeded account (support.ACCOUNT); returns ARN -> what AWS holds. Call counts start at zero."""
    seed(emulated)
    held = aws_holds(lambda region: boto3.client("pinpoint-sms-voice-v2", region_name=region))
    emulated.reset_call_counts()
    return held


@pytest.fixture
def adopt(capsys: pytest.CaptureFixture[str]) -> Adopt:
    """`python -m pulumi_sms_sender_id adopt ARGS` in this process (the emulator's rates need no pacing)."""

    def run(*args: str, regions: tuple[str, ...] = REGIONS, fast: bool = True) -> Adopted:
        argv = ["adopt", *[a for r in regions for a in ("--region", r)], *args]
        if fast:
            argv += ["--requests-per-second", "1000"]
        capsys.readouterr()
        status = main(argv)
        out, err = capsys.readouterr()
        return Adopted(status, out, err.splitlines())

    return run
