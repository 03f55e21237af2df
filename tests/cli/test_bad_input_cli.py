"""Bad input under the real engine: `pulumi preview` fails, naming the resource and each field once, briefly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.cli.conftest import OpenStack
from tests.cli.support import needs_cli, program_project

pytestmark = needs_cli()

PROGRAM = """
from pulumi_sms_sender_id import SenderId, SenderIdArgs

SenderId("brand", SenderIdArgs(sender_id="ACMEACMEACME", iso_country_code="UK"))
"""


def test_preview_of_country_uk_and_a_twelve_character_sender_id_fails_briefly_naming_each_once(
    open_stack: OpenStack, tmp_path: Path, emulator: Any
) -> None:
    cli = open_stack(program_project(PROGRAM, tmp_path / "project"))
    emulator.control.reset_call_counts()

    done = cli.on_stack("preview", check=False)

    shown = cli.output_of(done).strip()
    assert done.returncode != 0
    assert len(shown.splitlines()) < 40, shown
    # The engine prints each error as it happens and again in its summary; the summary holds each one once.
    summary = shown.split("Diagnostics:", 1)[1].split("Resources:", 1)[0]
    assert summary.count("SenderId (brand):") == 1, shown
    assert summary.count("property sender_id value {ACMEACMEACME}") == 1, shown
    assert "use 3-11 characters" in summary, shown
    assert summary.count("property iso_country_code value {UK}") == 1, shown
    assert "did you mean 'GB'?" in summary, shown
    assert emulator.control.call_counts() == {}
