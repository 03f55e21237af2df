"""Small helpers shared by the emulator tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from pulumi_sms_sender_id.emulator import DEFAULT_ACCOUNT_ID as ACCOUNT
from pulumi_sms_sender_id.emulator.launcher import TEST_REGION as REGION

#: One attempt only: faults must surface instead of being retried away by botocore.
NO_RETRIES = Config(retries={"total_max_attempts": 1})
#: Lets a test send what botocore would refuse client-side (e.g. an empty tag list).
NO_CLIENT_VALIDATION = Config(parameter_validation=False, retries={"total_max_attempts": 1})


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


def send_raw(
    client: Any,
    operation: str,
    body: bytes | str,
    headers: dict[str, str] | None = None,
    **params: Any,
) -> dict[str, Any]:
    """Call ``operation`` through ``client`` with ``body`` (and ``headers``) put on the wire as given.

    botocore serializes ``params`` as usual (so they only need to get past its client-side
    checks), then the body is swapped for ``body`` just before signing: the emulator sees what a
    careless non-Python client would send, and botocore parses the answer. Returns the parsed
    response, or the ClientError response if the call failed.
    """
    event = f"before-sign.{client.meta.service_model.service_name}.{operation}"

    def replace(request: Any, **_: Any) -> None:
        request.data = body.encode() if isinstance(body, str) else body
        for name, value in (headers or {}).items():
            del request.headers[name]  # replace, not add a second value
            request.headers[name] = value

    client.meta.events.register(event, replace)
    try:
        names = {api: method for method, api in client.meta.method_to_api_mapping.items()}
        return dict(getattr(client, names[operation])(**params))
    except ClientError as error:
        return dict(error.response)
    finally:
        client.meta.events.unregister(event, replace)
