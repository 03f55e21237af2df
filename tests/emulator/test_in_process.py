"""register() and the in-process mode: how the emulator plugs into moto's mock_aws()."""

from __future__ import annotations

import subprocess
import sys

import pytest
from moto import mock_aws

from pulumi_sms_sender_id import emulator
from pulumi_sms_sender_id.emulator import controls, state
from pulumi_sms_sender_id.emulator.testing import make_client

from .support import code, error_of


def test_importing_the_emulator_package_does_not_import_moto() -> None:
    probe = "import sys, pulumi_sms_sender_id.emulator; print('moto' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_register_is_idempotent_and_claims_the_sms_voice_host_first() -> None:
    import moto.backend_index
    import moto.backends

    emulator.register()
    patterns = moto.backend_index.backend_url_patterns
    emulator.register()
    assert moto.backend_index.backend_url_patterns is patterns  # mutated in place, never rebound
    keys = [key for key, _ in patterns]
    assert keys.count(emulator.MOTO_SERVICE_KEY) == 1
    assert keys[0] == emulator.MOTO_SERVICE_KEY
    assert patterns[0][1].match("https://sms-voice.eu-west-1.amazonaws.com/")
    from pulumi_sms_sender_id.emulator.models import pinpointsmsvoicev2_backends

    assert moto.backends.get_backend(emulator.MOTO_SERVICE_KEY) is pinpointsmsvoicev2_backends  # type: ignore[call-overload]


def test_mock_aws_serves_the_api_after_register(sms_voice_client: object) -> None:
    answer = sms_voice_client.request_sender_id(SenderId="MyBrand", IsoCountryCode="GB")  # type: ignore[attr-defined]
    assert answer["SenderIdArn"] == "arn:aws:sms-voice:us-east-1:123456789012:sender-id/MYBRAND/GB"


def test_each_mock_aws_starts_without_sender_ids() -> None:
    emulator.register()
    with mock_aws():
        make_client().request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    with mock_aws():
        assert make_client().describe_sender_ids()["SenderIds"] == []


def test_reset_leaves_other_moto_services_alone(sms_voice_client: object) -> None:
    import boto3

    sqs = boto3.client("sqs", region_name="us-east-1")
    sqs.create_queue(QueueName="kept")
    sms_voice_client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")  # type: ignore[attr-defined]
    emulator.reset()
    assert sms_voice_client.describe_sender_ids()["SenderIds"] == []  # type: ignore[attr-defined]
    assert [url.rsplit("/", 1)[1] for url in sqs.list_queues()["QueueUrls"]] == ["kept"]


def test_module_level_controls_drive_the_in_process_emulator(sms_voice_client: object) -> None:
    emulator.inject_fault("DescribeSenderIds", "InternalServerException", count=5)
    emulator.reset()  # faults are gone again
    assert sms_voice_client.describe_sender_ids()["SenderIds"] == []  # type: ignore[attr-defined]
    assert emulator.call_counts() == {"DescribeSenderIds": 1}
    record = emulator.seed_sender_id("Bank", "IN", registered=True)
    assert record["Registered"] is True


def test_release_window_default_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(emulator.RELEASE_WINDOW_ENV_VAR, "0.25")
    emulator.reset()
    assert emulator.current_config()["release_window_seconds"] == 0.25
    monkeypatch.setenv(emulator.RELEASE_WINDOW_ENV_VAR, "soon")
    emulator.reset()
    with pytest.raises(ValueError, match=emulator.RELEASE_WINDOW_ENV_VAR):
        emulator.current_config()
    monkeypatch.delenv(emulator.RELEASE_WINDOW_ENV_VAR)
    emulator.reset()
    assert emulator.current_config() == {
        "release_window_seconds": 2.0,
        "registration_only_countries": sorted(emulator.DEFAULT_REGISTRATION_ONLY_COUNTRIES),
        "unsupported_countries": ["CA", "CN", "US"],
        "sender_id_quota": 1000,
        "request_quotas": {},
        "latency_seconds": 0.0,
        "attachment_upload_seconds": 1.0,
        "registration_provisioning_seconds": 1.0,
        "auto_approve_registrations_after_seconds": None,
        "registration_quotas": dict(sorted(emulator.DEFAULT_REGISTRATION_QUOTAS.items())),
        "new_version_copies_values": True,
        "denied_version_editable": False,
        "registration_types": dict.fromkeys(
            ["GB_SENDER_ID_REGISTRATION", "ID_SENDER_ID_REGISTRATION", "IN_SENDER_ID_REGISTRATION"], "built-in"
        ),
    }


def test_configure_keeps_unspecified_values(sms_voice_client: object) -> None:
    emulator.configure(sender_id_quota=3)
    emulator.configure(release_window_seconds=1)
    assert emulator.current_config()["sender_id_quota"] == 3
    assert emulator.current_config()["release_window_seconds"] == 1.0


def test_seed_rejects_a_region_without_the_service() -> None:
    with pytest.raises(ValueError, match="region"):
        emulator.seed_sender_id("Brand", "GB", region="mars-north-1")


def test_controls_refuse_keywords_they_do_not_document() -> None:
    with pytest.raises(TypeError, match="colour"):
        emulator.configure(colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="owner"):
        emulator.seed_sender_id("ACME", "GB", owner="me")  # type: ignore[call-arg]
    assert emulator.current_config()["sender_id_quota"] == 1000


def test_configure_as_default_is_what_reset_restores() -> None:
    try:
        controls.configure(sender_id_quota=7, as_default=True)
        emulator.configure(sender_id_quota=9)
        emulator.reset()
        assert emulator.current_config()["sender_id_quota"] == 7
    finally:
        state.STATE.baseline = None
        emulator.reset()
    assert emulator.current_config()["sender_id_quota"] == 1000


def test_a_target_naming_no_operation_answers_unknown_operation_and_is_not_counted(sms_voice_client: object) -> None:
    # An operation name the model does not know gets AWS's front-end error, as JSON botocore parses.
    client = sms_voice_client

    def rename(request: object, **_: object) -> None:
        request.headers["X-Amz-Target"] = "PinpointSMSVoiceV2.DoSomethingElse"  # type: ignore[attr-defined]

    client.meta.events.register("before-sign.pinpoint-sms-voice-v2.DescribeSenderIds", rename)  # type: ignore[attr-defined]
    error = error_of(client.describe_sender_ids)  # type: ignore[attr-defined]
    assert code(error) == "UnknownOperationException"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert emulator.call_counts() == {}
