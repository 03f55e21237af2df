"""Small helpers shared by the emulator tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

#: One attempt only: faults must surface instead of being retried away by botocore.
NO_RETRIES = Config(retries={"total_max_attempts": 1})
#: Lets a test send what botocore would refuse client-side (e.g. an empty tag list).
NO_CLIENT_VALIDATION = Config(parameter_validation=False, retries={"total_max_attempts": 1})

ACCOUNT = "123456789012"
REGION = "us-east-1"


def error_of(call: Callable[[], Any]) -> dict[str, Any]:
    """The ClientError response of ``call``, which must fail."""
    with pytest.raises(ClientError) as caught:
        call()
    return dict(caught.value.response)


def code(response: dict[str, Any]) -> str:
    return str(response["Error"]["Code"])


def field_names(response: dict[str, Any]) -> list[str]:
    return [field["Name"] for field in response.get("Fields", [])]


def arn(sender_id: str, country: str, region: str = REGION, account: str = ACCOUNT) -> str:
    return f"arn:aws:sms-voice:{region}:{account}:sender-id/{sender_id}/{country}"
