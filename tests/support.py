"""Facts the tests share, imported from where the code declares them (never re-declared in a test)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar, cast

import pulumi
from pulumi.dynamic.dynamic import PROVIDER_KEY
from pulumi.output import Unknown

from pulumi_sms_sender_id.resource import TYPE_TOKEN
from pulumi_sms_sender_id.sender_id.releases import CACHE_DIR_ENV

__all__ = [
    "CACHE_DIR_ENV",
    "EXAMPLES",
    "FAST",
    "PROVIDER_KEY",
    "REGION",
    "ROOT",
    "TYPE_TOKEN",
    "held",
    "pulumi_test",
    "unknown",
]

F = TypeVar("F", bound=Callable[..., Any])

#: The region every test stack and emulator client uses (AWS_DEFAULT_REGION in the root conftest).
REGION: Final = "eu-west-2"
#: Tests that do not measure pacing let the provider call the emulator (no quota) as fast as it likes.
FAST: Final = {"sms-sender-id:requestsPerSecond": "1000"}
#: The repository checkout the tests run from, and its example programs.
ROOT: Final = Path(__file__).resolve().parents[1]
EXAMPLES: Final = ROOT / "examples"


def held(aws: Any) -> dict[str, dict[str, Any]]:
    """What AWS holds now, read with plain boto3 (not the code under test): "SENDERID/CC" -> Describe record."""
    pages = aws.get_paginator("describe_sender_ids").paginate()
    return {f"{s['SenderId']}/{s['IsoCountryCode']}": s for page in pages for s in page["SenderIds"]}


def unknown() -> Any:
    """A value Pulumi does not know yet, as a preview hands it to the provider (`Unknown` is untyped)."""
    return Unknown()  # type: ignore[no-untyped-call]


def pulumi_test(test: F) -> F:
    """`pulumi.runtime.test` (run a test that returns Outputs to completion), typed: upstream it is not."""
    return cast(F, pulumi.runtime.test(test))  # type: ignore[no-untyped-call]
