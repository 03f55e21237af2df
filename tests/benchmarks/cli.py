"""CLI mode: `pulumi preview`, `up`, `refresh` and `destroy` of N sender IDs under the real Pulumi CLI, beside the
same four steps through the harness, and where the CLI's time goes.

Per round, on one emulator server (reset; no latency, no request quota, the provider told its quota is raised,
as in overhead mode): a CLI stack of each N, a CLI stack of N = 0 (an empty program: the CLI's fixed cost, so
the cost per sender ID is (t(N) - t(0)) / N), and a harness engine of each N on a provider process of its own.
Each step runs on every one of them in turn (the order rotates by round), so they see the same machine load.

What is measured per step and driver: wall time (subprocess start to exit for the CLI), the AWS calls (the
emulator's counters), the provider's RPCs by method, and CPU per process. For the CLI also when things happen:
the engine's events as they arrive (`--event-log tcp://...`, a debug flag behind PULUMI_DEBUG_COMMANDS), and
the Python processes' own records (profile_hook/sitecustomize.py with BENCH_TIMING_DIR on the CLI's PYTHONPATH:
the language host, the program, the provider and each provider RPC). The Go process's CPU is read from /proc
while it is a zombie (after it exited, before it is reaped), with that of every child it waited for.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Final

from pulumi_sms_sender_id.emulator.testing import EmulatorServer
from tests.benchmarks import go_profile, procfs, profiling
from tests.benchmarks.engine_events import Event, EventLog, Process, busy_seconds, processes
from tests.benchmarks.runner import RAISED_QUOTA, SENDER_ID_QUOTA, expect_steps
from tests.benchmarks.workload import TAGS, program, sender_id_names
from tests.cli.support import PULUMI, cli_env, program_project
from tests.engine.harness import Engine, ProviderProcess, Step
from tests.support import CACHE_DIR_ENV, REGION, TYPE_TOKEN

PREVIEW: Final = "preview"
UP: Final = "up"
REFRESH: Final = "refresh"
DESTROY: Final = "destroy"
STEPS: Final = (PREVIEW, UP, REFRESH, DESTROY)
#: The CLI command of each step: `up`, `refresh` and `destroy` without their own preview, as the harness plays them.
COMMANDS: Final = {
    PREVIEW: ("preview",),
    UP: ("up", "--yes", "--skip-preview"),
    REFRESH: ("refresh", "--yes", "--skip-preview"),
    DESTROY: ("destroy", "--yes", "--skip-preview"),
}
#: What the engine does to each sender ID in the step (the CLI's step events, the harness's Step.op).
OPS: Final = {PREVIEW: "create", UP: "create", REFRESH: "refresh", DESTROY: "delete"}
CLI: Final = "cli"
HARNESS: Final = "harness"
TIMING_DIR_ENV: Final = "BENCH_TIMING_DIR"
#: With --skip-checkpoints: the engine saves the stack's state once at the end instead of after every step.
SKIP_CHECKPOINTS: Final = {"PULUMI_SKIP_CHECKPOINTS": "true"}
#: Provider RPCs made once per provider process, not per sender ID.
SETUP_RPCS: Final = frozenset({"GetPluginInfo", "Configure", "CheckConfig"})
NO_CLI: Final = (
    "no pulumi CLI: build it with scripts/pulumi-cli.sh (it prints the bin folder; `scripts/pulumi-cli.sh --where` "
    "finds it afterwards) or put `pulumi` on PATH"
)

#: The program of a CLI stack: the harness's inputs for the same N (workload.program), and a timing mark once
#: every resource is declared (their registrations are still in flight then).
PROGRAM: Final = Template('''"""The CLI benchmark's program (tests/benchmarks/cli.py): $n sender IDs."""

import contextlib
import json
import os
import time

from pulumi_sms_sender_id import SenderId, SenderIdArgs

for name, inputs in json.loads($inputs).items():
    SenderId(name, SenderIdArgs(**inputs))

with contextlib.suppress(KeyError, OSError):
    with open(os.path.join(os.environ["$env"], f"program-{os.getpid()}.jsonl"), "a") as out:
        out.write(json.dumps({"event": "declared", "at": time.time(), "cpu": time.process_time()}) + "\\n")
