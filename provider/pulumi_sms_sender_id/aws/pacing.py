"""Spread the provider's calls under AWS's request quotas instead of bouncing off them.

AWS gives each operation its own requests-per-second quota per account and region (1 by default),
while the engine runs up to 4 provider calls at once. One `Pacer` per (credentials, endpoint,
region, operation) is shared by every worker thread of the provider process: each call reserves the
next free slot, so calls leave at the quota's pace. The rate adapts: multiplied down after a throttle
(once per congestion event, like TCP), then climbing back to the configured quota over the next
RECOVERY_SLOTS slots, never above it, so several processes sharing one account keep the quota busy
between them without any of them failing. Recovery is by time rather than per success: a process
slowed to a crawl would otherwise need many slow successes to speed up again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from . import notices

#: Slots are spaced a little wider than 1/rate: requests reach AWS with some jitter, and a strict
#: token bucket of burst 1 throttles two requests that arrive a millisecond too close together.
SPACING: Final = 1.02
#: After a throttle the rate is multiplied by this...
BACKOFF: Final = 0.5
#: ...and climbs back to the quota linearly over this many slots at the quota's rate. Recovering by time
#: keeps a quota shared by several processes busy; the price is that a rate configured far above the
#: real quota keeps meeting throttles (`requestsPerSecond` is the user's statement of the quota).
RECOVERY_SLOTS: Final = 8.0
#: Never slower than this fraction of the quota: a throttle storm must not stall a stack for minutes
#: (the next slot after a slow-down is 1/rate away, and nothing brings it closer).
MIN_FRACTION: Final = 0.05
#: Waits shorter than this are not worth a line in the `pulumi up` output...
NOTICE_AFTER_SECONDS: Final = 3.0
#: ...and one line per pacer per this many seconds is enough to show progress.
NOTICE_EVERY_SECONDS: Final = 15.0

Clock = Callable[[], float]
Sleep = Callable[[float], None]


@dataclass(frozen=True)
class PacerKey:
    """Whose quota: AWS counts per account and region; a profile stands for one set of credentials."""

    profile: str | None
    endpoint: str | None
    region: str
    operation: str


class Pacer:
    """Hands out send times for one operation's quota; thread-safe."""

    def __init__(self, key: PacerKey, quota: float, clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> None:
        self.key = key
        self.quota = quota
        self._slowed_to = quota
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self._slowed_at = float("-inf")
        self._queued = 0
        self._last_notice = -NOTICE_EVERY_SECONDS
        self.throttles = 0

    def wait_turn(self) -> float:
        """Sleep until this call may be sent; returns the send time (on the pacer's clock)."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot)
            self._next_slot = slot + SPACING / self._rate(slot)
            self._queued += 1
            wait = slot - now
            line = self._notice_line(now, wait)
        if line:
            notices.emit(line)
        try:
            if wait > 0:
                self._sleep(wait)
        finally:
            with self._lock:
                self._queued -= 1
        return slot

    def throttled(self, sent_at: float) -> None:
        """AWS said slow down: someone else shares the quota, or it is lower than configured.

        Like TCP, one slow-down per congestion event: calls sent before the last slow-down were paced
        at the old rate, so their throttles say nothing new.
        """
        with self._lock:
            self.throttles += 1
            if sent_at <= self._slowed_at:
                return
            now = self._clock()
            self._slowed_to = max(self.quota * MIN_FRACTION, self._rate(now) * BACKOFF)
            self._slowed_at = now
            self._next_slot = max(self._next_slot, now + SPACING / self._slowed_to)

    @property
    def rate(self) -> float:
        """Requests per second this pacer allows now."""
        with self._lock:
            return self._rate(self._clock())

    def _rate(self, at: float) -> float:
        climbed = (at - self._slowed_at) * self.quota / RECOVERY_SLOTS * self.quota
        return min(self.quota, self._slowed_to + max(0.0, climbed))

    def set_quota(self, quota: float) -> None:
        with self._lock:
            if quota != self.quota:
                self.quota = self._slowed_to = quota

    def _notice_line(self, now: float, wait: float) -> str | None:
        if wait < NOTICE_AFTER_SECONDS or now - self._last_notice < NOTICE_EVERY_SECONDS:
            return None
        self._last_notice = now
        return (
            f"waiting {wait:.0f} s for AWS's request quota for {self.key.operation} in {self.key.region} "
            f"({self._rate(now):.3g}/s, {self._queued} call{'' if self._queued == 1 else 's'} queued in this process)"
        )


_lock: Final = threading.Lock()
_pacers: dict[PacerKey, Pacer] = {}


def pacer(key: PacerKey, quota: float) -> Pacer:
    """The process-wide pacer for `key`, created at `quota` requests per second."""
    with _lock:
        found = _pacers.get(key)
        if found is None:
            found = _pacers[key] = Pacer(key, quota)
    found.set_quota(quota)
    return found


def clear() -> None:
    """Forget every pacer (tests switch endpoints and quotas between cases)."""
    with _lock:
        _pacers.clear()
