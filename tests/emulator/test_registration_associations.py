"""CreateRegistrationAssociation and ListRegistrationAssociations: which identities a registration covers."""

from __future__ import annotations

import pytest

from pulumi_sms_sender_id.emulator.testing import ClientAndControl

from .support import RULES_TYPE, Value, arn, captured, code, error_of, filled, status, submitted

#: The smallest complete form of the captured RULES_TYPE (ASSOCIATE_AFTER_COMPLETE, sender IDs in GB).
RULES_FORM: dict[str, Value] = {"rules.whenNotEquals": "x"}


@pytest.fixture
def complete(instant_emulated: ClientAndControl) -> tuple[ClientAndControl, str]:
    """A COMPLETE registration of a type that takes sender IDs after completion, and a GB sender ID."""
    client, control = instant_emulated
    control.load_registration_definitions(*captured())
    registration_id = filled(client, RULES_TYPE, form=RULES_FORM)
    client.submit_registration_version(RegistrationId=registration_id)
    control.approve_registration(registration_id)
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    return instant_emulated, registration_id


def test_a_sender_id_is_associated_with_a_complete_registration(complete: tuple[ClientAndControl, str]) -> None:
    (client, _), registration_id = complete
    answer = client.create_registration_association(RegistrationId=registration_id, ResourceId=arn("BRAND", "GB"))
    assert {k: answer[k] for k in ("RegistrationId", "RegistrationType", "ResourceId", "ResourceType")} == {
        "RegistrationId": registration_id,
        "RegistrationType": RULES_TYPE,
        "ResourceId": "BRAND",
        "ResourceType": "SENDER_ID",
    }
    (sender,) = client.describe_sender_ids()["SenderIds"]
    assert (sender["Registered"], sender["RegistrationId"]) == (True, registration_id)
    listed = client.list_registration_associations(
        RegistrationId=registration_id, Filters=[{"Name": "iso-country-code", "Values": ["GB"]}]
    )
    assert [a["ResourceArn"] for a in listed["RegistrationAssociations"]] == [arn("BRAND", "GB")]
    twice = error_of(lambda: client.create_registration_association(RegistrationId=registration_id, ResourceId="Brand"))
    assert (code(twice), twice["Reason"]) == ("ConflictException", "RESOURCE_ALREADY_ASSOCIATED")


def test_releasing_an_associated_sender_id_lets_the_registration_be_deleted(
    complete: tuple[ClientAndControl, str],
) -> None:
    (client, _), registration_id = complete
    client.create_registration_association(RegistrationId=registration_id, ResourceId="Brand")
    assert error_of(lambda: client.delete_registration(RegistrationId=registration_id))["Reason"] == (
        "RESOURCE_DELETION_NOT_ALLOWED"
    )
    client.release_sender_id(SenderId="Brand", IsoCountryCode="GB")
    assert client.list_registration_associations(RegistrationId=registration_id)["RegistrationAssociations"] == []
    assert status(client, registration_id) == "COMPLETE"  # DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION
    client.delete_registration(RegistrationId=registration_id)


def test_association_waits_for_completion_and_counts_against_a_quota(instant_emulated: ClientAndControl) -> None:
    client, control = instant_emulated
    control.load_registration_definitions(*captured())
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    client.request_sender_id(SenderId="Other", IsoCountryCode="GB")
    registration_id = filled(client, RULES_TYPE, form=RULES_FORM)
    early = error_of(lambda: client.create_registration_association(RegistrationId=registration_id, ResourceId="Brand"))
    assert early["Reason"] == "REGISTRATION_NOT_COMPLETE"
    client.submit_registration_version(RegistrationId=registration_id)
    control.approve_registration(registration_id)
    control.configure(registration_quotas={"ASSOCIATIONS_PER_REGISTRATION": 1})
    client.create_registration_association(RegistrationId=registration_id, ResourceId="Brand")
    full = error_of(lambda: client.create_registration_association(RegistrationId=registration_id, ResourceId="Other"))
    assert (code(full), full["Reason"]) == ("ServiceQuotaExceededException", "ASSOCIATIONS_PER_REGISTRATION")


def test_a_sender_id_registration_provisions_its_own_and_takes_no_association(
    instant_emulated: ClientAndControl,
) -> None:
    client, _ = instant_emulated
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    registration_id = submitted(client)
    error = error_of(lambda: client.create_registration_association(RegistrationId=registration_id, ResourceId="Brand"))
    assert (code(error), error["Reason"]) == ("ValidationException", "INVALID_REGISTRATION_ASSOCIATION")
    missing = error_of(
        lambda: client.create_registration_association(RegistrationId=registration_id, ResourceId=arn("GHOST", "GB"))
    )
    assert code(missing) == "ResourceNotFoundException"
