"""The protected example on a `prod` stack: `pulumi destroy` stops at each guard, says what to do, releases nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.conftest import OpenStack
from tests.cli.support import copy_project, needs_cli
from tests.support import EXAMPLES, held

pytestmark = needs_cli()


def test_destroying_a_protected_sender_id_fails_at_each_guard_with_the_next_step_and_releases_nothing(
    open_stack: OpenStack, tmp_path: Path, emulator: Any, aws: Any
) -> None:
    cli = open_stack(copy_project(EXAMPLES / "protected", tmp_path / "protected"), stack="prod")
    cli.up()
    assert held(aws)["ACME/GB"]["DeletionProtectionEnabled"] is True

    # Pulumi's own guard, `protect=True`: the engine refuses before the provider is asked.
    refused = cli.on_stack("destroy", "--yes", "--skip-preview", check=False)
    assert refused.returncode != 0
    assert "protected" in cli.output_of(refused) and "pulumi state unprotect" in cli.output_of(refused)

    # AWS's guard, deletion protection: the provider's message says why and what to do next.
    cli.on_stack("state", "unprotect", "--all", "--yes")
    refused = cli.on_stack("destroy", "--yes", "--skip-preview", check=False)
    assert refused.returncode != 0
    shown = cli.output_of(refused)
    assert "has deletion protection enabled, so nothing was released" in shown
    assert "first set deletion_protection_enabled=False and run `pulumi up`" in shown
    assert list(held(aws)) == ["ACME/GB"] and len(cli.sender_id_states()) == 1

    # The documented way to retire it works.
    cli.config({"protect": "false"})
    cli.up()
    cli.on_stack("destroy", "--yes", "--skip-preview")
    assert held(aws) == {}
