"""adopt also writes the account's registrations, and the program takes each over as it is: no change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import boto3
import pytest

from tests.adoption.support import FAST, Adopt, ruff_clean, run_program
from tests.registration.support import PROOF, changes, values
from tests.support import INDIA, INDIA_FORM, REGISTRATION_TYPE_TOKEN

REGION = "ap-south-1"


def register(sms: Any, fields: dict[str, Any], tags: dict[str, str] | None = None) -> str:
    """A registration made outside Pulumi (the console, a script): created and its values put."""
    params: dict[str, Any] = {"RegistrationType": INDIA}
    if tags:
        params["Tags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    registration_id = str(sms.create_registration(**params)["RegistrationId"])
    for path, value in fields.items():
        kind = "SelectChoices" if isinstance(value, list) else "TextValue"
        sms.put_registration_field_value(RegistrationId=registration_id, FieldPath=path, **{kind: value})
    return registration_id


@pytest.fixture
def registered(emulated: Any) -> dict[str, str]:
    """An approved registration (with an attachment and tags), a draft, and a deleted one, in ap-south-1."""
    emulated.configure(attachment_upload_seconds=0, registration_provisioning_seconds=0)
    sms = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    approved = register(sms, INDIA_FORM, {"team": "growth"})
    attachment = sms.create_registration_attachment(AttachmentUrl="s3://acme-registrations/proof.pdf")
    sms.describe_registration_attachments()  # the upload completes
    sms.put_registration_field_value(
        RegistrationId=approved, FieldPath=PROOF, RegistrationAttachmentId=attachment["RegistrationAttachmentId"]
    )
    sms.submit_registration_version(RegistrationId=approved)
    emulated.approve_registration(approved)
    draft = register(sms, {"senderIdInfo.senderId": "NEWSIN", "companyInfo.companyName": "ACME News"})
    deleted = register(sms, {})
    sms.delete_registration(RegistrationId=deleted)
    emulated.reset_call_counts()
    return {"approved": approved, "draft": draft, "deleted": deleted}


def test_adopt_declares_each_registration_as_aws_holds_it(
    tmp_path: Path, emulated: Any, registered: dict[str, str], adopt: Adopt
) -> None:
    program = tmp_path / "infra" / "__main__.py"
    adopted = adopt("--output", str(program), regions=(REGION,))

    assert adopted.status == 0
    text = program.read_text()
    assert f'registration_id="{registered["approved"]}"' in text
    assert f'registration_id="{registered["draft"]}"' in text
    assert registered["deleted"] not in text
    assert text.count("submit=False,\n") == 1, "the draft stays a draft"
    assert '"companyInfo.areaOfBusiness": ["Technology"],' in text
    assert f'"{PROOF}": (\n                "arn:aws:sms-voice:{REGION}:123456789012:registration-attachment/' in text
    assert "adopt: ap-south-1: 2 registrations found" in adopted.stderr
    ruff_clean(program)


def test_the_adopted_program_takes_every_registration_over_with_no_change(
    tmp_path: Path, emulated: Any, registered: dict[str, str], adopt: Adopt
) -> None:
    program = tmp_path / "infra" / "__main__.py"
    assert adopt("--output", str(program), regions=(REGION,)).status == 0
    emulated.reset_call_counts()

    result = run_program(program.parent, config={**FAST, "aws:region": REGION})

    assert changes(emulated.call_counts()) == {}
    approved = result.resource("acmein-in-registration", REGISTRATION_TYPE_TOKEN).outputs
    sms = boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
    assert approved["registration_id"] == registered["approved"]
    assert {**approved["fields"], PROOF: values(sms, registered["approved"])[PROOF]} == values(
        sms, registered["approved"]
    )
    assert (approved["registration_status"], approved["tags"]) == ("COMPLETE", {"team": "growth"})
    draft = result.resource("newsin-in-registration", REGISTRATION_TYPE_TOKEN).outputs
    assert (draft["registration_status"], draft["version_status"]) == ("CREATED", "DRAFT")
    assert result.outputs["registration_ids"] == {
        "acmein-in-registration": registered["approved"],
        "newsin-in-registration": registered["draft"],
    }


def test_no_registrations_leaves_them_out(emulated: Any, registered: dict[str, str], adopt: Adopt) -> None:
    adopted = adopt("--no-registrations", regions=(REGION,))

    assert adopted.status == 0
    assert "Registration(" not in adopted.stdout
    assert "DescribeRegistrations" not in emulated.call_counts()
