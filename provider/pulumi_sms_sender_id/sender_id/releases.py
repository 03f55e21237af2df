"""Sender IDs released from this machine, so a new request can be judged against AWS's release delay.

AWS answers SENDER_ID_REQUIRES_REGISTRATION for a while after a release. Two cases matter:
- released by this provider process a moment ago (delete-before-replace after a message-type change):
  waiting it out is right, and `released_here_within` says so;
- released by an earlier `pulumi destroy` or `up`: the error is final, but `seconds_since_release`
  lets it say "released N minutes ago, wait and retry" instead of "requires registration".
The second needs memory across processes: an append-only journal in the user's cache directory (never
in stack state, never pickled), one JSON line per release, so a release costs one small write however
many came before. Writing it is best effort: a release never fails because of it.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Final

Key = tuple[str, str, str]  # (region, SENDER_ID, COUNTRY)
JOURNAL_TTL: Final = 3600.0
COMPACT_ABOVE_BYTES: Final = 256 * 1024
CACHE_DIR_ENV: Final = "PULUMI_SMS_SENDER_ID_CACHE_DIR"

_lock: Final = threading.Lock()
_released_here: dict[Key, float] = {}


def key(region: str, sender_id: str, iso_country_code: str) -> Key:
    return (region, sender_id.upper(), iso_country_code.upper())


def journal_path() -> Path:
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured) / "releases.jsonl"
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "pulumi-sms-sender-id" / "releases.jsonl"


def _journal_key(released: Key) -> str:
    return "/".join(released)


def _read_journal(path: Path) -> dict[str, float]:
    """The latest release time per key; unreadable lines are skipped."""
    entries: dict[str, float] = {}
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return entries
    for line in lines:
        try:
            entry = json.loads(line)
            entries[str(entry["key"])] = float(entry["at"])
        except (ValueError, KeyError, TypeError):
            continue
    return entries


def _compact(path: Path, now: float) -> None:
    """Rewrite the journal without expired entries (rare: only once it has grown large)."""
    kept = "".join(
        json.dumps({"key": k, "at": at}) + "\n" for k, at in _read_journal(path).items() if now - at < JOURNAL_TTL
    )
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(kept)
    os.replace(handle.name, path)


def _write_journal(released: Key, at: float) -> None:
    path = journal_path()
    line = json.dumps({"key": _journal_key(released), "at": at}) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as journal:
            journal.write(line)
        if path.stat().st_size > COMPACT_ABOVE_BYTES:
            _compact(path, at)
    except OSError:
        return


def record(released: Key, *, at: float | None = None, at_monotonic: float | None = None) -> None:
    """Remember a release this process made, sent at `at` (time.time()) / `at_monotonic`, default now."""
    with _lock:
        _released_here[released] = time.monotonic() if at_monotonic is None else at_monotonic
        _write_journal(released, time.time() if at is None else at)


def released_here_within(candidate: Key, seconds: float) -> bool:
    """Released by this process no longer than `seconds` ago."""
    with _lock:
        at = _released_here.get(candidate)
    return at is not None and time.monotonic() - at <= seconds


def seconds_since_release(candidate: Key) -> float | None:
    """How long ago this machine released it (any process), if within the journal's hour."""
    at = _read_journal(journal_path()).get(_journal_key(candidate))
    if at is None:
        return None
    ago = time.time() - at
    return ago if 0 <= ago < JOURNAL_TTL else None


def forget(candidate: Key) -> None:
    with _lock:
        _released_here.pop(candidate, None)


def clear() -> None:
    """Forget this process's releases (tests)."""
    with _lock:
        _released_here.clear()
