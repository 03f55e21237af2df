"""Play the lifecycle through the real provider process and through the boto3 baseline, and time both.

For each N: one fresh provider process (so its peak memory belongs to that N) and `rounds` rounds.
A round starts on a reset emulator and plays the lifecycle on both sides in lockstep: each step runs
on one side, then at once on the other (which side goes first alternates by round), so the two
measurements of a pair see the same machine load. The sides use different sender IDs; the
emulator's cost per call does not depend on how many it holds (checked: see docs/benchmark.md).
Per step we keep AWS calls by operation (the emulator's counters), wall time, and the CPU time
each process used.
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pulumi_sms_sender_id.emulator.testing import EmulatorServer
from tests.benchmarks import procfs, profiling
from tests.benchmarks.workload import (
    CREATE,
    DESTROY,
    NEW_TAGS,
    PREVIEW_NEW,
    PREVIEW_SAME,
    REFRESH,
    STEPS,
    TAG_UPDATE,
    TAGS,
    Baseline,
    program,
    sender_id_names,
)
from tests.engine.harness import Engine, ProviderProcess, Step
from tests.support import CACHE_DIR_ENV, REGION

PROVIDER: Final = "provider"
BASELINE: Final = "baseline"
# More than a run ever holds at once, so the quota never interferes.
SENDER_ID_QUOTA: Final = 100_000
# Where the provider keeps its release journal (releases.py); a temporary directory of ours instead.
# The emulator enforces no request quota here, and the provider is told the account's quota was
# raised far beyond what it sends, so pacing never waits: this mode measures the provider's overhead.
# Quotas are measured by quota mode (quota.py).
RAISED_QUOTA: Final = {"sms-sender-id:requestsPerSecond": "100000"}


@dataclass
class Sample:
    """One step of one round on one side."""

    seconds: float
    calls: dict[str, int]
    cpu_seconds: dict[str, float]  # process ("provider", "emulator", "driver") -> CPU used in the step
    provider_peak_mib: float | None = None  # the provider's VmHWM right after the step


@dataclass
class StepResult:
    """One step at one N: every round of both sides, and the figures derived from them."""

    step: str
    n: int
    provider: list[Sample] = field(default_factory=list)
    baseline: list[Sample] = field(default_factory=list)

    @property
    def calls(self) -> dict[str, int]:
        return self.provider[0].calls

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())

    @property
    def ratios(self) -> list[float]:
        """Provider time over baseline time, per round (the two ran back to back)."""
        return [p.seconds / b.seconds for p, b in zip(self.provider, self.baseline, strict=True)]

    @property
    def median_round(self) -> int:
        """The round with the median ratio (the lower middle one for an even count); for previews,
        the round with the median provider time."""
        keys = self.ratios if self.baseline else [s.seconds for s in self.provider]
        return keys.index(statistics.median_low(keys))

    @property
    def provider_seconds(self) -> float:
        return self.provider[self.median_round].seconds

    @property
    def baseline_seconds(self) -> float | None:
        return self.baseline[self.median_round].seconds if self.baseline else None

    @property
    def ratio(self) -> float | None:
        """The median round's ratio; None for previews (no AWS calls, no baseline)."""
        return self.ratios[self.median_round] if self.baseline else None

    @property
    def calls_consistent(self) -> bool:
        """Every round of both sides made exactly the same calls (previews: none at all)."""
        return all(s.calls == self.calls for s in self.provider + self.baseline)


@dataclass
class SizeResult:
    n: int
    rounds: int
    steps: dict[str, StepResult]
    provider_peak_mib: float
    seconds: float
    latency: float = 0.0


def rounds_for(n: int, repeat: int) -> int:
    """Small N finish in milliseconds, where noise dominates: give them more rounds."""
    return repeat if n >= 100 else max(repeat, 7)


def _fresh_emulator(server: EmulatorServer, latency: float) -> None:
    control = server.control
    control.reset()
    control.configure(release_window_seconds=0, sender_id_quota=SENDER_ID_QUOTA, latency_seconds=latency)


def _empty(directory: Path) -> None:
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir()


def _measure(server: EmulatorServer, pids: Mapping[str, int], action: Callable[[], Any]) -> tuple[Sample, Any]:
    control = server.control
    control.reset_call_counts()
    gc.collect()
    before = {name: procfs.cpu_seconds(pid) for name, pid in pids.items()}
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    cpu = {name: procfs.cpu_seconds(pid) - before[name] for name, pid in pids.items()}
    return Sample(seconds, control.call_counts(), cpu), result


