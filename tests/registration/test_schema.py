"""The registration schema is the one description of its properties: the resource and the docs agree with it."""

from __future__ import annotations

from dataclasses import MISSING, fields

import pytest

from pulumi_sms_sender_id import Registration, RegistrationArgs
from pulumi_sms_sender_id.registration import schema
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
