"""Every model constraint botocore leaves unchecked is enforced by the service, with Reason and Fields.

The client here skips botocore's own validation so that each request reaches the emulator, as a
request from a non-Python SDK (or an older botocore) would reach AWS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from pulumi_sms_sender_id.emulator.testing import ClientAndControl

if TYPE_CHECKING:
    from mypy_boto3_pinpoint_sms_voice_v2.type_defs import TagTypeDef

from .support import NO_CLIENT_VALIDATION, arn, code, error_of, field_names

OK_ARN = arn("BRAND", "GB")
TAG: TagTypeDef = {"Key": "k", "Value": "v"}

# (case id, operation, parameters, expected Reason, expected Fields names)
CASES: list[tuple[str, str, dict[str, Any], str, list[str]]] = [
    ("sender id too long", "request_sender_id", {"SenderId": "A" * 12, "IsoCountryCode": "GB"},
     "FIELD_VALIDATION_FAILED", ["SenderId"]),
    ("sender id bad characters", "request_sender_id", {"SenderId": "My Brand", "IsoCountryCode": "GB"},
     "FIELD_VALIDATION_FAILED", ["SenderId"]),
    ("sender id without a letter", "request_sender_id", {"SenderId": "12345", "IsoCountryCode": "GB"},
     "FIELD_VALIDATION_FAILED", ["SenderId"]),
    ("sender id leading hyphen", "request_sender_id", {"SenderId": "-Brand", "IsoCountryCode": "GB"},
     "FIELD_VALIDATION_FAILED", ["SenderId"]),
    ("sender id trailing hyphen", "request_sender_id", {"SenderId": "Brand-", "IsoCountryCode": "GB"},
     "FIELD_VALIDATION_FAILED", ["SenderId"]),
    ("sender id underscore", "request_sender_id", {"SenderId": "My_Brand", "IsoCountryCode": "GB"},
     "FIELD_VALIDATION_FAILED", ["SenderId"]),
    ("country lower case", "request_sender_id", {"SenderId": "Brand", "IsoCountryCode": "gb"},
     "FIELD_VALIDATION_FAILED", ["IsoCountryCode"]),
    ("country too long", "request_sender_id", {"SenderId": "Brand", "IsoCountryCode": "GBR"},
     "FIELD_VALIDATION_FAILED", ["IsoCountryCode", "IsoCountryCode"]),
    ("missing country", "request_sender_id", {"SenderId": "Brand"}, "MISSING_PARAMETER", ["IsoCountryCode"]),
    ("message type enum", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "MessageTypes": ["Transactional"]},
     "FIELD_VALIDATION_FAILED", ["MessageTypes[0]"]),
    ("too many message types", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "MessageTypes": ["TRANSACTIONAL"] * 3},
     "FIELD_VALIDATION_FAILED", ["MessageTypes"]),
    ("tag key too long", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "Tags": [{"Key": "k" * 129, "Value": "v"}]},
     "FIELD_VALIDATION_FAILED", ["Tags[0].Key"]),
    ("tag value too long", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "Tags": [TAG, {"Key": "x", "Value": "v" * 257}]},
     "FIELD_VALIDATION_FAILED", ["Tags[1].Value"]),
    ("empty tag key", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "Tags": [{"Key": "", "Value": "v"}]},
     "FIELD_VALIDATION_FAILED", ["Tags[0].Key", "Tags[0].Key"]),
    ("reserved tag key", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "Tags": [{"Key": "aws:owner", "Value": "v"}]},
     "FIELD_VALIDATION_FAILED", ["Tags[0].Key"]),
    ("duplicate tag keys", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "Tags": [TAG, TAG]}, "INVALID_PARAMETER", ["Tags[1].Key"]),
    ("more than 200 tags in a request", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "Tags": [{"Key": f"k{i}", "Value": ""} for i in range(201)]},
     "FIELD_VALIDATION_FAILED", ["Tags"]),
    ("client token too long", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "ClientToken": "t" * 65},
     "FIELD_VALIDATION_FAILED", ["ClientToken"]),
    ("client token with a space", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "ClientToken": "a b"},
     "FIELD_VALIDATION_FAILED", ["ClientToken"]),
    ("empty client token", "request_sender_id",
     {"SenderId": "Brand", "IsoCountryCode": "GB", "ClientToken": ""},
     "FIELD_VALIDATION_FAILED", ["ClientToken", "ClientToken"]),
    ("more than 5 sender ids", "describe_sender_ids",
     {"SenderIds": [{"SenderId": f"B{i}", "IsoCountryCode": "GB"} for i in range(6)]},
     "FIELD_VALIDATION_FAILED", ["SenderIds"]),
    ("sender id or arn pattern", "describe_sender_ids",
     {"SenderIds": [{"SenderId": "a b", "IsoCountryCode": "GB"}]},
     "FIELD_VALIDATION_FAILED", ["SenderIds[0].SenderId"]),
    ("filter name enum", "describe_sender_ids", {"Filters": [{"Name": "status", "Values": ["x"]}]},
     "FIELD_VALIDATION_FAILED", ["Filters[0].Name"]),
    ("filter without values", "describe_sender_ids", {"Filters": [{"Name": "registered", "Values": []}]},
     "FIELD_VALIDATION_FAILED", ["Filters[0].Values"]),
    ("filter value pattern", "describe_sender_ids", {"Filters": [{"Name": "sender-id", "Values": ["a b"]}]},
     "FIELD_VALIDATION_FAILED", ["Filters[0].Values[0]"]),
    ("more than 20 filters", "describe_sender_ids",
     {"Filters": [{"Name": "registered", "Values": ["true"]}] * 21}, "FIELD_VALIDATION_FAILED", ["Filters"]),
    ("max results 0", "describe_sender_ids", {"MaxResults": 0}, "FIELD_VALIDATION_FAILED", ["MaxResults"]),
    ("max results 101", "describe_sender_ids", {"MaxResults": 101}, "FIELD_VALIDATION_FAILED", ["MaxResults"]),
    ("owner enum", "describe_sender_ids", {"Owner": "OTHERS"}, "FIELD_VALIDATION_FAILED", ["Owner"]),
    ("update country pattern", "update_sender_id", {"SenderId": "Brand", "IsoCountryCode": "G1"},
     "FIELD_VALIDATION_FAILED", ["IsoCountryCode"]),
    ("release sender id too long", "release_sender_id", {"SenderId": "A" * 257, "IsoCountryCode": "GB"},
     "FIELD_VALIDATION_FAILED", ["SenderId"]),
    ("resource arn too short", "list_tags_for_resource", {"ResourceArn": "arn:aws:x"},
     "FIELD_VALIDATION_FAILED", ["ResourceArn"]),
    ("resource arn pattern", "list_tags_for_resource", {"ResourceArn": "not-an-arn-at-all-really"},
     "FIELD_VALIDATION_FAILED", ["ResourceArn"]),
    ("empty tag keys", "untag_resource", {"ResourceArn": OK_ARN, "TagKeys": []},
     "FIELD_VALIDATION_FAILED", ["TagKeys"]),
    ("reserved untag key", "untag_resource", {"ResourceArn": OK_ARN, "TagKeys": ["aws:x"]},
     "FIELD_VALIDATION_FAILED", ["TagKeys[0]"]),
    ("empty tags", "tag_resource", {"ResourceArn": OK_ARN, "Tags": []}, "FIELD_VALIDATION_FAILED", ["Tags"]),
    ("tag without value", "tag_resource", {"ResourceArn": OK_ARN, "Tags": [{"Key": "k"}]},
     "MISSING_PARAMETER", ["Tags[0].Value"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("operation", "params", "reason", "fields"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_model_constraints_answer_validation_exception_naming_the_field(
    sms_voice_emulated: ClientAndControl, operation: str, params: dict[str, Any], reason: str, fields: list[str]
) -> None:
    client = sms_voice_emulated.new_client(config=NO_CLIENT_VALIDATION)
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    call: Callable[..., Any] = getattr(client, operation)
    error = error_of(lambda: call(**params))
    assert code(error) == "ValidationException"
    assert error["Reason"] == reason
    assert field_names(error) == fields
    assert all(field["Message"] for field in error["Fields"])
    assert "validation error" in error["Message"]


def test_rejected_requests_change_nothing(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=NO_CLIENT_VALIDATION)
    error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", Tags=[TAG, TAG]))
    assert client.describe_sender_ids()["SenderIds"] == []


def test_validation_failures_are_not_pinned_to_the_client_token(sms_voice_emulated: ClientAndControl) -> None:
    # Input validation happens before the request is processed, so a fixed retry with the same
    # token is a new request; only processed answers are replayed.
    client = sms_voice_emulated.new_client(config=NO_CLIENT_VALIDATION)
    error_of(lambda: client.request_sender_id(SenderId="Brand_", IsoCountryCode="GB", ClientToken="t"))
    assert client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", ClientToken="t")["SenderId"] == "BRAND"


def test_boundary_values_are_accepted(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    created = client.request_sender_id(
        SenderId="A" * 11,
        IsoCountryCode="GB",
        MessageTypes=["TRANSACTIONAL", "PROMOTIONAL"],
        Tags=[{"Key": "k" * 128, "Value": "v" * 256}, {"Key": "x", "Value": ""}],
        ClientToken="!" + "~" * 63,
    )
    assert created["SenderId"] == "A" * 11
    assert client.request_sender_id(SenderId="a1-b", IsoCountryCode="GB")["SenderId"] == "A1-B"
    assert client.describe_sender_ids(MaxResults=100)["SenderIds"]
    assert client.describe_sender_ids(MaxResults=1)["SenderIds"]
