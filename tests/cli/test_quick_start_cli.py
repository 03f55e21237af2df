"""`pulumi preview`, `up`, `refresh` and `destroy` of the quick-start program with the real CLI and engine.

The provider runs in the engine's own provider process and reaches the emulator server through
AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2; assertions look at both Pulumi's view (outputs, saved state,
plans) and the emulator's (what "AWS" holds, which API calls were made).
"""

from __future__ import annotations

import re
from typing import Any

from tests.cli.support import STACK, Cli, needs_cli
from tests.support import PROVIDER_KEY, REGION, held

pytestmark = needs_cli()

ARN = f"arn:aws:sms-voice:{REGION}:123456789012:sender-id/ACME/GB"
PROGRAM_TAGS = {"project": "pulumi-sms-sender-id", "stack": STACK, "managed-by": "pulumi"}


def _held_arns(aws: Any) -> list[str]:
    """The ARNs AWS holds now."""
    return [record["SenderIdArn"] for record in held(aws).values()]


def _tags(aws: Any) -> dict[str, str]:
    return {t["Key"]: t["Value"] for t in aws.list_tags_for_resource(ResourceArn=ARN)["Tags"]}


def test_preview_plans_one_sender_id_and_leases_nothing(cli: Cli, emulator: Any, aws: Any) -> None:
    assert cli.preview_ops()["brand"] == "create"

    assert emulator.control.call_counts().get("RequestSenderId", 0) == 0
    assert _held_arns(aws) == []


def test_up_leases_it_once_exports_its_outputs_and_a_second_preview_is_quiet(cli: Cli, emulator: Any, aws: Any) -> None:
    cli.up()

    outputs = cli.outputs()
    assert outputs["sender_id_arn"] == ARN
    assert re.fullmatch(r"\d+\.\d{2}", outputs["monthly_leasing_price"])
    assert outputs["registered"] is False
    assert outputs["tags"] == PROGRAM_TAGS
    assert _held_arns(aws) == [ARN]
    assert _tags(aws) == PROGRAM_TAGS
    assert emulator.control.call_counts()["RequestSenderId"] == 1
    (state,) = cli.sender_id_states()
    assert state["id"] == ARN
    # Same program, same AWS: no diff, no spurious update from pickling or normalisation.
    cli.on_stack("preview", "--expect-no-changes")


def test_refresh_records_a_tag_changed_outside_pulumi_and_up_puts_the_programs_back(cli: Cli, aws: Any) -> None:
    cli.up()
    aws.tag_resource(ResourceArn=ARN, Tags=[{"Key": "owner", "Value": "console"}])

    cli.on_stack("refresh", "--yes", "--skip-preview")

    (state,) = cli.sender_id_states()
    assert state["outputs"]["tags"] == {**PROGRAM_TAGS, "owner": "console"}
    assert cli.preview_ops()["brand"] == "update"
    cli.up()
    assert _tags(aws) == PROGRAM_TAGS
    cli.on_stack("preview", "--expect-no-changes")


def test_refresh_forgets_a_sender_id_released_outside_pulumi_and_up_leases_it_again(cli: Cli, aws: Any) -> None:
    cli.up()
    aws.release_sender_id(SenderId=ARN, IsoCountryCode="GB")

    cli.on_stack("refresh", "--yes", "--skip-preview")

    assert cli.sender_id_states() == []
    cli.up()
    assert _held_arns(aws) == [ARN]
    assert cli.outputs()["sender_id_arn"] == ARN


def test_destroy_releases_the_sender_id_and_empties_the_stack(cli: Cli, emulator: Any, aws: Any) -> None:
    cli.up()

    cli.on_stack("destroy", "--yes", "--skip-preview")

    assert _held_arns(aws) == []
    assert emulator.control.call_counts()["ReleaseSenderId"] == 1
    assert cli.sender_id_states() == []
    assert cli.outputs() == {}


def test_a_refresh_with_nothing_changed_outside_pulumi_leaves_state_and_preview_quiet(cli: Cli) -> None:
    cli.up()
    (before,) = cli.sender_id_states()

    cli.on_stack("refresh", "--yes", "--skip-preview", "--expect-no-changes")

    (after,) = cli.sender_id_states()
    # The engine saves the pickled provider as a secret (ciphertext), encrypted afresh on every write.
    assert "ciphertext" in after["outputs"][PROVIDER_KEY]
    assert _without_provider(after["outputs"]) == _without_provider(before["outputs"])
    cli.on_stack("preview", "--expect-no-changes")


def _without_provider(outputs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in outputs.items() if k != PROVIDER_KEY}
