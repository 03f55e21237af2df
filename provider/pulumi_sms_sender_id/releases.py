"""Sender IDs this provider process released, so a replacement may wait out AWS's release delay.

AWS answers SENDER_ID_REQUIRES_REGISTRATION for a while after a release. Waiting that out is right
only for a sender ID we released ourselves a moment ago (delete-before-replace): anyone else gets
the error at once. The log lives in process memory only; nothing of it is ever pickled.
"""

from __future__ import annotations

import threading
import time
from typing import Final

Key = tuple[str, str, str]  # (region, SENDER_ID, COUNTRY)

_lock: Final = threading.Lock()
_released: dict[Key, float] = {}


def key(region: str, sender_id: str, iso_country_code: str) -> Key:
    return (region, sender_id.upper(), iso_country_code.upper())


def record(released: Key) -> None:
    with _lock:
        _released[released] = time.monotonic()


def released_within(candidate: Key, seconds: float) -> bool:
    with _lock:
        at = _released.get(candidate)
    return at is not None and time.monotonic() - at <= seconds


def forget(candidate: Key) -> None:
    with _lock:
        _released.pop(candidate, None)


def clear() -> None:
    with _lock:
        _released.clear()
