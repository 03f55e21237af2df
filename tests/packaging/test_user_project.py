"""A user's first hour, from the installed wheel and outside the repository: run a project declaring three
sender IDs without the Pulumi CLI, then the project's own tests written with the kit."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from pulumi_sms_sender_id.emulator import EmulatorServer
from tests.packaging.conftest import USER_PROJECT, FreshEnv

REGION = "eu-west-2"  # the project's Pulumi.dev.yaml


@pytest.fixture
def user_project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(USER_PROJECT, tmp_path / "brands"))


@pytest.fixture
def served(fresh_env: FreshEnv) -> Any:
    """The emulator server, started from the fresh virtualenv, and the environment pointing boto3 at it."""
    with EmulatorServer(python=str(fresh_env.python)) as server:
        yield server, {**os.environ, **server.env(), "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION}


def test_the_runner_prints_the_three_sender_ids_and_the_outputs_as_json(
    fresh_env: FreshEnv, user_project: Path, served: Any
) -> None:
    server, env = served
    result = fresh_env.run(
        "-m",
        "pulumi_sms_sender_id.testing",
        str(user_project),
        "--stack",
        "dev",
        "--json",
        cwd=user_project.parent,
        env=env,
    )

    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    arns = document["outputs"]["arns"]
    assert arns == {c: f"arn:aws:sms-voice:{REGION}:123456789012:sender-id/ACME/{c}" for c in ("GB", "DE", "FR")}
    assert sorted(r["id"] for r in document["resources"]) == sorted(arns.values())
    assert server.control.call_counts()["RequestSenderId"] == 3


def test_a_refusal_exits_1_with_the_providers_reason_in_one_line(
    fresh_env: FreshEnv, user_project: Path, served: Any
) -> None:
    server, env = served
    result = fresh_env.run(
        "-m", "pulumi_sms_sender_id.testing", str(user_project), "--config", "senderId=-ACME", cwd=user_project, env=env
    )

    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: CheckFailed: brand-") and "sender_id" in line
    assert server.control.call_counts().get("RequestSenderId", 0) == 0


def test_the_projects_own_tests_pass_with_the_kit_from_the_wheel(
    fresh_env: FreshEnv, user_project: Path, record_property: Any
) -> None:
    started = time.monotonic()
    result = fresh_env.run("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=user_project)
    tested = time.monotonic() - started

    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
    # The closing measurement of issue 11: from `pip install` of the wheel to a passing user test.
    record_property("pip_install_seconds", round(fresh_env.install_seconds, 2))
    record_property("user_tests_seconds", round(tested, 2))
    print(f"pip install {fresh_env.install_seconds:.1f} s + user tests {tested:.1f} s")
