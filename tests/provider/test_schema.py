"""The schema is the one description of the properties: the resource, the README and diff agree with it."""

from __future__ import annotations

import re
from dataclasses import MISSING, fields
from typing import Any

import pytest

from pulumi_sms_sender_id import SenderIdArgs, SenderIdProvider
from pulumi_sms_sender_id.sender_id import schema
from pulumi_sms_sender_id.sender_id.schema import OnChange
from tests.support import ROOT, class_docs

RESOURCE = ROOT / "provider" / "pulumi_sms_sender_id" / "resource.py"
STATE: dict[str, Any] = {
    "sender_id": "ACME",
    "iso_country_code": "GB",
    "message_types": ["TRANSACTIONAL"],
    "deletion_protection_enabled": False,
    "tags": {"team": "growth"},
    "client_token": "t-1",
    "region": "eu-west-2",
    "adopt_existing": None,
    "registration_id": None,
}
EDITS: dict[str, Any] = {
    "sender_id": "ACME2",
    "iso_country_code": "DE",
    "message_types": ["PROMOTIONAL"],
    "deletion_protection_enabled": True,
    "tags": {"team": "sales"},
    "client_token": "t-2",
    "region": "eu-west-1",
    "adopt_existing": True,
    "registration_id": "registration-0123456789abcdef",
}


def _readme_table(heading: str) -> dict[str, list[str]]:
    """The rows of the first table under `heading`, by the name in their first column."""
    text = (ROOT / "README.md").read_text()
    section = text.split(f"\n{heading}\n", 1)[1]
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        if rows and not line.startswith("|"):
            break
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_readme_inputs_table_lists_the_schema_inputs_with_their_change_rule() -> None:
    table = _readme_table("## Inputs")
    assert list(table) == list(schema.INPUT_NAMES)
    for row in schema.INPUTS:
        kind, on_change, _notes = table[row.name]
        assert ("(required)" in kind) is row.required, row.name
        if row.on_change is OnChange.REPLACE and row.identity:
            assert on_change.startswith("**replace** (create"), row.name
        elif row.on_change is OnChange.REPLACE:
            assert on_change == "**replace, release first**", row.name
        else:
            assert on_change == row.on_change.value, row.name


def test_readme_outputs_table_lists_the_schema_outputs_with_their_doc() -> None:
    table = _readme_table("## Outputs")
    assert list(table) == list(schema.OUTPUT_ONLY_NAMES)
    for row in schema.OUTPUTS:
        assert table[row.name][1].replace("`", "") == row.doc


def test_sender_id_args_fields_are_the_schema_inputs() -> None:
    args = fields(SenderIdArgs)
    assert [f.name for f in args] == list(schema.INPUT_NAMES)
    assert [f.name for f in args if f.default is MISSING] == list(schema.REQUIRED)


def test_resource_field_docstrings_are_the_schema_doc_lines() -> None:
    assert class_docs(RESOURCE, "SenderIdArgs") == {row.name: row.doc for row in schema.INPUTS}
    outputs = class_docs(RESOURCE, "SenderId")
    assert outputs == {row.name: row.doc for row in schema.OUTPUTS}


@pytest.mark.parametrize("row", schema.INPUTS, ids=lambda row: row.name)
def test_a_change_of_one_input_does_what_its_row_says(provider: SenderIdProvider, row: schema.Input) -> None:
    result = provider.diff("arn", STATE, {**STATE, row.name: EDITS[row.name]})
    assert result.changes is (row.on_change is not OnChange.NOTHING)
    assert result.replaces == ([row.name] if row.on_change is OnChange.REPLACE else [])
    if row.on_change is OnChange.REPLACE:
        assert result.delete_before_replace is (not row.identity)