''')


class NoCliError(RuntimeError):
    """No pulumi CLI was found."""


@dataclass
class CliOptions:
    """How the CLI runs: `pulumi --parallel`, more environment, Go CPU profiles into `profile` (a folder)."""

    parallel: int = 4
    env: dict[str, str] = field(default_factory=dict)
    profile: Path | None = None


@dataclass
class Sample:
    """One step of one driver at one N in one round."""

    driver: str  # CLI or HARNESS
    n: int
    step: str
    round: int
    seconds: float
    calls: dict[str, int]
    rpcs: dict[str, int]  # provider RPCs by method, SETUP_RPCS excluded
    cpu: dict[str, float]  # process -> CPU seconds used in the step
    #: Named moments, in seconds after the step started (CLI: events and hooked processes; absent when not seen).
    marks: dict[str, float] = field(default_factory=dict)
    #: The provider's time in the step: `busy` (wall time with at least one RPC running), `rpc` (the RPCs' summed
    #: wall time), `method` (the provider's own methods, their AWS calls included), `rpc cpu` (the RPCs' threads);
    #: `warm rpc` and `warm method` the same for the `warm rpcs` RPCs that started after its first answer.
    provider: dict[str, float] = field(default_factory=dict)


@dataclass
class CliResult:
    sizes: list[int]
    rounds: int
    parallel: int
    samples: list[Sample]
    harness_provider_start: dict[int, list[float]]  # N -> seconds to start and configure the harness's provider
    seconds: float
    profile: Path | None = None  # where the Go CPU profiles are (--profile)


def cli_path() -> str:
    """The pulumi CLI, found as the CLI tests find it (PATH, else what scripts/pulumi-cli.sh built)."""
    if PULUMI is None:
        raise NoCliError(NO_CLI)
    return PULUMI


def _empty(directory: Path) -> Path:
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    return directory


def _timing_env(directory: Path) -> dict[str, str]:
    """The timing hook (profile_hook/sitecustomize.py) on the PYTHONPATH of every Python process started."""
    path = os.pathsep.join(p for p in (str(profiling.HOOK_DIR), os.environ.get("PYTHONPATH")) if p)
    return {"PYTHONPATH": path, TIMING_DIR_ENV: str(directory)}


def _provider_figures(provider: Process | None, since: float, until: float) -> dict[str, float]:
    """The provider's time in [since, until]; `warm ...`: the calls that started once it had answered one."""
    if provider is None:
        return {}
    rpcs = [c for c in provider.rpcs if c.name not in SETUP_RPCS and since <= c.start and c.end <= until]
    methods = [c for c in provider.methods if since <= c.start and c.end <= until]
    if not rpcs:
        return {}
    answered = min(c.end for c in rpcs)
    warm_rpcs = [c for c in rpcs if c.start >= answered]
    warm_methods = [c for c in methods if c.start >= answered]
    return {
        "busy": busy_seconds(rpcs),
        "rpc": sum(c.seconds for c in rpcs),
        "method": sum(c.seconds for c in methods),
        "rpc cpu": sum(c.cpu for c in rpcs),
        "rpcs": len(rpcs),
        "warm rpcs": len(warm_rpcs),
        "warm rpc": sum(c.seconds for c in warm_rpcs),
        "warm method": sum(c.seconds for c in warm_methods),
    }


def _rpc_counts(provider: Process | None, since: float, until: float) -> dict[str, int]:
    if provider is None:
        return {}
    return dict(Counter(c.name for c in provider.rpcs if c.name not in SETUP_RPCS and since <= c.start <= until))


class CliStack:
    """A project of N sender IDs on its own stack, driven by the pulumi CLI on a file backend."""

    def __init__(
        self,
        root: Path,
        n: int,
        names: list[str],
        server: EmulatorServer,
        events: EventLog,
        options: CliOptions,
    ) -> None:
        self.n, self.server, self.events, self.options = n, server, events, options
        self.name = root.name
        inputs = json.dumps(program(names, TAGS))
        source = PROGRAM.substitute(n=n, inputs=repr(inputs), env=TIMING_DIR_ENV)
        self.project = program_project(source, root / "project", name="bench-cli")
        self.timing = _empty(root / "timing")
        self.output = root / "output"
        state = _empty(root / "state")
        self.env = {
            **cli_env(),
            **server.env(),
            "AWS_REGION": REGION,
            "AWS_DEFAULT_REGION": REGION,
            "PULUMI_BACKEND_URL": state.as_uri(),
            "PULUMI_CONFIG_PASSPHRASE": "bench",
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_DEBUG_COMMANDS": "true",  # enables --event-log
            CACHE_DIR_ENV: str(_empty(root / "journal")),
            **_timing_env(self.timing),
            **options.env,
        }
        self._pulumi("stack", "init", self.name)
        for key, value in {"aws:region": REGION, **RAISED_QUOTA}.items():
            self._pulumi("config", "set", key, value, "--stack", self.name)

    def _pulumi(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [cli_path(), *args, "--non-interactive"], cwd=self.project, env=self.env, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"pulumi {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return done

    def warm_up(self) -> None:
        """A preview, untimed: the first command of a run reads the CLI and the Python packages from disk."""
        self._pulumi("preview", "--stack", self.name)

    def run(self, step: str, round_: int) -> Sample:
        command = [cli_path(), *COMMANDS[step], "--stack", self.name, "--parallel", str(self.options.parallel)]
        command += ["--event-log", self.events.target, "--non-interactive"]
        if self.options.profile is not None:
            command += ["--profiling", str(go_profile.prefix(self.options.profile, step, self.n, round_))]
        _empty(self.timing)
        _empty(self.output)
        control = self.server.control
        control.reset_call_counts()
        self.events.start()
        emulator_cpu = procfs.cpu_seconds(self.server.pid)
        with open(self.output / "stdout", "w") as stdout, open(self.output / "stderr", "w") as stderr:
            started = time.time()
            process = subprocess.Popen(command, cwd=self.project, env=self.env, stdout=stdout, stderr=stderr)
            os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)  # exited, not yet reaped: /proc still has it
            ended = time.time()
            go_cpu, children_cpu = procfs.cpu_seconds_with_children(process.pid)
            process.wait()
        emulator_cpu = procfs.cpu_seconds(self.server.pid) - emulator_cpu
        if process.returncode != 0:
            shown = (self.output / "stdout").read_text()[-3000:] + (self.output / "stderr").read_text()[-3000:]
            raise RuntimeError(f"pulumi {step} (N={self.n}) exited {process.returncode}:\n{shown}")
        events = self.events.take()
        hooked = processes(self.timing)
        self._check(step, events)
        provider = next((p for p in hooked if p.role == "provider"), None)
        cpu = {"pulumi": go_cpu, "plugins": children_cpu, "emulator": emulator_cpu}
        for role in ("language-host", "program", "provider"):
            mine = [p for p in hooked if p.role == role]
            known = [p.cpu if p.cpu is not None else p.last_rpc_cpu for p in mine]
            if mine and all(c is not None for c in known):
                cpu[role] = sum(c for c in known if c is not None)
        resource_rpcs = [c for c in provider.rpcs if c.name not in SETUP_RPCS] if provider else []
        first_result = min(resource_rpcs, key=lambda c: c.end, default=None)
        if first_result is not None:  # the provider's CPU until its first answer for a sender ID: its start-up
            cpu["provider start-up"] = first_result.process_cpu
        return Sample(
            CLI,
            self.n,
            step,
            round_,
            ended - started,
            control.call_counts(),
            _rpc_counts(provider, started, ended),
            cpu,
            _marks(events, hooked, started, ended),
            _provider_figures(provider, started, ended),
        )

    def _check(self, step: str, events: list[Event]) -> None:
        """Fail loudly if the engine did something other than what the step is meant to measure."""
        ops = Counter(e.op for e in events if e.kind == "resourcePreEvent" and TYPE_TOKEN in e.urn)
        if ops != (Counter({OPS[step]: self.n}) if self.n else Counter()):
            raise RuntimeError(f"pulumi {step}: expected {self.n} x {OPS[step]!r} on sender IDs, got {dict(ops)}")


def _marks(events: list[Event], hooked: list[Process], started: float, ended: float) -> dict[str, float]:
    """When things happened, in seconds after the command started."""
    found: dict[str, float] = {"exit": ended}

    def first(name: str, times: Sequence[float]) -> None:
        if times:
            found[name] = min(times)

    def last(name: str, times: Sequence[float]) -> None:
        if times:
            found[name] = max(times)

    first("prelude", [e.at for e in events if e.kind == "preludeEvent"])
    ours = [e for e in events if TYPE_TOKEN in e.urn and e.kind in ("resourcePreEvent", "resOutputsEvent")]
    first("first step", [e.at for e in ours])
    last("last step", [e.at for e in ours])
    first("summary", [e.at for e in events if e.kind == "summaryEvent"])
    first("language host start", [p.started for p in hooked if p.role == "language-host"])
    for role in ("program", "provider"):
        mine = [p for p in hooked if p.role == role]
        first(f"{role} start", [p.started for p in mine])
        last(f"{role} exit", [p.exited for p in mine if p.exited is not None])
    provider = [p for p in hooked if p.role == "provider"]
    last("provider ready", [c.end for p in provider for c in p.rpcs if c.name == "Configure"])
    first("provider first call", [c.start for p in provider for c in p.rpcs if c.name not in SETUP_RPCS])
    first("provider first result", [c.end for p in provider for c in p.rpcs if c.name not in SETUP_RPCS])
    last("provider last call", [c.end for p in provider for c in p.rpcs if c.name not in SETUP_RPCS])
    declared = _declared([p for p in hooked if p.role == "program"])
    if declared is not None:
        found["program declared"] = declared
    return {name: at - started for name, at in found.items()}


def _declared(programs: list[Process]) -> float | None:
    """The program's own mark (PROGRAM): every resource declared."""
    marks = [p.marks["declared"] for p in programs if "declared" in p.marks]
    return max(marks) if marks else None


class HarnessStack:
    """The same N sender IDs through the harness's Engine, on a provider process of its own.

    The process is started and warmed up before the measurements: one other sender ID goes through the four
    steps first (imports, unpickling the provider, its first AWS client), so the steps measure what each
    sender ID costs. The CLI pays that start-up in every command; its events show how long it takes.
    """

    def __init__(self, root: Path, n: int, names: list[str], server: EmulatorServer, parallel: int) -> None:
        self.n, self.server = n, server
        self.timing = _empty(root / "timing")
        env = {
            **server.env(),
            "AWS_REGION": REGION,
            "AWS_DEFAULT_REGION": REGION,
            CACHE_DIR_ENV: str(_empty(root / "journal")),
            **_timing_env(self.timing),
        }
        started = time.perf_counter()
        self.provider = ProviderProcess(env, {"aws:region": REGION, **RAISED_QUOTA})
        self.start_seconds = time.perf_counter() - started
        warm_up = Engine(self.provider)
        spare = program([f"W{names[0][1:]}"], TAGS)  # e.g. H0100000 -> W0100000: no other stack has it
        warm_up.preview(spare)
        warm_up.up(spare)
        warm_up.refresh()
        warm_up.destroy()
        engine = Engine(self.provider, parallel=parallel)
        inputs = program(names, TAGS)
        self.plan: dict[str, Callable[[], dict[str, Step]]] = {
            PREVIEW: lambda: engine.preview(inputs),
            UP: lambda: engine.up(inputs),
            REFRESH: engine.refresh,
            DESTROY: engine.destroy,
        }

    def run(self, step: str, round_: int) -> Sample:
        control = self.server.control
        control.reset_call_counts()
        pids = {"provider": self.provider.process.pid, "harness": os.getpid(), "emulator": self.server.pid}
        before = {name: procfs.cpu_seconds(pid) for name, pid in pids.items()}
        started = time.time()
        steps = self.plan[step]()
        ended = time.time()
        cpu = {name: procfs.cpu_seconds(pid) - before[name] for name, pid in pids.items()}
        expect_steps(step, steps, OPS[step], self.n)
        provider = next((p for p in processes(self.timing) if p.role == "provider"), None)
        return Sample(
            HARNESS,
            self.n,
            step,
            round_,
            ended - started,
            control.call_counts(),
            _rpc_counts(provider, started, ended),
            cpu,
            provider=_provider_figures(provider, started, ended),
        )

    def stop(self) -> None:
        self.provider.stop()


def _fresh_emulator(server: EmulatorServer) -> None:
    control = server.control
    control.reset()
    control.configure(release_window_seconds=0, sender_id_quota=SENDER_ID_QUOTA, latency_seconds=0.0)


def run(
    server: EmulatorServer,
    sizes: list[int],
    rounds: int,
    options: CliOptions,
    work: Path,
    log: Callable[[str], None],
) -> CliResult:
    """Every round: the four steps on the CLI at N = 0 and at each N, and on the harness at each N."""
    cli_path()
    parallel = options.parallel
    if options.profile is not None:
        options.profile.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    samples: list[Sample] = []
    provider_start: dict[int, list[float]] = {n: [] for n in sizes}
    with EventLog() as events:
        for round_ in range(rounds):
            _fresh_emulator(server)
            base = _empty(work / f"round{round_ + 1}")
            clis = {
                n: CliStack(base / f"cli-n{n}", n, sender_id_names(f"C{i}", round_, n), server, events, options)
                for i, n in enumerate([0, *sizes])
            }
            if round_ == 0:
                clis[0].warm_up()
            harnesses: dict[int, HarnessStack] = {}
            try:
                for i, n in enumerate(sizes):
                    names = sender_id_names(f"H{i}", round_, n)
                    harnesses[n] = HarnessStack(base / f"harness-n{n}", n, names, server, parallel)
                    provider_start[n].append(harnesses[n].start_seconds)
                drivers: list[CliStack | HarnessStack] = [*clis.values(), *harnesses.values()]
                shift = round_ % len(drivers)
                drivers = drivers[shift:] + drivers[:shift]
                for step in STEPS:
                    for driver in drivers:
                        sample = driver.run(step, round_)
                        samples.append(sample)
                        log(f"  round {round_ + 1}, {step}, {sample.driver} N={sample.n}: {sample.seconds:.2f} s")
            finally:
                for harness in harnesses.values():
                    harness.stop()
    seconds = time.perf_counter() - started
    return CliResult(sizes, rounds, parallel, samples, provider_start, seconds, options.profile)
