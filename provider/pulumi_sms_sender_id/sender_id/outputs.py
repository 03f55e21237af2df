"""What the provider writes to stack state: the outputs of create, read and update, and read's inputs.

Every lifecycle step builds its outputs here, so create, update and read can never disagree on a
property's shape (that disagreement is what makes a later preview noisy). `client_token` and
`adopt_existing` are only ever echoed from the inputs: AWS knows neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import properties as p
from . import schema


def from_record(
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


def after_update(
    olds: Mapping[str, Any], news: Mapping[str, Any], answer: Mapping[str, Any] | None, tags: Mapping[str, str]
) -> dict[str, Any]:
    """The old outputs with what an update changed: the UpdateSenderId `answer` (if one was needed),
    the tags now applied, and the inputs AWS does not know."""
    fresh = dict(olds) if answer is None else _with_update_answer(olds, answer)
    fresh.update(
        {p.TAGS: dict(tags), p.CLIENT_TOKEN: news.get(p.CLIENT_TOKEN), p.ADOPT_EXISTING: news.get(p.ADOPT_EXISTING)}
    )
    return fresh


def _with_update_answer(outs: Mapping[str, Any], record: Mapping[str, Any]) -> dict[str, Any]:
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
