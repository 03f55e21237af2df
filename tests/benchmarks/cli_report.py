"""CLI mode's tables, checks and JSON document (the measurements are cli.py's)."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass
from typing import Any, Final

from tests.benchmarks import go_profile
from tests.benchmarks.cli import CLI, HARNESS, STEPS, CliResult, Sample
from tests.benchmarks.report import SHORT_OPS, Target, machine, markdown


@dataclass
class Round:
    """One step in one round: the CLI at N = 0 and at N, and the harness at N."""

    step: str
    n: int
    zero: Sample
    cli: Sample
    harness: Sample

    @property
    def cli_ms_per_id(self) -> float:
        """The CLI's cost per sender ID: what N of them add to the empty program's time."""
        return (self.cli.seconds - self.zero.seconds) * 1000 / self.n

    @property
    def cli_ms_per_id_warm(self) -> float | None:
        """The same, less the provider's start-up (which N = 0 does not have, and the harness does before)."""
        start_up = segments(self.cli)["provider start-up"]
        return None if start_up is None else (self.cli.seconds - self.zero.seconds - start_up) * 1000 / self.n

    @property
    def harness_ms_per_id(self) -> float:
        return self.harness.seconds * 1000 / self.n


def rounds(result: CliResult, n: int, step: str) -> list[Round]:
    def one(driver: str, size: int, round_: int) -> Sample:
        return next(s for s in result.samples if (s.driver, s.n, s.step, s.round) == (driver, size, step, round_))

    return [Round(step, n, one(CLI, 0, r), one(CLI, n, r), one(HARNESS, n, r)) for r in range(result.rounds)]


def median_round(result: CliResult, n: int, step: str) -> Round:
    """The round whose CLI time at N is the median (the lower middle one for an even count)."""
    found = rounds(result, n, step)
    times = [r.cli.seconds for r in found]
    return found[times.index(statistics.median_low(times))]


def _per_id(counts: dict[str, int], n: int, total: bool = True) -> str:
    if not counts:
        return "0"
    parts = [f"{SHORT_OPS.get(op, op)} {count / n:g}" for op, count in sorted(counts.items())]
    return " + ".join(parts) + (f" = {sum(counts.values()) / n:g}" if total else "")


def disagreements(result: CliResult) -> list[str]:
    """Every round and step where the engine and the harness made different AWS calls or provider RPCs."""
    found = []
    for n in result.sizes:
        for step in STEPS:
            for r in rounds(result, n, step):
                for what in ("calls", "rpcs"):
                    cli, harness = getattr(r.cli, what), getattr(r.harness, what)
                    if cli != harness:
                        label = "AWS calls" if what == "calls" else "provider RPCs"
                        found.append(
                            f"{step}, N={n}, round {r.cli.round + 1}: {label} CLI {_per_id(cli, n)} per sender ID, "
                            f"harness {_per_id(harness, n)}"
                        )
    return found


def targets(result: CliResult) -> list[Target]:
    """The one check of this mode: the real engine and the harness make the same AWS calls in every step."""
    found = []
    for n in result.sizes:
        for step in STEPS:
            differing = sum(r.cli.calls != r.harness.calls for r in rounds(result, n, step))
            name = f"{step}: rounds where the CLI's AWS calls differ from the harness's"
            found.append(Target(name, n, differing, "==", 0))
    return found


HEADER: Final = (
    "step",
    "N",
    "AWS calls per sender ID",
    "RPCs per sender ID",
    "CLI s",
    "CLI s, N=0",
    "CLI ms/ID",
    "less provider start-up",
    "harness s",
    "harness ms/ID",
    "CLI/harness",
)
LEGEND: Final = (
    "CLI s: `pulumi <step>` from start to exit (preview of a fresh stack; up, refresh, destroy with --skip-preview);\n"
    "CLI s, N=0: the same command on an empty program, the CLI's fixed cost; CLI ms/ID = (CLI s - CLI s, N=0) / N;\n"
    "less provider start-up: the same less the provider's start-up in the command (next table), a fixed cost too;\n"
    "harness ms/ID = harness s / N (no fixed cost: state in memory, its provider process started and warmed up);\n"
    "CLI/harness: less provider start-up over harness ms/ID. RPCs: provider RPCs per sender ID (setup ones\n"
    "excluded). (!): the CLI and the harness differ (listed below).\n"
    "From the round whose CLI time at N is the median."
)


