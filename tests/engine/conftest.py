"""Fixtures for engine-protocol tests: the emulator server and the real provider process behind it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.engine.harness import Engine, ProviderProcess, StartProvider
from tests.support import CACHE_DIR_ENV, REGION

STACK_CONFIG = {
    "aws:region": REGION,
    "sms-sender-id:rerequestTimeoutSeconds": "30",
    "sms-sender-id:requestsPerSecond": "1000",  # the emulator has no quota unless a test sets one
}


@pytest.fixture(scope="module")
def machine_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The user cache directory of the machine running `pulumi` (shared by its provider processes)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def start_provider(emulator_server: Any, machine_cache: Path) -> Iterator[StartProvider]:
    """Start provider processes like separate `pulumi` commands; all are stopped at the end."""
    started: list[ProviderProcess] = []

    def start(**config: str) -> ProviderProcess:
        env = {**emulator_server.env(), "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION}
        env[CACHE_DIR_ENV] = str(machine_cache)
        process = ProviderProcess(env, {**STACK_CONFIG, **config})
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


@pytest.fixture(scope="module")
def provider_process(start_provider: StartProvider) -> ProviderProcess:
    """One provider process per module, configured with stack config aws:region, like `pulumi up`."""
    return start_provider()


@pytest.fixture
def engine(provider_process: ProviderProcess, emulator: Any) -> Engine:
    """A fresh stack on a reset emulator (uploads taken in 0.1 s, an approved sender ID provisioned at once)."""
    emulator.control.configure(
        release_window_seconds=1.0, attachment_upload_seconds=0.1, registration_provisioning_seconds=0
    )
    return Engine(provider_process)
