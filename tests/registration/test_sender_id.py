"""From registration to sender ID: a SenderId naming its registration takes over what AWS provisioned on
approval, and before that fails with the registration's status; it never asks AWS for a lease."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_sms_sender_id import RegistrationProvider, SenderIdProvider
from pulumi_sms_sender_id.sender_id.errors import SenderIdError
from tests.registration.support import create, india
from tests.support import INDIA_FORM

SENDER = INDIA_FORM["senderIdInfo.senderId"]


def sender_id(registration_id: str, **changes: Any) -> dict[str, Any]:
    return {"sender_id": SENDER, "iso_country_code": "IN", "registration_id": registration_id, **changes}


def take(provider: SenderIdProvider, inputs: dict[str, Any]) -> dict[str, Any]:
    checked = provider.check({}, inputs)
    assert checked.failures == [], checked.failures
    return dict(provider.create(checked.inputs).outs or {})


def test_an_approved_registrations_sender_id_is_taken_over_without_a_lease(
    registration_provider: RegistrationProvider, provider: SenderIdProvider, registering: Any, sms: Any
) -> None:
    id_, _ = create(registration_provider, india())
    registering.approve_registration(id_)

    outs = take(provider, sender_id(id_, tags={"team": "growth"}, deletion_protection_enabled=True))

    assert registering.call_counts().get("RequestSenderId", 0) == 0
    (held,) = sms.describe_sender_ids()["SenderIds"]
    assert outs["sender_id_arn"] == held["SenderIdArn"]
    assert (outs["registered"], outs["registration_id"]) == (True, id_)
    assert held["DeletionProtectionEnabled"] is True
    assert sms.list_tags_for_resource(ResourceArn=held["SenderIdArn"])["Tags"] == [{"Key": "team", "Value": "growth"}]


@pytest.mark.parametrize(
    ("step", "status", "advice"),
    [
        ("draft", "CREATED", "submit it (submit=True on its Registration"),
        ("submitted", "SUBMITTED", "AWS creates the sender ID when it approves the registration"),
        ("reviewing", "REVIEWING", "Run `pulumi up` again once `pulumi refresh` shows the Registration COMPLETE"),
        ("denied", "REQUIRES_UPDATES", "fix the fields its denied_reasons and field_feedback name"),
    ],
)
def test_before_approval_create_fails_with_the_registrations_status_and_what_to_do(
    registration_provider: RegistrationProvider,
    provider: SenderIdProvider,
    registering: Any,
    step: str,
    status: str,
    advice: str,
) -> None:
    id_, _ = create(registration_provider, india(submit=step != "draft"))
    if step == "reviewing":
        registering.start_registration_review(id_)
    if step == "denied":
        registering.deny_registration(id_)

    with pytest.raises(SenderIdError) as pending:
        take(provider, sender_id(id_))

    message = str(pending.value)
    assert message.startswith(f"sender ID {SENDER} (IN) in eu-west-2 is not provisioned yet: its registration {id_}")
    assert f"is {status} since " in message
    assert advice in message
    assert "Nothing was requested from AWS" in message
    assert registering.call_counts().get("RequestSenderId", 0) == 0


def test_a_registration_that_does_not_exist_is_named(provider: SenderIdProvider, registering: Any) -> None:
    with pytest.raises(SenderIdError, match="its registration registration-0000 does not exist in eu-west-2 either"):
        take(provider, sender_id("registration-0000"))
    assert registering.call_counts().get("RequestSenderId", 0) == 0


def test_a_sender_id_of_another_registration_is_not_taken_over(
    registration_provider: RegistrationProvider, provider: SenderIdProvider, registering: Any
) -> None:
    registering.seed_sender_id(SENDER, "IN", region="eu-west-2", registered=True, registration_id="registration-other")
    id_, _ = create(registration_provider, india(submit=False))

    with pytest.raises(SenderIdError, match="provisioned by registration registration-other, not registration-"):
        take(provider, sender_id(id_))