def table(result: CliResult) -> str:
    body: list[tuple[str, ...]] = []
    for n in result.sizes:
        for step in STEPS:
            r = median_round(result, n, step)
            calls_differ = any(x.cli.calls != x.harness.calls for x in rounds(result, n, step))
            rpcs_differ = any(x.cli.rpcs != x.harness.rpcs for x in rounds(result, n, step))
            body.append(
                (
                    step,
                    str(n),
                    _per_id(r.cli.calls, n) + (" (!)" if calls_differ else ""),
                    _per_id(r.cli.rpcs, n, total=False) + (" (!)" if rpcs_differ else ""),
                    f"{r.cli.seconds:.3f}",
                    f"{r.zero.seconds:.3f}",
                    f"{r.cli_ms_per_id:.2f}",
                    "-" if r.cli_ms_per_id_warm is None else f"{r.cli_ms_per_id_warm:.2f}",
                    f"{r.harness.seconds:.3f}",
                    f"{r.harness_ms_per_id:.2f}",
                    "-" if r.cli_ms_per_id_warm is None else f"{r.cli_ms_per_id_warm / r.harness_ms_per_id:.1f}",
                )
            )
    return markdown(HEADER, body, {0, 2, 3})


#: The CLI's wall time cut at the engine's events: (column, from mark, to mark).
SEGMENTS: Final = (
    ("start-up", None, "prelude"),
    ("to first step", "prelude", "first step"),
    ("steps", "first step", "last step"),
    ("after steps", "last step", "summary"),
    ("exit", "summary", "exit"),
)
WALL_HEADER: Final = ("step", "N", "total s", *(s[0] for s in SEGMENTS), "provider busy", "provider start-up")
WALL_LEGEND: Final = (
    "Seconds of the CLI's wall time, cut at the engine's events (when they reached the benchmark): start-up = from\n"
    "the command's start to the engine's prelude event (the CLI, project, stack, the language host's first start);\n"
    "to first step = to the first sender ID's step event (the program starts and declares, the provider starts);\n"
    "steps = to the last sender ID's event; after steps = to the summary event; exit = to the process's exit.\n"
    "Without sender IDs (N=0) the steps are empty and `to first step` runs to the summary. provider busy: wall\n"
    "time with at least one provider RPC running; provider start-up: from its process's start to its first RPC's\n"
    "answer for a sender ID (interpreter, imports, Configure, unpickling the provider, its first AWS client)."
)


def _marks(sample: Sample) -> dict[str, float]:
    marks = dict(sample.marks)
    for name in ("first step", "last step"):
        marks.setdefault(name, marks.get("summary", marks["exit"]))
    return marks


def segments(sample: Sample) -> dict[str, float | None]:
    marks = _marks(sample)
    found: dict[str, float | None] = {}
    for name, since, until in SEGMENTS:
        start = 0.0 if since is None else marks.get(since)
        end = marks.get(until)
        found[name] = None if start is None or end is None else end - start
    ready, started = marks.get("provider first result"), marks.get("provider start")
    found["provider busy"] = sample.provider.get("busy")
    found["provider start-up"] = None if ready is None or started is None else ready - started
    return found


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def wall_table(result: CliResult) -> str:
    body: list[tuple[str, ...]] = []
    for n in result.sizes:
        for step in STEPS:
            r = median_round(result, n, step)
            for sample in (r.zero, r.cli):
                cut = segments(sample)
                body.append((step, str(sample.n), f"{sample.seconds:.3f}", *(_seconds(v) for v in cut.values())))
    return markdown(WALL_HEADER, body, {0})


