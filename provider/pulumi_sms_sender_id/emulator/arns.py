"""Reading the ARNs callers pass: which sender ID they name, and whether they belong here.

A backend serves one account in one region of one partition (its :class:`Home`); an ARN of any
other home is refused as AWS refuses it, with ValidationException ``INVALID_ARN``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from botocore.model import StringShape

from .exceptions import SENDER_ID_RESOURCE_TYPE, ResourceNotFoundException, ValidationException

_ARN = re.compile(
    r"arn:(?P<partition>[^:]+):(?P<service>[^:]+):(?P<region>[^:]*):(?P<account>[^:]*):"
    r"(?P<type>[^/]+)/(?P<rest>.+)"
)


@dataclass(frozen=True)
class Home:
    """Where a backend's resources live: the partition, region and account of their ARNs."""

    partition: str
    region: str
    account: str

    def sender_id_arn(self, sender_id: str, iso_country_code: str) -> str:
        return (
            f"arn:{self.partition}:sms-voice:{self.region}:{self.account}:"
            f"{SENDER_ID_RESOURCE_TYPE}/{sender_id}/{iso_country_code}"
        )

    def arn(self, resource_type: str, resource_id: str) -> str:
        """The ARN of a resource named by one ID (a registration, a registration attachment)."""
        return f"arn:{self.partition}:sms-voice:{self.region}:{self.account}:{resource_type}/{resource_id}"

    def owns(self, match: re.Match[str]) -> bool:
        """Whether a parsed ARN is an sms-voice ARN of this partition, region and account."""
        return (
            match["service"] == "sms-voice"
            and match["partition"] == self.partition
            and match["region"] == self.region
            and match["account"] == self.account
        )


def sender_key(home: Home, sender_id_or_arn: str, iso_country_code: str) -> tuple[str, str]:
    """(SENDERID, CC) from a bare sender ID (any case) or its ARN, as Describe/Update/Release take.

    Deviation: an ARN naming another country than ``IsoCountryCode`` is a ValidationException
    ``COUNTRY_CODE_MISMATCH``; AWS's answer is unknown.
    """
    if not sender_id_or_arn.startswith("arn:"):
        return sender_id_or_arn.upper(), iso_country_code
    match = _ARN.fullmatch(sender_id_or_arn)
    if not match or not home.owns(match) or match["type"] != SENDER_ID_RESOURCE_TYPE or match["rest"].count("/") != 1:
        raise ValidationException(
            f"Invalid sender ID ARN {sender_id_or_arn!r}: expected "
            f"{home.sender_id_arn('<SenderId>', '<IsoCountryCode>')}",
            reason="INVALID_ARN",
            fields=[("SenderId", "Not a sender ID ARN of this account and region")],
        )
    sender_id, arn_country = match["rest"].split("/")
    if arn_country != iso_country_code:
        raise ValidationException(
            f"The ARN's country {arn_country!r} does not match IsoCountryCode {iso_country_code!r}.",
            reason="COUNTRY_CODE_MISMATCH",
            fields=[("IsoCountryCode", f"Must match the country in the ARN ({arn_country})")],
        )
    return sender_id.upper(), iso_country_code


def tagged_resource(home: Home, arn: str) -> tuple[str, str]:
    """(resource type, the rest) of a tagging call's ResourceArn, exactly as written.

    Malformed or foreign ARNs are ValidationException ``INVALID_ARN``. Deviation: nothing is
    upper-cased, so a tag call needs the ARN exactly as returned (AWS's case rules are unknown).
    """
    match = _ARN.fullmatch(arn)
    if not match or not home.owns(match):
        raise ValidationException(
            f"Invalid ARN {arn!r} for sms-voice in {home.region} of account {home.account}.",
            reason="INVALID_ARN",
            fields=[("ResourceArn", "Not an sms-voice resource ARN of this account and region")],
        )
    return match["type"], match["rest"]


def tagged_key(home: Home, arn: str) -> tuple[str, str] | None:
    """The (SenderId, CC) a tagging call's ResourceArn names, exactly as written; None: no sender ID."""
    resource_type, rest = tagged_resource(home, arn)
    if resource_type == SENDER_ID_RESOURCE_TYPE and rest.count("/") == 1:
        sender_id, country = rest.split("/")
        return sender_id, country
    return None


def resource_id(home: Home, id_or_arn: str, resource_type: str, parameter: str) -> str:
    """The ID an "IdOrArn" parameter names: itself, or the ID in an ARN of this home and resource type.

    An ARN of another home or resource type is ValidationException ``INVALID_ARN`` on ``parameter``.
    """
    if not id_or_arn.startswith("arn:"):
        return id_or_arn
    match = _ARN.fullmatch(id_or_arn)
    if not match or not home.owns(match) or match["type"] != resource_type or "/" in match["rest"]:
        raise ValidationException(
            f"Invalid {resource_type} ARN {id_or_arn!r}: expected {home.arn(resource_type, '<id>')}",
            reason="INVALID_ARN",
            fields=[(parameter, f"Not a {resource_type} ARN of this account and region")],
        )
    return match["rest"]


def no_such_resource(arn: str) -> ResourceNotFoundException:
    """The answer for a well-formed ARN of this home naming nothing the emulator holds.

    Deviation: pools and the other resource types are not modelled, so their ARNs are never found;
    the error names the ARN's resource type when the model knows it, else ``sender-id``.
    """
    match = _ARN.fullmatch(arn)
    named = match["type"] if match else SENDER_ID_RESOURCE_TYPE
    resource_type = named if named in _resource_types() else SENDER_ID_RESOURCE_TYPE
    return ResourceNotFoundException(arn, resource_type=resource_type, message=f"Resource {arn} does not exist.")


@functools.lru_cache(maxsize=1)
def _resource_types() -> frozenset[str]:
    from .validation import service_model

    shape = service_model().shape_for("ResourceType")
    assert isinstance(shape, StringShape)
    return frozenset(shape.enum)
