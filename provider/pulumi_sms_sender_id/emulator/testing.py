"""pytest plugin and helpers for testing against the sender-ID emulator, in process or as a server.

Enable it from the root ``conftest.py`` with ``pytest_plugins = ["pulumi_sms_sender_id.emulator.testing"]``
(or ``pytest -p pulumi_sms_sender_id.emulator.testing``). Fixtures:

* ``sms_voice_client``: a boto3 ``pinpoint-sms-voice-v2`` client on ``mock_aws()``, fresh state.
* ``emulator_control``: the in-process controls (:class:`InProcessControl`), for ``sms_voice_client``.
* ``emulator_server`` (session): one :class:`EmulatorServer` subprocess shared by the session.
* ``emulator``: that server, reset before the test.
* ``sms_voice_emulated``: parametrized over both modes; a :class:`ClientAndControl` pair.

:class:`EmulatorControl` drives a server's controls over plain HTTP using only the standard library,
so it also works from processes that have neither moto nor the emulator imported.
"""

from __future__ import annotations

import functools
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, NamedTuple, Protocol

import pytest

from . import controls as _controls
from .state import CONTROL_PATH_PREFIX, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, ENDPOINT_ENV_VAR, SERVICE_NAME

if TYPE_CHECKING:
    from botocore.config import Config
    from mypy_boto3_pinpoint_sms_voice_v2 import PinpointSMSVoiceV2Client

__all__ = [
    "ClientAndControl",
    "EmulatorControl",
    "EmulatorControlProtocol",
    "EmulatorServer",
    "InProcessControl",
    "emulator",
    "emulator_control",
    "emulator_server",
    "make_client",
    "sms_voice_client",
    "sms_voice_emulated",
]

FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
TEST_REGION = "us-east-1"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class EmulatorControlProtocol(Protocol):
    """The controls, whichever side of a process boundary the emulator lives on."""

    def inject_fault(
        self, operation: str, error: str = "ThrottlingException", count: int = 1, after_commit: bool = False
    ) -> None: ...

    def configure(
        self,
        *,
        release_window_seconds: float | None = None,
        registration_only_countries: Iterable[str] | None = None,
        unsupported_countries: Iterable[str] | None = None,
        sender_id_quota: int | None = None,
        request_quotas: Any = None,
        latency_seconds: float | None = None,
    ) -> None: ...

    def seed_sender_id(
        self,
        sender_id: str,
        iso_country_code: str,
        *,
        account_id: str = ...,
        region: str = ...,
        message_types: Sequence[str] = ...,
        registered: bool = ...,
        registration_id: str | None = ...,
        deletion_protection_enabled: bool = ...,
        tags: Mapping[str, str] | None = ...,
    ) -> dict[str, Any]: ...

    def call_counts(self) -> dict[str, int]: ...

    def reset_call_counts(self) -> None: ...

    def reset(self) -> None: ...


class InProcessControl:
    """The controls of the emulator in this process (for ``mock_aws()``): the module's own functions."""

    inject_fault = staticmethod(_controls.inject_fault)
    configure = staticmethod(_controls.configure)
    seed_sender_id = staticmethod(_controls.seed_sender_id)
    call_counts = staticmethod(_controls.call_counts)
    reset_call_counts = staticmethod(_controls.reset_call_counts)
    reset = staticmethod(_controls.reset)
    current_config = staticmethod(_controls.current_config)


