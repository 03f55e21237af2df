"""The registration controls in their three forms: in process, in EmulatorControl, and as raw HTTP routes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from pulumi_sms_sender_id.emulator import CONTROL_PATH_PREFIX, REGISTRATION_DEFINITIONS_ENV_VAR
from pulumi_sms_sender_id.emulator.testing import ClientAndControl, EmulatorServer

from .support import CAPTURED, GB_TYPE, NO_RETRIES, PDF, RULES_TYPE, captured, filled, status, submitted

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _post(server: EmulatorServer, route: str, body: Any) -> tuple[int, Any]:
    request = urllib.request.Request(
        f"{server.endpoint_url}{CONTROL_PATH_PREFIX}{route}", data=json.dumps(body).encode(), method="POST"
    )
    try:
        with NO_PROXY.open(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_reviewer_finds_a_registration_in_any_account_and_region(sms_voice_emulated: ClientAndControl) -> None:
    control = sms_voice_emulated.control
    client = sms_voice_emulated.new_client(region_name="ap-south-1", account_id="111122223333")
    control.configure(registration_provisioning_seconds=0)
    registration_id = submitted(client)
    approved = control.approve_registration(registration_id)
    assert approved["RegistrationArn"].startswith("arn:aws:sms-voice:ap-south-1:111122223333:registration/")
    assert approved["CreatedTimestamp"].endswith("+00:00")  # ISO 8601, the same in process and over HTTP
    assert status(client, registration_id) == "COMPLETE"


@pytest.mark.parametrize(
    ("action", "kwargs", "message"),
    [
        ("approve_registration", {"registration_id": "registration-nope"}, "no registration"),
        ("start_registration_review", {"registration_id": ""}, "registration_id must be"),
        ("deny_registration", {"reasons": [{"Reason": "X"}]}, "Reason and ShortDescription"),
        ("deny_registration", {"reasons": "X"}, "list of DeniedReasons"),
        ("deny_registration", {"field_feedback": {"nope.nope": "x"}}, "does not have: .'nope.nope'."),
        ("deny_registration", {"field_feedback": {"companyAddress.city": {"Why": "x"}}}, "DeniedReason"),
    ],
)
def test_reviewer_controls_refuse_bad_arguments(
    sms_voice_emulated: ClientAndControl, action: str, kwargs: dict[str, Any], message: str
) -> None:
    registration_id = submitted(sms_voice_emulated.client)
    with pytest.raises(ValueError, match=message):
        getattr(sms_voice_emulated.control, action)(**{"registration_id": registration_id, **kwargs})


def test_only_a_submitted_version_can_be_reviewed(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    draft = filled(client, form={})
    for review in (control.approve_registration, control.deny_registration, control.start_registration_review):
        with pytest.raises(ValueError, match="is not under review: version 1 is DRAFT"):
            review(draft)


def test_auto_approval_refuses_a_negative_delay(sms_voice_emulated: ClientAndControl) -> None:
    with pytest.raises(ValueError, match="after_seconds must be between 0 and"):
        sms_voice_emulated.control.auto_approve_registrations(-1)


def test_registration_knobs_refuse_bad_values(sms_voice_emulated: ClientAndControl) -> None:
    control = sms_voice_emulated.control
    with pytest.raises(ValueError, match="attachment_upload_seconds"):
        control.configure(attachment_upload_seconds=-0.5)
    with pytest.raises(ValueError, match="unknown quotas"):
        control.configure(registration_quotas={"SENDER_IDS_PER_ACCOUNT": 3})
    with pytest.raises(ValueError, match="denied_version_editable must be true or false"):
        control.configure(denied_version_editable="yes")  # type: ignore[arg-type]


def test_the_http_routes_answer_unsigned_json(emulator: EmulatorServer) -> None:
    client = emulator.client(config=NO_RETRIES)
    emulator.control.configure(registration_provisioning_seconds=0)
    types, fields = captured()
    loaded = _post(emulator, "registration-definitions", {"type_definitions": types, "field_definitions": fields})
    assert loaded == (200, {"registration_types": sorted([GB_TYPE, "ID_SENDER_ID_REGISTRATION",
                                                          "IN_SENDER_ID_REGISTRATION", RULES_TYPE])})  # fmt: skip
    reviewed, denied = submitted(client), submitted(client)
    assert _post(emulator, "registrations/start-review", {"registration_id": reviewed})[1]["RegistrationStatus"] == (
        "REVIEWING"
    )
    assert _post(emulator, "registrations/approve", {"registration_id": reviewed})[1]["RegistrationStatus"] == (
        "COMPLETE"
    )
    deny = {"registration_id": denied, "field_feedback": {"companyAddress.city": "Unknown city"}, "feedback": "Fix"}
    assert _post(emulator, "registrations/deny", deny)[1]["RegistrationStatus"] == "REQUIRES_UPDATES"
    status_, config = _post(emulator, "registrations/auto-approve", {"after_seconds": 5})
    assert (status_, config["auto_approve_registrations_after_seconds"]) == (200, 5.0)


@pytest.mark.parametrize(
    ("route", "body", "message"),
    [
        ("registrations/approve", {}, "registration_id is required"),
        ("registrations/approve", {"registration_id": "r", "reasons": []}, "unexpected keys ['reasons']"),
        ("registrations/deny", {"registration_id": "r", "why": "x"}, "unexpected keys ['why']"),
        ("registrations/auto-approve", {"seconds": 5}, "after_seconds"),
        ("registration-definitions", {"type_definitions": {}}, "field_definitions are required"),
        ("config", {"registration_quotas": {"REGISTRATIONS_PER_ACCOUNT": -1}}, "non-negative integer"),
    ],
)
def test_the_http_routes_refuse_bad_bodies(emulator: EmulatorServer, route: str, body: Any, message: str) -> None:
    answer_status, answer = _post(emulator, route, body)
    assert answer_status == 400
    assert message in answer["error"]


def test_the_server_loads_captured_definitions_from_a_flag_or_the_environment(tmp_path: Path) -> None:
    with EmulatorServer("--registration-definitions", str(CAPTURED), "--auto-approve-registrations", "0") as server:
        assert server.control.current_config()["registration_types"][RULES_TYPE] == "loaded"
        server.control.reset()  # the flags are the defaults a reset restores
        config = server.control.current_config()
        assert (config["registration_types"][RULES_TYPE], config["auto_approve_registrations_after_seconds"]) == (
            "loaded",
            0.0,
        )
    env = {**os.environ, REGISTRATION_DEFINITIONS_ENV_VAR: str(CAPTURED)}
    probe = "from pulumi_sms_sender_id.emulator import controls; print(controls.current_config()['registration_types'])"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert f"'{RULES_TYPE}': 'loaded'" in result.stdout, result.stderr


def test_the_server_refuses_definitions_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text('{"Hello": "world"}')
    result = subprocess.run(
        [sys.executable, "-m", "pulumi_sms_sender_id.emulator", "--registration-definitions", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "holds no AWS CLI output of describe-registration-*-definitions" in result.stderr


def test_reset_forgets_registrations_and_attachments_and_restores_their_configuration(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client, control = sms_voice_emulated
    control.load_registration_definitions(*captured())
    control.auto_approve_registrations(30)
    control.configure(attachment_upload_seconds=0, registration_quotas={"REGISTRATIONS_PER_ACCOUNT": 7})
    client.create_registration(RegistrationType=GB_TYPE, ClientToken="kept")
    client.create_registration_attachment(AttachmentBody=PDF)

    control.reset()

    assert client.describe_registrations()["Registrations"] == []
    assert client.describe_registration_attachments()["RegistrationAttachments"] == []
    config = control.current_config()
    assert RULES_TYPE not in config["registration_types"]
    assert config["auto_approve_registrations_after_seconds"] is None
    assert (config["attachment_upload_seconds"], config["registration_quotas"]["REGISTRATIONS_PER_ACCOUNT"]) == (1, 100)
    again = client.create_registration(RegistrationType="IN_SENDER_ID_REGISTRATION", ClientToken="kept")
    assert again["RegistrationType"] == "IN_SENDER_ID_REGISTRATION"  # the token cache is gone too
