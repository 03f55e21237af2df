"""pytest plugin and helpers for testing against the sender-ID emulator, in process or as a server.

Enable it from the root ``conftest.py`` with ``pytest_plugins = ["pulumi_sms_sender_id.emulator.testing"]``
(or ``pytest -p pulumi_sms_sender_id.emulator.testing``). Fixtures:

* ``emulator_region``: the region of ``sms_voice_client`` (default ``us-east-1``); a test chooses its own
  with ``@pytest.mark.parametrize("emulator_region", ["eu-west-2"])``, a folder by overriding the fixture.
* ``sms_voice_client``: a boto3 ``pinpoint-sms-voice-v2`` client on ``mock_aws()`` in ``emulator_region``
  (also ``AWS_REGION``/``AWS_DEFAULT_REGION`` for code that takes the region from the environment), fresh state.
* ``emulator_control``: the in-process controls (:class:`InProcessControl`), for ``sms_voice_client``.
* ``emulator_server`` (session): one :class:`EmulatorServer` subprocess shared by the session.
* ``emulator``: that server, reset before the test.
* ``sms_voice_emulated``: parametrized over both modes; a :class:`ClientAndControl` pair.

Only the fixtures live here: the server launcher and clients are `launcher` (:class:`EmulatorServer`,
:func:`make_client`) and `control_client` (:class:`EmulatorControl`, over plain HTTP with the standard
library only); both import without pytest. Their names are re-exported here, where tests found them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from .control_client import EmulatorControl, EmulatorControlProtocol, InProcessControl
from .launcher import FAKE_CREDENTIALS, TEST_REGION, ClientAndControl, EmulatorServer, make_client
from .state import ENDPOINT_ENV_VAR

if TYPE_CHECKING:
    from mypy_boto3_pinpoint_sms_voice_v2 import PinpointSMSVoiceV2Client

__all__ = [
    "ClientAndControl",
    "EmulatorControl",
    "EmulatorControlProtocol",
    "EmulatorServer",
    "InProcessControl",
    "emulator",
    "emulator_control",
    "emulator_region",
    "emulator_server",
    "make_client",
    "sms_voice_client",
    "sms_voice_emulated",
]


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture
def emulator_region() -> str:
    """The region the in-process emulator's client and environment use; override it to choose another."""
    return TEST_REGION


@pytest.fixture
def sms_voice_client(monkeypatch: pytest.MonkeyPatch, emulator_region: str) -> Iterator[PinpointSMSVoiceV2Client]:
    """A boto3 pinpoint-sms-voice-v2 client in ``emulator_region``, served in process by ``mock_aws()``,
    from a clean state."""
    from moto import mock_aws

    from .controls import reset
    from .registration import register

    for name, value in FAKE_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", emulator_region)
    monkeypatch.setenv("AWS_REGION", emulator_region)
    # An endpoint override (e.g. left over from using the server) would bypass mock_aws().
    for name in ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL", ENDPOINT_ENV_VAR):
        monkeypatch.delenv(name, raising=False)
    register()
    with mock_aws():
        reset()
        yield make_client(emulator_region)
    reset()


@pytest.fixture
def emulator_control() -> InProcessControl:
    """Controls of the in-process emulator (pair it with ``sms_voice_client``)."""
    return InProcessControl()


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[EmulatorServer]:
    """One emulator server subprocess for the whole session."""
    with EmulatorServer() as server:
        yield server


@pytest.fixture
def emulator(emulator_server: EmulatorServer) -> EmulatorServer:
    """The session's emulator server, reset (state, faults, counts, configuration) for this test."""
    emulator_server.control.reset()
    return emulator_server


@pytest.fixture(params=["mock_aws", "server"])
def sms_voice_emulated(request: pytest.FixtureRequest) -> ClientAndControl:
    """(client, control) in each mode: in process under ``mock_aws()``, and against the server."""
    if request.param == "mock_aws":
        client = request.getfixturevalue("sms_voice_client")
        return ClientAndControl(client, InProcessControl())
    server: EmulatorServer = request.getfixturevalue("emulator")
    return ClientAndControl(server.client(), server.control)
