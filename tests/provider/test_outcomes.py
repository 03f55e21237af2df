"""How each failure of an AWS call is classified: by its modeled code, else by its HTTP status."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    EndpointConnectionError,
    ReadTimeoutError,
    ResponseStreamingError,
)

from pulumi_sms_sender_id.aws.calls import Outcome, classify
from pulumi_sms_sender_id.aws.settings import DEFAULT_THROTTLE_TIMEOUT
from pulumi_sms_sender_id.sender_id.errors import explain


def answer(code: str, status: int) -> ClientError:
    response: Any = {"Error": {"Code": code, "Message": ""}, "ResponseMetadata": {"HTTPStatusCode": status}}
    return ClientError(response, "ReleaseSenderId")


@pytest.mark.parametrize(
    ("problem", "outcome"),
    [
        (answer("ThrottlingException", 400), Outcome.THROTTLED),
        (answer("429", 429), Outcome.THROTTLED),
        (answer("InternalServerException", 500), Outcome.LOST),
        (answer("502", 502), Outcome.LOST),
        (answer("504", 504), Outcome.LOST),
        (answer("RequestTimeout", 408), Outcome.LOST),
        (answer("ResourceNotFoundException", 400), Outcome.FINAL),
        (answer("ValidationException", 400), Outcome.FINAL),
        (ConnectionClosedError(endpoint_url="x"), Outcome.LOST),
        (ReadTimeoutError(endpoint_url="x"), Outcome.LOST),
        (ResponseStreamingError(error="x"), Outcome.LOST),
        (EndpointConnectionError(endpoint_url="x"), Outcome.UNSENT),
    ],
)
def test_each_failure_is_classified_by_what_aws_may_have_done(problem: Exception, outcome: Outcome) -> None:
    assert classify(problem) is outcome


@pytest.mark.parametrize(("status", "advice"), [(504, "internal error"), (429, "kept throttling")])
def test_a_gateways_answer_reads_as_the_internal_error_or_throttling_it_is(status: int, advice: str) -> None:
    gateway = answer(str(status), status)
    explained = explain(gateway, "sender ID ACME (GB) in eu-west-2", throttle_timeout=DEFAULT_THROTTLE_TIMEOUT)
    assert advice in str(explained)
