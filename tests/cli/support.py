"""The real pulumi CLI as the CLI tests drive it: `Cli` in one project on one stack, and the quick-start project."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from tests.support import ROOT, TYPE_TOKEN

STACK = "e2e"
#: Set in CI (.ci/run): a missing CLI fails every CLI test instead of skipping it.
REQUIRE_ENV = "REQUIRE_PULUMI_CLI"


def _built_cli() -> str | None:
    """The CLI scripts/pulumi-cli.sh built into .tools/, if it did."""
    where = subprocess.run([str(ROOT / "scripts" / "pulumi-cli.sh"), "--where"], capture_output=True, text=True)
    return str(Path(where.stdout.strip()) / "pulumi") if where.returncode == 0 else None


PULUMI = shutil.which("pulumi") or _built_cli()
SKIP_REASON = (
    "pulumi CLI not on PATH: install it from https://www.pulumi.com/docs/install/, or build it with "
    "scripts/pulumi-cli.sh, to run the CLI end-to-end tests"
)


def needs_cli() -> pytest.MarkDecorator:
    """Skip without the CLI, unless REQUIRE_PULUMI_CLI=1 says its absence is a failure (CI)."""
    if PULUMI is None and os.environ.get(REQUIRE_ENV) == "1":
        return pytest.mark.usefixtures("missing_cli_fails")
    return pytest.mark.skipif(PULUMI is None, reason=SKIP_REASON)


def cli_env() -> dict[str, str]:
    """This process's environment with the CLI's folder first on PATH (its plugins live beside it)."""
    assert PULUMI is not None
    return {**os.environ, "PATH": f"{Path(PULUMI).parent}{os.pathsep}{os.environ.get('PATH', '')}"}


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

    def up(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.on_stack("up", "--yes", "--skip-preview", *args, check=check)

    def output_of(self, done: subprocess.CompletedProcess[str]) -> str:
        """Everything a command printed, stdout then stderr, as a user's terminal shows it."""
        return f"{done.stdout}\n{done.stderr}"

    def config(self, values: dict[str, str]) -> None:
        """`pulumi config set` each value; a key with a path (`countries[0]`) is set with --path."""
        for key, value in values.items():
            self.on_stack("config", "set", *(["--path"] if "[" in key or "." in key.split(":")[-1] else []), key, value)

    def exported(self) -> dict[str, Any]:
        """The stack's saved deployment (`pulumi stack export`)."""
        deployment: dict[str, Any] = json.loads(self.on_stack("stack", "export").stdout)
        return deployment

    def outputs(self) -> dict[str, Any]:
        outputs: dict[str, Any] = self.json("stack", "output")
        return outputs

    def sender_id_states(self) -> list[dict[str, Any]]:
        """The SenderId resources in the stack's saved state (`pulumi stack export`)."""
        return [r for r in self.exported()["deployment"].get("resources") or [] if r["type"] == TYPE_TOKEN]

    def preview_ops(self) -> dict[str, str]:
        """Resource name -> planned operation, from `pulumi preview --json`."""
        preview = self.json("preview")
        return {step["urn"].rsplit("::", 1)[-1]: step["op"] for step in preview.get("steps", [])}


def copy_project(program: Path, directory: Path, manifest: Path | None = None) -> Path:
    """`program`'s folder (without stack files, tests or caches) copied to `directory`, with its Pulumi.yaml (or
    `manifest`) pointed at the virtualenv these tests run in."""
    settings = yaml.safe_load((manifest or program / "Pulumi.yaml").read_text())
    settings.pop("main", None)
    shutil.copytree(program, directory, ignore=shutil.ignore_patterns("__pycache__", "Pulumi*.yaml", "tests"))
    settings["runtime"] = {"name": "python", "options": {"toolchain": "pip", "virtualenv": sys.prefix}}
    (directory / "Pulumi.yaml").write_text(yaml.safe_dump(settings, sort_keys=False))
    return directory


def program_project(source: str, directory: Path, name: str = "cli-test") -> Path:
    """A project in `directory` whose program is `source` (a test's own __main__.py)."""
    directory.mkdir(parents=True)
    (directory / "__main__.py").write_text(source)
    manifest = {"name": name, "runtime": {"name": "python", "options": {"virtualenv": sys.prefix}}}
    (directory / "Pulumi.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False))
    return directory


def quick_start_project(directory: Path) -> Path:
    """The repository root's project (its Pulumi.yaml) with its program (examples/basic), copied to `directory`."""
    return copy_project(ROOT / "examples" / "basic", directory, manifest=ROOT / "Pulumi.yaml")
