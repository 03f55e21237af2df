"""Adoption under the real engine: the program `adopt` writes takes the account over with no mutating call,
and the next `up` has nothing to do."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from tests.adoption.support import ACCOUNT, MUTATING, REGIONS, adopt_command, mutations, seed
from tests.cli.conftest import OpenStack
from tests.cli.support import needs_cli, program_project

pytestmark = needs_cli()


def test_the_adopted_program_takes_the_account_over_without_a_mutating_call_and_a_second_up_is_a_no_op(
    open_stack: OpenStack, tmp_path: Path, emulator: Any
) -> None:
    seed(emulator.control)
    project = program_project("", tmp_path / "adopted")  # our Pulumi.yaml (this venv); adopt keeps it
    (project / "__main__.py").unlink()
    regions = [arg for region in REGIONS for arg in ("--region", region)]
    adopted = subprocess.run(
        adopt_command(*regions, "--output", str(project / "__main__.py")),
        env={**os.environ, **emulator.env()},
        capture_output=True,
        text=True,
        check=False,
    )
    assert adopted.returncode == 0, adopted.stderr
    cli = open_stack(project)
    emulator.control.reset_call_counts()

    cli.up()

    assert mutations(emulator.control.call_counts()) == {}, f"no {', '.join(MUTATING)}"
    assert len(cli.sender_id_states()) == len(ACCOUNT)
    emulator.control.reset_call_counts()
    cli.up("--expect-no-changes")
    assert mutations(emulator.control.call_counts()) == {}
