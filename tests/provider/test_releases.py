"""The release journal: what lets a later `pulumi up` say "released N minutes ago, wait"."""

from __future__ import annotations

import json
import time

import pytest

from pulumi_sms_sender_id.aws import client
from pulumi_sms_sender_id.sender_id import releases
from tests.support import REGION

ACME = releases.key("eu-west-2", "acme", "gb")
ACCOUNT = "123456789012"
#: The credentials a release was made with (as `client.caller` digests them), and others of the same account.
CALLER = "caller-of-123456789012"
ROTATED = "rotated-key-of-123456789012"


def test_callers_are_told_apart_by_their_access_key_without_writing_it_down(monkeypatch: pytest.MonkeyPatch) -> None:
    mine = client.caller(REGION, None)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAANOTHERACCOUNT00")
    client.clear()
    theirs = client.caller(REGION, None)
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # no credentials anywhere, and no waiting for IMDS
    client.clear()

    assert mine is not None and theirs is not None and mine != theirs
    assert "AKIAANOTHERACCOUNT00" not in theirs
    assert client.caller(REGION, None) is None


def test_a_release_is_remembered_by_this_process_and_the_journal() -> None:
    releases.record(ACME, account=ACCOUNT, caller=CALLER)
    assert releases.released_here_within(ACME, 60, caller=CALLER)
    releases.clear()  # a new process: only the journal remains
    assert not releases.released_here_within(ACME, 60, caller=CALLER)
    ago = releases.seconds_since_release(ACME, caller=CALLER)
    assert ago is not None and 0 <= ago < 5


def test_each_release_appends_one_line() -> None:
    for i in range(50):
        releases.record(releases.key("eu-west-2", f"BRAND{i}", "GB"), account=ACCOUNT, caller=CALLER)
    lines = releases.journal_path().read_text().splitlines()
    assert len(lines) == 50
    assert json.loads(lines[-1])["key"] == f"{ACCOUNT}/eu-west-2/BRAND49/GB"


def test_credentials_that_released_nothing_here_find_no_release() -> None:
    releases.record(ACME, account=ACCOUNT, caller=CALLER)
    releases.clear()
    assert releases.seconds_since_release(ACME, caller="caller-of-another-account") is None
    assert releases.seconds_since_release(ACME, caller=None) is None


def test_other_credentials_of_the_same_account_find_its_releases() -> None:
    releases.record(ACME, account=ACCOUNT, caller=CALLER)
    releases.record(releases.key("eu-west-2", "NEWS", "GB"), account=ACCOUNT, caller=ROTATED)
    releases.clear()
    assert releases.seconds_since_release(ACME, caller=ROTATED) is not None


def test_lines_written_before_accounts_are_read_without_error_and_match_no_account() -> None:
    path = releases.journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"key": "eu-west-2/ACME/GB", "at": time.time()}) + "\n[1, 2]\n")

    assert releases.seconds_since_release(ACME, caller=CALLER) is None
    releases.record(ACME, account=ACCOUNT, caller=CALLER)
    assert releases.seconds_since_release(ACME, caller=CALLER) is not None


def test_entries_older_than_an_hour_are_ignored_and_compacted_away(monkeypatch: pytest.MonkeyPatch) -> None:
    path = releases.journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = time.time() - 2 * releases.JOURNAL_TTL
    lines = [{"key": f"{ACCOUNT}/eu-west-2/OLD{i}/GB", "caller": CALLER, "at": old} for i in range(10)]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert releases.seconds_since_release(releases.key("eu-west-2", "OLD1", "GB"), caller=CALLER) is None

    monkeypatch.setattr(releases, "COMPACT_ABOVE_BYTES", 0)
    releases.record(ACME, account=ACCOUNT, caller=CALLER)
    assert [json.loads(line)["key"] for line in path.read_text().splitlines()] == [f"{ACCOUNT}/eu-west-2/ACME/GB"]


def test_an_unwritable_cache_never_fails_a_release(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(releases.CACHE_DIR_ENV, "/proc/forbidden")
    releases.record(ACME, account=ACCOUNT, caller=CALLER)
    assert releases.released_here_within(ACME, 60, caller=CALLER)
    assert releases.seconds_since_release(ACME, caller=CALLER) is None
