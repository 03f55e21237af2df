"""Fixtures for engine-protocol tests: the emulator server and the real provider process behind it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.engine.harness import Engine, ProviderProcess

REGION = "eu-west-2"


@pytest.fixture(scope="module")
def provider_process(emulator_server: Any) -> Iterator[ProviderProcess]:
    """One provider process per module, configured with stack config aws:region, like `pulumi up`."""
    env = {**emulator_server.env(), "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION}
    process = ProviderProcess(env, {"aws:region": REGION, "sms-sender-id:rerequestTimeoutSeconds": "30"})
    yield process
    process.stop()


@pytest.fixture
def engine(provider_process: ProviderProcess, emulator: Any) -> Engine:
    """A fresh stack on a reset emulator."""
    emulator.control.configure(release_window_seconds=1.0)
    return Engine(provider_process)


@pytest.fixture
def aws(emulator: Any) -> Any:
    """A boto3 client on the same emulator server, for out-of-band changes and assertions."""
    return emulator.client(region_name=REGION)
