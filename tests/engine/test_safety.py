"""Safety under real conditions, through the real provider process: nothing leased twice, nothing lost.

Faults come from the emulator's controls: throttling, answers lost after the change was made, the
release delay, and the ClientToken replay of the real service.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine.harness import UNKNOWN, CheckFailed, Engine, ProviderError, StartProvider
from tests.support import REGION, held

GB = {"sender_id": "ACME", "iso_country_code": "GB", "message_types": ["TRANSACTIONAL"], "tags": {"team": "growth"}}
PROTECTED = {**GB, "deletion_protection_enabled": True}


def requests(emulator: Any) -> int:
    return int(emulator.control.call_counts().get("RequestSenderId", 0))


# -- concurrency, retries, crashes (hardening) -----------------------------------------------


def test_many_sender_ids_at_once_under_throttling_lease_each_exactly_once(
    provider_process: Any, emulator: Any, aws: Any
) -> None:
    program = {
        f"brand-{i}": {**GB, "sender_id": f"BRAND{i:02}", "iso_country_code": cc}
        for i in range(12)
        for cc in ("GB", "DE")
    }
    program = {f"{name}-{spec['iso_country_code']}": spec for name, spec in program.items()}
    engine = Engine(provider_process, parallel=8)
    for operation in ("RequestSenderId", "DescribeSenderIds", "ListTagsForResource", "ReleaseSenderId"):
        emulator.control.inject_fault(operation, "ThrottlingException", count=6)

    engine.up(program)
    assert sorted(held(aws)) == sorted(f"{s['sender_id']}/{s['iso_country_code']}" for s in program.values())
    assert requests(emulator) == len(program) + 6  # every throttled attempt, then exactly one lease each

    assert not any(step.drift for step in engine.refresh().values())
    assert len(engine.state) == len(program)
    engine.destroy()
    assert sorted(held(aws)) == []


def test_lost_answer_to_a_request_does_not_lease_twice(engine: Engine, emulator: Any, aws: Any) -> None:
    emulator.control.inject_fault("RequestSenderId", "InternalServerException", after_commit=True)
    engine.up({"acme": GB})
    assert sorted(held(aws)) == ["ACME/GB"]
    assert requests(emulator) == 1
    assert engine.state["acme"].outputs["tags"] == {"team": "growth"}


def test_interrupted_up_is_recovered_in_one_step_with_adopt_existing(engine: Engine, emulator: Any, aws: Any) -> None:
    checked, _ = engine.provider.check("acme", {}, engine.declare(GB))
    engine.provider.create("acme", checked)  # AWS leased it, then `pulumi up` died before saving state

    with pytest.raises(ProviderError) as failed:
        engine.up({"acme": GB})
    assert "already exists" in failed.value.message
    assert "adopt_existing=True" in failed.value.message

    engine.up({"acme": {**GB, "adopt_existing": True}})
    assert sorted(held(aws)) == ["ACME/GB"]
    assert requests(emulator) == 1
    assert engine.state["acme"].id.endswith("/ACME/GB")


def test_wait_for_our_own_release_is_bounded_by_stack_config(
    start_provider: StartProvider, emulator: Any, aws: Any
) -> None:
    emulator.control.configure(release_window_seconds=60)
    engine = Engine(start_provider(**{"sms-sender-id:rerequestTimeoutSeconds": "2"}))
    engine.up({"acme": GB})
    with pytest.raises(ProviderError) as failed:
        engine.up({"acme": {**GB, "message_types": ["PROMOTIONAL"]}})
    assert "still had not finished the release after 2 seconds" in failed.value.message
    assert "sms-sender-id:rerequestTimeoutSeconds" in failed.value.message
    assert requests(emulator) >= 3, "the provider retried while it waited"


# -- money-safety guards ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "edit",
    [
        {"sender_id": "ACMEPAY"},
        {"iso_country_code": "DE"},
        {"message_types": ["PROMOTIONAL"]},
        {"region": "eu-west-1"},
    ],
    ids=["sender_id", "iso_country_code", "message_types", "region"],
)
def test_replacing_a_protected_sender_id_is_refused_in_preview(
    engine: Engine, emulator: Any, edit: dict[str, Any]
) -> None:
    engine.up({"acme": PROTECTED})
    emulator.control.reset_call_counts()
    (key,) = edit
    with pytest.raises(CheckFailed) as refused:
        engine.preview({"acme": {**PROTECTED, **edit}})
    assert list(refused.value.failures) == [key]
    assert "apply deletion_protection_enabled=False on its own" in refused.value.failures[key]
    with pytest.raises(CheckFailed):
        engine.up({"acme": {**PROTECTED, **edit}})
    assert sum(emulator.control.call_counts().values()) == 0, "nothing leased, nothing released"


def test_turning_protection_off_in_the_same_edit_as_a_replacement_is_refused(engine: Engine) -> None:
    engine.up({"acme": PROTECTED})
    with pytest.raises(CheckFailed) as refused:
        engine.preview({"acme": {**GB, "deletion_protection_enabled": False, "sender_id": "ACMEPAY"}})
    assert list(refused.value.failures) == ["sender_id"]


def test_unknown_values_in_preview_do_not_trigger_the_guard(engine: Engine) -> None:
    engine.up({"acme": PROTECTED})
    step = engine.preview({"acme": {**PROTECTED, "sender_id": UNKNOWN}})["acme"]
    assert step.op == "replace"


def test_protection_toggle_and_tag_edits_are_not_refused(engine: Engine, aws: Any) -> None:
    engine.up({"acme": PROTECTED})
    assert engine.up({"acme": {**PROTECTED, "tags": {"team": "sales"}}})["acme"].op == "update"
    assert engine.up({"acme": {**GB, "deletion_protection_enabled": False}})["acme"].op == "update"
    step = engine.up({"acme": {**GB, "deletion_protection_enabled": False, "sender_id": "ACMEPAY"}})["acme"]
    assert step.op == "replace"
    assert sorted(held(aws)) == ["ACMEPAY/GB"]


def test_replacing_a_registered_adopted_sender_id_is_refused_in_preview(
    engine: Engine, emulator: Any, aws: Any
) -> None:
    emulator.control.seed_sender_id("ACME", "IN", region=REGION, registered=True, registration_id="reg-7")
    india = {**GB, "iso_country_code": "IN", "adopt_existing": True}
    engine.up({"acme": india})
    with pytest.raises(ProviderError) as refused:
        engine.preview({"acme": {**india, "message_types": ["PROMOTIONAL"]}})
    assert "registered (reg-7)" in refused.value.message
    assert "ends the registration" in refused.value.message
    assert sorted(held(aws)) == ["ACME/IN"]


def test_replacing_a_sender_id_adopted_with_protection_is_refused_in_preview(engine: Engine, emulator: Any) -> None:
    emulator.control.seed_sender_id("ACME", "GB", region=REGION, deletion_protection_enabled=True)
    engine.up({"acme": {**GB, "adopt_existing": True}})  # protection left as AWS has it: enabled
    emulator.control.reset_call_counts()
    with pytest.raises(ProviderError) as refused:
        engine.up({"acme": {**GB, "adopt_existing": True, "sender_id": "ACMEPAY"}})
    assert "deletion protection is enabled" in refused.value.message
    assert requests(emulator) == 0


def test_destroy_then_up_with_the_same_client_token_leases_for_real(engine: Engine, emulator: Any, aws: Any) -> None:
    tokened = {"acme": {**GB, "client_token": "release-2026-11"}}
    engine.up(tokened)
    engine.destroy()
    assert sorted(held(aws)) == []
    engine.up(tokened)  # AWS replays the first success for the same token: the provider must not trust it
    assert sorted(held(aws)) == ["ACME/GB"]
    assert engine.state["acme"].id.endswith("/ACME/GB")


def test_replacement_keeping_the_users_client_token_succeeds(engine: Engine, aws: Any) -> None:
    engine.up({"acme": {**GB, "client_token": "brand-token"}})
    engine.up({"acme": {**GB, "client_token": "brand-token", "message_types": ["PROMOTIONAL"]}})
    assert sorted(held(aws)) == ["ACME/GB"]
    assert aws.describe_sender_ids()["SenderIds"][0]["MessageTypes"] == ["Promotional"]


def test_two_resources_with_the_same_client_token_both_lease(engine: Engine, emulator: Any, aws: Any) -> None:
    engine.up(
        {
            "gb": {**GB, "client_token": "shared"},
            "de": {**GB, "iso_country_code": "DE", "client_token": "shared"},
        }
    )
    assert sorted(held(aws)) == ["ACME/DE", "ACME/GB"]
    assert requests(emulator) == 2


def test_rerequest_soon_after_destroy_in_another_process_says_wait(
    engine: Engine, start_provider: StartProvider, emulator: Any
) -> None:
    emulator.control.configure(release_window_seconds=120)
    engine.up({"acme": GB})
    engine.destroy()
    emulator.control.reset_call_counts()

    later = Engine(start_provider())  # a separate `pulumi up`, minutes later
    with pytest.raises(ProviderError) as failed:
        later.up({"acme": GB})
    assert "was released from this machine about 1 minute ago" in failed.value.message
    assert "Wait a few minutes and run `pulumi up` again" in failed.value.message
    assert "requires" not in failed.value.message.split("[")[0]
    assert requests(emulator) == 1
