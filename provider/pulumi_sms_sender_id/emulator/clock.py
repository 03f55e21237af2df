"""Time in the backends: every operation first lets the changes fall due that time has brought.

Some registration changes happen on AWS's side, with no call: an attachment finishes uploading, a
reviewer picks a submitted version up, an approved registration finishes provisioning its sender ID.
The emulator makes them lazily: each backend operation (and each control) runs under the emulator
lock and first calls the backend's ``advance(now)``, so a client sees them exactly when it looks.
Wall-clock seconds (:func:`now`), since the same instants are answered as timestamps.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import ParamSpec, Protocol, TypeVar, cast

from .state import LOCK

P = ParamSpec("P")
R = TypeVar("R")


class Advancing(Protocol):
    """A backend: it can make the changes that fell due by ``now``."""

    def advance(self, now: float) -> None: ...


def now() -> float:
    """Seconds since the epoch: what timestamps are made of, and what due times are compared with."""
    return time.time()


def timestamp(at: float) -> datetime:
    """An instant as the aware UTC datetime moto's serializer turns into the model's epoch seconds."""
    return datetime.fromtimestamp(at, tz=timezone.utc)


def operation(method: Callable[P, R]) -> Callable[P, R]:
    """Run a backend method under the emulator lock (the server is threaded), after what fell due."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with LOCK:
            backend = cast(Advancing, args[0])
            backend.advance(now())
            return method(*args, **kwargs)

    return wrapper
