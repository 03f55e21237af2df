"""What the provider writes to stack state: outputs from an AWS record, and the inputs read returns.

Every lifecycle step builds its outputs here, so create, update and read can never disagree on a
property's shape (that disagreement is what makes a later preview noisy).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import properties as p
from . import schema


def outputs(
    inputs: Mapping[str, Any], record: Mapping[str, Any], region: str, tags: Mapping[str, str]
) -> dict[str, Any]:
    """Full outputs from a Request, Describe or Update answer plus the resource's inputs."""
    return {
        p.SENDER_ID: record["SenderId"],
        p.ISO_COUNTRY_CODE: record["IsoCountryCode"],
        p.MESSAGE_TYPES: p.as_message_types(record.get("MessageTypes") or ()),
        p.DELETION_PROTECTION_ENABLED: bool(record.get("DeletionProtectionEnabled", False)),
        p.TAGS: dict(tags),
        p.CLIENT_TOKEN: inputs.get(p.CLIENT_TOKEN),
        p.REGION: region,
        p.ADOPT_EXISTING: inputs.get(p.ADOPT_EXISTING),
        p.SENDER_ID_ARN: record["SenderIdArn"],
        p.MONTHLY_LEASING_PRICE: record.get("MonthlyLeasingPrice"),
        p.REGISTERED: bool(record.get("Registered", False)),
        p.REGISTRATION_ID: record.get("RegistrationId"),
    }


def inputs_of(outs: Mapping[str, Any]) -> dict[str, Any]:
    """The inputs that describe the sender ID as it is, for ReadResult (keeps refresh diffs exact)."""
    return {key: outs.get(key) for key in schema.INPUT_NAMES}


def with_update_answer(outs: Mapping[str, Any], record: Mapping[str, Any]) -> dict[str, Any]:
    """`outs` refreshed with what an UpdateSenderId answer reports (protection, price, registration)."""
    fresh = dict(outs)
    for key, field in (
        (p.MONTHLY_LEASING_PRICE, "MonthlyLeasingPrice"),
        (p.REGISTERED, "Registered"),
        (p.REGISTRATION_ID, "RegistrationId"),
        (p.DELETION_PROTECTION_ENABLED, "DeletionProtectionEnabled"),
    ):
        if field in record:
            fresh[key] = record[field]
    return fresh
