"""Replacements under the real engine: what `preview --diff` shows, the order `up` takes, the release window."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.cli.conftest import OpenStack
from tests.cli.support import Cli, needs_cli, program_project
from tests.support import REGION, TYPE_TOKEN, held

pytestmark = needs_cli()

PROGRAM = """
import pulumi
from pulumi_sms_sender_id import SenderId, SenderIdArgs

config = pulumi.Config()
brand = SenderId("brand", SenderIdArgs(
    sender_id="ACME",
    iso_country_code=config.require("country"),
    message_types=config.require("types").split(","),
))
pulumi.export("arn", brand.sender_id_arn)
"""


def _stack(open_stack: OpenStack, tmp_path: Path, country: str = "GB", types: str = "TRANSACTIONAL") -> Cli:
    cli = open_stack(program_project(PROGRAM, tmp_path / "project"), {"country": country, "types": types})
    cli.up()
    return cli


def _operations(events_json: str) -> list[str]:
    """The engine's steps for `brand`, in the order it began them (`up --json` streams the engine's events)."""
    events = [json.loads(line) for line in events_json.splitlines() if line.startswith("{")]
    return [
        e["resourcePreEvent"]["metadata"]["op"]
        for e in events
        if "resourcePreEvent" in e and e["resourcePreEvent"]["metadata"]["urn"].endswith("::brand")
    ]


def test_a_country_change_previews_as_a_replace_naming_the_country(open_stack: OpenStack, tmp_path: Path) -> None:
    cli = _stack(open_stack, tmp_path)
    cli.config({"country": "DE"})

    shown = cli.on_stack("preview", "--diff").stdout

    # The reason is the one changed input under the replace. (Python dynamic providers cannot return a
    # detailed diff, so the engine also lists each output-only property, e.g. "- sender_id_arn", as going.)
    assert re.search(rf"^ *\+-{re.escape(TYPE_TOKEN)}: \(replace\)$", shown, re.MULTILINE)
    assert re.search(r'^ *~ iso_country_code *: "GB" => "DE"$', shown, re.MULTILINE)
    assert "+-1 to replace" in shown


def test_a_country_change_leases_the_new_sender_id_before_releasing_the_old(
    open_stack: OpenStack, tmp_path: Path, aws: Any
) -> None:
    cli = _stack(open_stack, tmp_path)
    cli.config({"country": "DE"})

    operations = _operations(cli.up("--json").stdout)

    # Another country is another sender ID: no collision, so the stack is never without one.
    assert operations.index("create-replacement") < operations.index("delete-replaced")
    assert list(held(aws)) == ["ACME/DE"]
    assert cli.outputs()["arn"] == f"arn:aws:sms-voice:{REGION}:123456789012:sender-id/ACME/DE"


def test_a_message_type_change_releases_before_it_requests_again(
    open_stack: OpenStack, tmp_path: Path, aws: Any
) -> None:
    cli = _stack(open_stack, tmp_path)
    cli.config({"types": "PROMOTIONAL"})

    operations = _operations(cli.up("--json").stdout)

    # The same sender ID in the same country: AWS holds one lease of it, so the old goes first.
    assert operations.index("delete-replaced") < operations.index("create-replacement")
    assert [t.upper() for t in held(aws)["ACME/GB"]["MessageTypes"]] == ["PROMOTIONAL"]  # Describe: "Promotional"


def test_a_message_type_change_right_after_a_release_waits_out_the_window_and_says_so(
    open_stack: OpenStack, tmp_path: Path, emulator: Any, aws: Any
) -> None:
    cli = _stack(open_stack, tmp_path)
    emulator.control.configure(release_window_seconds=4)  # AWS refuses to re-request for a while after a release
    cli.config({"types": "PROMOTIONAL"})

    shown = cli.output_of(cli.up())

    # The engine shows the provider's stderr as the stack's diagnostics, live and in the summary.
    wait = (
        "sms-sender-id: waiting for AWS to finish releasing sender ID ACME (GB) in eu-west-2 before requesting "
        "it again (its message types changed"
    )
    assert wait in shown.split("Diagnostics:", 1)[1]
    assert [t.upper() for t in held(aws)["ACME/GB"]["MessageTypes"]] == ["PROMOTIONAL"]  # Describe: "Promotional"
