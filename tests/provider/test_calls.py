"""Every AWS call: throttling retried within a time budget, other failures bounded, nothing hidden by a retry."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_sms_sender_id import SenderIdProvider
from pulumi_sms_sender_id.aws import calls
from pulumi_sms_sender_id.aws.calls import Connection
from pulumi_sms_sender_id.emulator import DEFAULT_ACCOUNT_ID as ACCOUNT
from pulumi_sms_sender_id.sender_id import releases, sender_ids
from pulumi_sms_sender_id.sender_id.errors import SenderIdError
from tests.support import FAST, REGION

ACME = {"sender_id": "ACME", "iso_country_code": "GB", "message_types": ["TRANSACTIONAL"], "tags": {"team": "growth"}}
ACME_KEY = releases.key(REGION, "ACME", "GB")


def configured(**config: str) -> SenderIdProvider:
    provider = SenderIdProvider()
    provider.configure(ConfigureRequest(Config({"aws:region": REGION, **FAST, **config}, "test")))
    return provider


def as_the_provider() -> str | None:
    """The credentials the provider calls the emulator with, as the release journal knows callers."""
    return Connection(REGION).caller()


def create(provider: SenderIdProvider, **overrides: Any) -> tuple[str, dict[str, Any]]:
    checked = provider.check({}, {**ACME, **overrides})
    result = provider.create(checked.inputs)
    assert result.outs is not None
    return result.id, result.outs


def test_throttling_beyond_botocores_retry_quota_is_still_retried(emulated: Any) -> None:
    provider = configured(**{"sms-sender-id:requestsPerSecond": "100000"})
    emulated.inject_fault("DescribeSenderIds", "ThrottlingException", count=120)  # botocore gives up after ~100

    id_, _ = create(provider)

    assert id_.endswith("/ACME/GB")
    assert emulated.call_counts()["DescribeSenderIds"] == 121
    assert emulated.call_counts()["RequestSenderId"] == 1


def test_throttling_fails_once_the_time_budget_is_spent_and_names_the_setting(emulated: Any) -> None:
    provider = configured(**{"sms-sender-id:throttleTimeoutSeconds": "0.3"})
    emulated.inject_fault("DescribeSenderIds", "ThrottlingException", count=100000)

    started = time.monotonic()
    with pytest.raises(SenderIdError) as failed:
        create(provider)

    assert 0.3 <= time.monotonic() - started < 5
    assert "sms-sender-id:throttleTimeoutSeconds" in str(failed.value)
    assert failed.value.code == "ThrottlingException"
    assert emulated.call_counts().get("RequestSenderId", 0) == 0


@pytest.mark.parametrize("operation", ["DescribeSenderIds", "RequestSenderId"])
def test_throttling_failure_quotes_the_timeout_the_stack_set(emulated: Any, operation: str) -> None:
    provider = configured(**{"sms-sender-id:throttleTimeoutSeconds": "0.3"})
    emulated.inject_fault(operation, "ThrottlingException", count=100000)

    with pytest.raises(SenderIdError) as failed:
        create(provider)

    advice = str(failed.value).split(". [", 1)[0]
    assert "throttling the requests for longer than 0.3 s" in advice
    assert "900" not in advice


def test_internal_errors_are_retried_a_bounded_number_of_times(emulated: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calls, "backoff", lambda failures: 0.0)
    provider = configured()
    emulated.inject_fault("DescribeSenderIds", "InternalServerException", count=100)

    with pytest.raises(SenderIdError, match="internal error"):
        create(provider)

    assert emulated.call_counts()["DescribeSenderIds"] == calls.TRANSIENT_ATTEMPTS


def test_a_release_whose_answer_was_lost_is_remembered_as_ours(emulated: Any) -> None:
    provider = configured()
    id_, outs = create(provider)
    emulated.inject_fault("ReleaseSenderId", "InternalServerException", after_commit=True)

    provider.delete(id_, outs)  # AWS released it; the retry hears "not found"

    assert emulated.call_counts()["ReleaseSenderId"] == 2
    assert releases.released_here_within(ACME_KEY, 60, caller=as_the_provider())
    ago = releases.seconds_since_release(ACME_KEY, caller=as_the_provider())
    assert ago is not None and ago < 60


def test_a_lost_release_answer_quotes_that_release_not_an_older_one(emulated: Any) -> None:
    provider = configured()
    releases.record(  # 50 minutes ago
        ACME_KEY, account=ACCOUNT, caller=as_the_provider(), at=time.time() - 3000, at_monotonic=time.monotonic() - 3000
    )
    id_, outs = create(provider)
    emulated.inject_fault("ReleaseSenderId", "InternalServerException", after_commit=True)

    provider.delete(id_, outs)

    ago = releases.seconds_since_release(ACME_KEY, caller=as_the_provider())
    assert ago is not None and ago < 60


def test_message_type_change_after_a_lost_release_answer_waits_out_the_release(emulated: Any, sms: Any) -> None:
    provider = configured()
    emulated.configure(release_window_seconds=0.5)
    id_, outs = create(provider)
    emulated.inject_fault("ReleaseSenderId", "InternalServerException", after_commit=True)

    provider.delete(id_, outs)  # delete-before-replace of a message-type change
    create(provider, message_types=["PROMOTIONAL"])

    assert [s["MessageTypes"] for s in sms.describe_sender_ids()["SenderIds"]] == [["Promotional"]]


def test_read_asks_for_the_sender_id_and_its_tags_at_the_same_time(emulated: Any) -> None:
    provider = configured()
    id_, outs = create(provider)
    emulated.configure(latency_seconds=0.5)

    started = time.monotonic()
    result = provider.read(id_, outs)

    assert time.monotonic() - started < 0.9, "Describe and ListTagsForResource were not sent together"
    assert result.outs is not None and result.outs["tags"] == {"team": "growth"}


def test_threads_racing_on_first_use_share_one_side_executor(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[ThreadPoolExecutor] = []

    def slow_to_build(**options: Any) -> ThreadPoolExecutor:
        time.sleep(0.05)  # the first builder is still at it when the other racers arrive
        built.append(ThreadPoolExecutor(**options))
        return built[-1]

    monkeypatch.setattr(sender_ids, "ThreadPoolExecutor", slow_to_build)
    monkeypatch.setattr(sender_ids, "_side_pool", None)  # nobody has used it yet
    racers = 8
    start = threading.Barrier(racers)

    def first_use(_: int) -> ThreadPoolExecutor:
        start.wait()
        return sender_ids._side_calls()

    with ThreadPoolExecutor(racers) as threads:
        got = list(threads.map(first_use, range(racers)))
    for pool in built:
        pool.shutdown()

    assert len(built) == 1, f"{len(built)} executors built for one"
    assert all(pool is built[0] for pool in got)


def test_read_of_a_released_sender_id_reports_it_gone(emulated: Any, sms: Any) -> None:
    provider = configured()
    id_, outs = create(provider)
    sms.release_sender_id(SenderId="ACME", IsoCountryCode="GB")

    assert provider.read(id_, outs).id == ""


def test_waiting_out_our_own_release_is_explained_in_the_output(
    emulated: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    provider = configured()
    emulated.configure(release_window_seconds=0.5)
    id_, outs = create(provider)

    provider.delete(id_, outs)
    create(provider, message_types=["PROMOTIONAL"])

    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(
        "sms-sender-id: waiting for AWS to finish releasing sender ID ACME (GB) in eu-west-2 before requesting it "
        "again (its message types changed; up to "
    )


class LaggingDescribe:
    """`sender_ids.find` as a Describe that has not caught up with a lease yet, `misses` times."""

    def __init__(self, real: Any, misses: range) -> None:
        self.real, self.misses, self.calls = real, misses, 0

    def __call__(self, target: Any) -> Any:
        self.calls += 1
        return None if self.calls in self.misses else self.real(target)


@pytest.fixture
def lagging(monkeypatch: pytest.MonkeyPatch) -> Any:
    from pulumi_sms_sender_id.sender_id import leasing, sender_ids

    monkeypatch.setattr(leasing, "DESCRIBE_LAG_SECONDS", 0.01)

    def install(misses: range) -> LaggingDescribe:
        fake = LaggingDescribe(sender_ids.find, misses)
        monkeypatch.setattr(sender_ids, "find", fake)
        return fake

    return install


def test_a_describe_lagging_behind_a_users_token_lease_does_not_request_twice(emulated: Any, lagging: Any) -> None:
    lagging(range(2, 4))  # call 1: create's own check; calls 2-3: the lease is not listed yet

    id_, _ = create(configured(), client_token="release-2026-11")

    assert id_.endswith("/ACME/GB")
    assert emulated.call_counts()["RequestSenderId"] == 1


def test_already_exists_after_an_unseen_lease_of_ours_is_ours_not_someone_elses(emulated: Any, lagging: Any) -> None:
    lagging(range(2, 5))  # longer than the provider's patience: it asks again, and hears "already exists"

    id_, outs = create(configured(), client_token="release-2026-11")

    assert id_.endswith("/ACME/GB") and outs["tags"] == {"team": "growth"}
    assert emulated.call_counts()["RequestSenderId"] == 2


def test_a_lost_answer_and_a_lagging_describe_still_lease_once(emulated: Any, lagging: Any) -> None:
    emulated.inject_fault("RequestSenderId", "InternalServerException", after_commit=True)
    lagging(range(2, 3))  # the Describe right after the lost answer misses the lease

    id_, _ = create(configured())

    assert id_.endswith("/ACME/GB")
    assert emulated.call_counts()["RequestSenderId"] == 2


def test_refresh_keeps_a_sender_id_describe_holds_when_listing_its_tags_misses_it(
    emulated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pulumi_sms_sender_id.sender_id import sender_ids

    provider = configured()
    id_, outs = create(provider)
    monkeypatch.setattr(sender_ids, "list_tags", lambda target, arn: None)

    result = provider.read(id_, outs)

    assert result.id == id_
    assert result.outs is not None and result.outs["tags"] == {"team": "growth"}  # the last known tags


def test_an_operation_idempotent_by_token_is_refused_without_one_before_any_call(emulated: Any) -> None:
    connection = calls.Connection(REGION)

    with pytest.raises(ValueError, match="explicit ClientToken"):
        calls.call(connection, "CreateRegistration", {"RegistrationType": "IN_SENDER_ID_REGISTRATION"})

    assert emulated.call_counts() == {}


def test_an_operation_that_must_not_run_twice_is_refused_without_a_confirm_step(emulated: Any) -> None:
    with pytest.raises(ValueError, match="confirm step"):
        calls.call(calls.Connection(REGION), "SubmitRegistrationVersion", {"RegistrationId": "registration-1"})

    assert emulated.call_counts() == {}


def test_an_operation_outside_the_table_is_a_bug_not_a_call(emulated: Any) -> None:
    with pytest.raises(ValueError, match=r"aws/operations\.py"):
        calls.call(calls.Connection(REGION), "DeleteOptedOutNumber", {})
