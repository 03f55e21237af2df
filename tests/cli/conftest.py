"""The real pulumi CLI on a copy of a project: a file backend, the emulator server, state in tmp_path.

Everything a run writes (stack settings, state, the provider's release journal) stays in tmp_path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import REQUIRE_ENV, SKIP_REASON, STACK, Cli, cli_env, quick_start_project
from tests.support import CACHE_DIR_ENV, REGION

#: Opens `pulumi` on a project folder: a fresh `e2e` stack with aws:region set (and any more config given).
OpenStack = Callable[..., Cli]


@pytest.fixture
def missing_cli_fails() -> None:
    pytest.fail(f"{REQUIRE_ENV}=1 and no pulumi CLI: {SKIP_REASON}")


@pytest.fixture
def open_stack(tmp_path: Path, emulator: Any) -> Iterator[OpenStack]:
    """Stacks on the emulator server, each destroyed after the test even when it failed half-way."""
    emulator.control.configure(release_window_seconds=0)  # a refresh-then-up may re-lease at once
    opened: list[Cli] = []

    def open_(project: Path, config: dict[str, str] | None = None, stack: str = STACK) -> Cli:
        state = tmp_path / "state"
        state.mkdir(exist_ok=True)
        env = {
            **cli_env(),
            **emulator.env(),
            "PULUMI_BACKEND_URL": state.as_uri(),
            "PULUMI_CONFIG_PASSPHRASE": "e2e",
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            CACHE_DIR_ENV: str(tmp_path / "provider-cache"),
        }
        cli = Cli(project, env, stack)
        cli.run("stack", "init", stack)
        cli.config({"aws:region": REGION, **(config or {})})
        opened.append(cli)
        return cli

    yield open_
    for cli in opened:  # nothing is leased past the test (and the next test's emulator starts empty anyway)
        cli.on_stack("destroy", "--yes", "--skip-preview", check=False)


@pytest.fixture
def cli(tmp_path: Path, open_stack: OpenStack) -> Cli:
    """A fresh `e2e` stack of the quick-start program, aws:region set, on a reset emulator server."""
    return open_stack(quick_start_project(tmp_path / "project"))
