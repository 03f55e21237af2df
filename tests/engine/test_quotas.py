"""Stacks under AWS's request quotas, through the real provider process: no throttling failure, near the floor.

The emulator enforces a token bucket per operation (burst 1); the engine sends 16 operations at
once, the provider host runs 4. Rates are 10 per second rather than AWS's 1 to keep the suite quick:
the floor of a phase is N / rate for its busiest operation.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from pulumi_sms_sender_id.aws import notices
from tests.engine.harness import Engine, StartProvider

RATE = 10
N = 60
FLOOR_SECONDS = N / RATE
MAX_OVER_FLOOR = 1.2
MAX_SHARED_OVER_FLOOR = 1.5
PACED = {"sms-sender-id:requestsPerSecond": str(RATE)}


def program(n: int, prefix: str = "BRAND") -> dict[str, dict[str, Any]]:
    """n sender IDs over GB and DE, as a brand covering two countries would declare them."""
    return {
        f"{prefix.lower()}-{i}-{cc}": {"sender_id": f"{prefix}{i:02}", "iso_country_code": cc, "tags": {"n": str(i)}}
        for i in range(n // 2)
        for cc in ("GB", "DE")
    }


def timed(phase: Callable[[], Any]) -> float:
    started = time.monotonic()
    phase()
    return time.monotonic() - started


@pytest.fixture
def quotas_on(emulator: Any) -> Iterator[Any]:
    emulator.control.configure(request_quotas=RATE)
    yield emulator
    emulator.control.reset()


def test_a_stack_deploys_refreshes_and_destroys_under_the_quota_near_its_floor(
    start_provider: StartProvider, quotas_on: Any, aws: Any
) -> None:
    engine = Engine(start_provider(**PACED), parallel=16)
    stack = program(N)

    up = timed(lambda: engine.up(stack))
    held = aws.get_paginator("describe_sender_ids").paginate()
    assert len({s["SenderIdArn"] for page in held for s in page["SenderIds"]}) == len(engine.state) == N
    refresh = timed(engine.refresh)
    assert len(engine.state) == N
    destroy = timed(engine.destroy)

    assert engine.state == {}
    assert aws.describe_sender_ids()["SenderIds"] == []
    for phase, seconds in {"up": up, "refresh": refresh, "destroy": destroy}.items():
        assert seconds <= MAX_OVER_FLOOR * FLOOR_SECONDS, f"{phase} took {seconds:.1f} s, floor {FLOOR_SECONDS} s"


def test_two_stacks_sharing_one_quota_both_succeed_and_keep_it_busy(
    start_provider: StartProvider, quotas_on: Any, aws: Any
) -> None:
    engines = [Engine(start_provider(**PACED), parallel=16) for _ in range(2)]
    stacks = [program(N // 2, prefix) for prefix in ("ALPHA", "BETA")]
    floor = N / RATE

    with ThreadPoolExecutor(max_workers=2) as pool:
        up = timed(lambda: list(pool.map(lambda pair: pair[0].up(pair[1]), zip(engines, stacks, strict=True))))
        assert [len(engine.state) for engine in engines] == [N // 2, N // 2]
        refresh = timed(lambda: list(pool.map(lambda engine: engine.refresh(), engines)))
        assert [len(engine.state) for engine in engines] == [N // 2, N // 2]
        destroy = timed(lambda: list(pool.map(lambda engine: engine.destroy(), engines)))

    assert aws.describe_sender_ids()["SenderIds"] == []
    assert quotas_on.control.call_counts()["RequestSenderId"] >= N
    for phase, seconds in {"up": up, "refresh": refresh, "destroy": destroy}.items():
        assert seconds <= MAX_SHARED_OVER_FLOOR * floor, f"{phase} took {seconds:.1f} s, floor {floor} s"


def test_a_long_wait_for_the_quota_is_explained_in_the_output(start_provider: StartProvider, emulator: Any) -> None:
    emulator.control.configure(request_quotas=1)
    provider = start_provider(**{"sms-sender-id:requestsPerSecond": "1"})
    Engine(provider, parallel=16).up(program(6))

    lines = [line for line in provider.stop_and_read_stderr().splitlines() if line.startswith(notices.PREFIX)]
    assert any("for AWS's request quota for DescribeSenderIds in eu-west-2 (1/s, " in line for line in lines), lines
    assert not any("testing" in line or "127.0.0.1" in line for line in lines), "no credentials or endpoints"
