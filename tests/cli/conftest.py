"""The real pulumi CLI on the quick-start program: a copy of the project, a file backend and the emulator server.

Everything a run writes (stack settings, state, the provider's release journal) stays in tmp_path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import STACK, Cli, quick_start_project
from tests.support import CACHE_DIR_ENV, REGION


@pytest.fixture
def cli(tmp_path: Path, emulator: Any) -> Iterator[Cli]:
    """A fresh `e2e` stack of the quick-start program, aws:region set, on a reset emulator server."""
    emulator.control.configure(release_window_seconds=0)  # a refresh-then-up may re-lease at once
    state = tmp_path / "state"
    state.mkdir()
    env = {
        **os.environ,
        **emulator.env(),
        "PULUMI_BACKEND_URL": state.as_uri(),
        "PULUMI_CONFIG_PASSPHRASE": "e2e",
        "PULUMI_SKIP_UPDATE_CHECK": "true",
        CACHE_DIR_ENV: str(tmp_path / "provider-cache"),
    }
    cli = Cli(quick_start_project(tmp_path / "project"), env)
    cli.run("stack", "init", STACK)
    cli.on_stack("config", "set", "aws:region", REGION)
    yield cli
    # Leave the emulator as found even when a test failed half-way: nothing is leased past the test.
    cli.on_stack("destroy", "--yes", "--skip-preview", check=False)
