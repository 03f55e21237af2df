"""./demo.sh with the pulumi CLI present: `pulumi up` of the quick start on a `demo` stack, twice over.

It runs in a copy of the repository's top level (the virtualenv linked, not rebuilt), so the demo's
state directory and stack settings land in tmp_path, not in the working tree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.support import cli_env, needs_cli
from tests.support import ROOT

pytestmark = needs_cli()

ARN = "arn:aws:sms-voice:eu-west-2:123456789012:sender-id/ACME/GB"
STOPPED = re.compile(r"^== Emulator stopped \(pid (\d+)\); no process left behind$", re.MULTILINE)


def _checkout_copy(directory: Path) -> Path:
    directory.mkdir()
    for name in ("demo.sh", "Pulumi.yaml", "__main__.py", "pyproject.toml"):
        shutil.copy2(ROOT / name, directory / name)
    shutil.copytree(ROOT / "examples", directory / "examples", ignore=shutil.ignore_patterns("__pycache__"))
    (directory / ".venv").symlink_to(ROOT / ".venv")
    return directory


def _demo(checkout: Path) -> str:
    env = {**cli_env(), "DEMO_SKIP_INSTALL": "1"}
    env.pop("PULUMI_BACKEND_URL", None)
    done = subprocess.run(["bash", str(checkout / "demo.sh")], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    return done.stdout


def _outputs(stdout: str) -> dict[str, object]:
    text = stdout.split("== Stack outputs (pulumi stack output --json)\n", 1)[1].split("\n== ", 1)[0]
    outputs: dict[str, object] = json.loads(text)
    return outputs


def test_demo_with_the_cli_runs_pulumi_up_and_is_idempotent_against_a_fresh_emulator(tmp_path: Path) -> None:
    checkout = _checkout_copy(tmp_path / "checkout")

    first = _demo(checkout)
    second = _demo(checkout)  # new, empty emulator: --refresh drops the stale state, up leases again

    for stdout in (first, second):
        assert "pulumi CLI not found" not in stdout
        assert f"== Pulumi backend: file://{checkout}/.pulumi-state (stack demo)" in stdout
        assert _outputs(stdout)["sender_id_arn"] == ARN
        match = STOPPED.search(stdout)
        assert match
        with pytest.raises(ProcessLookupError):
            os.kill(int(match.group(1)), 0)
    assert (checkout / ".pulumi-state").is_dir()
    assert "aws:region: eu-west-2" in (checkout / "Pulumi.demo.yaml").read_text()
