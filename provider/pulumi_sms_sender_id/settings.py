"""Where the provider talks to AWS: resolved in the provider process, never pickled.

Precedence for the region: the resource's `region` input, stack config `aws:region` (the key
pulumi-aws users already set), AWS_REGION, AWS_DEFAULT_REGION, then the region of the profile
(`aws:profile`, else AWS_PROFILE). The endpoint is boto3's own: AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2
or AWS_ENDPOINT_URL, so the emulator needs no provider-specific switch.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol

REGION_KEY: Final = "aws:region"
PROFILE_KEY: Final = "aws:profile"
REREQUEST_TIMEOUT_KEY: Final = "sms-sender-id:rerequestTimeoutSeconds"
DEFAULT_REREQUEST_TIMEOUT: Final = 120.0


class ConfigSource(Protocol):
    def get(self, key: str) -> Any: ...


class MissingRegion(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            "No AWS region is set for the sender ID. Set one with `pulumi config set aws:region eu-west-2`, "
            "give the resource a `region` input, or export AWS_REGION."
        )


@dataclass(frozen=True)
class Settings:
    """Stack-wide settings; `region` is the default for resources without a `region` input."""

    region: str | None = None
    profile: str | None = None
    rerequest_timeout_seconds: float = DEFAULT_REREQUEST_TIMEOUT

    def region_for(self, requested: str | None) -> str:
        region = requested or self.region
        if not region:
            raise MissingRegion()
        return region


def _profile_region(profile: str | None) -> str | None:
    import botocore.session

    session = botocore.session.Session(profile=profile)
    try:
        region = session.get_config_variable("region")
    except Exception:  # an unknown profile: the client creation reports it with its name
        return None
    return str(region) if region else None


def _float(value: Any, key: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"stack config {key} must be a number of seconds, got {value!r}") from None
    if number < 0:
        raise ValueError(f"stack config {key} must not be negative, got {value!r}")
    return number


def resolve(config: ConfigSource | None, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from stack config and the environment of the provider process."""
    env = os.environ if environ is None else environ
    get = config.get if config is not None else (lambda _key: None)
    profile = get(PROFILE_KEY) or env.get("AWS_PROFILE") or None
    region = get(REGION_KEY) or env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or None
    if region is None:
        region = _profile_region(profile)
    timeout = get(REREQUEST_TIMEOUT_KEY)
    return Settings(
        region=region,
        profile=profile,
        rerequest_timeout_seconds=DEFAULT_REREQUEST_TIMEOUT
        if timeout is None
        else _float(timeout, REREQUEST_TIMEOUT_KEY),
    )
