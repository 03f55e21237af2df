"""`pulumi_sms_sender_id.testing`, the runner of the example tests and demo.sh: faithful to how Pulumi runs a
program, and contained."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pulumi
import pytest
from pulumi.runtime.config import CONFIG

from pulumi_sms_sender_id import testing
from pulumi_sms_sender_id.testing import CheckFailed, load_project, run_program, stack_config
from tests.support import EXAMPLES, REGION, TYPE_TOKEN

ARN = "arn:aws:sms-voice:eu-west-2:123456789012:sender-id/ACME/GB"


def project(tmp_path: Path, program: str, manifest: str = "", **stack_files: str) -> Path:
    """A throwaway Pulumi project in tmp_path."""
    (tmp_path / "Pulumi.yaml").write_text(f"name: scratch\nruntime: python\n{textwrap.dedent(manifest)}")
    (tmp_path / "__main__.py").write_text(textwrap.dedent(program))
    for stack, text in stack_files.items():
        (tmp_path / f"Pulumi.{stack}.yaml").write_text(textwrap.dedent(text))
    return tmp_path


def test_stack_outputs_are_the_resolved_values_the_engine_would_receive(tmp_path: Path, emulated: Any) -> None:
    program = """
        import pulumi
        from pulumi_sms_sender_id import SenderId
        brand = SenderId("brand", sender_id="acme", iso_country_code="GB")
        pulumi.export("nested", {"arn": brand.sender_id_arn, "list": [brand.iso_country_code, 1, True]})
        pulumi.export("secret", pulumi.Output.secret("hunter2"))
        pulumi.export("later", brand.monthly_leasing_price.apply(lambda p: "USD " + p))
    """
    result = run_program(project(tmp_path, program), config={"aws:region": REGION})

    assert result.outputs == {"nested": {"arn": ARN, "list": ["GB", 1, True]}, "secret": "hunter2", "later": "USD 1.00"}
    (brand,) = result.resources
    assert (brand.type, brand.name, brand.id, brand.operation) == (TYPE_TOKEN, "brand", ARN, "create")
    assert brand.urn.startswith("urn:pulumi:dev::scratch::")  # the mock monitor prefixes the parent's type


def test_sender_id_get_is_answered_by_the_providers_read(tmp_path: Path, emulated: Any) -> None:
    emulated.seed_sender_id("ACME", "GB", region=REGION, tags={"owner": "ops"})
    program = f"""
        import pulumi
        from pulumi_sms_sender_id import SenderId
        existing = SenderId.get("existing", "{ARN}")
        pulumi.export("tags", existing.tags)
    """
    result = run_program(project(tmp_path, program), config={"aws:region": REGION})

    assert result.outputs == {"tags": {"owner": "ops"}}
    assert result.resource("existing").operation == "read"


def test_a_check_failure_fails_the_run_with_the_providers_reason(tmp_path: Path, emulated: Any) -> None:
    program = """
        from pulumi_sms_sender_id import SenderId
        SenderId("bad", sender_id="no spaces allowed", iso_country_code="GB")
    """
    with pytest.raises(CheckFailed, match="sender_id"):
        run_program(project(tmp_path, program), config={"aws:region": REGION})
    assert emulated.call_counts().get("RequestSenderId", 0) == 0


def test_a_program_error_propagates_unchanged(tmp_path: Path) -> None:
    with pytest.raises(ZeroDivisionError):
        run_program(project(tmp_path, "1 / 0\n"))


def test_a_run_leaves_the_callers_pulumi_runtime_alone(tmp_path: Path, pulumi_mocks: Any) -> None:
    outer_root = pulumi.runtime.settings.get_root_resource()
    token = CONFIG.set({**CONFIG.get(), "project:outer": "kept"})
    try:
        program = "import pulumi\npulumi.export('stack', pulumi.get_stack())\n"
        result = run_program(project(tmp_path, program), stack="inner")

        assert result.outputs == {"stack": "inner"}
        assert (pulumi.get_project(), pulumi.get_stack()) == ("project", "test")
        assert pulumi.runtime.settings.get_root_resource() is outer_root
        assert pulumi.Config("project").get("outer") == "kept"
    finally:
        CONFIG.reset(token)


def test_stack_config_is_project_defaults_then_stack_file_then_overrides(tmp_path: Path) -> None:
    manifest = """
        config:
          greeting:
            type: string
            default: hello
          plain: 1
          replaced: {value: from-project}
    """
    stack_file = """
        config:
          aws:region: eu-west-2
          scratch:replaced: from-stack
          scratch:countries: [GB, DE]
          scratch:enabled: true
    """
    directory = project(tmp_path, "", manifest, dev=stack_file)

    config = stack_config(load_project(directory), "dev", {"enabled": False, "other:key": 2.5})

    assert config == {
        "scratch:greeting": "hello",
        "scratch:plain": "1",
        "scratch:replaced": "from-stack",
        "aws:region": "eu-west-2",
        "scratch:countries": json.dumps(["GB", "DE"]),
        "scratch:enabled": "false",
        "other:key": "2.5",
    }
    assert stack_config(load_project(directory), "prod") == {
        "scratch:greeting": "hello",
        "scratch:plain": "1",
        "scratch:replaced": "from-project",
    }


def test_secrets_encrypted_by_the_cli_are_refused_with_what_to_do(tmp_path: Path) -> None:
    directory = project(tmp_path, "", dev="config:\n  scratch:token:\n    secure: v1:abc\n")

    with pytest.raises(ValueError, match=r"scratch:token is a secret.*--config"):
        stack_config(load_project(directory), "dev")


@pytest.mark.parametrize(
    ("manifest", "error", "message"),
    [
        ("name: x\nruntime: nodejs\n", ValueError, "only Python programs"),
        ("name: x\nruntime: python\nmain: missing/\n", FileNotFoundError, "neither a .py file nor a directory"),
        ("runtime: python\n", ValueError, "no project name"),
    ],
)
def test_projects_it_cannot_run_are_refused_with_the_reason(
    tmp_path: Path, manifest: str, error: type[Exception], message: str
) -> None:
    (tmp_path / "Pulumi.yaml").write_text(manifest)
    (tmp_path / "__main__.py").write_text("")

    with pytest.raises(error, match=message):
        load_project(tmp_path)


def test_cli_prints_the_labelled_report_of_resources_and_outputs(
    emulated: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code = testing.main([str(EXAMPLES / "basic"), "--stack", "demo", "--config", f"aws:region={REGION}"])

    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith(f"== {testing.HEADING}\n")
    assert f"+ {TYPE_TOKEN}  brand  created  id={ARN}" in out
    outputs = json.loads(out.split("Stack outputs:\n", 1)[1])
    assert outputs["sender_id_arn"] == ARN


def test_cli_json_mode_and_failures(emulated: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert testing.main([str(EXAMPLES / "basic"), "--json", "--config", f"aws:region={REGION}"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["outputs"]["sender_id_arn"] == ARN
    assert [r["operation"] for r in document["resources"]] == ["create"]

    assert testing.main([str(project(tmp_path, "raise RuntimeError('no region')\n"))]) == 1
    assert capsys.readouterr().err == "error: RuntimeError: no region\n"
