"""An India sender ID: the registration AWS requires first, then the sender ID AWS provisions on approval.

    pulumi config set aws:region ap-south-1      # India registers only in ap-south-1 and ap-south-2
    pulumi up        # checks the form, creates the registration, uploads the proof, submits it;
                     # the SenderId then fails: "not provisioned yet: its registration ... is SUBMITTED"
    pulumi refresh   # weeks later: REVIEWING, REQUIRES_UPDATES (see denied_reasons, field_feedback), COMPLETE
    pulumi up        # once COMPLETE: takes the sender ID over (no lease), with its tags

A denial: fix the fields named in `field_feedback` below and `pulumi up` submits a new version. The values
are examples: yours come from your TRAI DLT registration (entity ID, telemarketer chain IDs).
"""

import pulumi

from pulumi_sms_sender_id import Registration, RegistrationArgs, SenderId, SenderIdArgs

config = pulumi.Config()
sender_id = config.get("senderId") or "ACMEIN"

registration = Registration(
    "acme-in",
    RegistrationArgs(
        registration_type="IN_SENDER_ID_REGISTRATION",
        fields={
            "senderIdInfo.senderId": sender_id,
            "companyInfo.companyName": "ACME India Private Limited",
            "companyInfo.companyId": "U72900MH2020PTC123456",
            "companyInfo.website": "https://acme.example",
            "companyInfo.areaOfBusiness": ["Technology"],  # a SELECT field: a list of choices
            "companyAddress.address1": "1 MG Road",
            "companyAddress.city": "Mumbai",
            "companyAddress.isoCountryCode": "IN",
            "contactInfo.emailAddress": "sms@acme.example",
            "contactInfo.phoneNumber": "+912212345678",
            "messagingUseCase.useCaseCategory": ["One-time passcodes"],
            "messagingUseCase.useCaseDescription": "Sign-in codes for the ACME app.",
            "messagingUseCase.optInDescription": "Users enter their number in the app and confirm it.",
            "messagingUseCase.monthlyMessageVolume": ["10,000"],
            "messageSamples.messageSample1": "Your ACME code is 123456. It expires in 10 minutes.",
            "inSidSpecificInfo.principalEntityId": "1101234567890123456",
            "inSidSpecificInfo.chainId1": "1101000000000000001",
            "inSidSpecificInfo.chainId2": "1101000000000000002",
            "inSidSpecificInfo.chainId3": "1101000000000000003",
            "inSidSpecificInfo.chainId5": "1101000000000000005",
            "inSidSpecificInfo.sendingParametersAcknowledgement": ["Yes"],
        },
        # Relative to this project's directory; an s3://bucket/key URL works too.
        attachments={"senderIdInfo.proofOfSenderIdConnection": "proof-of-sender-id-connection.pdf"},
        tags={"project": pulumi.get_project(), "stack": pulumi.get_stack()},
    ),
)

# AWS creates this sender ID when it approves the registration; until then `pulumi up` says where it stands.
brand = SenderId(
    "acme-in",
    SenderIdArgs(
        sender_id=sender_id,
        iso_country_code="IN",
        registration_id=registration.registration_id,
        tags={"project": pulumi.get_project(), "stack": pulumi.get_stack()},
    ),
)

pulumi.export("registration_id", registration.registration_id)
pulumi.export("registration_status", registration.registration_status)
pulumi.export("denied_reasons", registration.denied_reasons)
pulumi.export("field_feedback", registration.field_feedback)
pulumi.export("attachment_ids", registration.attachment_ids)
pulumi.export("sender_id_arn", brand.sender_id_arn)
pulumi.export("registered", brand.registered)
