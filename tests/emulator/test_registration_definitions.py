"""The registration types the emulator serves: its built-in catalogue, and definitions captured from AWS."""

from __future__ import annotations

import json
import re
from fnmatch import fnmatch
from importlib import resources

import pytest

from pulumi_sms_sender_id.emulator import registration_catalogue
from pulumi_sms_sender_id.emulator.testing import ClientAndControl
from tests.support import ROOT

from .support import GB_TYPE, ID_TYPE, IN_TYPE, RULES_TYPE, captured, code, error_of, field_names


def test_the_catalogue_ships_in_the_wheel_as_package_data() -> None:
    package_data = re.search(r"^pulumi_sms_sender_id = \[(.*)\]$", (ROOT / "pyproject.toml").read_text(), re.M)
    assert package_data, "pyproject.toml lost [tool.setuptools.package-data]"
    patterns = [pattern.strip().strip('"') for pattern in package_data.group(1).split(",")]
    assert any(fnmatch(f"emulator/{registration_catalogue.BUILTIN_FILE}", pattern) for pattern in patterns)
    assert resources.files("pulumi_sms_sender_id.emulator").joinpath(registration_catalogue.BUILTIN_FILE).is_file()


def test_every_built_in_definition_says_where_it_comes_from_and_what_is_guessed() -> None:
    text = resources.files("pulumi_sms_sender_id.emulator").joinpath(registration_catalogue.BUILTIN_FILE).read_text()
    data = json.loads(text)
    entries = data["TypeDefinitions"]["RegistrationTypeDefinitions"] + [
        field for document in data["FieldDefinitions"] for field in document["RegistrationFieldDefinitions"]
    ]
    assert all(entry["Source"] for entry in entries)
    # Taken whole from a source: XL Axiata's letter ("REQUIRED for all"), the GB excerpt's message volume.
    assert [entry["FieldPath"] for entry in entries if not entry.get("Guess")] == [
        "idSidSpecificInfo.letterOfAuthorization3",
        "messagingUseCase.monthlyMessageVolume",
    ]