class EmulatorControl:
    """The controls of an emulator server, over its plain-HTTP JSON API (stdlib only).

    Invalid arguments raise ValueError with the server's message, like the in-process controls.
    """

    def __init__(self, endpoint_url: str, timeout: float = 10.0) -> None:
        self.endpoint_url = endpoint_url.rstrip("/")
        self.timeout = timeout
        # Never send loopback control calls through an HTTP proxy from the environment.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _call(self, method: str, route: str, body: Mapping[str, Any] | None = None) -> Any:
        data = json.dumps(dict(body or {})).encode() if method == "POST" else None
        request = urllib.request.Request(
            f"{self.endpoint_url}{CONTROL_PATH_PREFIX}{route}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            try:
                message = json.loads(error.read()).get("error", error.reason)
            except ValueError:
                message = error.reason
            if error.code == 400:
                raise ValueError(message) from None
            raise RuntimeError(f"emulator control {method} {route}: HTTP {error.code}: {message}") from None

    def inject_fault(
        self, operation: str, error: str = "ThrottlingException", count: int = 1, after_commit: bool = False
    ) -> None:
        self._call(
            "POST", "faults", {"operation": operation, "error": error, "count": count, "after_commit": after_commit}
        )

    def configure(
        self,
        *,
        release_window_seconds: float | None = None,
        registration_only_countries: Iterable[str] | None = None,
        unsupported_countries: Iterable[str] | None = None,
        sender_id_quota: int | None = None,
        request_quotas: Any = None,
        latency_seconds: float | None = None,
    ) -> None:
        body: dict[str, Any] = {}
        if request_quotas is not None:
            body["request_quotas"] = request_quotas
        if latency_seconds is not None:
            body["latency_seconds"] = latency_seconds
        if release_window_seconds is not None:
            body["release_window_seconds"] = release_window_seconds
        if registration_only_countries is not None:
            body["registration_only_countries"] = list(registration_only_countries)
        if unsupported_countries is not None:
            body["unsupported_countries"] = list(unsupported_countries)
        if sender_id_quota is not None:
            body["sender_id_quota"] = sender_id_quota
        self._call("POST", "config", body)

    def seed_sender_id(
        self,
        sender_id: str,
        iso_country_code: str,
        *,
        account_id: str = DEFAULT_ACCOUNT_ID,
        region: str = DEFAULT_REGION,
        message_types: Sequence[str] = ("TRANSACTIONAL",),
        registered: bool = False,
        registration_id: str | None = None,
        deletion_protection_enabled: bool = False,
        tags: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        record: dict[str, Any] = self._call(
            "POST",
            "sender-ids",
            {
                "sender_id": sender_id,
                "iso_country_code": iso_country_code,
                "account_id": account_id,
                "region": region,
                "message_types": list(message_types),
                "registered": registered,
                "registration_id": registration_id,
                "deletion_protection_enabled": deletion_protection_enabled,
                "tags": dict(tags or {}),
            },
        )
        return record

    def call_counts(self) -> dict[str, int]:
        counts: dict[str, int] = self._call("GET", "calls")
        return counts

    def reset_call_counts(self) -> None:
        self._call("POST", "calls/reset")

    def reset(self) -> None:
        self._call("POST", "reset")

    def current_config(self) -> dict[str, Any]:
        config: dict[str, Any] = self._call("GET", "config")
        return config


@functools.lru_cache(maxsize=1)
def _shared_loader() -> Any:
    import botocore.loaders

    return botocore.loaders.create_loader()


def make_client(
    region_name: str = TEST_REGION, endpoint_url: str | None = None, config: Config | None = None
) -> PinpointSMSVoiceV2Client:
    """A pinpoint-sms-voice-v2 client with fake credentials, created fast.

    Equivalent to ``boto3.client(...)``, but on a fresh session that shares one botocore data
    loader: ``mock_aws()`` drops boto3's default session, and re-reading botocore's endpoint data
    for every client would cost a quarter of a second per test.
    """
    import boto3
    import botocore.session

    core = botocore.session.get_session()
    core.register_component("data_loader", _shared_loader())
    return boto3.session.Session(botocore_session=core).client(
        SERVICE_NAME,
        endpoint_url=endpoint_url,
        region_name=region_name,
        aws_access_key_id=FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        config=config,
    )


def _with_loopback(no_proxy: str) -> str:
    entries = [e for e in no_proxy.split(",") if e.strip()]
    return ",".join(entries + [h for h in _LOOPBACK if h not in entries])


class EmulatorServer:
    """``python -m pulumi_sms_sender_id.emulator --port 0`` as a subprocess, as the docs describe it.

    Use as a context manager. ``args`` are extra CLI flags (e.g. ``"--release-window", "0"``).
    Stops with SIGTERM, then SIGKILL if it does not exit in time, and leaves no process behind.
    """

    def __init__(
        self,
        *args: str,
        python: str | None = None,
        startup_timeout: float = 30.0,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.args = tuple(args)
        self.python = python or sys.executable
        self.startup_timeout = startup_timeout
        self.extra_env = dict(env or {})
        self._process: subprocess.Popen[str] | None = None
        self._stderr: IO[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._endpoint_url: str | None = None

    @property
    def command(self) -> list[str]:
        return [self.python, "-m", "pulumi_sms_sender_id.emulator", "--port", "0", *self.args]

    @property
    def endpoint_url(self) -> str:
        if self._endpoint_url is None:
            raise RuntimeError("the emulator server is not running")
        return self._endpoint_url

    @property
    def control(self) -> EmulatorControl:
        return EmulatorControl(self.endpoint_url)

    @property
    def pid(self) -> int:
        if self._process is None:
            raise RuntimeError("the emulator server is not running")
        return self._process.pid

    @property
    def process(self) -> subprocess.Popen[str]:
        if self._process is None:
            raise RuntimeError("the emulator server is not running")
        return self._process

    def env(self) -> dict[str, str]:
        """Variables that point a child process's boto3 at this server, with fake credentials."""
        no_proxy = _with_loopback(os.environ.get("NO_PROXY", os.environ.get("no_proxy", "")))
        return {
            ENDPOINT_ENV_VAR: self.endpoint_url,
            **FAKE_CREDENTIALS,
            "AWS_DEFAULT_REGION": TEST_REGION,
            "AWS_REGION": TEST_REGION,
            "NO_PROXY": no_proxy,
            "no_proxy": no_proxy,
        }

    def client(self, region_name: str = TEST_REGION, config: Config | None = None) -> PinpointSMSVoiceV2Client:
        """A boto3 client on this server with fake credentials."""
        return make_client(region_name, self.endpoint_url, config)

    def stderr_text(self) -> str:
        """What the server wrote to stderr so far (diagnostics)."""
        if self._stderr is None:
            return ""
        self._stderr.flush()
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")

    def start(self) -> EmulatorServer:
        if self._process is not None:
            raise RuntimeError("the emulator server is already running")
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115  (lives as long as the server)
        env = {**os.environ, **self.extra_env, "PYTHONUNBUFFERED": "1"}
        self._process = subprocess.Popen(
            self.command, stdout=subprocess.PIPE, stderr=self._stderr, stdin=subprocess.DEVNULL, text=True, env=env
        )
        lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(
            target=self._read_stdout, args=(self._process.stdout, lines), name="emulator-stdout", daemon=True
        )
        self._reader.start()
        try:
            first = lines.get(timeout=self.startup_timeout)
        except queue.Empty:
            first = None
        if not first or not first.startswith("http"):
            code = self._process.poll()
            stderr = self.stderr_text().strip()
            self.stop()
            raise RuntimeError(
                f"the emulator did not print its endpoint within {self.startup_timeout}s "
                f"(exit code {code}, first line {first!r}); stderr: {stderr[-2000:] or '(empty)'}"
            )
        self._endpoint_url = first.strip()
        return self

    @staticmethod
    def _read_stdout(stream: IO[str] | None, lines: queue.Queue[str | None]) -> None:
        # Hand over the first line, then keep draining so the server can never block on a full pipe.
        if stream is None:
            lines.put(None)
            return
        first = stream.readline()
        lines.put(first or None)
        for _ in stream:
            pass

    def stop(self, timeout: float = 10.0) -> int | None:
        """Stop the server (SIGTERM, then SIGKILL) and return its exit code."""
        process, self._process = self._process, None
        self._endpoint_url = None
        code: int | None = None
        if process is not None:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout)
            code = process.returncode
            if process.stdout is not None:
                process.stdout.close()
        if self._reader is not None:
            self._reader.join(timeout)
            self._reader = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None
        return code

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class ClientAndControl(NamedTuple):
    """A client on the emulator and the controls of that same emulator."""

    client: PinpointSMSVoiceV2Client
    control: EmulatorControlProtocol

    @property
    def mode(self) -> str:
        return "server" if isinstance(self.control, EmulatorControl) else "mock_aws"

    def new_client(
        self, region_name: str = TEST_REGION, config: Config | None = None, account_id: str | None = None
    ) -> PinpointSMSVoiceV2Client:
        """Another client on the same emulator, e.g. without retries, in another region or account."""
        endpoint_url = self.control.endpoint_url if isinstance(self.control, EmulatorControl) else None
        client = make_client(region_name, endpoint_url, config)
        if account_id is not None:
            use_account(client, account_id)
        return client


def use_account(client: Any, account_id: str) -> None:
    """Make moto attribute this client's calls to ``account_id`` (moto's x-moto-account-id header)."""

    def add_header(request: Any, **_: Any) -> None:
        request.headers["x-moto-account-id"] = account_id

    client.meta.events.register(f"before-sign.{client.meta.service_model.service_name}.*", add_header)


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture
def sms_voice_client(monkeypatch: pytest.MonkeyPatch) -> Iterator[PinpointSMSVoiceV2Client]:
    """A boto3 pinpoint-sms-voice-v2 client served in process by ``mock_aws()``, from a clean state."""
    from moto import mock_aws

    from .controls import reset
    from .registration import register

    for name, value in FAKE_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", TEST_REGION)
    monkeypatch.setenv("AWS_REGION", TEST_REGION)
    # An endpoint override (e.g. left over from using the server) would bypass mock_aws().
    for name in ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL", ENDPOINT_ENV_VAR):
        monkeypatch.delenv(name, raising=False)
    register()
    with mock_aws():
        reset()
        yield make_client(TEST_REGION)
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
