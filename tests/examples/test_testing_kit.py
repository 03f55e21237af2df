"""The runner and test kit as a user meets them (issue 11, findings 1-4): provider-backed mocks for their own
tests, any number of runs per process, a refusal in one line, the emulator without pytest and in any region."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import Any

import pulumi
import pytest

from pulumi_sms_sender_id import SenderId
from pulumi_sms_sender_id.testing import CheckFailed, run_program
from tests.support import EXAMPLES, ROOT, pulumi_test

BRANDS = """
    import pulumi
    from pulumi_sms_sender_id import SenderId

    sender_id = pulumi.Config().get("senderId") or "ACME"
    declared = {c: SenderId(f"brand-{c.lower()}", sender_id=sender_id, iso_country_code=c) for c in ("GB", "DE", "FR")}
"""
MAIN = """
    import pulumi
    import brands

    pulumi.export("arns", {c: b.sender_id_arn for c, b in brands.declared.items()})
"""
FAST = {"sms-sender-id:requestsPerSecond": "1000"}


def split_project(directory: Path, main: str = "__main__.py") -> Path:
    """A program split into modules: its main imports `brands`, which declares three sender IDs."""
    directory.mkdir(exist_ok=True)
    (directory / "Pulumi.yaml").write_text(f"name: split\nruntime: python\nmain: {main}\n")
    (directory / main).write_text(textwrap.dedent(MAIN))
    (directory / "brands.py").write_text(textwrap.dedent(BRANDS))
    return directory


# -- finding 1: the user's @pulumi.runtime.test tests see what the provider answers ------------------------


@pulumi_test
def test_sender_id_mocks_answer_with_the_arn_and_price_the_emulator_leased(
    sender_id_mocks: Any, sms_voice_client: Any
) -> pulumi.Output[Any]:
    brand = SenderId("brand", sender_id="ACME", iso_country_code="GB", tags={"team": "growth"})

    def check(values: list[Any]) -> None:
        (leased,) = sms_voice_client.describe_sender_ids()["SenderIds"]
        assert values == [leased["SenderIdArn"], leased["MonthlyLeasingPrice"]]
        assert leased["SenderIdArn"] == "arn:aws:sms-voice:us-east-1:123456789012:sender-id/ACME/GB"

    return pulumi.Output.all(brand.sender_id_arn, brand.monthly_leasing_price).apply(check)


@pytest.mark.parametrize(
    ("inputs", "reason"),
    [
        ({"sender_id": "-ACME", "iso_country_code": "US"}, "sender_id"),
        ({"sender_id": "ACME", "iso_country_code": "GB", "tags": {"aws:x": "1"}}, "tags"),
    ],
)
def test_sender_id_mocks_fail_a_test_with_the_providers_refusal(
    sender_id_mocks: Any, emulator_control: Any, inputs: dict[str, Any], reason: str
) -> None:
    @pulumi_test
    def declare() -> pulumi.Output[Any]:
        return SenderId("refused", **inputs).sender_id_arn

    with pytest.raises(CheckFailed, match=rf"^refused: {reason}"):
        declare()
    assert emulator_control.call_counts().get("RequestSenderId", 0) == 0


# -- finding 2: any number of runs in one process, for programs split into modules --------------------------


def test_a_program_split_into_modules_registers_everything_on_every_run(tmp_path: Path, sms_voice_client: Any) -> None:
    project = split_project(tmp_path / "split")

    first = run_program(project, config={**FAST, "senderId": "ONE"})
    second = run_program(project, config={**FAST, "senderId": "TWO"})

    assert [r.name for r in first.resources] and len(second.resources) == len(first.resources) == 3
    assert set(second.outputs["arns"]) == {"GB", "DE", "FR"}
    assert all(arn.endswith(f"/TWO/{c}") for c, arn in second.outputs["arns"].items())
    assert len(sms_voice_client.describe_sender_ids()["SenderIds"]) == 6


def test_a_file_main_imports_its_neighbours_and_runs_in_the_engines_working_directory(
    tmp_path: Path, sms_voice_client: Any
) -> None:
    project = split_project(tmp_path / "file-main", main="app.py")
    (project / "app.py").write_text(textwrap.dedent(MAIN) + 'pulumi.export("note", open("note.txt").read())\n')
    (project / "note.txt").write_text("read relative to the project")

    result = run_program(project, config=FAST)

    assert result.outputs["note"] == "read relative to the project"
    assert len(result.resources) == 3


def test_the_callers_own_modules_path_and_directory_are_restored(tmp_path: Path, sms_voice_client: Any) -> None:
    project = split_project(tmp_path / "split")
    callers = types.ModuleType("brands")
    callers.__file__ = str(project / "brands.py")  # a test that imported the program's module itself
    sys.modules["brands"] = callers
    path, cwd = list(sys.path), Path.cwd()
    try:
        result = run_program(project, config=FAST)
        assert len(result.resources) == 3, "the run imported its own fresh `brands`"
        assert sys.modules["brands"] is callers
        assert (sys.path, Path.cwd()) == (path, cwd)
    finally:
        del sys.modules["brands"]


# -- finding 3: a refusal is reported in one line, not 1,200 ---------------------------------------------


def test_the_runner_reports_a_refusal_in_one_line_and_exits_1(tmp_path: Path, emulator: Any) -> None:
    project = split_project(tmp_path / "split")
    env = {**emulator.env(), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    result = subprocess.run(
        [sys.executable, "-m", "pulumi_sms_sender_id.testing", str(project), "--config", "senderId=-ACME"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert re.match(r"error: CheckFailed: brand-(gb|de|fr): sender_id: .*hyphen", line), line


# -- finding 4: the emulator's server and controls without pytest, the in-process emulator in any region -----


def test_the_emulator_server_controls_and_runner_work_without_pytest(tmp_path: Path) -> None:
    script = """
        import sys
        sys.modules["pytest"] = None  # as with only the [emulator] extra: `import pytest` fails
        from pulumi_sms_sender_id.emulator import EmulatorControl, EmulatorServer
        import pulumi_sms_sender_id.testing

        with EmulatorServer() as server:
            EmulatorControl(server.endpoint_url).seed_sender_id("ACME", "GB")
            print(server.client().describe_sender_ids()["SenderIds"][0]["SenderId"])
        print("pytest" in sys.modules and sys.modules["pytest"])
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ACME", "None"]


