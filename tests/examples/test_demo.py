"""./demo.sh end to end, as a newcomer runs it: here without the pulumi CLI, so it takes the mocks path."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pulumi_sms_sender_id.testing import HEADING
from tests.support import ROOT, TYPE_TOKEN

INSTALL_LINE = (
    "pulumi CLI not found: install it from https://www.pulumi.com/docs/install/ to run this demo with the "
    "Pulumi engine; running the quick-start program under Pulumi's mocks instead."
)
#: What bash prints when the script itself goes wrong (a missing file, a bad test, a typo), as opposed to
#: the messages demo.sh prints on purpose.
SHELL_ERROR = re.compile(
    r"No such file or directory|integer expression expected|command not found|syntax error|unbound variable"
)
EMULATOR_LINE = re.compile(r"^== Emulator running at (http://127\.0\.0\.1:\d+) \(pid (\d+)\)$", re.MULTILINE)
ARN = "arn:aws:sms-voice:eu-west-2:123456789012:sender-id/ACME/GB"

pytestmark = pytest.mark.skipif(
    Path(sys.prefix).resolve() != (ROOT / ".venv").resolve(),
    reason="demo.sh uses the repository's .venv; run the tests from it (./test.sh does)",
)


def _env_without_pulumi() -> dict[str, str]:
    """This environment minus any pulumi on PATH, and told to leave a built one alone (DEMO_WITHOUT_PULUMI);
    DEMO_SKIP_INSTALL keeps the run offline and quick."""
    path = [d for d in os.environ.get("PATH", "").split(os.pathsep) if d and not shutil.which("pulumi", path=d)]
    return {**os.environ, "PATH": os.pathsep.join(path), "DEMO_SKIP_INSTALL": "1", "DEMO_WITHOUT_PULUMI": "1"}


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture(scope="module")
def demo_run() -> subprocess.CompletedProcess[str]:
    """One run of ./demo.sh without the CLI, for the tests that read what it printed."""
    return subprocess.run(
        ["bash", str(ROOT / "demo.sh")], env=_env_without_pulumi(), capture_output=True, text=True, timeout=120
    )


def test_demo_without_the_cli_runs_the_quick_start_under_mocks_and_leaves_no_process(
    demo_run: subprocess.CompletedProcess[str],
) -> None:
    assert demo_run.returncode == 0, demo_run.stderr
    out = demo_run.stdout
    assert INSTALL_LINE in out.splitlines()
    assert f"== {HEADING}" in out.splitlines()
    assert f"+ {TYPE_TOKEN}  brand  created  id={ARN}" in out
    outputs = json.loads(out.split("Stack outputs:\n", 1)[1].split("\n== ", 1)[0])
    assert outputs["sender_id_arn"] == ARN
    assert outputs["tags"]["stack"] == "demo"
    match = EMULATOR_LINE.search(out)
    assert match
    pid = int(match.group(2))
    assert f"== Emulator stopped (pid {pid}); no process left behind" in out
    assert _gone(pid)


def test_demo_prints_no_shell_error_while_it_waits_for_the_emulator(
    demo_run: subprocess.CompletedProcess[str],
) -> None:
    errors = [line for line in demo_run.stderr.splitlines() if SHELL_ERROR.search(line)]
    assert errors == []


def test_demo_stops_the_emulator_when_it_is_terminated() -> None:
    process = subprocess.Popen(
        ["bash", str(ROOT / "demo.sh")],
        env=_env_without_pulumi(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        pid = None
        for line in process.stdout:
            match = EMULATOR_LINE.match(line.rstrip("\n"))
            if match:
                pid = int(match.group(2))
                break
        assert pid is not None, "demo.sh never reported a running emulator"
        process.send_signal(signal.SIGTERM)
        rest = process.stdout.read()
        assert process.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert f"== Emulator stopped (pid {pid}); no process left behind" in rest
    assert _gone(pid)
