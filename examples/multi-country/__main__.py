"""One brand, many countries: a sender ID per country in stack config, and a table of ARNs and prices.

    pulumi config set aws:region eu-west-2
    pulumi config set senderId ACME
    pulumi config set --path 'countries[0]' GB
    pulumi config set --path 'countries[1]' DE
    pulumi up
    pulumi stack output sender_ids --json

Each country is its own resource named after its code, so adding or removing a country touches
only that country's sender ID.
"""

from decimal import Decimal
from typing import Any

import pulumi

from pulumi_sms_sender_id import MessageType, SenderId, SenderIdArgs

DEFAULT_COUNTRIES = ["GB", "DE", "FR"]

config = pulumi.Config()
sender_id = config.get("senderId") or "ACME"
configured: Any = config.get_object("countries")
if configured is None:
    configured = DEFAULT_COUNTRIES
if not isinstance(configured, list) or not configured or not all(isinstance(c, str) for c in configured):
    raise pulumi.RunError(
        f"config countries must be a non-empty list of ISO country codes, e.g. [GB, DE]; got {configured!r}"
    )
countries = list(dict.fromkeys(code.strip().upper() for code in configured))

senders = {
    country: SenderId(
        f"{sender_id.lower()}-{country.lower()}",
        SenderIdArgs(
            sender_id=sender_id,
            iso_country_code=country,
            message_types=[MessageType.TRANSACTIONAL],
            tags={"brand": sender_id, "country": country, "stack": pulumi.get_stack()},
        ),
    )
    for country in countries
}


def _total(prices: list[str]) -> str:
    return str(sum((Decimal(price) for price in prices), Decimal("0.00")))


pulumi.export(
    "sender_ids",
    {
        country: {
            "arn": sender.sender_id_arn,
            "monthly_leasing_price": sender.monthly_leasing_price,
            "registered": sender.registered,
        }
        for country, sender in senders.items()
    },
)
pulumi.export(
    "total_monthly_leasing_price",
    pulumi.Output.all(*(s.monthly_leasing_price for s in senders.values())).apply(_total),
)
