"""Every example program, run as `pulumi up` would run it (mocks + real provider + emulator), judged by its outputs."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import boto3
import pulumi
import pytest
import yaml  # type: ignore[import-untyped]
from botocore.exceptions import ClientError

from pulumi_sms_sender_id.testing import load_project
from tests.examples.support import RunExample
from tests.support import EXAMPLES, REGION, REGISTRATION_TYPE_TOKEN, ROOT, TYPE_TOKEN

ARN = re.compile(r"^arn:aws:sms-voice:eu-west-2:\d{12}:sender-id/(?P<sender_id>[A-Z0-9-]+)/(?P<country>[A-Z]{2})$")
PRICE = re.compile(r"^\d+\.\d{2}$")

PROJECTS = sorted(path.parent for path in EXAMPLES.glob("*/Pulumi.yaml"))


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_examples_include_basic_multi_country_protected_and_registered_sender_id() -> None:
    assert {"basic", "multi-country", "protected", "registered-sender-id"} <= {p.name for p in PROJECTS}


@pytest.mark.parametrize("project", [*PROJECTS, ROOT], ids=[*(p.name for p in PROJECTS), "repo-root"])
def test_every_program_leases_its_sender_ids_and_exports_their_arns(project: Path, run_example: RunExample) -> None:
    result = run_example(project, config={"aws:region": REGION})

    sender_ids = [r for r in result.resources if r.type == TYPE_TOKEN]
    assert sender_ids, "the program declares no SenderId"
    assert all(r.operation == "create" and r.id and ARN.match(r.id) for r in sender_ids)
    exported = _strings(result.outputs)
    assert all(r.id in exported for r in sender_ids), "every sender ID's ARN is a stack output"


@pytest.mark.parametrize("project", PROJECTS, ids=[p.name for p in PROJECTS])
def test_every_example_is_a_complete_python_project_using_this_repos_venv(project: Path) -> None:
    manifest = yaml.safe_load((project / "Pulumi.yaml").read_text())
    assert manifest["runtime"]["name"] == "python"
    assert (project / manifest["runtime"]["options"]["virtualenv"]).resolve() == ROOT / ".venv"
    assert load_project(project).program == project
    assert (project / "__main__.py").is_file()
    assert (project / "README.md").read_text().strip()
    requirements = (project / "requirements.txt").read_text().splitlines()
    assert "pulumi-sms-sender-id" in [line.strip() for line in requirements], "a copied example installs the package"


def test_repo_root_project_runs_the_quick_start_program_in_the_repos_venv() -> None:
    manifest = yaml.safe_load((ROOT / "Pulumi.yaml").read_text())
    assert manifest["name"] == "pulumi-sms-sender-id"
    assert manifest["runtime"] == {"name": "python", "options": {"toolchain": "pip", "virtualenv": ".venv"}}
    # The program sits at the root (./__main__.py runs examples/basic/): the engine starts the provider's plugin
    # in the program's directory, where a relative virtualenv must name the same .venv as for the program.
    assert "main" not in manifest
    assert load_project(ROOT).program == ROOT
    assert '"examples" / "basic" / "__main__.py"' in (ROOT / "__main__.py").read_text()


def test_quick_start_leases_one_tagged_transactional_sender_id(run_example: RunExample, sms: Any) -> None:
    result = run_example(ROOT, stack="demo", config={"aws:region": REGION})

    outputs = result.outputs
    assert ARN.match(outputs["sender_id_arn"])
    assert (outputs["sender_id"], outputs["iso_country_code"]) == ("ACME", "GB")
    assert PRICE.match(outputs["monthly_leasing_price"])
    assert outputs["registered"] is False
    assert outputs["tags"] == {"project": "pulumi-sms-sender-id", "stack": "demo", "managed-by": "pulumi"}
    assert result.resource("brand").outputs["message_types"] == ["TRANSACTIONAL"]
    # The emulator, i.e. "AWS", holds exactly that sender ID with those tags.
    held = sms.describe_sender_ids()["SenderIds"]
    assert [s["SenderIdArn"] for s in held] == [outputs["sender_id_arn"]]
    tags = sms.list_tags_for_resource(ResourceArn=outputs["sender_id_arn"])["Tags"]
    assert {t["Key"]: t["Value"] for t in tags} == outputs["tags"]


def test_quick_start_takes_sender_id_and_country_from_stack_config(run_example: RunExample) -> None:
    result = run_example(EXAMPLES / "basic", config={"aws:region": REGION, "senderId": "Globex", "country": "DE"})

    match = ARN.match(result.outputs["sender_id_arn"])
    assert match and match.group("sender_id", "country") == ("GLOBEX", "DE")
    assert result.outputs["tags"]["project"] == "sms-sender-id-basic"


def test_multi_country_sample_stack_exports_a_row_per_configured_country(run_example: RunExample) -> None:
    sample = yaml.safe_load((EXAMPLES / "multi-country" / "Pulumi.dev.yaml").read_text())["config"]
    countries = sample["sms-sender-id-multi-country:countries"]

    result = run_example(EXAMPLES / "multi-country", stack="dev")

    table = result.outputs["sender_ids"]
    assert sorted(table) == sorted(countries)
    for country, row in table.items():
        match = ARN.match(row["arn"])
        assert match and match.group("sender_id", "country") == ("ACME", country)
        assert PRICE.match(row["monthly_leasing_price"])
        assert row["registered"] is False
    total = sum(Decimal(row["monthly_leasing_price"]) for row in table.values())
    assert Decimal(result.outputs["total_monthly_leasing_price"]) == total
    assert sorted(r.name for r in result.resources) == sorted(f"acme-{c.lower()}" for c in countries)


def test_multi_country_defaults_to_gb_de_fr_without_config(run_example: RunExample) -> None:
    result = run_example(EXAMPLES / "multi-country", stack="staging", config={"aws:region": REGION})

    assert sorted(result.outputs["sender_ids"]) == ["DE", "FR", "GB"]


def test_multi_country_normalises_and_deduplicates_country_codes(run_example: RunExample) -> None:
    result = run_example(
        EXAMPLES / "multi-country",
        stack="staging",
        config={"aws:region": REGION, "senderId": "Initech", "countries": ["gb", " GB", "ie"]},
    )

    assert sorted(result.outputs["sender_ids"]) == ["GB", "IE"]
    assert sorted(r.name for r in result.resources) == ["initech-gb", "initech-ie"]


def test_multi_country_refuses_a_countries_value_that_is_not_a_list(run_example: RunExample) -> None:
    with pytest.raises(pulumi.RunError, match="countries must be a non-empty list"):
        run_example(EXAMPLES / "multi-country", stack="staging", config={"countries": {"GB": True}})


def test_protected_example_on_prod_turns_on_aws_deletion_protection_and_pulumi_protect(
    run_example: RunExample, sms: Any
) -> None:
    result = run_example(EXAMPLES / "protected", stack="prod")

    assert result.outputs["deletion_protection_enabled"] is True
    assert result.outputs["pulumi_protect"] is True
    assert result.resource("brand").protect is True
    with pytest.raises(ClientError) as refused:
        sms.release_sender_id(SenderId=result.outputs["sender_id_arn"], IsoCountryCode="GB")
    response: dict[str, Any] = dict(refused.value.response)  # boto3's stubs do not know the modeled Reason
    assert response["Reason"] == "DELETION_PROTECTION_ENABLED"


@pytest.mark.parametrize(("stack", "config"), [("dev", {}), ("prod", {"protect": False})])
def test_protected_example_leaves_other_stacks_and_opted_out_ones_unprotected(
    stack: str, config: dict[str, Any], run_example: RunExample, sms: Any
) -> None:
    result = run_example(EXAMPLES / "protected", stack=stack, config={"aws:region": REGION, **config})

    assert result.outputs["deletion_protection_enabled"] is False
    assert result.outputs["pulumi_protect"] is False
    assert result.resource("brand").protect is False
    sms.release_sender_id(SenderId=result.outputs["sender_id_arn"], IsoCountryCode="GB")


def test_registered_sender_id_registers_with_its_attachment_and_takes_the_approved_sender_id_over(
    run_example: RunExample, emulated: Any
) -> None:
    result = run_example(EXAMPLES / "registered-sender-id")  # Pulumi.dev.yaml: ap-south-1

    sms = boto3.client("pinpoint-sms-voice-v2", region_name="ap-south-1")
    registration = result.resource("acme-in", REGISTRATION_TYPE_TOKEN)
    outputs = result.outputs
    assert (registration.id, outputs["registration_status"]) == (outputs["registration_id"], "COMPLETE")
    (attachment_id,) = outputs["attachment_ids"].values()
    uploaded = sms.describe_registration_attachments(RegistrationAttachmentIds=[attachment_id])
    assert uploaded["RegistrationAttachments"][0]["AttachmentStatus"] == "UPLOAD_COMPLETE"
    (held,) = sms.describe_sender_ids()["SenderIds"]
    assert outputs["sender_id_arn"] == held["SenderIdArn"] == registration.outputs["sender_id_arn"]
    assert held["SenderIdArn"].startswith("arn:aws:sms-voice:ap-south-1:")
    assert (outputs["registered"], held["RegistrationId"]) == (True, outputs["registration_id"])
    assert sms.list_tags_for_resource(ResourceArn=held["SenderIdArn"])["Tags"] == [
        {"Key": "project", "Value": "sms-sender-id-registered"},
        {"Key": "stack", "Value": "dev"},
    ]
    assert (outputs["denied_reasons"], outputs["field_feedback"]) == ([], {})
