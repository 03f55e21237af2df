"""Where the provider talks to AWS: resolved in the provider process, never pickled.

Precedence for the region: the resource's `region` input, stack config `aws:region` (the key
pulumi-aws users already set), AWS_REGION, AWS_DEFAULT_REGION, then the region of the profile
(`aws:profile`, else AWS_PROFILE). The endpoint is boto3's own: AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2
or AWS_ENDPOINT_URL, so the emulator needs no provider-specific switch.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from . import operations

REGION_KEY: Final = "aws:region"
PROFILE_KEY: Final = "aws:profile"
REREQUEST_TIMEOUT_KEY: Final = "sms-sender-id:rerequestTimeoutSeconds"
DEFAULT_REREQUEST_TIMEOUT: Final = 120.0
REQUESTS_PER_SECOND_KEY: Final = "sms-sender-id:requestsPerSecond"
THROTTLE_TIMEOUT_KEY: Final = "sms-sender-id:throttleTimeoutSeconds"
#: AWS's documented default quota for every operation the package calls (sender IDs and registrations alike),
#: per account and region.
DEFAULT_REQUESTS_PER_SECOND: Final = 1.0
#: Bounds of a configured quota: slower than one call every 100 s is a typo, faster than 100,000 too.
MIN_REQUESTS_PER_SECOND: Final = 0.01
MAX_REQUESTS_PER_SECOND: Final = 100_000.0
#: Throttling only slows a big stack down: a stack of 500 sender IDs at 1 request per second needs
#: over 8 minutes of one operation, so a call may wait this long before throttling counts as failure.
DEFAULT_THROTTLE_TIMEOUT: Final = 900.0
#: Every AWS operation the package calls, sender IDs' and registrations' (the IAM actions it needs, and the
#: quotas it lives under): the table in `operations`.
OPERATIONS: Final = operations.NAMES


@dataclass(frozen=True)
class CallRules:
    """How fast the provider may call AWS, and how long it bears throttling, per stack config."""

    requests_per_second: Mapping[str, float] = field(
        default_factory=lambda: dict.fromkeys(OPERATIONS, DEFAULT_REQUESTS_PER_SECOND)
    )
    throttle_timeout_seconds: float = DEFAULT_THROTTLE_TIMEOUT

    def quota(self, operation: str) -> float:
        return self.requests_per_second.get(operation, DEFAULT_REQUESTS_PER_SECOND)


class ConfigSource(Protocol):
    def get(self, key: str) -> Any: ...


class MissingRegion(RuntimeError):
    def __init__(self, subject: str = "the sender ID") -> None:
        super().__init__(
            f"No AWS region is set for {subject}. Set one with `pulumi config set aws:region eu-west-2`, "
            "give the resource a `region` input, or export AWS_REGION."
        )


@dataclass(frozen=True)
class Settings:
    """Stack-wide settings; `region` is the default for resources without a `region` input."""

    region: str | None = None
    #: Where `region` came from, for messages: "stack config aws:region", "environment variable AWS_REGION"...
    region_source: str | None = None
    profile: str | None = None
    rerequest_timeout_seconds: float = DEFAULT_REREQUEST_TIMEOUT
    calls: CallRules = field(default_factory=CallRules)

    def region_for(self, requested: str | None, subject: str = "the sender ID") -> str:
        region = requested or self.region
        if not region:
            raise MissingRegion(subject)
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
    if isinstance(value, bool):
        raise ValueError(f"stack config {key} must be a number of seconds, got {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"stack config {key} must be a number of seconds, got {value!r}") from None
    if not number >= 0 or math.isinf(number):  # also NaN
        raise ValueError(f"stack config {key} must be a finite number of seconds, not negative, got {value!r}")
    return number


def _rate(value: Any, where: str) -> float:
    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if number is None and isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = None
    if number is None or not MIN_REQUESTS_PER_SECOND <= number <= MAX_REQUESTS_PER_SECOND:
        raise ValueError(
            f"{where} must be a number of requests per second from {MIN_REQUESTS_PER_SECOND:g} to "
            f"{MAX_REQUESTS_PER_SECOND:g} (AWS's default quota is 1), got {value!r}"
        )
    return float(number)


def requests_per_second(value: Any) -> dict[str, float]:
    """`sms-sender-id:requestsPerSecond`: one number for every operation, or a map operation -> number
    (set with `pulumi config set --path 'sms-sender-id:requestsPerSecond.RequestSenderId' 5`)."""
    rates = dict.fromkeys(OPERATIONS, DEFAULT_REQUESTS_PER_SECOND)
    if value is None:
        return rates
    if isinstance(value, str) and value.strip().startswith("{"):
        try:
            value = json.loads(value)
        except ValueError:
            raise ValueError(f"stack config {REQUESTS_PER_SECOND_KEY} is not valid JSON: {value!r}") from None
    if not isinstance(value, Mapping):
        return dict.fromkeys(OPERATIONS, _rate(value, f"stack config {REQUESTS_PER_SECOND_KEY}"))
    for operation, rate in value.items():
        if operation not in rates:
            raise ValueError(
                f"stack config {REQUESTS_PER_SECOND_KEY} names {operation!r}, which is not an operation the "
                f"provider calls; use one of {', '.join(OPERATIONS)}"
            )
        rates[operation] = _rate(rate, f"stack config {REQUESTS_PER_SECOND_KEY}.{operation}")
    return rates


def _region(get: Any, env: Mapping[str, str], profile: str | None) -> tuple[str | None, str | None]:
    """The stack's default region and where it came from (named in messages about a bad region)."""
    if get(REGION_KEY):
        return str(get(REGION_KEY)), f"stack config {REGION_KEY}"
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        if env.get(name):
            return env[name], f"environment variable {name}"
    region = _profile_region(profile)
    return region, (f"the region of AWS profile {profile or 'default'}" if region else None)


