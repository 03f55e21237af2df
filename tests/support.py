"""Facts the tests share, imported from where the code declares them (never re-declared in a test)."""

from __future__ import annotations

from typing import Final

from pulumi.dynamic.dynamic import PROVIDER_KEY

from pulumi_sms_sender_id.releases import CACHE_DIR_ENV
from pulumi_sms_sender_id.resource import TYPE_TOKEN

__all__ = ["CACHE_DIR_ENV", "FAST", "PROVIDER_KEY", "REGION", "TYPE_TOKEN"]

#: The region every test stack and emulator client uses (AWS_DEFAULT_REGION in the root conftest).
REGION: Final = "eu-west-2"
#: Tests that do not measure pacing let the provider call the emulator (no quota) as fast as it likes.
FAST: Final = {"sms-sender-id:requestsPerSecond": "1000"}
