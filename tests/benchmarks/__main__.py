"""`python -m tests.benchmarks`: measure the provider, print tables and targets, write JSON.

Modes: `overhead` (default: AWS calls, time against plain boto3 and memory at several sizes, on an
emulator that answers at once), `latency` (the same against an emulator that answers after 50 and
150 ms, as AWS does), `quota` (whole stacks under AWS's 1 request per second, against the floor) and `cli`
(`pulumi preview`, `up`, `refresh` and `destroy` under the real Pulumi CLI, beside the same steps through the
harness, and where the CLI's time goes).
A measurement, not a test: the exit code is 0 even when a target is missed, unless --strict.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from pulumi_sms_sender_id.emulator.testing import EmulatorServer
from tests.benchmarks import cli, cli_report, profiling, quota, report
from tests.benchmarks.runner import SENDER_ID_QUOTA, SizeResult, rounds_for, run_size

DEFAULT_SIZES = [1, 100, 500]
LATENCY_N = 100
QUOTA_N = 100
CLI_N = 100
REPEAT = 3  # rounds per N in overhead and latency modes
CLI_REPEAT = 1  # rounds in cli mode


def _sizes(value: str) -> list[int]:
    sizes = [int(v) for v in value.split(",") if v.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give positive sizes such as 1,100,500")
    return sizes


def _latencies(value: str) -> list[float]:
    try:
        latencies = [float(v) / 1000 for v in value.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("give milliseconds such as 50,150") from None
    if not latencies or min(latencies) < 0:
        raise argparse.ArgumentTypeError("give milliseconds such as 50,150")
    return latencies


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mode", choices=("overhead", "latency", "quota", "cli"), default="overhead")
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=DEFAULT_SIZES,
        help=(
            f"numbers of sender IDs (default {DEFAULT_SIZES}; latency mode {LATENCY_N}, quota mode {QUOTA_N}, "
            f"cli mode {CLI_N})"
        ),
    )
    parser.add_argument("--json", default="benchmark-results.json", help="where to write the results ('' for nowhere)")
    parser.add_argument(
        "--parallel",
        type=int,
        default=4,
        help="engine workers and baseline threads; cli mode: also `pulumi --parallel` (default 4)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        help=(
            f"rounds per N; the round with the median ratio is reported (default {REPEAT}; at least 7 when N < 100; "
            f"cli mode: default {CLI_REPEAT}, the round with the median CLI time)"
        ),
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--latencies", type=_latencies, default=[0.05, 0.15], help="latency mode: milliseconds per call (50,150)"
    )
    parser.add_argument("--rps", type=float, default=1.0, help="quota mode: requests per second per operation (1)")
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help=(
            "cProfile the provider process into DIR/n<N>/ and print where its time goes (slows it down); "
            "cli mode: the pulumi process's Go CPU profiles into DIR, summarized with `go tool pprof`"
        ),
    )
    parser.add_argument(
        "--skip-checkpoints",
        action="store_true",
        help="cli mode: PULUMI_SKIP_CHECKPOINTS=true (the engine saves the state once, at the end of each command)",
    )
    return parser


def _isolate_aws() -> None:
    """Keep the developer's AWS profile and settings away from both processes (they inherit os.environ)."""
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        os.environ.pop(name, None)
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _isolate_aws()
    if args.mode == "quota":
        return _quota_mode(args)
    if args.mode == "cli":
        return _cli_mode(args)
    return _overhead_mode(args)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _quota_mode(args: argparse.Namespace) -> int:
    """N = the largest --sizes given (default 100 in this mode)."""
    n = max(args.sizes) if args.sizes != DEFAULT_SIZES else QUOTA_N
    started = time.perf_counter()
    with EmulatorServer() as server, tempfile.TemporaryDirectory(prefix="bench-cache-") as cache:
        results = quota.run(server, n, args.rps, Path(cache), _log)
    runtime = time.perf_counter() - started
    print(report.quota_table(results))
    print()
    found = report.quota_targets(results)
    for target in found:
        print(target.line())
    print(f"\nbenchmark runtime: {runtime:.1f}s")
    if args.json:
        settings = {"mode": "quota", "n": n, "rps": args.rps, "engine_parallel": quota.ENGINE_PARALLEL}
        _write(args.json, report.quota_document(results, settings, runtime))
    return 1 if args.strict and not all(t.passed for t in found) else 0