def expect_steps(step: str, steps: Mapping[str, Step], op: str, n: int) -> None:
    """Fail loudly if the engine did something other than what the step is meant to measure."""
    wrong = {name: s.op for name, s in steps.items() if s.op != op or s.drift}
    if len(steps) != n or wrong:
        raise RuntimeError(f"{step}: expected {n} x {op!r}, got {len(steps)} steps, unexpected: {dict(wrong)}")


class ProviderSide:
    """The lifecycle as the Pulumi engine drives it: preview, up, preview, refresh, up (tags), destroy."""

    def __init__(self, server: EmulatorServer, provider: ProviderProcess, names: list[str], parallel: int) -> None:
        self.server = server
        self.pid = provider.process.pid
        self.pids = {PROVIDER: self.pid, "emulator": server.pid, "driver": os.getpid()}
        self.n = len(names)
        engine = Engine(provider, parallel=parallel)
        self.engine = engine
        first, edited = program(names, TAGS), program(names, NEW_TAGS)
        self.plan: dict[str, tuple[Callable[[], dict[str, Step]], str]] = {
            PREVIEW_NEW: (lambda: engine.preview(first), "create"),
            CREATE: (lambda: engine.up(first), "create"),
            PREVIEW_SAME: (lambda: engine.preview(first), "same"),
            REFRESH: (engine.refresh, "refresh"),
            TAG_UPDATE: (lambda: engine.up(edited), "update"),
            DESTROY: (engine.destroy, "delete"),
        }

    def run(self, step: str) -> Sample:
        action, op = self.plan[step]
        sample, steps = _measure(self.server, self.pids, action)
        expect_steps(step, steps, op, self.n)
        sample.provider_peak_mib = procfs.peak_rss_mib(self.pid)
        if step == DESTROY and self.engine.state:
            raise RuntimeError(f"destroy left {len(self.engine.state)} resources in the stack state")
        return sample


class BaselineSide:
    """The same AWS calls with plain boto3; previews have none."""

    def __init__(self, server: EmulatorServer, client: Any, names: list[str], parallel: int) -> None:
        self.server = server
        self.pids = {"emulator": server.pid, "driver": os.getpid()}
        self.baseline = Baseline(client, names, parallel)

    def run(self, step: str) -> Sample | None:
        action = self.baseline.step(step)
        return None if action is None else _measure(self.server, self.pids, action)[0]


def run_size(
    server: EmulatorServer,
    n: int,
    parallel: int,
    rounds: int,
    log: Callable[[str], None],
    profile_dir: Path | None = None,
    latency: float = 0.0,
) -> SizeResult:
    """All rounds for one N, with a provider process of its own (profiled into `profile_dir` if given),
    the emulator answering each call after `latency` seconds (0: as fast as it can).

    The provider's release journal lives in a temporary directory that is emptied before each
    round: the user's cache is left alone, and no round inherits the releases of another.
    """
    started = time.perf_counter()
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    journal = cache / "journal"
    env = {
        **server.env(),
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        CACHE_DIR_ENV: str(journal),
        "XDG_CACHE_HOME": str(journal),
    }
    if profile_dir is not None:
        env.update(profiling.env(profile_dir))
    provider = ProviderProcess(env, {"aws:region": REGION, **RAISED_QUOTA})
    client = server.client(region_name=REGION)
    client.describe_sender_ids()  # connect and load the model outside the measurements
    results = {step: StepResult(step, n) for step in STEPS}
    try:
        for round_ in range(rounds):
            _fresh_emulator(server, latency)
            _empty(journal)
            ours = ProviderSide(server, provider, sender_id_names("P", round_, n), parallel)
            theirs = BaselineSide(server, client, sender_id_names("B", round_, n), parallel)
            provider_first = round_ % 2 == 0
            totals = {PROVIDER: 0.0, BASELINE: 0.0}
            for step in STEPS:
                for side in (PROVIDER, BASELINE) if provider_first else (BASELINE, PROVIDER):
                    sample = ours.run(step) if side == PROVIDER else theirs.run(step)
                    if sample is not None:
                        getattr(results[step], side).append(sample)
                        totals[side] += sample.seconds
            ours_s, theirs_s = totals[PROVIDER], totals[BASELINE]
            log(f"  N={n} round {round_ + 1}/{rounds}: provider {ours_s:.2f}s, baseline {theirs_s:.2f}s")
        peak = procfs.peak_rss_mib(provider.process.pid)
        if profile_dir is not None:
            profiling.collect(provider.process.pid, profile_dir)
    finally:
        provider.stop()
        shutil.rmtree(cache, ignore_errors=True)
    return SizeResult(n, rounds, results, peak, time.perf_counter() - started, latency)
