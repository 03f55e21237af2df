"""AWS errors become messages that say what to do, and keep the AWS code and request id."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError, NoCredentialsError

from pulumi_sms_sender_id.aws.settings import DEFAULT_THROTTLE_TIMEOUT
from pulumi_sms_sender_id.sender_id.errors import explain, explain_local

SENDER = "sender ID ACME (GB) in eu-west-2"


def aws_error(code: str, operation: str = "RequestSenderId", **fields: Any) -> ClientError:
    response: Any = {
        "Error": {"Code": code, "Message": "from AWS"},
        "ResponseMetadata": {"RequestId": "req-42"},
        **fields,
    }
    return ClientError(response, operation)


@pytest.mark.parametrize(
    ("error", "advice"),
    [
        (
            aws_error("ConflictException", "ReleaseSenderId", Reason="DELETION_PROTECTION_ENABLED"),
            "set deletion_protection_enabled=False and run `pulumi up`",
        ),
        (
            aws_error("ConflictException", "ReleaseSenderId", Reason="SENDER_ID_ASSOCIATED_TO_POOL"),
            "Remove it from the pool",
        ),
        (aws_error("ConflictException", Reason="RESOURCE_ALREADY_EXISTS"), "adopt_existing=True"),
        (aws_error("ValidationException", Reason="SENDER_ID_REQUIRES_REGISTRATION"), "Register it"),
        (aws_error("ValidationException", Reason="SENDER_ID_NOT_SUPPORTED"), "does not support sender IDs"),
        (
            aws_error(
                "ValidationException", Reason="FIELD_VALIDATION_FAILED", Fields=[{"Name": "SenderId", "Message": "bad"}]
            ),
            "SenderId: bad",
        ),
        (aws_error("ServiceQuotaExceededException", Reason="SENDER_IDS_PER_ACCOUNT"), "Service Quotas"),
        (aws_error("AccessDeniedException", "UpdateSenderId"), "Allow the IAM action sms-voice:UpdateSenderId"),
        (aws_error("AccessDeniedException", Reason="INSUFFICIENT_ACCOUNT_REPUTATION"), "AWS Support"),
        (aws_error("ThrottlingException"), "sms-sender-id:throttleTimeoutSeconds"),
        (aws_error("ExpiredTokenException"), "refresh them"),
    ],
)
def test_each_modeled_error_says_what_to_do(error: ClientError, advice: str) -> None:
    message = str(explain(error, SENDER, throttle_timeout=DEFAULT_THROTTLE_TIMEOUT))
    assert advice in message
    assert error.response["Error"]["Code"] in message
    assert "request id req-42" in message
    assert error.operation_name in message


def test_missing_credentials_name_the_settings_to_use() -> None:
    message = str(explain_local(NoCredentialsError(), SENDER))
    assert "aws:profile" in message
    assert "AWS_ACCESS_KEY_ID" in message
