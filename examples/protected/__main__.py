"""A production sender ID, guarded twice: AWS deletion protection and Pulumi's `protect`.

Losing a leased sender ID can mean losing it for good (someone else may lease it, and
registered ones take weeks to register again), so on a production stack:

* `deletion_protection_enabled=True`: AWS itself refuses ReleaseSenderId, from any tool;
* `protect=True`: `pulumi destroy` and replacements stop before touching it.

Production is any stack named `prod` or `production`, unless `protect` is set in stack config.
To retire it on purpose: `pulumi config set protect false`, `pulumi up`, then `pulumi destroy`.
"""

import pulumi

from pulumi_sms_sender_id import MessageType, SenderId, SenderIdArgs

config = pulumi.Config()
stack = pulumi.get_stack()
sender_id = config.get("senderId") or "ACME"
country = config.get("country") or "GB"
protected = config.get_bool("protect")
if protected is None:
    protected = stack in ("prod", "production")

brand = SenderId(
    "brand",
    SenderIdArgs(
        sender_id=sender_id,
        iso_country_code=country,
        message_types=[MessageType.TRANSACTIONAL],
        deletion_protection_enabled=protected,
        tags={"environment": stack, "protected": str(protected).lower()},
    ),
    opts=pulumi.ResourceOptions(protect=protected),
)

pulumi.export("sender_id_arn", brand.sender_id_arn)
pulumi.export("deletion_protection_enabled", brand.deletion_protection_enabled)
pulumi.export("pulumi_protect", protected)
pulumi.export("monthly_leasing_price", brand.monthly_leasing_price)
