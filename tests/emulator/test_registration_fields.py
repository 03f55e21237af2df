"""Field values: stored per version, checked one by one on Put and as a whole form on Submit."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_sms_sender_id.emulator.testing import ClientAndControl

from .support import (
    GB_FORM,
    GB_TYPE,
    ID_TYPE,
    RULES_TYPE,
    Value,
    captured,
    code,
    error_of,
    field_names,
    filled,
    problems,
    put,
)


def test_put_stores_a_value_in_the_current_version_and_echoes_it(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    registration_id = filled(client, form={})
    answer = put(client, registration_id, "companyInfo.companyName", "Acme Ltd")
    assert (answer["VersionNumber"], answer["FieldPath"], answer["TextValue"]) == (
        1,
        "companyInfo.companyName",
        "Acme Ltd",
    )
    chosen = put(client, registration_id, "companyInfo.areaOfBusiness", ["Retail"])
    assert chosen["SelectChoices"] == ["Retail"]
    put(client, registration_id, "companyInfo.companyName", "Acme Limited")  # a second put replaces the value
    values = client.describe_registration_field_values(RegistrationId=registration_id)
    assert values["VersionNumber"] == 1
    assert values["RegistrationFieldValues"] == [
        {"FieldPath": "companyInfo.companyName", "TextValue": "Acme Limited"},
        {"FieldPath": "companyInfo.areaOfBusiness", "SelectChoices": ["Retail"]},
    ]


def test_field_values_narrow_to_a_section_or_field_paths_and_page(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    registration_id = filled(client)
    contact = client.describe_registration_field_values(RegistrationId=registration_id, SectionPath="contactInfo")
    assert [v["FieldPath"] for v in contact["RegistrationFieldValues"]] == [
        "contactInfo.emailAddress",
        "contactInfo.phoneNumber",
    ]
    picked = client.describe_registration_field_values(
        RegistrationId=registration_id, FieldPaths=["companyAddress.city"]
    )
    assert picked["RegistrationFieldValues"] == [{"FieldPath": "companyAddress.city", "TextValue": "London"}]
    pages = client.get_paginator("describe_registration_field_values").paginate(
        RegistrationId=registration_id, PaginationConfig={"PageSize": 4}
    )
    assert sum(len(page["RegistrationFieldValues"]) for page in pages) == len(GB_FORM)
    unknown = error_of(
        lambda: client.describe_registration_field_values(RegistrationId=registration_id, VersionNumber=9)
    )
    assert (unknown["Reason"], field_names(unknown)) == ("UNKNOWN_REGISTRATION_VERSION", ["VersionNumber"])


def test_delete_removes_a_value_and_echoes_it(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    registration_id = filled(client, form={"companyAddress.city": "Leeds"})
    removed = client.delete_registration_field_value(RegistrationId=registration_id, FieldPath="companyAddress.city")
    assert (removed["FieldPath"], removed["TextValue"]) == ("companyAddress.city", "Leeds")
    assert client.describe_registration_field_values(RegistrationId=registration_id)["RegistrationFieldValues"] == []
    again = error_of(
        lambda: client.delete_registration_field_value(RegistrationId=registration_id, FieldPath="companyAddress.city")
    )
    assert again["Reason"] == "REGISTRATION_FIELD_CANNOT_BE_DELETED"


def test_an_unknown_field_is_named_in_the_error(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    registration_id = filled(client, form={})
    error = error_of(lambda: put(client, registration_id, "companyInfo.nickname", "Acme"))
    assert (code(error), error["Reason"], field_names(error)) == (
        "ValidationException",
        "UNKNOWN_REGISTRATION_FIELD",
        ["companyInfo.nickname"],
    )


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("senderIdInfo.senderId", "AB", "Must be at least 3 characters long"),
        ("companyInfo.companyName", "x" * 101, "at most 100 characters"),
        ("companyInfo.companyName", "   ", "Must match the pattern"),
        ("contactInfo.phoneNumber", "07700 900123", "Must match the pattern"),
        ("messagingUseCase.monthlyMessageVolume", ["12"], "Not among the options"),
        ("messagingUseCase.monthlyMessageVolume", ["10", "100"], "Choose at most 1 option"),
        ("messagingUseCase.monthlyMessageVolume", [], "Choose at least 1 option"),
        ("companyInfo.companyName", ["Acme"], "A TEXT field: give TextValue"),
        ("companyInfo.areaOfBusiness", "Retail", "A SELECT field: give SelectChoices"),
    ],
)
def test_put_checks_the_one_value_against_its_definition(
    instant_emulated: ClientAndControl, path: str, value: Value, message: str
) -> None:
    client, _ = instant_emulated
    registration_id = filled(client, form={})
    found = problems(lambda: put(client, registration_id, path, value))
    assert list(found) == [path]
    assert message in found[path]


def test_an_attachment_field_takes_only_an_attachment(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    registration_id = filled(client, form={})
    found = problems(lambda: put(client, registration_id, "senderIdInfo.letterOfAuthorization", "loa.pdf"))
    assert found == {"senderIdInfo.letterOfAuthorization": "A ATTACHMENT field: give RegistrationAttachmentId"}


def test_put_takes_exactly_one_kind_of_value(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    registration_id = filled(client, form={})
    both = error_of(
        lambda: client.put_registration_field_value(
            RegistrationId=registration_id, FieldPath="companyAddress.city", TextValue="Leeds", SelectChoices=["x"]
        )
    )
    assert both["Reason"] == "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    neither = error_of(
        lambda: client.put_registration_field_value(RegistrationId=registration_id, FieldPath="companyAddress.city")
    )
    assert (neither["Reason"], field_names(neither)) == ("MISSING_PARAMETER", ["companyAddress.city"])


def test_submitting_without_a_required_field_fails_with_its_path(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    form = {path: value for path, value in GB_FORM.items() if path != "contactInfo.emailAddress"}
    registration_id = filled(client, form=form)
    found = problems(lambda: client.submit_registration_version(RegistrationId=registration_id))
    assert found == {"contactInfo.emailAddress": "Field is required"}


def test_submitting_reports_every_missing_field_at_once(instant_emulated: ClientAndControl) -> None:
    client, _ = instant_emulated
    registration_id = filled(client, ID_TYPE, form={})
    found = problems(lambda: client.submit_registration_version(RegistrationId=registration_id))
    assert "idSidSpecificInfo.letterOfAuthorization3" in found  # XL Axiata: required for everyone
    assert "idSidSpecificInfo.letterOfAuthorization1" not in found  # only for local companies
    assert "senderIdInfo.senderIdDescription" not in found  # optional


def test_a_conditionally_required_attachment_is_required_when_its_rule_holds(
    instant_emulated: ClientAndControl,
) -> None:
    client, _ = instant_emulated
    local: dict[str, Value] = {"companyAddress.isoCountryCode": "ID"}
    registration_id = filled(client, ID_TYPE, form=local)
    found = problems(lambda: client.submit_registration_version(RegistrationId=registration_id))
    assert {f"idSidSpecificInfo.letterOfAuthorization{n}" for n in (1, 2, 3, 4)} <= set(found)
    gb_behalf = filled(client, GB_TYPE, form={**GB_FORM, "senderIdInfo.registeringOnBehalfOfAnotherEntity": ["Yes"]})
    found = problems(lambda: client.submit_registration_version(RegistrationId=gb_behalf))
    assert found == {"senderIdInfo.letterOfAuthorization": "Field is required"}


# -- conditional rules, on a type captured with every operator (tests/emulator/captured) --------


def _behaviour(client: Any, field: str, kind: list[str] | None, note: str | None) -> str:
    """What the rules make of ``field`` given rules.kind and rules.note: REQUIRED, DISALLOWED or OPTIONAL."""
    form: dict[str, Value] = {**({"rules.kind": kind} if kind else {}), **({"rules.note": note} if note else {})}
    without, with_value = filled(client, RULES_TYPE, form=form), filled(client, RULES_TYPE, form={**form, field: "1"})
    missing = error_of(lambda: client.submit_registration_version(RegistrationId=without)).get("Fields", [])
    if any(f["Name"] == field for f in missing):
        return "REQUIRED"
    present = error_of(lambda: client.submit_registration_version(RegistrationId=with_value)).get("Fields", [])
    return "DISALLOWED" if any(f["Name"] == field for f in present) else "OPTIONAL"


@pytest.mark.parametrize(
    ("field", "kind", "note", "behaviour"),
    [
        ("rules.whenEquals", ["a"], None, "REQUIRED"),
        ("rules.whenEquals", ["a", "b"], None, "OPTIONAL"),
        ("rules.whenNotEquals", ["b"], None, "REQUIRED"),
        ("rules.whenNotEquals", ["a"], None, "OPTIONAL"),
        ("rules.whenIn", ["a", "c"], None, "REQUIRED"),
        ("rules.whenIn", ["a"], None, "OPTIONAL"),
        ("rules.whenNotIn", ["c"], None, "DISALLOWED"),
        ("rules.whenNotIn", ["b"], None, "OPTIONAL"),
        ("rules.whenHasValue", None, "x", "REQUIRED"),
        ("rules.whenHasValue", None, None, "OPTIONAL"),
        ("rules.whenNoValue", ["a"], None, "DISALLOWED"),
        ("rules.whenNoValue", ["a"], "x", "OPTIONAL"),
        ("rules.firstRuleWins", ["a"], "x", "OPTIONAL"),
        ("rules.firstRuleWins", ["a"], None, "REQUIRED"),
        ("rules.firstRuleWins", None, None, "DISALLOWED"),
        ("rules.unknownOperator", ["a"], None, "OPTIONAL"),
    ],
)
def test_a_conditional_field_takes_the_behaviour_of_the_first_rule_that_holds(
    instant_emulated: ClientAndControl, field: str, kind: list[str] | None, note: str | None, behaviour: str
) -> None:
    client, control = instant_emulated
    control.load_registration_definitions(*captured())
    assert _behaviour(client, field, kind, note) == behaviour


def test_a_matching_rule_overrides_the_fields_validation(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    control.load_registration_definitions(*captured())
    form: dict[str, Value] = {"rules.kind": ["a"], "rules.whenEquals": "x", "rules.firstRuleWins": "x"}
    strict = filled(client, RULES_TYPE, form={**form, "rules.validated": "1234x", "rules.size": ["m"]})
    found = problems(lambda: client.submit_registration_version(RegistrationId=strict))
    assert found == {
        "rules.validated": "Must be at most 3 characters long; Must match the pattern ^[0-9]+$",
        "rules.size": "Not among the options ['s']: ['m']",
    }
    relaxed = filled(client, RULES_TYPE, form={"rules.kind": ["b"], "rules.whenNotEquals": "x", "rules.whenIn": "x",
                                                "rules.firstRuleWins": "x", "rules.validated": "1234x",
                                                "rules.size": ["m"]})  # fmt: skip
    assert client.submit_registration_version(RegistrationId=relaxed)["RegistrationVersionStatus"] == "SUBMITTED"