def _cli_mode(args: argparse.Namespace) -> int:
    """The real Pulumi CLI beside the harness, at each N (default 100), with an empty program for the fixed cost."""
    try:
        pulumi = cli.cli_path()
    except cli.NoCliError as missing:
        print(f"bench: cli mode needs the Pulumi CLI. {missing}", file=sys.stderr)
        return 2
    sizes = [CLI_N] if args.sizes == DEFAULT_SIZES else args.sizes
    rounds = args.repeat or CLI_REPEAT
    load_before = os.getloadavg()
    _log(f"cli mode: {pulumi}, N={sizes} and 0, {rounds} round(s), --parallel {args.parallel}")
    with (
        EmulatorServer("--release-window", "0", "--sender-id-quota", str(SENDER_ID_QUOTA)) as server,
        tempfile.TemporaryDirectory(prefix="bench-cli-") as work,
    ):
        options = cli.CliOptions(args.parallel, cli.SKIP_CHECKPOINTS if args.skip_checkpoints else {}, args.profile)
        result = cli.run(server, sizes, rounds, options, Path(work), _log)
    load = {"before": load_before, "after": os.getloadavg()}
    print(cli_report.table(result))
    print(cli_report.LEGEND)
    print()
    print(cli_report.wall_table(result))
    print(cli_report.WALL_LEGEND)
    print()
    print(cli_report.provider_table(result))
    print(cli_report.PROVIDER_LEGEND)
    print()
    print(cli_report.cpu_table(result))
    print(cli_report.CPU_LEGEND)
    print()
    go = cli_report.go_table(result)
    if go is not None:
        print(go)
        print(cli_report.GO_LEGEND)
        print()
    elif args.profile:
        print(f"Go CPU profiles in {args.profile} (`go tool pprof` was not found to summarize them)\n")
    print(cli_report.summary_line(result))
    for line in cli_report.disagreements(result):
        print(f"disagreement: {line}")
    found = cli_report.targets(result)
    for target in found:
        print(target.line())
    before, after = load_before[0], load["after"][0]
    print(f"\nbenchmark runtime: {result.seconds:.1f}s; 1-minute load average {before:.2f} before, {after:.2f} after")
    if args.json:
        settings = {
            "mode": "cli",
            "sizes": sizes,
            "rounds": rounds,
            "parallel": args.parallel,
            "pulumi": pulumi,
            "cli_env": options.env,
            "go_profiles": str(args.profile) if args.profile else None,
        }
        _write(args.json, cli_report.document(result, settings, load))
    return 1 if args.strict and not all(t.passed for t in found) else 0


def _write(path: str, document: dict[str, object]) -> None:
    with open(path, "w") as out:
        json.dump(document, out, indent=2)
        out.write("\n")
    print(f"results written to {path}")


def _overhead_mode(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    load_before = os.getloadavg()
    results: list[SizeResult] = []
    latency_mode = args.mode == "latency"
    sizes = [LATENCY_N] if latency_mode and args.sizes == DEFAULT_SIZES else args.sizes
    latencies = args.latencies if latency_mode else [0.0]
    args_ = ("--release-window", "0", "--sender-id-quota", str(SENDER_ID_QUOTA))
    with EmulatorServer(*args_) as server:
        for latency in latencies:
            for n in sizes:
                rounds = rounds_for(n, args.repeat or REPEAT)
                _log(f"N={n}: {rounds} rounds, {args.parallel} workers, {latency * 1000:g} ms per AWS call")
                profile_dir = args.profile / f"n{n}" if args.profile else None
                results.append(run_size(server, n, args.parallel, rounds, _log, profile_dir, latency))
    runtime = time.perf_counter() - started
    load = {"before": load_before, "after": os.getloadavg()}

    for latency in latencies:
        if latency_mode:
            print(f"\n== {latency * 1000:g} ms added to every AWS call")
        print(report.table([r for r in results if r.latency == latency]))
    print(report.LEGEND)
    print()
    largest = max(results, key=lambda r: r.n)
    print(report.cpu_table(largest))
    print(report.CPU_LEGEND)
    print()
    found = report.latency_targets(results) if latency_mode else report.targets(results)
    for target in found:
        print(target.line())
    before, after = load_before[0], load["after"][0]
    print(f"\nbenchmark runtime: {runtime:.1f}s; 1-minute load average {before:.2f} before, {after:.2f} after")
    if args.profile:
        for n in sizes:
            summary = profiling.summarize(args.profile / f"n{n}")
            (args.profile / f"n{n}" / "summary.txt").write_text(summary)
            print(f"\n== provider profile, N={n} (timings above are slowed down by profiling)\n{summary}")
    if args.json:
        settings = {"mode": args.mode, "sizes": sizes, "parallel": args.parallel, "repeat": args.repeat or REPEAT}
        if latency_mode:
            settings["latencies_seconds"] = latencies
        _write(args.json, report.document(results, settings, runtime, load))
    return 1 if args.strict and not all(t.passed for t in found) else 0


if __name__ == "__main__":
    sys.exit(main())