@pytest.mark.parametrize("emulator_region", ["ap-southeast-2"])
def test_the_in_process_emulator_serves_the_region_the_test_asks_for(
    emulator_region: str, sms_voice_client: Any, tmp_path: Path
) -> None:
    result = run_program(split_project(tmp_path / "split"), config=FAST)  # no aws:region: the environment's

    assert sms_voice_client.meta.region_name == "ap-southeast-2"
    assert result.outputs["arns"]["GB"] == "arn:aws:sms-voice:ap-southeast-2:123456789012:sender-id/ACME/GB"
    assert len(sms_voice_client.describe_sender_ids()["SenderIds"]) == 3


# -- docs/testing.md's test file is the basic example's, and it passes where a user would run it ------------

USER_TEST_FILE = re.compile(r"<!-- tested: user-test-file .*?-->\n```python\n(?P<code>.*?)```", re.DOTALL)


def test_the_documented_test_file_is_the_basic_examples_and_passes_outside_the_repository(tmp_path: Path) -> None:
    example = EXAMPLES / "basic"
    match = USER_TEST_FILE.search((ROOT / "docs" / "testing.md").read_text())
    assert match, "docs/testing.md's complete test file is marked `<!-- tested: user-test-file ... -->`"
    assert match["code"] == (example / "tests" / "test_program.py").read_text()

    project = tmp_path / "basic"
    shutil.copytree(example, project, ignore=shutil.ignore_patterns("__pycache__", "Pulumi.*.yaml"))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