#: CPU columns: (column, the sample's cpu key for the CLI, for the harness).
CPU_COLUMNS: Final = (
    ("pulumi (Go)", "pulumi", None),
    ("language host", "language-host", None),
    ("program", "program", None),
    ("provider", "provider", "provider"),
    ("of which start-up", "provider start-up", None),
    ("other plugins", None, None),
    ("harness", None, "harness"),
    ("emulator", "emulator", "emulator"),
)
CPU_HEADER: Final = ("step", "what", *(c[0] for c in CPU_COLUMNS), "all")
CPU_LEGEND: Final = (
    "CPU per process: seconds at N=0 and at N, then ms per sender ID ((N - N=0) / N for the CLI). pulumi (Go):\n"
    "the CLI and engine process itself (from /proc once it exited); language host, program, provider: their own\n"
    "records at exit (the provider's after its last RPC if it did not exit normally); of which start-up: the\n"
    "provider's CPU until its first answer for a sender ID; other plugins: the rest of what the CLI's child\n"
    "processes used (shell wrappers, interpreter shutdown); harness: the benchmark process."
)


def cpu(sample: Sample) -> dict[str, float | None]:
    """CPU seconds per column of CPU_COLUMNS, and `all`."""
    found: dict[str, float | None] = {}
    for column, cli_key, harness_key in CPU_COLUMNS:
        key = cli_key if sample.driver == CLI else harness_key
        found[column] = sample.cpu.get(key) if key is not None else None
    if sample.driver == CLI:
        parts = [sample.cpu.get(k) for k in ("language-host", "program", "provider")]
        known = sum(p for p in parts if p is not None)
        found["other plugins"] = sample.cpu["plugins"] - known
        found["all"] = sample.cpu["pulumi"] + sample.cpu["plugins"] + sample.cpu["emulator"]
    else:
        found["all"] = sum(sample.cpu[k] for k in ("provider", "harness", "emulator"))
    return found


def cpu_table(result: CliResult) -> str:
    body: list[tuple[str, ...]] = []
    for n in result.sizes:
        for step in STEPS:
            r = median_round(result, n, step)
            zero, at_n, harness = cpu(r.zero), cpu(r.cli), cpu(r.harness)
            body.append((step, "CLI s, N=0", *(_seconds(v) for v in zero.values())))
            body.append((step, f"CLI s, N={n}", *(_seconds(v) for v in at_n.values())))
            per_id = {k: None if at_n[k] is None else (at_n[k] or 0.0) - (zero[k] or 0.0) for k in at_n}
            body.append((step, "CLI ms/ID", *("-" if v is None else f"{v * 1000 / n:.2f}" for v in per_id.values())))
            body.append(
                (step, "harness ms/ID", *("-" if v is None else f"{v * 1000 / n:.2f}" for v in harness.values()))
            )
    return markdown(CPU_HEADER, body, {0, 1})


PROVIDER_HEADER: Final = (
    "step",
    "N",
    "RPC ms/ID, CLI",
    "harness",
    "ms/RPC once started, CLI",
    "harness ",
    "in methods, CLI",
    "harness  ",
    "busy s, CLI",
    "harness   ",
)
PROVIDER_LEGEND: Final = (
    "The provider's own time: its RPCs' wall time summed per sender ID (they overlap: 4 workers); the mean RPC\n"
    "once started (the RPCs that began after its first answer, past its imports and unpickling) and the part of\n"
    "it in the provider's methods (SenderIdProvider.check/diff/create/read/update/delete, AWS calls included; the\n"
    "rest is Pulumi's dynamic-provider host: (de)serialization, gRPC); the wall time with an RPC running."
)


def _ms_per_id(sample: Sample, key: str) -> str:
    value = sample.provider.get(key)
    return "-" if value is None else f"{value * 1000 / sample.n:.2f}"


def _ms_per_warm_rpc(sample: Sample, key: str) -> str:
    value, count = sample.provider.get(key), sample.provider.get("warm rpcs")
    return "-" if value is None or not count else f"{value * 1000 / count:.2f}"


def provider_table(result: CliResult) -> str:
    body: list[tuple[str, ...]] = []
    for n in result.sizes:
        for step in STEPS:
            r = median_round(result, n, step)
            body.append(
                (
                    step,
                    str(n),
                    _ms_per_id(r.cli, "rpc"),
                    _ms_per_id(r.harness, "rpc"),
                    _ms_per_warm_rpc(r.cli, "warm rpc"),
                    _ms_per_warm_rpc(r.harness, "warm rpc"),
                    _ms_per_warm_rpc(r.cli, "warm method"),
                    _ms_per_warm_rpc(r.harness, "warm method"),
                    _seconds(r.cli.provider.get("busy")),
                    _seconds(r.harness.provider.get("busy")),
                )
            )
    return markdown(PROVIDER_HEADER, body, {0})


