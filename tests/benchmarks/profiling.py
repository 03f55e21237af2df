"""`--profile DIR`: cProfile the provider process (all its threads) and say where its time goes.

The provider is started unmodified; `profile_hook/sitecustomize.py` on its PYTHONPATH profiles each
thread (its CPU time, unless BENCH_PROFILE_CLOCK=wall) and dumps the profiles on SIGUSR1. Profiling
slows Python code down, so a profiled run's timings are not comparable with an unprofiled one: use
it to attribute time, not to measure it.
"""

from __future__ import annotations

import io
import os
import pstats
import signal
import sysconfig
import time
from collections import Counter
from pathlib import Path
from typing import Final

HOOK_DIR: Final = Path(__file__).with_name("profile_hook")
PROFILE_DIR_ENV: Final = "BENCH_PROFILE_DIR"

# Where a file lives -> the library it belongs to, for the per-library summary.
_LIBRARIES: Final = (
    ("pulumi_sms_sender_id", "provider (pulumi_sms_sender_id)"),
    ("botocore", "botocore"),
    ("boto3", "boto3"),
    ("urllib3", "urllib3"),
    ("grpc", "grpc"),
    ("google/protobuf", "protobuf"),
    ("pulumi/", "pulumi SDK"),
    ("dill", "dill"),
)


def env(directory: Path) -> dict[str, str]:
    """Environment for a provider process profiled into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    path = os.pathsep.join(p for p in (str(HOOK_DIR), os.environ.get("PYTHONPATH", "")) if p)
    return {"PYTHONPATH": path, PROFILE_DIR_ENV: str(directory)}


def collect(pid: int, directory: Path, timeout: float = 30.0) -> None:
    """Ask the process to write its profiles, and wait until it has."""
    done = directory / f"{pid}.done"
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + timeout
    while not done.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the provider process {pid} wrote no profile into {directory}")
        time.sleep(0.05)


_STDLIB: Final = sysconfig.get_paths()["stdlib"] + os.sep


def _library(filename: str) -> str:
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins / C code"
    for marker, name in _LIBRARIES:
        if marker in filename:
            return name
    if filename.startswith(_STDLIB):
        module = filename[len(_STDLIB) :].split(os.sep)[0].removesuffix(".py")
        return f"stdlib {module}"
    return "other"


def summarize(directory: Path, top: int = 25) -> str:
    """Own time per library, then the top functions by own and by cumulative time."""
    files = sorted(str(f) for f in directory.glob("*.prof"))
    if not files:
        return f"no profiles in {directory}"
    stats = pstats.Stats(*files)
    by_library: Counter[str] = Counter()
    raw = stats.stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, own, _, _) in raw.items():
        by_library[_library(filename)] += own
    total = sum(by_library.values()) or 1.0
    out = io.StringIO()
    clock = os.environ.get("BENCH_PROFILE_CLOCK", "cpu")
    out.write(f"own {clock} time by library (all threads, {len(files)} profiles):\n")
    for name, seconds in by_library.most_common(15):
        out.write(f"  {name:<34} {seconds:8.3f}s {100 * seconds / total:5.1f}%\n")
    for order in ("tottime", "cumulative"):
        out.write(f"\ntop {top} functions by {order}:\n")
        listing = io.StringIO()
        pstats.Stats(*files, stream=listing).sort_stats(order).print_stats(top)
        body = listing.getvalue()
        out.write(body[body.find("   ncalls") :] if "   ncalls" in body else body)
    return out.getvalue()
