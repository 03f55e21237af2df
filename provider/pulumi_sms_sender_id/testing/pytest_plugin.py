"""pytest fixtures for testing your own Pulumi program against the local emulator, with the real provider.

Why: plain `pulumi.runtime.set_mocks` never calls the provider, so a program's tests see `None` for every
ARN and price and pass with inputs AWS would refuse. Here every `SenderId` is checked and created by the
real provider, against the in-process emulator, in the region the test chooses.

Enable it in a test module or the root `conftest.py`:

    pytest_plugins = ["pulumi_sms_sender_id.testing.pytest_plugin"]

Fixtures (this plugin loads the emulator's, `pulumi_sms_sender_id.emulator.testing`):

* `emulator_region`: the region of the emulator and of the stack (default `us-east-1`); choose one with
  `@pytest.mark.parametrize("emulator_region", ["eu-west-2"])` or a fixture of that name in a conftest.
* `sms_voice_client`: a boto3 client of the in-process emulator (`mock_aws()`), fresh state, in that
  region, which is also `AWS_REGION`: request it in a test that calls `run_program`, to see what the
  program leased.
* `emulator_control`: the emulator's controls (seed sender IDs, inject faults, count calls).
* `sender_id_mocks`: `ProviderBackedMocks` installed with `pulumi.runtime.set_mocks`, for
  `@pulumi.runtime.test` tests; `.resources[name]` holds what the provider answered for each resource.

Only this module needs pytest; the rest of `pulumi_sms_sender_id.testing` imports without it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pulumi
import pytest

from ..aws import client, pacing
from ..aws.settings import REGION_KEY, REQUESTS_PER_SECOND_KEY
from ..sender_id import releases
from ..sender_id.releases import CACHE_DIR_ENV
from .mocks import ProviderBackedMocks
from .runner import quiet_pulumi_loop

pytest_plugins = ["pulumi_sms_sender_id.emulator.testing"]

__all__ = ["sender_id_mocks"]

#: The in-process emulator has no request quota unless a test configures one, so the provider need not
#: pace itself at AWS's 1 request per second per operation.
UNPACED = "1000"


def _forget_provider_state() -> None:
    """The provider keeps clients, pacers and release records per process; a test starts without them."""
    client.clear()
    pacing.clear()
    releases.clear()


@pytest.fixture
def sender_id_mocks(
    sms_voice_client: object,
    emulator_region: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ProviderBackedMocks]:
    """Pulumi mocks with the real provider behind every `SenderId`, on the in-process emulator, in
    `emulator_region` (project "project", stack "test", not a preview)."""
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path_factory.mktemp("sender-id-cache")))  # never ~/.cache
    _forget_provider_state()
    mocks = ProviderBackedMocks(config={REGION_KEY: emulator_region, REQUESTS_PER_SECOND_KEY: UNPACED})
    pulumi.runtime.set_mocks(mocks, project="project", stack="test", preview=False)
    quiet_pulumi_loop()
    yield mocks
    _forget_provider_state()