GO_HEADER: Final = ("step", "N", "sampled ms", *(f[0] for f in go_profile.FUNCTIONS))
GO_LEGEND: Final = (
    "The pulumi process's Go CPU profiles (--profile), all rounds of the CLI at N: milliseconds sampled, and under\n"
    "state saves (SnapshotManager.saveSnapshot: after each step the engine serializes the whole state and, but in a\n"
    "preview, writes it), passphrase key (pbkdf2 of the passphrase secrets manager), gRPC served (the program's and\n"
    "plugins' calls into the engine), steps (the step executor's workers: provider calls and their bookkeeping),\n"
    "GC (background garbage collection). Proportions of the sampled time; columns may overlap."
)


def go_table(result: CliResult) -> str | None:
    """Where the pulumi process's CPU goes, if profiled and Go is on PATH."""
    if result.profile is None:
        return None
    body: list[tuple[str, ...]] = []
    for n in [0, *result.sizes]:
        for step in STEPS:
            found = go_profile.summarize(result.profile, step, n)
            if found is None:
                return None
            sampled = found["sampled"] or 1.0
            cells = [f"{found[c]:.0f} ({100 * found[c] / sampled:.0f}%)" for c, _ in go_profile.FUNCTIONS]
            body.append((step, str(n), f"{found['sampled']:.0f}", *cells))
    return markdown(GO_HEADER, body, {0})


def summary_line(result: CliResult) -> str:
    starts = [s for values in result.harness_provider_start.values() for s in values]
    return (
        f"harness provider process start (process, port, Configure; then warmed up; not in the harness's times): "
        f"{statistics.median(starts):.3f} s median of {len(starts)}"
        if starts
        else ""
    )


def _round_json(r: Round) -> dict[str, Any]:
    return {
        "round": r.cli.round,
        "cli_seconds": r.cli.seconds,
        "cli_zero_seconds": r.zero.seconds,
        "cli_ms_per_sender_id": r.cli_ms_per_id,
        "cli_ms_per_sender_id_less_provider_start_up": r.cli_ms_per_id_warm,
        "harness_seconds": r.harness.seconds,
        "harness_ms_per_sender_id": r.harness_ms_per_id,
        "cli_wall_segments": segments(r.cli),
        "cli_zero_wall_segments": segments(r.zero),
        "cpu_seconds": {"cli": cpu(r.cli), "cli_zero": cpu(r.zero), "harness": cpu(r.harness)},
    }


def _go_profiles(result: CliResult) -> dict[str, dict[str, float] | None] | None:
    if result.profile is None:
        return None
    profile = result.profile
    return {f"{step}, N={n}": go_profile.summarize(profile, step, n) for n in [0, *result.sizes] for step in STEPS}


def document(result: CliResult, settings: dict[str, Any], load: dict[str, Any]) -> dict[str, Any]:
    steps = []
    for n in result.sizes:
        for step in STEPS:
            chosen = median_round(result, n, step)
            steps.append(
                {
                    "step": step,
                    "n": n,
                    "aws_calls_cli": chosen.cli.calls,
                    "aws_calls_harness": chosen.harness.calls,
                    "rpcs_cli": chosen.cli.rpcs,
                    "rpcs_harness": chosen.harness.rpcs,
                    "median_round": _round_json(chosen),
                    "rounds": [_round_json(r) for r in rounds(result, n, step)],
                }
            )
    return {
        "machine": {**machine(), "load_average": load},
        "settings": settings,
        "runtime_seconds": result.seconds,
        "harness_provider_start_seconds": result.harness_provider_start,
        "steps": steps,
        "go_profile_ms": _go_profiles(result),
        "disagreements": disagreements(result),
        "targets": [{**asdict(t), "passed": t.passed} for t in targets(result)],
        "samples": [asdict(s) for s in result.samples],
    }
