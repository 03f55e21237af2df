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


# -- BENCH_TIMING_DIR: when each process of a `pulumi` command starts and ends, and every provider RPC --------------
#
# The CLI benchmark (cli.py) puts this directory on the PYTHONPATH of the `pulumi` command, whose Python children
# inherit it: the language host, the program (pulumi-language-python-exec) and the dynamic provider
# (`python -m pulumi.dynamic`, started by the pulumi-resource-pulumi-python script). Each of them appends JSON
# lines to `$BENCH_TIMING_DIR/<role>-<pid>.jsonl`: `start` (the process's start, from /proc), `exit` (its CPU
# time, at a normal exit), and in the provider one `rpc` line per gRPC call (wall start and end, the calling
# thread's CPU) and one `method` line per call of the provider's own method (SenderIdProvider.create etc.,
# which includes its AWS calls). Nothing is imported early: the wrappers go on when the modules are imported.

_TIMING_DIR = os.environ.get("BENCH_TIMING_DIR")
_PROVIDER_RPCS = ("GetPluginInfo", "Configure", "CheckConfig", "Check", "Diff", "Create", "Read", "Update", "Delete")
_PROVIDER_METHODS = ("check", "diff", "create", "read", "update", "delete")


def _timing_role(argv: list[str]) -> str | None:
    if "pulumi.dynamic" in argv:
        return "provider"
    if any(a.endswith("pulumi-language-python-exec") for a in argv):
        return "program"
    if any(a.endswith("pulumi_language_python.py") for a in argv):
        return "language-host"
    return None


if _TIMING_DIR:
    import atexit
    import importlib.abc
    import importlib.machinery
    import json
    import sys
    import threading as _threading
    import time as _time
    from collections.abc import Callable as _Callable
    from collections.abc import Sequence as _Sequence
    from types import ModuleType
    from typing import Any as _Any

    _role = _timing_role(list(getattr(sys, "orig_argv", sys.argv)))
    if _role is not None:
        try:  # a timing hook never breaks what it times: no directory, no records
            _out = open(os.path.join(_TIMING_DIR, f"{_role}-{os.getpid()}.jsonl"), "a", buffering=1)  # noqa: SIM115
        except OSError:
            _role = None

    def _process_start() -> float:
        """This process's start as a Unix time (to a clock tick): now, less its age from /proc."""
        with open("/proc/self/stat") as stat:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])  # field 22 of proc(5): starttime
        with open("/proc/uptime") as uptime:
            since_boot = float(uptime.read().split()[0])
        return _time.time() - (since_boot - ticks / os.sysconf("SC_CLK_TCK"))

    if _role is not None:
        _write_lock = _threading.Lock()

        def _record(**fields: _Any) -> None:
            line = json.dumps(fields) + "\n"
            with _write_lock:
                _out.write(line)

        _record(event="start", role=_role, pid=os.getpid(), started=_process_start(), hooked=_time.time())
        atexit.register(lambda: _record(event="exit", at=_time.time(), cpu=_time.process_time()))

        def _timed(kind: str, name: str, function: _Callable[..., _Any]) -> _Callable[..., _Any]:
            def timed(*args: _Any, **kwargs: _Any) -> _Any:
                start, cpu = _time.time(), _time.thread_time()
                try:
                    return function(*args, **kwargs)
                finally:
                    end = _time.time()
                    _record(
                        event=kind,
                        name=name,
                        start=start,
                        end=end,
                        cpu=_time.thread_time() - cpu,
                        process_cpu=_time.process_time(),
                    )

            return timed

        class _AfterImport(importlib.abc.MetaPathFinder):
            """Call `then(module)` once `name` is imported (by whoever imports it, whenever)."""

            def __init__(self, name: str, then: _Callable[[ModuleType], None]) -> None:
                self.name, self.then = name, then

            def find_spec(
                self, fullname: str, path: _Sequence[str] | None, target: ModuleType | None = None
            ) -> importlib.machinery.ModuleSpec | None:
                if fullname != self.name:
                    return None
                sys.meta_path.remove(self)
                spec = next(
                    (s for f in sys.meta_path if hasattr(f, "find_spec") if (s := f.find_spec(fullname, path, target))),
                    None,
                )
                loader = spec.loader if spec is not None else None
                if spec is None or loader is None or not hasattr(loader, "exec_module"):
                    return spec
                execute, then = loader.exec_module, self.then

                def exec_module(module: ModuleType) -> None:
                    execute(module)
                    then(module)

                loader.exec_module = exec_module  # type: ignore[method-assign]
                return spec

        def _wrap_servicer(module: ModuleType) -> None:
            register = module.add_ResourceProviderServicer_to_server

            def add(servicer: _Any, server: _Any) -> None:
                for rpc in _PROVIDER_RPCS:
                    setattr(servicer, rpc, _timed("rpc", rpc, getattr(servicer, rpc)))
                register(servicer, server)

            setattr(module, "add_ResourceProviderServicer_to_server", add)  # noqa: B010 (mypy: untyped module)

        def _wrap_provider(module: ModuleType) -> None:
            cls = module.SenderIdProvider
            for method in _PROVIDER_METHODS:
                setattr(cls, method, _timed("method", method, getattr(cls, method)))

        if _role == "provider":
            sys.meta_path.insert(0, _AfterImport("pulumi.runtime.proto.provider_pb2_grpc", _wrap_servicer))
            sys.meta_path.insert(0, _AfterImport("pulumi_sms_sender_id.provider", _wrap_provider))
