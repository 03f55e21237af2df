"""The sender IDs, in their own module so that tests can declare them too."""

import pulumi

from pulumi_sms_sender_id import MessageType, SenderId

COUNTRIES = ("GB", "DE", "FR")


def declare(sender_id: str) -> dict[str, SenderId]:
    """One transactional sender ID per country, tagged with the stack."""
    return {
        country: SenderId(
            f"brand-{country.lower()}",
            sender_id=sender_id,
            iso_country_code=country,
            message_types=[MessageType.TRANSACTIONAL],
            tags={"stack": pulumi.get_stack()},
        )
        for country in COUNTRIES
    }
