import brands
import pulumi

declared = brands.declare(pulumi.Config().require("senderId"))
pulumi.export("arns", {country: brand.sender_id_arn for country, brand in declared.items()})
pulumi.export("prices", {country: brand.monthly_leasing_price for country, brand in declared.items()})
