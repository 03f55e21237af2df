"""Request-rate quotas the way AWS enforces them: a token bucket per account, region and operation.

AWS documents a default of 1 request per second for nearly every End User Messaging SMS operation
(DeleteOptedOutNumber: 10), per account and region; beyond it the answer is ThrottlingException.
The bucket size (burst) is not documented: the emulator defaults to 1, the strictest reading, so a
client that passes here spreads its calls properly. Throttled requests take no token, as at AWS.

Quotas are off unless configured (the `aws` preset, a number for every operation, or per operation),
so tests that do not measure pacing stay fast. Spellings accepted by :func:`parse`, from the CLI
(``--quotas``), the environment (``SMS_VOICE_EMULATOR_QUOTAS``), ``configure(request_quotas=...)``
and the HTTP config route alike:
- ``"aws"``: AWS's documented defaults; ``"off"`` or ``{}``: no quotas;
- ``5`` or ``"5"``: 5 requests per second (burst 1) for every operation;
- ``"RequestSenderId=1,DescribeSenderIds=5:2"``: per operation, ``rate[:burst]``; ``*`` for the rest;
- a mapping operation -> rate, or -> ``{"rate": r, "burst": b}``.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

ENV_VAR: Final = "SMS_VOICE_EMULATOR_QUOTAS"
AWS_PRESET: Final = "aws"
OFF: Final = "off"
ALL_OPERATIONS: Final = "*"
#: AWS's documented default requests per second; operations not listed here have 1.
AWS_DEFAULT_RATE: Final = 1.0
AWS_EXCEPTIONS: Final = {"DeleteOptedOutNumber": 10.0}
DEFAULT_BURST: Final = 1.0


@dataclass(frozen=True)
class Quota:
    """Requests per second, and how many may arrive at once after a quiet spell."""

    rate: float
    burst: float = DEFAULT_BURST

    def to_json(self) -> dict[str, float]:
        return {"rate": self.rate, "burst": self.burst}


def aws_preset(operations: Iterable[str]) -> dict[str, Quota]:
    return {op: Quota(AWS_EXCEPTIONS.get(op, AWS_DEFAULT_RATE)) for op in operations}


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{what} must be a positive number, got {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{what} must be a positive number, got {value!r}") from None
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{what} must be a positive number, got {value!r}")
    return number


def _quota(value: Any, operation: str) -> Quota:
    if isinstance(value, Mapping):
        unknown = sorted(set(value) - {"rate", "burst"})
        if unknown or "rate" not in value:
            raise ValueError(f"quota of {operation} must be {{'rate': r, 'burst': b}}, got {dict(value)!r}")
        return Quota(
            _number(value["rate"], f"rate of {operation}"),
            _number(value.get("burst", DEFAULT_BURST), f"burst of {operation}"),
        )
    if isinstance(value, str) and ":" in value:
        rate, burst = value.split(":", 1)
        return Quota(_number(rate, f"rate of {operation}"), _number(burst, f"burst of {operation}"))
    return Quota(_number(value, f"rate of {operation}"))


def _pairs(spec: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        operation, equals, value = item.partition("=")
        if not equals:
            raise ValueError(f"quota {item!r} must read OPERATION=RATE[:BURST]")
        pairs[operation.strip()] = value.strip()
    return pairs


def parse(spec: Any, operations: Iterable[str]) -> dict[str, Quota]:
    """Quotas per operation from any accepted spelling (see the module docstring); {} means none."""
    known = frozenset(operations)
    if isinstance(spec, str):
        text = spec.strip()
        if text.lower() == AWS_PRESET:
            return aws_preset(known)
        if text.lower() in (OFF, ""):
            return {}
        spec = _pairs(text) if "=" in text else text
    if not isinstance(spec, Mapping):
        every = _quota(spec, "every operation")
        return dict.fromkeys(known, every)
    unknown = sorted(set(spec) - known - {ALL_OPERATIONS})
    if unknown:
        raise ValueError(f"quotas name unknown operations {unknown} (use the API names, e.g. RequestSenderId)")
    rest = spec.get(ALL_OPERATIONS)
    quotas = dict.fromkeys(known, _quota(rest, "*")) if rest is not None else {}
    quotas.update({op: _quota(value, op) for op, value in spec.items() if op != ALL_OPERATIONS})
    return quotas


class Buckets:
    """One token bucket per (account, region, operation); thread-safe."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[tuple[str, str, str], tuple[float, float]] = {}  # key -> (tokens, at)

    def take(self, account: str, region: str, operation: str, quota: Quota | None) -> bool:
        """Take a token for one request; False means throttle it."""
        if quota is None:
            return True
        key = (account, region, operation)
        with self._lock:
            now = self._clock()
            tokens, at = self._buckets.get(key, (quota.burst, now))
            tokens = min(quota.burst, tokens + (now - at) * quota.rate)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        return allowed

    def reset(self) -> None:
        with self._lock:
            self._buckets.clear()
