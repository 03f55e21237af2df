"""Secrets and saved state under the real engine: secret tags stay ciphertext in the state and reach AWS;
nothing about the machine or its credentials (access key, profile name, endpoint URL) is saved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.conftest import OpenStack
from tests.cli.support import needs_cli, program_project
from tests.support import held

pytestmark = needs_cli()

ACCESS_KEY = "AKIAE2ESTATECHECK0001"
PROFILE = "e2e-state-check-profile"
SECRET = "cc-4242-secret-value"
PROGRAM = f"""
import pulumi
from pulumi_sms_sender_id import SenderId, SenderIdArgs

brand = SenderId("brand", SenderIdArgs(
    sender_id="ACME",
    iso_country_code="GB",
    tags={{"team": "growth", "cost-centre": pulumi.Output.secret("{SECRET}")}},
))
pulumi.export("tags", brand.tags)
"""


def test_secret_tags_stay_encrypted_in_the_state_reach_aws_and_the_state_holds_no_machine_facts(
    open_stack: OpenStack, tmp_path: Path, emulator: Any, aws: Any
) -> None:
    credentials = tmp_path / "credentials"
    credentials.write_text(f"[{PROFILE}]\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = s3cr3t\n")
    cli = open_stack(program_project(PROGRAM, tmp_path / "project"))
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        cli.env.pop(name, None)
    # The machine's credentials, as a pipeline has them. (Stack config such as `aws:profile` is another matter:
    # the engine copies the stack's whole config into the default pulumi-python provider's saved inputs.)
    cli.env.update({"AWS_PROFILE": PROFILE, "AWS_SHARED_CREDENTIALS_FILE": str(credentials)})

    cli.up()

    exported = json.dumps(cli.exported())
    assert SECRET not in exported
    (state,) = cli.sender_id_states()
    for side in ("inputs", "outputs"):
        assert "ciphertext" in json.dumps(state[side]["tags"]), f"{side}.tags is not a secret in the state"
    assert held(aws)["ACME/GB"]
    tags = {t["Key"]: t["Value"] for t in aws.list_tags_for_resource(ResourceArn=state["id"])["Tags"]}
    assert tags == {"team": "growth", "cost-centre": SECRET}
    for machine_fact in (ACCESS_KEY, "s3cr3t", PROFILE, emulator.endpoint_url, str(credentials)):
        assert machine_fact not in exported
