"""The registered-sender-id example through a whole review under the real engine: submitted by `up`, a form
change refused while AWS reviews, approved by the emulator's reviewer, seen by `refresh`, the sender ID taken
over by the next `up` with no lease, and all of it removed by `destroy`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.conftest import OpenStack
from tests.cli.support import Cli, copy_project, needs_cli
from tests.support import EXAMPLES

pytestmark = needs_cli()

REGION = "ap-south-1"  # India registers in ap-south-1 and ap-south-2
MUTATING = ("CreateRegistration", "PutRegistrationFieldValue", "SubmitRegistrationVersion", "RequestSenderId")


def _registration(cli: Cli) -> dict[str, Any]:
    (state,) = [r for r in cli.exported()["deployment"]["resources"] if r["type"].endswith(":Registration")]
    outputs: dict[str, Any] = state["outputs"]
    return outputs


def test_a_registration_goes_from_submission_through_review_and_approval_to_its_sender_id(
    open_stack: OpenStack, tmp_path: Path, emulator: Any
) -> None:
    emulator.control.configure(attachment_upload_seconds=0.1, registration_provisioning_seconds=0)
    aws = emulator.client(region_name=REGION)
    cli = open_stack(copy_project(EXAMPLES / "registered-sender-id", tmp_path / "project"), {"aws:region": REGION})

    submitted = cli.up(check=False)
    assert submitted.returncode != 0  # the sender ID cannot exist before approval, and says so
    assert "is not provisioned yet: its registration" in cli.output_of(submitted)
    registration_id = _registration(cli)["registration_id"]
    assert _registration(cli)["registration_status"] == "SUBMITTED"
    assert aws.describe_sender_ids()["SenderIds"] == []

    # The saved state says AWS is reviewing it: preview refuses a form change without asking AWS anything.
    cli.config({"senderId": "ACMEXY"})
    emulator.control.reset_call_counts()
    refused = cli.on_stack("preview", check=False)
    assert refused.returncode != 0
    assert f"AWS is reviewing registration {registration_id}" in cli.output_of(refused)
    assert emulator.control.call_counts() == {}
    emulator.control.start_registration_review(registration_id)
    refused = cli.on_stack("preview", "--refresh", check=False)  # and so does AWS, once asked
    assert "is REVIEWING" in cli.output_of(refused)
    assert not set(MUTATING) & set(emulator.control.call_counts())
    cli.config({"senderId": "ACMEIN"})

    emulator.control.approve_registration(registration_id)
    cli.on_stack("refresh", "--yes", "--skip-preview")
    assert _registration(cli)["registration_status"] == "COMPLETE"
    emulator.control.reset_call_counts()
    cli.up()
    assert "RequestSenderId" not in emulator.control.call_counts()
    (held,) = aws.describe_sender_ids()["SenderIds"]
    assert (held["SenderId"], held["Registered"], held["RegistrationId"]) == ("ACMEIN", True, registration_id)
    assert cli.outputs()["sender_id_arn"] == held["SenderIdArn"]
    cli.on_stack("preview", "--expect-no-changes")

    cli.on_stack("destroy", "--yes", "--skip-preview")
    assert aws.describe_sender_ids()["SenderIds"] == []
    assert [r["RegistrationStatus"] for r in aws.describe_registrations()["Registrations"]] in ([], ["DELETED"])
