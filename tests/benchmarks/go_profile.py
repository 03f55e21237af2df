"""CLI mode with --profile DIR: where the `pulumi` process's own CPU goes, from its Go CPU profiles.

Each command of the CLI stacks runs with `--profiling DIR/<step>-n<N>-r<round>` (the CLI writes
`<prefix>.<pid>.cpu`, `.mem` and `.trace`). `summarize` reads the CPU profiles of one step and N with `go tool
pprof` (the Go toolchain that built the CLI) and adds up the samples under a few engine functions. The profile
starts once the CLI has parsed its flags and samples at 100 Hz: read it as proportions, not as totals.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Final

#: (column, the function whose cumulative samples it shows).
FUNCTIONS: Final = (
    ("state saves", "backend.(*SnapshotManager).saveSnapshot"),
    ("passphrase key", "golang.org/x/crypto/pbkdf2.Key"),
    ("gRPC served", "google.golang.org/grpc.(*Server).handleStream"),
    ("steps", "deploy.(*stepExecutor).worker"),
    ("GC", "runtime.gcBgMarkWorker"),
)
_TOTAL = re.compile(r"Total samples = ([\d.]+)ms")
_ROW = re.compile(r"^\s*[\d.]+(?:ms)?\s+[\d.]+%\s+[\d.]+%\s+([\d.]+)(?:ms)?\s+[\d.]+%\s+(.+)$")


def prefix(directory: Path, step: str, n: int, round_: int) -> Path:
    return directory / f"{step}-n{n}-r{round_ + 1}"


def summarize(directory: Path, step: str, n: int) -> dict[str, float] | None:
    """Milliseconds sampled in all, and under each of FUNCTIONS, over every round; None without Go or profiles."""
    go = shutil.which("go")
    files = sorted(str(f) for f in directory.glob(f"{step}-n{n}-r*.cpu"))
    if go is None or not files:
        return None
    listing = subprocess.run(
        [go, "tool", "pprof", "-top", "-cum", "-unit=ms", "-nodecount=1000000", *files],
        capture_output=True,
        text=True,
    ).stdout
    total = _TOTAL.search(listing)
    if total is None:
        return None
    found = {"sampled": float(total.group(1))}
    cumulative: dict[str, float] = {}
    for line in listing.splitlines():
        row = _ROW.match(line)
        if row:
            cumulative[row.group(2).strip()] = float(row.group(1))
    for column, function in FUNCTIONS:
        found[column] = sum(ms for name, ms in cumulative.items() if name.endswith(function))
    return found
