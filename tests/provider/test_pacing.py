"""The pacer: calls leave at the quota's pace, slow down after a throttle, recover after successes."""

from __future__ import annotations

import threading
import time

import pytest

from pulumi_sms_sender_id.aws import notices, pacing
from pulumi_sms_sender_id.aws.pacing import Pacer, PacerKey

KEY = PacerKey(profile="secret-profile", endpoint="http://127.0.0.1:1", region="eu-west-2", operation="ReleaseSenderId")


class FakeTime:
    """A clock that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_calls_are_spaced_one_slot_apart_at_the_quota() -> None:
    fake = FakeTime()
    pacer = Pacer(KEY, quota=2.0, clock=fake.clock, sleep=fake.sleep)
    for _ in range(5):
        pacer.wait_turn()
    assert fake.now - 100.0 == pytest.approx(4 * pacing.SPACING / 2.0)


def test_threads_sharing_a_pacer_queue_behind_each_other() -> None:
    pacer = Pacer(KEY, quota=40.0)
    sent: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(5):
            pacer.wait_turn()
            with lock:
                sent.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    gaps = [b - a for a, b in zip(sorted(sent), sorted(sent)[1:], strict=False)]
    assert len(sent) == 20
    assert sorted(sent)[-1] - sorted(sent)[0] >= 19 / 40.0
    assert min(gaps) > 0.5 / 40.0, "no two calls left together"


def test_a_throttle_slows_the_pace_and_it_climbs_back_to_the_quota_not_beyond() -> None:
    fake = FakeTime()
    pacer = Pacer(KEY, quota=1.0, clock=fake.clock, sleep=fake.sleep)
    pacer.throttled(sent_at=pacer.wait_turn())
    assert pacer.rate == pytest.approx(pacing.BACKOFF)
    fake.sleep(pacing.RECOVERY_SLOTS / 4)
    assert pacing.BACKOFF < pacer.rate < 1.0
    fake.sleep(pacing.RECOVERY_SLOTS)
    assert pacer.rate == 1.0


def test_throttles_of_calls_sent_before_a_slow_down_do_not_slow_it_again() -> None:
    fake = FakeTime()
    pacer = Pacer(KEY, quota=1.0, clock=fake.clock, sleep=fake.sleep)
    in_flight = [pacer.wait_turn() for _ in range(3)]
    for sent_at in in_flight:
        pacer.throttled(sent_at)
    assert pacer.rate == pytest.approx(pacing.BACKOFF)
    assert pacer.throttles == 3


def test_throttle_storms_never_stop_the_pacer() -> None:
    fake = FakeTime()
    pacer = Pacer(KEY, quota=1.0, clock=fake.clock, sleep=fake.sleep)
    for i in range(1000):
        pacer.throttled(sent_at=fake.now + (i + 1) * 1e-9)  # each a new congestion event
    assert pacer.rate == pytest.approx(pacing.MIN_FRACTION)


def test_a_long_wait_prints_one_line_naming_the_operation_region_rate_and_queue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake = FakeTime()
    pacer = Pacer(KEY, quota=0.25, clock=fake.clock, sleep=fake.sleep)
    pacer.wait_turn()  # the first call leaves at once
    pacer.wait_turn()  # the second waits about 4 s
    pacer.wait_turn()  # within NOTICE_EVERY_SECONDS of the last line: no second line
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"{notices.PREFIX}waiting 4 s for AWS's request quota for ReleaseSenderId in eu-west-2 "
        "(0.25/s, 1 call queued in this process)"
    ]
    assert "secret-profile" not in lines[0]
    assert "127.0.0.1" not in lines[0]


def test_one_pacer_per_key_whose_quota_follows_the_stack_config() -> None:
    first = pacing.pacer(KEY, 1.0)
    assert pacing.pacer(KEY, 1.0) is first
    assert pacing.pacer(PacerKey(None, None, "eu-west-2", "ReleaseSenderId"), 1.0) is not first
    assert pacing.pacer(KEY, 5.0).quota == 5.0
