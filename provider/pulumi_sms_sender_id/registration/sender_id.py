"""A sender ID that a registration provisions: taken over once AWS has created it, never leased.

In a country that requires registration, AWS creates the sender ID itself when it approves the registration
(the type's ASSOCIATE_ON_APPROVAL behaviour), with `Registered=true` and the registration's ID; a
RequestSenderId there only earns SENDER_ID_REQUIRES_REGISTRATION. So a `SenderId` naming its registration
(`registration_id`) looks the sender ID up: AWS holds it and reports that registration, and `create` takes
it over (the provider applies the declared tags and protection); AWS does not hold it yet, and `create`
fails with the registration's status and what to do. It never asks AWS for a lease.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..sender_id import sender_ids
from ..sender_id.errors import SenderIdError
from ..sender_id.sender_ids import Target
from . import registrations, statuses
from .outputs import since
from .registrations import Where
from .review import since as since_text


def registration_of(record: Mapping[str, Any]) -> str | None:
    """The registration AWS reports for a sender ID (by ID; an ARN's last part)."""
    found = record.get("RegistrationId")
    return None if not found else str(found).rsplit("/", 1)[-1]


def provisioned(target: Target, registration_id: str) -> dict[str, Any]:
    """The Describe record of the sender ID the registration provisioned; explained failure until it exists."""
    record = sender_ids.find(target)
    wanted = registration_id.rsplit("/", 1)[-1]
    if record is None:
        raise pending(target, wanted)
    if registration_of(record) != wanted:
        reported = registration_of(record)
        by = f"registration {reported}" if reported else "no registration (it is not registered)"
        raise SenderIdError(
            f"{target.label} exists, but AWS reports it provisioned by {by}, not {wanted}. Name the registration "
            "AWS reports (registration_id), or, to take it over as it is, set adopt_existing=True instead"
        )
    return record


_TODO = {
    "CREATED": "it is a draft that was never submitted: submit it (submit=True on its Registration, the default) "
    "and run `pulumi up`",
    "REQUIRES_UPDATES": "AWS denied it: fix the fields its denied_reasons and field_feedback name (`pulumi refresh` "
    "shows them) and run `pulumi up`, which submits a new version",
    "PROVISIONING": "AWS approved it and is creating the sender ID: run `pulumi up` again in a few minutes",
    "COMPLETE": "AWS approved it, yet holds no such sender ID: check that sender_id, iso_country_code and region "
    "match the registration's senderIdInfo.senderId, its country and its region",
    "CLOSED": "its sender ID was released, which closed it: a new registration is needed",
}
_WAIT = (
    "AWS creates the sender ID when it approves the registration (reviews take days to weeks). Run `pulumi up` "
    "again once `pulumi refresh` shows the Registration COMPLETE (its sender_id_arn set)"
)


def pending(target: Target, registration_id: str) -> SenderIdError:
    """Why the sender ID is not there yet, from its registration's status, and what to do."""
    where = Where(target.region, target.profile, target.rules, registration_id)
    info = registrations.describe(where)
    if info is None:
        return SenderIdError(
            f"{target.label} does not exist, and its registration {registration_id} does not exist in "
            f"{target.region} either: check registration_id and region. Nothing was requested: in a country that "
            "requires registration, AWS creates the sender ID when it approves the registration"
        )
    status = str(info["RegistrationStatus"])
    found = registrations.versions(where)
    version = found[-1] if found else {}
    return SenderIdError(
        f"{target.label} is not provisioned yet: its registration {registration_id} ({info['RegistrationType']}) is "
        f"{status}{since_text(since(version))} ({statuses.meaning(status)}). {_TODO.get(status, _WAIT)}. Nothing "
        "was requested from AWS: a sender ID that requires registration is never leased"
    )
