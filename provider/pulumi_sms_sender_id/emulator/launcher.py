"""The emulator server as a subprocess (`EmulatorServer`), and fast boto3 clients on either emulator.

No pytest here (the fixtures are `testing`), so scripts and other test runners can start a server
with only the ``[emulator]`` extra installed.
"""

from __future__ import annotations

import functools
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from .control_client import EmulatorControl, EmulatorControlProtocol
from .state import ENDPOINT_ENV_VAR, SERVICE_NAME

if TYPE_CHECKING:
    from botocore.config import Config
    from mypy_boto3_pinpoint_sms_voice_v2 import PinpointSMSVoiceV2Client

__all__ = ["FAKE_CREDENTIALS", "TEST_REGION", "ClientAndControl", "EmulatorServer", "make_client", "use_account"]

FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
TEST_REGION = "us-east-1"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


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
