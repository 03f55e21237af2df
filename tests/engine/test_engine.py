"""Engine-protocol scenarios: the real provider process, driven over gRPC as `pulumi` drives it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.engine.harness import UNKNOWN, CheckFailed, Engine, ProviderError
from tests.support import PROVIDER_KEY, REGION, held

GB = {"sender_id": "ACME", "iso_country_code": "GB", "message_types": ["TRANSACTIONAL"], "tags": {"team": "growth"}}
PROGRAM = {
    "acme-gb": GB,
    "acme-de": {**GB, "iso_country_code": "DE"},
    "news-gb": {**GB, "sender_id": "NEWS", "message_types": ["PROMOTIONAL"]},
}
# Every output with a value (the engine drops None: client_token, adopt_existing, registration_id here).
OUTPUT_KEYS = {
    "sender_id",
    "iso_country_code",
    "message_types",
    "deletion_protection_enabled",
    "tags",
    "region",
    "sender_id_arn",
    "monthly_leasing_price",
    "registered",
    PROVIDER_KEY,
}


def message_types(aws: Any) -> dict[str, list[str]]:
    """What AWS holds now: "SENDERID/CC" -> its message types."""
    return {key: record["MessageTypes"] for key, record in held(aws).items()}


def ops(steps: dict[str, Any]) -> dict[str, str]:
    return {name: step.op for name, step in steps.items()}


def test_first_deploy_of_three_sender_ids_in_two_countries(engine: Engine, emulator: Any, aws: Any) -> None:
    assert ops(engine.preview(PROGRAM)) == dict.fromkeys(PROGRAM, "create")
    assert sum(emulator.control.call_counts().values()) == 0, "preview must not call AWS"

    assert ops(engine.up(PROGRAM)) == dict.fromkeys(PROGRAM, "create")
    assert set(held(aws)) == {"ACME/GB", "ACME/DE", "NEWS/GB"}
    for resource in engine.state.values():
        assert set(resource.outputs) == OUTPUT_KEYS
        assert resource.id == resource.outputs["sender_id_arn"]

    emulator.control.reset_call_counts()
    assert ops(engine.preview(PROGRAM)) == dict.fromkeys(PROGRAM, "same")
    assert sum(emulator.control.call_counts().values()) == 0


def test_tag_edit_updates_in_place_and_keeps_every_output(engine: Engine, aws: Any) -> None:
    engine.up({"acme-gb": GB})
    before = engine.state["acme-gb"].outputs
    edited = {"acme-gb": {**GB, "tags": {"team": "sales", "env": "prod"}}}
    assert ops(engine.preview(edited)) == {"acme-gb": "update"}
    engine.up(edited)
    after = engine.state["acme-gb"].outputs
    assert set(after) == OUTPUT_KEYS
    assert after["tags"] == {"team": "sales", "env": "prod"}
    assert {k: v for k, v in after.items() if k != "tags"} == {k: v for k, v in before.items() if k != "tags"}
    arn = after["sender_id_arn"]
    assert {t["Key"]: t["Value"] for t in aws.list_tags_for_resource(ResourceArn=arn)["Tags"]} == after["tags"]
    assert ops(engine.preview(edited)) == {"acme-gb": "same"}


def test_deletion_protection_blocks_destroy_until_it_is_turned_off(engine: Engine, aws: Any) -> None:
    engine.up({"acme-gb": {**GB, "deletion_protection_enabled": True}})
    with pytest.raises(ProviderError) as refused:
        engine.destroy()
    assert "deletion protection" in refused.value.message
    assert "deletion_protection_enabled=False" in refused.value.message
    assert set(held(aws)) == {"ACME/GB"}

    assert ops(engine.up({"acme-gb": {**GB, "deletion_protection_enabled": False}})) == {"acme-gb": "update"}
    engine.destroy()
    assert held(aws) == {}


def test_message_type_change_releases_then_requests_the_same_sender_id(engine: Engine, aws: Any) -> None:
    engine.up({"acme-gb": GB})
    arn = engine.state["acme-gb"].id
    both = {"acme-gb": {**GB, "message_types": ["TRANSACTIONAL", "PROMOTIONAL"]}}
    planned = engine.preview(both)["acme-gb"]
    assert (planned.op, planned.replaces, planned.delete_before_replace) == ("replace", ["message_types"], True)

    engine.up(both)  # the emulator's release window makes the provider wait out the release
    assert message_types(aws) == {"ACME/GB": ["Promotional", "Transactional"]}
    assert engine.state["acme-gb"].id == arn
    assert engine.state["acme-gb"].outputs["message_types"] == ["PROMOTIONAL", "TRANSACTIONAL"]


def test_renaming_the_sender_id_creates_the_new_one_before_releasing_the_old(
    engine: Engine, emulator: Any, aws: Any
) -> None:
    engine.up({"brand": GB})
    renamed = {"brand": {**GB, "sender_id": "ACMEPAY"}}
    planned = engine.preview(renamed)["brand"]
    assert (planned.op, planned.replaces, planned.delete_before_replace) == ("replace", ["sender_id"], False)
    engine.up(renamed)
    assert set(held(aws)) == {"ACMEPAY/GB"}
    assert engine.state["brand"].id.endswith("/ACMEPAY/GB")


def test_refresh_sees_an_out_of_band_tag_change_and_up_restores_it(engine: Engine, aws: Any) -> None:
    engine.up({"acme-gb": GB})
    arn = engine.state["acme-gb"].id
    aws.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "hijacked"}])

    assert engine.refresh()["acme-gb"].drift is True
    assert engine.state["acme-gb"].outputs["tags"] == {"team": "hijacked"}
    assert ops(engine.preview({"acme-gb": GB})) == {"acme-gb": "update"}
    engine.up({"acme-gb": GB})
    assert aws.list_tags_for_resource(ResourceArn=arn)["Tags"] == [{"Key": "team", "Value": "growth"}]
    assert engine.refresh()["acme-gb"].drift is False


def test_refresh_forgets_a_sender_id_released_out_of_band(engine: Engine, aws: Any) -> None:
    engine.up({"acme-gb": GB})
    aws.release_sender_id(SenderId="ACME", IsoCountryCode="GB")
    assert ops(engine.refresh()) == {"acme-gb": "delete"}
    assert engine.state == {}


def test_preview_with_a_sender_id_not_known_yet(engine: Engine, emulator: Any) -> None:
    unknown_name = {"later": {**GB, "sender_id": UNKNOWN, "tags": {"team": UNKNOWN}}}
    assert ops(engine.preview(unknown_name)) == {"later": "create"}

    engine.up({"later": GB})
    planned = engine.preview(unknown_name)["later"]
    assert (planned.op, planned.replaces, planned.delete_before_replace) == ("replace", ["sender_id"], False)
    assert sum(emulator.control.call_counts().get(op, 0) for op in ("RequestSenderId", "ReleaseSenderId")) == 1


def test_bad_input_fails_check_naming_each_property(engine: Engine, emulator: Any) -> None:
    with pytest.raises(CheckFailed) as failed:
        engine.preview({"bad": {"sender_id": "-X", "iso_country_code": "US", "tags": {"aws:x": "y"}}})
    assert set(failed.value.failures) == {"sender_id", "iso_country_code", "tags"}
    assert sum(emulator.control.call_counts().values()) == 0


def test_provider_error_reaches_the_engine_as_a_readable_message(engine: Engine) -> None:
    with pytest.raises(ProviderError) as failed:
        engine.up({"acme-in": {**GB, "iso_country_code": "IN"}})
    assert failed.value.message.startswith(
        "pulumi_sms_sender_id.sender_id.errors.SenderIdError: AWS requires sender ID ACME (IN)"
    )
    assert "adopt_existing=True" in failed.value.message
    assert "SENDER_ID_REQUIRES_REGISTRATION" in failed.value.message


def test_get_reads_a_sender_id_from_its_id_alone(engine: Engine, emulator: Any) -> None:
    seeded = emulator.control.seed_sender_id("ACME", "IN", region=REGION, registered=True, registration_id="r-1")
    outputs = engine.get("existing", seeded["SenderIdArn"])
    assert outputs["sender_id_arn"] == seeded["SenderIdArn"]
    assert (outputs["registered"], outputs["registration_id"]) == (True, "r-1")
