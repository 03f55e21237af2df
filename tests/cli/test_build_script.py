"""scripts/pulumi-cli.sh fails in one line that names what is missing, and `--where` builds nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import ROOT

SCRIPT = ROOT / "scripts" / "pulumi-cli.sh"


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PULUMI_CLI_TOOLS": str(tmp_path / "tools"), **env}
    return subprocess.run([str(SCRIPT), *args], env=environment, capture_output=True, text=True, timeout=120)


def test_without_a_go_toolchain_it_fails_in_one_line_naming_go(tmp_path: Path) -> None:
    done = _run(tmp_path, PATH="/usr/bin:/bin")

    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "pulumi-cli.sh: no Go toolchain on PATH (Go >= 1.26 is needed to build the Pulumi CLI v3.276.0)"
    ]


@pytest.mark.skipif(shutil.which("go") is None, reason="needs the go command")
def test_when_the_proxy_serves_nothing_it_fails_in_one_line_naming_the_module(tmp_path: Path) -> None:
    done = _run(tmp_path, GOPROXY="off", GOMODCACHE=str(tmp_path / "empty-module-cache"))

    assert done.returncode != 0
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("pulumi-cli.sh: could not fetch github.com/pulumi/pulumi/pkg/v3@v3.276.0 from the Go")
    assert "module lookup disabled by GOPROXY=off" in line


def test_where_exits_1_and_builds_nothing_when_nothing_is_built(tmp_path: Path) -> None:
    done = _run(tmp_path, "--where")

    assert (done.returncode, done.stdout) == (1, "")
    assert not (tmp_path / "tools").exists()
