"""Shared fixtures: a configured provider, AWS isolation, and Pulumi mocks backed by the real provider."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pulumi.dynamic import ConfigureRequest
from pulumi.dynamic.config import Config

from pulumi_sms_sender_id import RegistrationProvider, SenderIdProvider
from pulumi_sms_sender_id.aws import client, pacing
from pulumi_sms_sender_id.sender_id import releases
from tests.support import FAST, PDF, REGION

pytest_plugins = ["pulumi_sms_sender_id.testing.pytest_plugin", "tests.mocks"]  # the kit loads the emulator's


@pytest.fixture(autouse=True)
def isolated_aws(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test may reach real AWS or the developer's profile, and no client outlives its test."""
    home = tmp_path_factory.mktemp("aws")
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(home / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(home / "credentials"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.setenv(releases.CACHE_DIR_ENV, str(home / "cache"))
    client.clear()
    pacing.clear()
    releases.clear()
    yield
    client.clear()
    pacing.clear()
    releases.clear()


@pytest.fixture
def provider() -> SenderIdProvider:
    """A provider configured the way the engine does it, with stack config aws:region."""
    instance = SenderIdProvider()
    instance.configure(ConfigureRequest(Config({"aws:region": REGION, **FAST}, "test")))
    return instance


@pytest.fixture
def registration_provider() -> RegistrationProvider:
    """A registration provider configured the way the engine does it, with stack config aws:region."""
    instance = RegistrationProvider()
    instance.configure(ConfigureRequest(Config({"aws:region": REGION, **FAST}, "test")))
    return instance


@pytest.fixture
def loa_pdf(tmp_path: Path) -> Path:
    """A letter of authorization: a small PDF file on disk, as a program's attachment names it."""
    path = tmp_path / "letter-of-authorization.pdf"
    path.write_bytes(PDF)
    return path


@pytest.fixture
def emulated() -> Iterator[Any]:
    """The emulator in process (moto's mock_aws), reset; yields its control module."""
    from moto import mock_aws

    from pulumi_sms_sender_id import emulator

    emulator.register()
    with mock_aws():
        emulator.reset()
        yield emulator
    emulator.reset()


@pytest.fixture
def registering(emulated: Any) -> Any:
    """The in-process emulator, reviewing registrations as a test's reviewer says (no auto-approval), with
    uploads taken in 0.1 s and an approved sender ID provisioned at once; yields its control module."""
    emulated.configure(attachment_upload_seconds=0.1, registration_provisioning_seconds=0)
    return emulated


@pytest.fixture
def aws(emulator: Any) -> Any:
    """A boto3 client on the emulator server, in the stacks' region, for out-of-band changes and for checking "AWS"."""
    return emulator.client(region_name=REGION)


@pytest.fixture
def sms(emulated: Any) -> Any:
    """A boto3 client on the in-process emulator, in the provider fixture's region."""
    import boto3

    return boto3.client("pinpoint-sms-voice-v2", region_name=REGION)
