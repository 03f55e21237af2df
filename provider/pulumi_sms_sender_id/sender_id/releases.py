"""Sender IDs released from this machine, so a new request can be judged against AWS's release delay.

AWS answers SENDER_ID_REQUIRES_REGISTRATION for a while after a release. Two cases matter:
- released by this provider process a moment ago (delete-before-replace after a message-type change):
  waiting it out is right, and `released_here_within` says so;
- released by an earlier `pulumi destroy` or `up`: the error is final, but `seconds_since_release`
  lets it say "released N minutes ago, wait and retry" instead of "requires registration".
The second needs memory across processes: an append-only journal in the user's cache directory (never
in stack state, never pickled), one JSON line per release, so a release costs one small write however
many came before. Writing it is best effort: a release never fails because of it.

A release counts only in its own AWS account: the same sender ID released from this machine in another
account says nothing about this one (AWS's refusal there means what it says). A release's account is
its ARN's; a request learns its own from the credentials it calls with (`caller`, a digest of the access
key ID): the account this machine last released something in with them. Credentials that released
nothing here find no release, which is never wrong. Lines written before accounts were recorded
(``region/SENDER/COUNTRY``) are read without error and match no account.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

Key = tuple[str, str, str]  # (region, SENDER_ID, COUNTRY)
JOURNAL_TTL: Final = 3600.0
COMPACT_ABOVE_BYTES: Final = 256 * 1024
CACHE_DIR_ENV: Final = "PULUMI_SMS_SENDER_ID_CACHE_DIR"
#: A journal key with its account: ACCOUNT/region/SENDER/COUNTRY.
_KEY_PARTS: Final = 4


@dataclass(frozen=True)
class _Entry:
    """A journal line: when the release was sent (time.time()), and by which credentials (`caller`)."""

    at: float
    caller: str | None


_lock: Final = threading.Lock()
_released_here: dict[tuple[str, Key], float] = {}  # (account, key) -> time.monotonic() of the release
_accounts: dict[str, str] = {}  # caller -> account, from this process's releases


def key(region: str, sender_id: str, iso_country_code: str) -> Key:
    return (region, sender_id.upper(), iso_country_code.upper())


def journal_path() -> Path:
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured) / "releases.jsonl"
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "pulumi-sms-sender-id" / "releases.jsonl"


def _journal_key(account: str, released: Key) -> str:
    return "/".join((account, *released))


def _line(journal_key: str, entry: _Entry) -> str:
    return json.dumps({"key": journal_key, "caller": entry.caller, "at": entry.at}) + "\n"


def _parse(line: str) -> tuple[str, _Entry]:
    """One line's key and entry; raises ValueError, KeyError, TypeError or AttributeError when malformed."""
    entry = json.loads(line)
    caller = entry.get("caller")
    return str(entry["key"]), _Entry(float(entry["at"]), caller if isinstance(caller, str) else None)


def _read_journal(path: Path) -> dict[str, _Entry]:
    """The latest release per key; unreadable lines are skipped."""
    entries: dict[str, _Entry] = {}
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return entries
    for line in lines:
        try:
            journal_key, entry = _parse(line)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        entries[journal_key] = entry
    return entries


def _accounts_in(entries: Mapping[str, _Entry]) -> dict[str, str]:
    """caller -> account, from the journal's lines that name both (``ACCOUNT/region/SENDER/COUNTRY``)."""
    parts = {k: k.split("/") for k in entries}
    return {e.caller: parts[k][0] for k, e in entries.items() if e.caller and len(parts[k]) == _KEY_PARTS}


def _compact(path: Path, now: float) -> None:
    """Rewrite the journal without expired entries (rare: only once it has grown large)."""
    kept = "".join(_line(k, e) for k, e in _read_journal(path).items() if now - e.at < JOURNAL_TTL)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(kept)
    os.replace(handle.name, path)


def _write_journal(journal_key: str, entry: _Entry) -> None:
    path = journal_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as journal:
            journal.write(_line(journal_key, entry))
        if path.stat().st_size > COMPACT_ABOVE_BYTES:
            _compact(path, entry.at)
    except OSError:
        return


def record(
    released: Key, *, account: str, caller: str | None, at: float | None = None, at_monotonic: float | None = None
) -> None:
    """Remember a release this process made in `account` (its ARN's) as `caller`, sent at `at` (time.time())
    / `at_monotonic`, default now."""
    with _lock:
        _released_here[(account, released)] = time.monotonic() if at_monotonic is None else at_monotonic
        if caller is not None:
            _accounts[caller] = account
        _write_journal(_journal_key(account, released), _Entry(time.time() if at is None else at, caller))


def _account_here(caller: str | None) -> str | None:
    """The account `caller` released something in, in this process."""
    if caller is None:
        return None
    with _lock:
        return _accounts.get(caller)


def released_here_within(candidate: Key, seconds: float, *, caller: str | None) -> bool:
    """Released by this process, in the account `caller` calls, no longer than `seconds` ago."""
    account = _account_here(caller)
    with _lock:
        at = _released_here.get((account, candidate)) if account is not None else None
    return at is not None and time.monotonic() - at <= seconds


def seconds_since_release(candidate: Key, *, caller: str | None) -> float | None:
    """How long ago this machine (any process) released it in the account `caller` calls, if within the
    journal's hour; None too when no release on this machine tells which account that is."""
    entries = _read_journal(journal_path())
    account = _account_here(caller) or (_accounts_in(entries).get(caller) if caller is not None else None)
    entry = entries.get(_journal_key(account, candidate)) if account is not None else None
    if entry is None:
        return None
    ago = time.time() - entry.at
    return ago if 0 <= ago < JOURNAL_TTL else None


def forget(candidate: Key, *, caller: str | None) -> None:
    account = _account_here(caller)
    with _lock:
        if account is not None:
            _released_here.pop((account, candidate), None)


def clear() -> None:
    """Forget this process's releases (tests)."""
    with _lock:
        _released_here.clear()
        _accounts.clear()
