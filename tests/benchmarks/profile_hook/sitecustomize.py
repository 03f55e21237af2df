"""Profile every thread of a Python process with cProfile; dump on SIGUSR1 (benchmark --profile).

The runner puts this directory on the provider process's PYTHONPATH and sets BENCH_PROFILE_DIR, so
the unmodified `python -m pulumi.dynamic` is profiled, including the gRPC worker threads where the
provider's methods run. Times are each thread's CPU time (`time.thread_time`): waiting for the
emulator or for work does not count. BENCH_PROFILE_CLOCK=wall counts wall time instead.
On SIGUSR1 each thread's profile goes to `$BENCH_PROFILE_DIR/<pid>-<n>.prof`, then `<pid>.done`.
"""

from __future__ import annotations

import os

_DIR = os.environ.get("BENCH_PROFILE_DIR")

if _DIR:
    import cProfile
    import marshal
    import signal
    import threading
    import time
    from pathlib import Path
    from types import FrameType
    from typing import Any

    _OUT = Path(_DIR)
    _profiles: list[cProfile.Profile] = []
    _lock = threading.Lock()
    _run = threading.Thread.run
    _clock = time.perf_counter if os.environ.get("BENCH_PROFILE_CLOCK") == "wall" else time.thread_time

    def _profiled_run(self: threading.Thread, *args: Any, **kwargs: Any) -> None:
        profile = cProfile.Profile(timer=_clock)
        with _lock:
            _profiles.append(profile)
        profile.enable()
        try:
            _run(self, *args, **kwargs)
        finally:
            profile.disable()

    def _dump(signum: int, frame: FrameType | None) -> None:
        # Snapshot without disabling: `dump_stats` would close the calls still open in the other
        # threads (a worker waiting for work) with this thread's clock, giving them nonsense times.
        with _lock:
            profiles = list(_profiles)
        for index, profile in enumerate(profiles):
            profile.snapshot_stats()
            with open(_OUT / f"{os.getpid()}-{index}.prof", "wb") as out:
                marshal.dump(profile.stats, out)
        (_OUT / f"{os.getpid()}.done").write_text(str(len(profiles)))

    threading.Thread.run = _profiled_run  # type: ignore[method-assign]
    signal.signal(signal.SIGUSR1, _dump)
