"""When things happen inside a `pulumi` command: the engine's events as they arrive, and the hooked processes' records.

`EventLog` is a gRPC server for `pulumi ... --event-log tcp://127.0.0.1:<port>`: the CLI streams every engine event
to it as JSON the moment the engine emits it (the events' own `timestamp` is whole seconds; the time of arrival
here is what we use). `processes()` reads what profile_hook/sitecustomize.py wrote under BENCH_TIMING_DIR: each
Python process's start and exit, and every provider RPC and provider method call.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent import futures
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import empty_pb2  # type: ignore[import-untyped]
from pulumi.runtime.proto import events_pb2_grpc


@dataclass
class Event:
    """One engine event: its kind (`preludeEvent`, `resourcePreEvent`, ...), when it arrived, its payload."""

    kind: str
    at: float
    body: dict[str, Any]

    @property
    def op(self) -> str | None:
        """The step's operation for resource events (`create`, `same`, `refresh`, `delete`, ...)."""
        metadata = self.body.get("metadata") or {}
        op = metadata.get("op")
        return op if isinstance(op, str) else None

    @property
    def urn(self) -> str:
        metadata = self.body.get("metadata") or {}
        return str(metadata.get("urn", ""))


class _Servicer(events_pb2_grpc.EventsServicer):
    def __init__(self, log: EventLog) -> None:
        self.log = log

    def StreamEvents(self, request_iterator: Iterator[Any], context: Any) -> Any:  # noqa: N802 (gRPC name)
        for request in request_iterator:
            at = time.time()
            decoded = json.loads(request.event)
            kind = next((k for k in decoded if k.endswith("Event") and decoded[k] is not None), "unknown")
            self.log.add(Event(kind, at, decoded.get(kind, {})))
        return empty_pb2.Empty()


class EventLog:
    """Collects the events of one command at a time: `start()` before it, `take()` after."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[Event] = []
        self._server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
        events_pb2_grpc.add_EventsServicer_to_server(_Servicer(self), self._server)
        self.port = self._server.add_insecure_port("127.0.0.1:0")
        self._server.start()

    @property
    def target(self) -> str:
        """The value of `--event-log`."""
        return f"tcp://127.0.0.1:{self.port}"

    def add(self, event: Event) -> None:
        with self._lock:
            self._events.append(event)

    def start(self) -> None:
        with self._lock:
            self._events = []

    def take(self) -> list[Event]:
        with self._lock:
            events, self._events = self._events, []
        return sorted(events, key=lambda e: e.at)

    def close(self) -> None:
        self._server.stop(grace=None)

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Call:
    """One provider RPC or provider method call (wall start and end as Unix times, CPU of its thread)."""

    name: str
    start: float
    end: float
    cpu: float
    process_cpu: float  # the whole process's CPU time when the call ended

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass
class Process:
    """One hooked Python process of a command: its role (`provider`, `program`, `language-host`)."""

    role: str
    pid: int
    started: float
    exited: float | None = None
    cpu: float | None = None  # at a normal exit; for the provider, else the CPU after its last RPC
    rpcs: list[Call] = field(default_factory=list)
    methods: list[Call] = field(default_factory=list)
    last_rpc_cpu: float | None = None
    marks: dict[str, float] = field(default_factory=dict)  # any other event with a time `at` (the program's)


def processes(directory: Path) -> list[Process]:
    """What the timing hook wrote into `directory`, one entry per process, in order of start."""
    found = []
    for path in sorted(directory.glob("*.jsonl")):
        lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        start = next((r for r in lines if r["event"] == "start"), None)
        if start is None:
            continue
        process = Process(start["role"], start["pid"], start["started"])
        for record in lines:
            if record["event"] == "exit":
                process.exited, process.cpu = record["at"], record["cpu"]
            elif record["event"] in ("rpc", "method"):
                call = Call(record["name"], record["start"], record["end"], record["cpu"], record["process_cpu"])
                (process.rpcs if record["event"] == "rpc" else process.methods).append(call)
                if record["event"] == "rpc":
                    process.last_rpc_cpu = max(process.last_rpc_cpu or 0.0, record["process_cpu"])
            elif "at" in record:
                process.marks[record["event"]] = record["at"]
        found.append(process)
    return sorted(found, key=lambda p: p.started)


def busy_seconds(calls: list[Call], since: float | None = None, until: float | None = None) -> float:
    """Wall time during which at least one of `calls` was running (the union of their intervals)."""
    spans = sorted(
        (max(c.start, since if since is not None else c.start), min(c.end, until if until is not None else c.end))
        for c in calls
    )
    total, current_start, current_end = 0.0, None, None
    for start, end in spans:
        if end <= start:
            continue
        if current_end is None or start > current_end:
            if current_start is not None and current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None and current_end is not None:
        total += current_end - current_start
    return total
