"""The registration schema is the one description of its properties: the resource and the docs agree with it."""

from __future__ import annotations

import re
from dataclasses import MISSING, fields

import pytest

from pulumi_sms_sender_id import Registration, RegistrationArgs
from pulumi_sms_sender_id.registration import schema, statuses
from pulumi_sms_sender_id.sender_id.schema import OnChange
from tests.support import REGISTRATION_TYPE_TOKEN, ROOT, class_docs

RESOURCE = ROOT / "provider" / "pulumi_sms_sender_id" / "registration" / "resource.py"


def test_registration_args_fields_are_the_schema_inputs() -> None:
    args = fields(RegistrationArgs)
    assert [f.name for f in args] == list(schema.INPUT_NAMES)
    assert [f.name for f in args if f.default is MISSING] == list(schema.REQUIRED)


def test_resource_field_docstrings_are_the_schema_doc_lines() -> None:
    assert class_docs(RESOURCE, "RegistrationArgs") == {row.name: row.doc for row in schema.INPUTS}
    assert class_docs(RESOURCE, "Registration") == {row.name: row.doc for row in schema.OUTPUTS}


def test_type_token_is_the_public_contract() -> None:
    assert REGISTRATION_TYPE_TOKEN == "pulumi-python:dynamic/smsvoice:Registration"


def test_args_and_keyword_arguments_together_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="not both"):
        Registration("x", RegistrationArgs(registration_type="IN_SENDER_ID_REGISTRATION"), submit=False)


def test_a_missing_registration_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="needs registration_type"):
        Registration("x", fields={"companyInfo.companyName": "ACME"})


PAGE = ROOT / "docs" / "registration.md"


def _table(heading: str) -> dict[str, list[str]]:
    """The rows of the first table under `heading` in docs/registration.md, by their first column."""
    section = PAGE.read_text().split(f"\n{heading}\n", 1)[1]
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        if rows and not line.startswith("|"):
            break
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_the_pages_inputs_table_lists_the_schema_inputs_with_their_change_rule() -> None:
    table = _table("## Inputs")
    assert list(table) == list(schema.INPUT_NAMES)
    for row in schema.INPUTS:
        kind, on_change, _notes = table[row.name]
        assert ("(required)" in kind) is row.required, row.name
        said = {OnChange.REPLACE: "**replace**", OnChange.UPDATE: "update", OnChange.NOTHING: "nothing"}
        assert on_change.startswith(said[row.on_change]), row.name


def test_the_pages_outputs_table_lists_the_schema_outputs_with_their_doc() -> None:
    table = _table("## Outputs")
    assert list(table) == list(schema.OUTPUT_ONLY_NAMES)
    assert {name: cells[1] for name, cells in table.items()} == {row.name: row.doc for row in schema.OUTPUTS}


def test_the_pages_status_table_is_what_the_provider_says_of_each_status() -> None:
    table = _table("## Statuses")
    assert {name: cells[0] for name, cells in table.items()} == statuses.REGISTRATION
