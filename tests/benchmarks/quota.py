"""Quota mode: whole stacks under AWS's request quotas, against the floor N / RPS.

The emulator enforces a token bucket per operation (burst 1, the strictest reading of AWS's
documented 1 request per second); the harness plays the engine with 16 concurrent operations, as
`pulumi up` does on a 4-CPU machine. Two scenarios: one stack of N sender IDs in one provider
process; two stacks of N/2 each in two provider processes deploying at once into one account (their
floor is the same N / RPS: they share the quota). A phase fails when any engine operation fails.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pulumi_sms_sender_id.emulator.testing import EmulatorServer
from tests.benchmarks.workload import TAGS, program, sender_id_names
from tests.engine.harness import Engine, ProviderProcess
from tests.support import CACHE_DIR_ENV, REGION

ENGINE_PARALLEL: Final = 16
PHASES: Final = ("up", "refresh", "destroy")
ONE_STACK: Final = "one stack"
TWO_STACKS: Final = "two stacks, one account"


@dataclass
class PhaseResult:
    scenario: str
    phase: str
    n: int
    rps: float
    seconds: float
    calls: dict[str, int]
    failure: str | None

    @property
    def floor(self) -> float:
        """No tool can do better: N calls of the phase's busiest operation at RPS per second."""
        return self.n / self.rps

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor


def _run_phase(engines: Sequence[Engine], phase: str, programs: Sequence[dict[str, Any]]) -> str | None:
    def one(index: int) -> None:
        engine = engines[index]
        if phase == "up":
            engine.up(programs[index])
        else:
            getattr(engine, phase)()

    with ThreadPoolExecutor(max_workers=len(engines)) as pool:
        futures = [pool.submit(one, i) for i in range(len(engines))]
        errors = [f.exception() for f in futures]
    failed = [e for e in errors if e is not None]
    return f"{type(failed[0]).__name__}: {failed[0]}" if failed else None


def run_scenario(
    server: EmulatorServer, scenario: str, n: int, rps: float, cache: Path, log: Callable[[str], None]
) -> list[PhaseResult]:
    stacks = 1 if scenario == ONE_STACK else 2
    control = server.control
    control.reset()
    control.configure(release_window_seconds=0, sender_id_quota=100_000, request_quotas=rps)
    env = {**server.env(), "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION, CACHE_DIR_ENV: str(cache)}
    config = {"aws:region": REGION, "sms-sender-id:requestsPerSecond": f"{rps:g}"}
    processes = [ProviderProcess(env, config) for _ in range(stacks)]
    try:
        engines = [Engine(process, parallel=ENGINE_PARALLEL) for process in processes]
        programs = [program(sender_id_names(f"Q{i}", 0, n // stacks), TAGS) for i in range(stacks)]
        results = []
        for phase in PHASES:
            control.reset_call_counts()
            started = time.perf_counter()
            failure = _run_phase(engines, phase, programs)
            result = PhaseResult(scenario, phase, n, rps, time.perf_counter() - started, control.call_counts(), failure)
            log(f"  {scenario}, {phase}: {result.seconds:.1f} s (floor {result.floor:.0f} s, {result.ratio:.2f}x)")
            results.append(result)
            if failure:
                break
    finally:
        for process in processes:
            process.stop()
    return results


def run(server: EmulatorServer, n: int, rps: float, cache: Path, log: Callable[[str], None]) -> list[PhaseResult]:
    results = []
    for scenario in (ONE_STACK, TWO_STACKS):
        log(f"quota mode: {scenario}, N={n} at {rps:g} request(s) per second per operation")
        results.extend(run_scenario(server, scenario, n, rps, cache, log))
    return results
