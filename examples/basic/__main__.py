"""Quick start: one SMS sender ID with tags, in the stack's region.

    pulumi config set aws:region eu-west-2
    pulumi config set senderId ACME        # optional, default ACME
    pulumi config set country GB           # optional, default GB (accepts unregistered sender IDs)
    pulumi up

Exports the sender ID's ARN, monthly leasing price (USD, a decimal string) and tags.
"""

import pulumi

from pulumi_sms_sender_id import MessageType, SenderId, SenderIdArgs

config = pulumi.Config()
sender_id = config.get("senderId") or "ACME"
country = config.get("country") or "GB"

brand = SenderId(
    "brand",
    SenderIdArgs(
        sender_id=sender_id,
        iso_country_code=country,
        message_types=[MessageType.TRANSACTIONAL],
        tags={"project": pulumi.get_project(), "stack": pulumi.get_stack(), "managed-by": "pulumi"},
    ),
)

pulumi.export("sender_id", brand.sender_id)
pulumi.export("iso_country_code", brand.iso_country_code)
pulumi.export("sender_id_arn", brand.sender_id_arn)
pulumi.export("monthly_leasing_price", brand.monthly_leasing_price)
pulumi.export("registered", brand.registered)
pulumi.export("tags", brand.tags)
