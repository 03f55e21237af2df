"""The `pulumi_mocks` fixture: Pulumi mocks backed by the real provider, on the in-process emulator.

`ProviderBackedMocks` lives in `pulumi_sms_sender_id.testing`, which `./demo.sh` also uses to run the
quick-start program without the Pulumi CLI: one implementation serves the demo and the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi
import pytest

from pulumi_sms_sender_id.testing import CheckFailed, ProviderBackedMocks
from pulumi_sms_sender_id.testing.runner import quiet_pulumi_loop
from tests.support import REGION

__all__ = ["CheckFailed", "ProviderBackedMocks", "pulumi_mocks"]


@pytest.fixture
def pulumi_mocks(emulated: Any) -> Iterator[ProviderBackedMocks]:
    """Pulumi mocks with the real provider behind them, on the in-process emulator."""
    mocks = ProviderBackedMocks(config={"aws:region": REGION})
    pulumi.runtime.set_mocks(mocks, project="project", stack="test", preview=False)
    quiet_pulumi_loop()  # a refusal is raised once, not once per dependent output
    yield mocks