def test_the_built_in_types_are_served_with_their_sender_id_association(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    definitions = client.describe_registration_type_definitions()["RegistrationTypeDefinitions"]
    assert [d["RegistrationType"] for d in definitions] == [IN_TYPE, ID_TYPE, GB_TYPE]
    assert definitions[0]["SupportedAssociations"] == [
        {
            "ResourceType": "SENDER_ID",
            "IsoCountryCode": "IN",
            "AssociationBehavior": "ASSOCIATE_ON_APPROVAL",
            "DisassociationBehavior": "DISASSOCIATE_ALL_CLOSES_REGISTRATION",
        }
    ]
    assert definitions[0]["DisplayHints"]["Title"]
    assert "Guess" not in definitions[0]  # the emulator's notes are not part of the API


def test_type_definitions_filter_by_country_and_resource_type(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    by_country = client.describe_registration_type_definitions(
        Filters=[{"Name": "supported-association-iso-country-code", "Values": ["GB", "ID"]}]
    )
    assert [d["RegistrationType"] for d in by_country["RegistrationTypeDefinitions"]] == [ID_TYPE, GB_TYPE]
    none = client.describe_registration_type_definitions(
        Filters=[{"Name": "supported-association-resource-type", "Values": ["PHONE_NUMBER"]}]
    )
    assert none["RegistrationTypeDefinitions"] == []


def test_type_definitions_page_through_next_token(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    pages = client.get_paginator("describe_registration_type_definitions").paginate(PaginationConfig={"PageSize": 2})
    sizes = [len(page["RegistrationTypeDefinitions"]) for page in pages]
    assert sizes == [2, 1]


def test_an_unknown_registration_type_is_refused_by_name(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    for call in (
        lambda: client.describe_registration_type_definitions(RegistrationTypes=["XX_SENDER_ID_REGISTRATION"]),
        lambda: client.describe_registration_field_definitions(RegistrationType="XX_SENDER_ID_REGISTRATION"),
        lambda: client.create_registration(RegistrationType="XX_SENDER_ID_REGISTRATION"),
    ):
        error = error_of(call)
        assert (code(error), error["Reason"]) == ("ValidationException", "UNKNOWN_REGISTRATION_TYPE")


def test_section_definitions_list_the_forms_sections_in_order(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    answer = client.describe_registration_section_definitions(RegistrationType=IN_TYPE)
    assert answer["RegistrationType"] == IN_TYPE
    paths = [s["SectionPath"] for s in answer["RegistrationSectionDefinitions"]]
    assert paths[:2] == ["senderIdInfo", "companyInfo"]
    assert paths[-1] == "inSidSpecificInfo"
    assert all(s["DisplayHints"]["ShortDescription"] for s in answer["RegistrationSectionDefinitions"])
    chosen = client.describe_registration_section_definitions(RegistrationType=IN_TYPE, SectionPaths=["contactInfo"])
    assert [s["SectionPath"] for s in chosen["RegistrationSectionDefinitions"]] == ["contactInfo"]
    unknown = error_of(
        lambda: client.describe_registration_section_definitions(RegistrationType=IN_TYPE, SectionPaths=["nope"])
    )
    assert (unknown["Reason"], field_names(unknown)) == ("UNKNOWN_REGISTRATION_SECTION", ["SectionPaths"])


def test_field_definitions_model_the_public_facts(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    fields = {
        f["FieldPath"]: f
        for page in client.get_paginator("describe_registration_field_definitions").paginate(RegistrationType=GB_TYPE)
        for f in page["RegistrationFieldDefinitions"]
    }
    assert fields["companyInfo.companyName"]["TextValidation"] == {
        "MinLength": 1,
        "MaxLength": 100,
        "Pattern": r"^(?=\s*\S)[\s\S]+$",
    }
    loa = fields["senderIdInfo.letterOfAuthorization"]
    assert (loa["FieldType"], loa["FieldRequirement"]) == ("ATTACHMENT", "CONDITIONAL")
    assert loa["ConditionalBehavior"]["Rules"][0]["RuleBehavior"] == "REQUIRED"
    volume = fields["messagingUseCase.monthlyMessageVolume"]["SelectValidation"]
    assert (volume["MinChoices"], volume["MaxChoices"], volume["Options"][5]) == (1, 1, "250,000")


def test_field_definitions_narrow_to_a_section_or_to_field_paths(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    section = client.describe_registration_field_definitions(RegistrationType=ID_TYPE, SectionPath="idSidSpecificInfo")
    letters = [f["FieldPath"] for f in section["RegistrationFieldDefinitions"] if "letterOf" in f["FieldPath"]]
    assert letters == [f"idSidSpecificInfo.letterOfAuthorization{n}" for n in (1, 2, 3, 4)]
    picked = client.describe_registration_field_definitions(
        RegistrationType=ID_TYPE, FieldPaths=["senderIdInfo.senderId", "idSidSpecificInfo.letterOfAuthorization3"]
    )
    assert [f["FieldRequirement"] for f in picked["RegistrationFieldDefinitions"]] == ["REQUIRED", "REQUIRED"]
    unknown = error_of(
        lambda: client.describe_registration_field_definitions(RegistrationType=ID_TYPE, FieldPaths=["nope.nope"])
    )
    assert (unknown["Reason"], field_names(unknown)) == ("UNKNOWN_REGISTRATION_FIELD", ["FieldPaths"])


def test_captured_definitions_load_and_are_served_beside_the_built_in_ones(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client, control = sms_voice_emulated
    types, fields = captured()
    assert control.load_registration_definitions(types, fields) == sorted([GB_TYPE, ID_TYPE, IN_TYPE, RULES_TYPE])
    served = client.describe_registration_type_definitions(RegistrationTypes=[RULES_TYPE])
    assert served["RegistrationTypeDefinitions"] == types["RegistrationTypeDefinitions"][:1]
    # No section definitions were captured: the sections come from the fields' SectionPath.
    sections = client.describe_registration_section_definitions(RegistrationType=RULES_TYPE)
    assert [s["SectionPath"] for s in sections["RegistrationSectionDefinitions"]] == ["rules"]
    assert control.current_config()["registration_types"][RULES_TYPE] == "loaded"


def test_captured_definitions_can_replace_the_whole_catalogue(sms_voice_emulated: ClientAndControl) -> None:
    client, control = sms_voice_emulated
    assert control.load_registration_definitions(*captured(), replace=True) == [RULES_TYPE]
    assert [
        d["RegistrationType"] for d in client.describe_registration_type_definitions()["RegistrationTypeDefinitions"]
    ] == [RULES_TYPE]
    control.reset()  # loaded definitions are configuration: a reset restores the built-in catalogue
    assert len(client.describe_registration_type_definitions()["RegistrationTypeDefinitions"]) == 3


@pytest.mark.parametrize(
    ("types", "fields", "message"),
    [
        ({"RegistrationTypeDefinitions": []}, {"RegistrationType": "X", "RegistrationFieldDefinitions": []}, "no type"),
        ("not json", {}, "as the AWS CLI prints it"),
        ({"RegistrationTypeDefinitions": [{"RegistrationType": "X"}]}, [], "DisplayHints"),
        (
            {"RegistrationTypeDefinitions": [{"RegistrationType": "X", "DisplayHints": {"Title": "X"}}]},
            {"RegistrationType": "X", "RegistrationFieldDefinitions": [{"FieldPath": "a.b", "SectionPath": "a"}]},
            "FieldType must be one of",
        ),
        ({"RegistrationTypeDefinitions": []}, [], "nothing to load"),
    ],
)
def test_malformed_definitions_are_refused_with_what_is_wrong(
    sms_voice_emulated: ClientAndControl, types: object, fields: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        sms_voice_emulated.control.load_registration_definitions(types, fields)