class ProgramConfig:
    """Stack config as a Pulumi program reads it (`pulumi.Config`), by the namespaced keys `configure`
    gives the provider: lets code in the program's process resolve settings exactly as the provider does."""

    def get(self, key: str) -> Any:
        import pulumi

        namespace, _, name = key.partition(":")
        return pulumi.Config(namespace).get(name)


def _sources(config: ConfigSource | None, environ: Mapping[str, str] | None) -> tuple[Any, Mapping[str, str]]:
    return (config.get if config is not None else (lambda _key: None)), (os.environ if environ is None else environ)


def _profile(get: Any, env: Mapping[str, str]) -> str | None:
    return get(PROFILE_KEY) or env.get("AWS_PROFILE") or None


def default_region(config: ConfigSource | None, environ: Mapping[str, str] | None = None) -> str | None:
    """The stack's default region alone, as `resolve` finds it (without reading the other settings)."""
    get, env = _sources(config, environ)
    return _region(get, env, _profile(get, env))[0]


def resolve(config: ConfigSource | None, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from stack config and the environment of the provider process."""
    get, env = _sources(config, environ)
    profile = _profile(get, env)
    region, region_source = _region(get, env, profile)
    timeout = get(REREQUEST_TIMEOUT_KEY)
    throttle_timeout = get(THROTTLE_TIMEOUT_KEY)
    return Settings(
        region=region,
        region_source=region_source,
        profile=profile,
        rerequest_timeout_seconds=DEFAULT_REREQUEST_TIMEOUT
        if timeout is None
        else _float(timeout, REREQUEST_TIMEOUT_KEY),
        calls=CallRules(
            requests_per_second=requests_per_second(get(REQUESTS_PER_SECOND_KEY)),
            throttle_timeout_seconds=DEFAULT_THROTTLE_TIMEOUT
            if throttle_timeout is None
            else _float(throttle_timeout, THROTTLE_TIMEOUT_KEY),
        ),
    )
