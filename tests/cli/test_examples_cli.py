"""Every example program under the real CLI: preview makes no AWS call, up, a quiet second preview, destroy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import OpenStack
from tests.cli.support import copy_project, needs_cli
from tests.support import EXAMPLES, held

pytestmark = needs_cli()

FIVE_COUNTRIES = ["GB", "DE", "FR", "BR", "ES"]
#: Stack config each example runs with (the multi-country one with five countries).
CONFIG: dict[str, dict[str, str]] = {
    "multi-country": {f"countries[{i}]": code for i, code in enumerate(FIVE_COUNTRIES)},
}
EXAMPLE_PROJECTS = sorted(path.parent.name for path in EXAMPLES.glob("*/Pulumi.yaml"))
#: Examples that register their sender ID: the emulator's reviewer approves at once, and the sender ID is
#: provisioned at once, so one `pulumi up` gets it.
REGISTERING = {"registered-sender-id"}


@pytest.mark.parametrize("example", EXAMPLE_PROJECTS)
def test_example_previews_without_aws_calls_then_ups_stays_quiet_and_destroys(
    example: str, tmp_path: Path, open_stack: OpenStack, emulator: Any, aws: Any
) -> None:
    cli = open_stack(copy_project(EXAMPLES / example, tmp_path / example), CONFIG.get(example))
    if example in REGISTERING:
        emulator.control.configure(attachment_upload_seconds=0.1, registration_provisioning_seconds=0)
        emulator.control.auto_approve_registrations(0)
    emulator.control.reset_call_counts()

    cli.on_stack("preview")
    assert emulator.control.call_counts() == {}, "a preview of new resources calls AWS"

    cli.up()
    created = cli.sender_id_states()
    assert created and sorted(s["id"] for s in created) == sorted(r["SenderIdArn"] for r in held(aws).values())
    if example == "multi-country":
        assert sorted(s["outputs"]["iso_country_code"] for s in created) == sorted(FIVE_COUNTRIES)
    cli.on_stack("preview", "--expect-no-changes")

    cli.on_stack("destroy", "--yes", "--skip-preview")
    assert held(aws) == {}
    assert cli.sender_id_states() == []
