"""The form's own rules, judged offline: a pure function of the type's field definitions and the values."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_sms_sender_id.registration import definitions, field_rules
from pulumi_sms_sender_id.registration.field_rules import ATTACHED, Declared

TYPE = "XX_SENDER_ID_REGISTRATION"


def text(path: str, requirement: str = "REQUIRED", **validation: Any) -> dict[str, Any]:
    return {
        "SectionPath": path.split(".")[0],
        "FieldPath": path,
        "FieldType": "TEXT",
        "FieldRequirement": requirement,
        "TextValidation": {"MinLength": 1, "MaxLength": 100, "Pattern": r"^(?=\s*\S)[\s\S]+$", **validation},
        "DisplayHints": {"Title": path.split(".")[1].title(), "ShortDescription": f"The {path.split('.')[1]}."},
    }


def select(path: str, options: list[str], requirement: str = "REQUIRED", most: int = 1) -> dict[str, Any]:
    return {
        "SectionPath": path.split(".")[0],
        "FieldPath": path,
        "FieldType": "SELECT",
        "FieldRequirement": requirement,
        "SelectValidation": {"MinChoices": 1, "MaxChoices": most, "Options": options},
        "DisplayHints": {"Title": "Acknowledgement", "ShortDescription": "Confirm the sending parameters."},
    }


def attachment(path: str, requirement: str = "OPTIONAL", behavior: dict[str, Any] | None = None) -> dict[str, Any]:
    record = {
        "SectionPath": path.split(".")[0],
        "FieldPath": path,
        "FieldType": "ATTACHMENT",
        "FieldRequirement": requirement,
        "DisplayHints": {"Title": "Letter of authorization", "ShortDescription": "A signed letter, PDF."},
    }
    if behavior is not None:
        record["ConditionalBehavior"] = behavior
    return record


def when(depends: str, operator: str, values: list[str], behavior: str = "REQUIRED", **validation: Any) -> Any:
    rule: dict[str, Any] = {
        "Conditions": [{"DependsOnFieldPath": depends, "Operator": operator, "Values": values}],
        "RuleBehavior": behavior,
    }
    if validation:
        rule["ConditionalValidation"] = validation
    return rule


FORM = definitions.from_records(
    [
        text("companyInfo.companyName", MaxLength=10),
        text("senderIdInfo.senderId", Pattern="^[A-Za-z]{3,6}$"),
        text("senderIdInfo.description", "OPTIONAL"),
        select("companyInfo.onBehalf", ["Yes", "No"], "OPTIONAL"),
        select("inSidSpecificInfo.acknowledgement", ["Yes"]),
        attachment(
            "senderIdInfo.letterOfAuthorization",
            "CONDITIONAL",
            {"Rules": [when("companyInfo.onBehalf", "EQUALS", ["Yes"])], "DefaultBehavior": "OPTIONAL"},
        ),
    ]
)
VALID: dict[str, Declared] = {
    "companyInfo.companyName": "ACME",
    "senderIdInfo.senderId": "ACMEIN",
    "inSidSpecificInfo.acknowledgement": ["Yes"],
}


def problems(form: dict[str, Declared], found: dict[str, definitions.FieldDefinition] = FORM) -> list[str]:
    return [problem.message for problem in field_rules.problems(found, form, TYPE)]


def test_a_form_the_definitions_accept_has_no_problem() -> None:
    assert problems(VALID) == []


def test_a_missing_required_field_is_named_with_its_title_and_what_it_expects() -> None:
    (message,) = problems({k: v for k, v in VALID.items() if k != "senderIdInfo.senderId"})
    assert message == 'fields["senderIdInfo.senderId"] (Senderid) is required: The senderId'


def test_a_conditionally_required_attachment_says_when_it_is_required() -> None:
    (message,) = problems({**VALID, "companyInfo.onBehalf": ["Yes"]})
    assert message.startswith('attachments["senderIdInfo.letterOfAuthorization"] (Letter of authorization) is required')
    assert "when companyInfo.onBehalf is 'Yes'" in message
    assert problems({**VALID, "companyInfo.onBehalf": ["Yes"], "senderIdInfo.letterOfAuthorization": ATTACHED}) == []
    assert problems({**VALID, "companyInfo.onBehalf": ["No"]}) == []


@pytest.mark.parametrize(
    ("path", "value", "rule"),
    [
        ("companyInfo.companyName", "ACME Corporation", "is 16 characters: at most 10 allowed"),
        ("senderIdInfo.senderId", "ACME-1", "does not match the pattern ^[A-Za-z]{3,6}$"),
        ("senderIdInfo.senderId", ["ACME"], "is a TEXT field: give a string, not a list"),
        ("inSidSpecificInfo.acknowledgement", "Yes", "is a SELECT field: give a list of choices"),
        ("inSidSpecificInfo.acknowledgement", ["No"], "'No' is not among the options"),
        ("companyInfo.onBehalf", ["Yes", "No"], "has 2 choices: choose at most 1"),
        ("inSidSpecificInfo.acknowledgement", [], "has 0 choice(s): choose at least 1"),
        ("senderIdInfo.letterOfAuthorization", "loa.pdf", "declare its file in attachments, not fields"),
        ("companyInfo.companyName", ATTACHED, "declare its value in fields, not attachments"),
    ],
)
def test_a_value_the_definitions_reject_names_the_field_and_the_rule(path: str, value: Declared, rule: str) -> None:
    (message,) = problems({**VALID, path: value})
    assert path in message
    assert rule in message


def test_every_problem_of_a_form_is_reported_at_once() -> None:
    found = problems({"companyInfo.companyName": "ACME Corporation", "inSidSpecificInfo.acknowledgement": ["No"]})
    assert len(found) == 3  # too long, not an option, and the missing sender ID


def test_an_unknown_field_path_suggests_the_closest_field() -> None:
    (message,) = problems({**VALID, "companyInfo.companyNam": "ACME"})
    assert message == (
        'fields["companyInfo.companyNam"] is not a field of XX_SENDER_ID_REGISTRATION: '
        "did you mean 'companyInfo.companyName'?"
    )


def test_the_first_matching_rule_decides_and_its_conditional_validation_applies() -> None:
    form = definitions.from_records(
        [
            select("companyInfo.onBehalf", ["Yes", "No"], "OPTIONAL"),
            {
                **text("senderIdInfo.description", "CONDITIONAL"),
                "ConditionalBehavior": {
                    "Rules": [
                        when("companyInfo.onBehalf", "IN", ["Yes"], "REQUIRED", MaxLength=5),
                        when("companyInfo.onBehalf", "HAS_VALUE", [], "DISALLOWED"),
                    ],
                    "DefaultBehavior": "OPTIONAL",
                },
            },
        ]
    )
    assert (
        "at most 5 allowed"
        in problems({"companyInfo.onBehalf": ["Yes"], "senderIdInfo.description": "long text"}, form)[0]
    )
    assert (
        "must be left out when companyInfo.onBehalf has a value"
        in problems({"companyInfo.onBehalf": ["No"], "senderIdInfo.description": "x"}, form)[0]
    )
    assert problems({"senderIdInfo.description": "anything"}, form) == []


def test_an_operator_the_model_does_not_list_never_holds() -> None:
    form = definitions.from_records(
        [
            select("companyInfo.onBehalf", ["Yes", "No"], "OPTIONAL"),
            attachment(
                "senderIdInfo.letterOfAuthorization",
                "CONDITIONAL",
                {"Rules": [when("companyInfo.onBehalf", "STARTS_WITH", ["Y"])], "DefaultBehavior": "OPTIONAL"},
            ),
        ]
    )
    assert problems({"companyInfo.onBehalf": ["Yes"]}, form) == []


def test_a_pattern_python_cannot_compile_is_left_to_aws() -> None:
    form = definitions.from_records([text("companyInfo.companyName", Pattern=r"^\p{L}+$")])
    assert problems({"companyInfo.companyName": "ACME 1"}, form) == []


def test_a_draft_kept_unsubmitted_may_lack_required_fields_but_not_hold_wrong_values() -> None:
    draft = {"companyInfo.companyName": "ACME"}
    assert field_rules.problems(FORM, draft, TYPE, complete=False) == []
    (problem,) = field_rules.problems(FORM, {**draft, "senderIdInfo.senderId": "AC"}, TYPE, complete=False)
    assert problem.rule == "pattern"
