"""The sender-ID model: one alphanumeric sender ID in one country, its rules and its answers.

Each operation answers its own subset of the fields, shaped as the botocore model declares them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from moto.core.common_models import BaseModel

from .exceptions import ConflictException

MESSAGE_TYPES = ("TRANSACTIONAL", "PROMOTIONAL")
DEFAULT_MESSAGE_TYPES = ("TRANSACTIONAL",)

#: Invented but plausible monthly leasing prices (USD) for an alphanumeric sender ID. AWS bills
#: sender IDs per country and changes prices; only the shape (a decimal string) is faithful.
MONTHLY_LEASING_PRICES: Mapping[str, str] = {
    "AU": "1.00",
    "BR": "2.00",
    "DE": "1.00",
    "ES": "1.00",
    "FR": "1.00",
    "GB": "1.00",
    "IE": "1.00",
    "IN": "0.50",
    "IT": "1.00",
    "JP": "3.00",
    "NL": "1.00",
    "NZ": "1.50",
    "PH": "5.00",
    "SA": "5.00",
    "SG": "2.50",
    "AE": "5.00",
    "ZA": "1.00",
}
DEFAULT_MONTHLY_LEASING_PRICE = "1.00"


def monthly_leasing_price(iso_country_code: str) -> str:
    return MONTHLY_LEASING_PRICES.get(iso_country_code, DEFAULT_MONTHLY_LEASING_PRICE)


def normalise_message_types(message_types: list[str] | None) -> list[str]:
    """Upper-case, de-duplicated, in request order; omitted or empty means TRANSACTIONAL only.

    Deviation: AWS's default for omitted message types is undocumented; TRANSACTIONAL is a guess.
    """
    result: list[str] = []
    for message_type in message_types or DEFAULT_MESSAGE_TYPES:
        if message_type.upper() not in result:
            result.append(message_type.upper())
    return result


@dataclass(frozen=True)
class NewSenderId:
    """What to store for a new sender ID, whether requested through the API or seeded by a test."""

    sender_id: str  # upper case
    iso_country_code: str
    message_types: list[str] | None
    deletion_protection_enabled: bool
    tags: list[dict[str, str]] = field(default_factory=list)
    registered: bool = False
    registration_id: str | None = None


class SenderId(BaseModel):
    """One alphanumeric sender ID in one country (stored upper-case, as AWS stores it)."""

    def __init__(
        self,
        *,
        arn: str,
        sender_id: str,
        iso_country_code: str,
        message_types: list[str],
        deletion_protection_enabled: bool,
        registered: bool = False,
        registration_id: str | None = None,
        sequence: int = 0,
    ) -> None:
        #: Creation order within the backend; pagination tokens point at it (see `listing`).
        self.sequence = sequence
        self.sender_id = sender_id
        self.iso_country_code = iso_country_code
        self.message_types = message_types
        self.deletion_protection_enabled = deletion_protection_enabled
        self.registered = registered
        self.registration_id = registration_id
        self.monthly_leasing_price = monthly_leasing_price(iso_country_code)
        self.arn = arn

    @property
    def key(self) -> tuple[str, str]:
        return self.sender_id, self.iso_country_code

    def check_releasable(self) -> None:
        """AWS refuses to release a sender ID with deletion protection: ConflictException."""
        if self.deletion_protection_enabled:
            raise ConflictException(
                f"Sender ID {self.sender_id} in {self.iso_country_code} has deletion protection enabled.",
                reason="DELETION_PROTECTION_ENABLED",
                resource_id=self.sender_id,
            )

    def _common(self) -> dict[str, Any]:
        return {
            "SenderIdArn": self.arn,
            "SenderId": self.sender_id,
            "IsoCountryCode": self.iso_country_code,
            "MessageTypes": list(self.message_types),
            "MonthlyLeasingPrice": self.monthly_leasing_price,
        }

    def _registration(self, record: dict[str, Any]) -> dict[str, Any]:
        record["Registered"] = self.registered
        if self.registered and self.registration_id:
            record["RegistrationId"] = self.registration_id
        return record

    def to_request_result(self, tags: list[dict[str, str]]) -> dict[str, Any]:
        """Deviation: Tags are echoed only when the request had tags (AWS unverified)."""
        record = self._common()
        record["DeletionProtectionEnabled"] = self.deletion_protection_enabled
        record["Registered"] = self.registered
        if tags:
            record["Tags"] = tags
        return record

    def to_update_result(self) -> dict[str, Any]:
        """Deviation: message types upper case, like RequestSenderId (unverified on AWS)."""
        record = self._common()
        record["DeletionProtectionEnabled"] = self.deletion_protection_enabled
        return self._registration(record)

    def to_release_result(self) -> dict[str, Any]:
        return self._registration(self._common())

    def to_describe_record(self) -> dict[str, Any]:
        """DescribeSenderIds answers message types in title case ("Transactional"), unlike the rest.

        Deviation: no MessagingLimits and no PricingTier (their values are unknown).
        """
        record = self._common()
        record["MessageTypes"] = [t.title() for t in self.message_types]
        record["DeletionProtectionEnabled"] = self.deletion_protection_enabled
        return self._registration(record)
