"""One boto3 client per (region, profile, endpoint), shared by every resource and worker thread.

boto3 clients are thread-safe once built, sessions are not: building happens under a lock.
Clients make exactly one attempt per call: botocore's retries would hide what happened (a lost
answer to a release looks like "someone else released it") and its per-client retry quota turns a
busy minute into instant failures for every later call. `calls` paces and retries instead.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from .._version import __version__

if TYPE_CHECKING:
    import botocore.session
    from mypy_boto3_pinpoint_sms_voice_v2 import PinpointSMSVoiceV2Client

SERVICE: Final = "pinpoint-sms-voice-v2"
USER_AGENT: Final = f"pulumi-sms-sender-id/{__version__}"

ClientKey = tuple[str, str | None, str | None]  # (region, profile, endpoint)

_lock = threading.Lock()
_clients: dict[ClientKey, PinpointSMSVoiceV2Client] = {}
_sessions: dict[ClientKey, botocore.session.Session] = {}


def endpoint_url() -> str | None:
    return os.environ.get("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2") or os.environ.get("AWS_ENDPOINT_URL")


def get_client(region: str, profile: str | None) -> PinpointSMSVoiceV2Client:
    """The shared client of (region, profile, endpoint)."""
    key = (region, profile, endpoint_url())
    client = _clients.get(key)
    if client is not None:
        return client
    with _lock:
        client = _clients.get(key)
        if client is None:
            client, _sessions[key] = _build(region, profile)
            _clients[key] = client
    return client


def caller(region: str, profile: str | None) -> str | None:
    """Who the shared client of (region, profile, endpoint) calls AWS as: a digest of the endpoint and the
    access key ID, never the secret. One access key belongs to one account, so the release journal can
    tell this machine's accounts apart without asking AWS. None without credentials readable now."""
    get_client(region, profile)
    endpoint = endpoint_url()
    session = _sessions.get((region, profile, endpoint))
    try:
        credentials = session.get_credentials() if session is not None else None
        access_key = credentials.get_frozen_credentials().access_key if credentials is not None else None
    except (BotoCoreError, ClientError):  # an expired SSO session, a failed role refresh: calls will say so
        return None
    if not access_key:
        return None
    return hashlib.sha256(f"{endpoint or ''}\n{access_key}".encode()).hexdigest()[:16]


def _build(region: str, profile: str | None) -> tuple[PinpointSMSVoiceV2Client, botocore.session.Session]:
    """A client, and the botocore session whose credentials it signs with (`caller` reads them)."""
    import boto3
    import botocore.session
    from botocore.config import Config

    config = Config(
        retries={"mode": "standard", "total_max_attempts": 1},
        user_agent_extra=USER_AGENT,
        connect_timeout=10,
        read_timeout=30,
        max_pool_connections=16,
    )
    core = botocore.session.Session(profile=profile)
    core.register_component("data_loader", shared_loader())
    session = boto3.session.Session(botocore_session=core, region_name=region)
    return session.client(SERVICE, config=config), core


@functools.cache
def shared_loader() -> Any:
    """One botocore data loader for every client and the region check: each loader parses its own copy of
    the endpoint data and service model (about 10 MiB each), and they never change in a process."""
    import botocore.loaders

    return botocore.loaders.create_loader()


def clear() -> None:
    """Forget every client (tests switch endpoints and credentials between cases)."""
    with _lock:
        _clients.clear()
        _sessions.clear()
