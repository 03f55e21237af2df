"""`python -m tests.benchmarks`: measure the provider at several sizes, print a table, write JSON.

A measurement, not a test: the exit code is 0 even when a target is missed, unless --strict.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from pulumi_sms_sender_id.emulator.testing import EmulatorServer
from tests.benchmarks import profiling, report
from tests.benchmarks.runner import SENDER_ID_QUOTA, SizeResult, rounds_for, run_size


def _sizes(value: str) -> list[int]:
    sizes = [int(v) for v in value.split(",") if v.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("give positive sizes such as 1,100,500")
    return sizes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=[1, 100, 500], help="numbers of sender IDs (default 1,100,500)")
    parser.add_argument("--json", default="benchmark-results.json", help="where to write the results ('' for nowhere)")
    parser.add_argument("--parallel", type=int, default=4, help="engine workers and baseline threads (default 4)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="rounds per N; the round with the median ratio is reported (default 3; at least 7 when N < 100)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help="cProfile the provider process into DIR/n<N>/ and print where its time goes (slows it down)",
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

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    load_before = os.getloadavg()
    results: list[SizeResult] = []
    args_ = ("--release-window", "0", "--sender-id-quota", str(SENDER_ID_QUOTA))
    with EmulatorServer(*args_) as server:
        for n in args.sizes:
            rounds = rounds_for(n, args.repeat)
            log(f"N={n}: {rounds} rounds, {args.parallel} workers")
            profile_dir = args.profile / f"n{n}" if args.profile else None
            results.append(run_size(server, n, args.parallel, rounds, log, profile_dir))
    runtime = time.perf_counter() - started
    load = {"before": load_before, "after": os.getloadavg()}

    print(report.table(results))
    print(report.LEGEND)
    print()
    largest = max(results, key=lambda r: r.n)
    print(report.cpu_table(largest))
    print(report.CPU_LEGEND)
    print()
    found = report.targets(results)
    for target in found:
        print(target.line())
    before, after = load_before[0], load["after"][0]
    print(f"\nbenchmark runtime: {runtime:.1f}s; 1-minute load average {before:.2f} before, {after:.2f} after")
    if args.profile:
        for n in args.sizes:
            summary = profiling.summarize(args.profile / f"n{n}")
            (args.profile / f"n{n}" / "summary.txt").write_text(summary)
            print(f"\n== provider profile, N={n} (timings above are slowed down by profiling)\n{summary}")
    if args.json:
        settings = {"sizes": args.sizes, "parallel": args.parallel, "repeat": args.repeat}
        with open(args.json, "w") as out:
            json.dump(report.document(results, settings, runtime, load), out, indent=2)
            out.write("\n")
        print(f"results written to {args.json}")
    return 1 if args.strict and not all(t.passed for t in found) else 0


if __name__ == "__main__":
    sys.exit(main())
