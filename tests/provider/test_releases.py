"""The release journal: what lets a later `pulumi up` say "released N minutes ago, wait"."""

from __future__ import annotations

import json
import time

import pytest

from pulumi_sms_sender_id.sender_id import releases

ACME = releases.key("eu-west-2", "acme", "gb")


def test_a_release_is_remembered_by_this_process_and_the_journal() -> None:
    releases.record(ACME)
    assert releases.released_here_within(ACME, 60)
    releases.clear()  # a new process: only the journal remains
    assert not releases.released_here_within(ACME, 60)
    ago = releases.seconds_since_release(ACME)
    assert ago is not None and 0 <= ago < 5


def test_each_release_appends_one_line() -> None:
    for i in range(50):
        releases.record(releases.key("eu-west-2", f"BRAND{i}", "GB"))
    lines = releases.journal_path().read_text().splitlines()
    assert len(lines) == 50
    assert json.loads(lines[-1])["key"] == "eu-west-2/BRAND49/GB"


def test_entries_older_than_an_hour_are_ignored_and_compacted_away(monkeypatch: pytest.MonkeyPatch) -> None:
    path = releases.journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = time.time() - 2 * releases.JOURNAL_TTL
    path.write_text("".join(json.dumps({"key": f"eu-west-2/OLD{i}/GB", "at": old}) + "\n" for i in range(10)))
    assert releases.seconds_since_release(releases.key("eu-west-2", "OLD1", "GB")) is None

    monkeypatch.setattr(releases, "COMPACT_ABOVE_BYTES", 0)
    releases.record(ACME)
    assert [json.loads(line)["key"] for line in path.read_text().splitlines()] == ["eu-west-2/ACME/GB"]


def test_an_unwritable_cache_never_fails_a_release(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(releases.CACHE_DIR_ENV, "/proc/forbidden")
    releases.record(ACME)
    assert releases.released_here_within(ACME, 60)
    assert releases.seconds_since_release(ACME) is None
