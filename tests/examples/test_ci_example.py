"""The CI example: preview on pull requests, up on main only, with the AWS access the provider really needs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import botocore.session
import pytest
import yaml  # type: ignore[import-untyped]
from botocore import xform_name

from pulumi_sms_sender_id.aws import operations
from tests.support import EXAMPLES, ROOT

CI = EXAMPLES / "ci"
WORKFLOW = CI / "github-actions.yml"


def _workflow() -> dict[Any, Any]:
    document: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text())
    return document


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    on: dict[str, Any] = workflow["on"] if "on" in workflow else workflow[True]  # YAML 1.1 reads a bare `on` as True
    return on


def _pulumi_step(job: dict[str, Any]) -> dict[str, Any]:
    steps: list[dict[str, Any]] = [s for s in job["steps"] if str(s.get("uses", "")).startswith("pulumi/actions@")]
    (step,) = steps
    return step


def _jobs_run_for(event_name: str, ref: str) -> set[str]:
    """Evaluate each job's `if:` (this workflow's subset of GitHub's expression syntax) for an event."""
    github = SimpleNamespace(event_name=event_name, ref=ref)
    chosen = set()
    for name, job in _workflow()["jobs"].items():
        condition = job.get("if", "true").replace("&&", " and ").replace("||", " or ")
        if eval(condition, {"__builtins__": {}, "true": True}, {"github": github}):
            chosen.add(name)
    return chosen


def _expand(text: str, env: dict[str, str]) -> str:
    return re.sub(r"\$\{\{\s*env\.(\w+)\s*\}\}", lambda m: env[m.group(1)], text)


def test_workflow_triggers_on_pull_requests_and_pushes_to_main_only() -> None:
    triggers = _triggers(_workflow())

    assert set(triggers) == {"pull_request", "push"}
    assert triggers["pull_request"]["branches"] == ["main"]
    assert triggers["push"]["branches"] == ["main"]


def test_a_pull_request_runs_only_a_preview_that_comments_on_the_pr() -> None:
    jobs = _workflow()["jobs"]

    (name,) = _jobs_run_for("pull_request", "refs/pull/7/merge")
    step = _pulumi_step(jobs[name])
    assert step["with"]["command"] == "preview"
    assert step["with"]["comment-on-pr"] is True


def test_a_push_to_main_runs_only_up() -> None:
    jobs = _workflow()["jobs"]

    (name,) = _jobs_run_for("push", "refs/heads/main")
    assert _pulumi_step(jobs[name])["with"]["command"] == "up"
    assert jobs[name]["concurrency"]["cancel-in-progress"] is False
    assert _jobs_run_for("push", "refs/heads/feature") == set()


@pytest.mark.parametrize("job_name", sorted(_workflow()["jobs"]))
def test_every_pulumi_step_has_aws_credentials_region_token_and_dependencies(job_name: str) -> None:
    workflow = _workflow()
    job = workflow["jobs"][job_name]
    steps = job["steps"]
    pulumi_at = steps.index(_pulumi_step(job))
    before = steps[:pulumi_at]

    (aws,) = [s for s in before if str(s.get("uses", "")).startswith("aws-actions/configure-aws-credentials@")]
    assert aws["with"]["role-to-assume"].startswith("${{ vars.")  # OIDC role, no long-lived keys
    assert "aws-access-key-id" not in aws["with"]
    assert aws["with"]["aws-region"] == "${{ env.AWS_REGION }}"
    assert workflow["permissions"]["id-token"] == "write"
    assert any("pip install" in s.get("run", "") and "requirements.txt" in s["run"] for s in before)

    settings = _pulumi_step(job)["with"]
    assert settings["work-dir"] == "${{ env.WORK_DIR }}"
    config = yaml.safe_load(_expand(settings["config-map"], workflow["env"]))
    assert config == {"aws:region": {"value": workflow["env"]["AWS_REGION"], "secret": False}}
    assert re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d", workflow["env"]["AWS_REGION"])
    assert _pulumi_step(job)["env"]["PULUMI_ACCESS_TOKEN"] == "${{ secrets.PULUMI_ACCESS_TOKEN }}"


def _actions(policy: Path) -> set[str]:
    document = json.loads(policy.read_text())
    return {action for statement in document["Statement"] for action in statement["Action"]}


def _operations_the_provider_calls() -> set[str]:
    """IAM action names of the API operations the provider's source calls (not the emulator's).

    Calls go through `calls.call(connection, "Operation", ...)`, so an operation counts when its name
    is a string literal of its own, or when a client method is named (`api.x`, called or passed on).
    `aws/operations.py` (the operations table, which lists every operation by definition) is left out.
    """
    model = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")
    package = ROOT / "provider" / "pulumi_sms_sender_id"
    modules = [p for p in package.rglob("*.py") if not {"emulator", "testing"} & set(p.relative_to(package).parts)]
    source = "\n".join(p.read_text() for p in modules if p.name != "operations.py")
    return {
        f"sms-voice:{operation}"
        for operation in model.operation_names
        if re.search(rf"\"{operation}\"|\.{xform_name(operation)}\b", source)
    }


def test_deploy_policy_allows_exactly_the_operations_the_provider_calls() -> None:
    called = _operations_the_provider_calls()

    assert "sms-voice:RequestSenderId" in called
    assert _actions(CI / "iam-policy.json") == called


def test_preview_policy_is_read_only_and_enough_for_a_refreshing_preview() -> None:
    reads = {f"sms-voice:{name}" for name, retry in operations.RETRY.items() if retry is operations.Retry.READ}
    assert "sms-voice:DescribeRegistrations" in reads
    assert _actions(CI / "iam-policy-preview.json") == reads


def test_ci_readme_names_the_secrets_variables_and_policies_the_workflow_uses() -> None:
    readme = (CI / "README.md").read_text()
    workflow = WORKFLOW.read_text()

    for name in sorted(set(re.findall(r"\$\{\{\s*(?:secrets|vars)\.(\w+)", workflow))):
        assert name in readme
    assert "iam-policy.json" in readme
    assert "iam-policy-preview.json" in readme
