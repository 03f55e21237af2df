"""The real pulumi CLI as the CLI tests drive it: `Cli` in one project on one stack, and the quick-start project."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

from tests.support import ROOT, TYPE_TOKEN

STACK = "e2e"
PULUMI = shutil.which("pulumi")
SKIP_REASON = (
    "pulumi CLI not on PATH: install from https://www.pulumi.com/docs/install/ to run the CLI end-to-end tests"
)


class PulumiFailed(AssertionError):
    """A pulumi command exited non-zero; carries its output."""


@dataclass
class Cli:
    """`pulumi` in one project directory, on one stack, with a fixed environment."""

    project: Path
    env: dict[str, str]
    stack: str = STACK

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        assert PULUMI is not None
        done = subprocess.run(
            [PULUMI, *args, "--non-interactive"],
            cwd=self.project,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and done.returncode != 0:
            raise PulumiFailed(f"pulumi {' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
        return done

    def on_stack(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(*args, "--stack", self.stack, check=check)

    def json(self, *args: str) -> Any:
        return json.loads(self.on_stack(*args, "--json").stdout)

    def up(self) -> None:
        self.on_stack("up", "--yes", "--skip-preview")

    def outputs(self) -> dict[str, Any]:
        outputs: dict[str, Any] = self.json("stack", "output")
        return outputs

    def sender_id_states(self) -> list[dict[str, Any]]:
        """The SenderId resources in the stack's saved state (`pulumi stack export`)."""
        exported = json.loads(self.on_stack("stack", "export").stdout)
        return [r for r in exported["deployment"].get("resources") or [] if r["type"] == TYPE_TOKEN]

    def preview_ops(self) -> dict[str, str]:
        """Resource name -> planned operation, from `pulumi preview --json`."""
        preview = self.json("preview")
        return {step["urn"].rsplit("::", 1)[-1]: step["op"] for step in preview.get("steps", [])}


def quick_start_project(directory: Path) -> Path:
    """The repository root's project (its Pulumi.yaml) with its program (examples/basic), copied to `directory`."""
    manifest = yaml.safe_load((ROOT / "Pulumi.yaml").read_text())
    shutil.copytree(
        ROOT / "examples" / "basic", directory, ignore=shutil.ignore_patterns("__pycache__", "Pulumi*.yaml", "tests")
    )
    manifest["runtime"]["options"]["virtualenv"] = sys.prefix  # the virtualenv these tests run in
    (directory / "Pulumi.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False))
    return directory
