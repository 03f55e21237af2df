"""Client mistakes get the 4xx JSON error AWS gives, never a 500, an HTML page or another service's answer.

Each test is one finding of issue 12 (clients nobody here wrote: the AWS CLI, boto3's paginator,
raw signed and unsigned HTTP). Bodies are put on the wire as given (``send_raw``) and the answer is
parsed by botocore, in both modes unless the finding is about the server's routing.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config

from pulumi_sms_sender_id.emulator.testing import ClientAndControl, EmulatorServer

from .support import NO_CLIENT_VALIDATION, NO_RETRIES, arn, code, error_of, field_names, send_raw

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
TARGET = "PinpointSMSVoiceV2.DescribeSenderIds"


def _raw_client(sms_voice_emulated: ClientAndControl, region: str = "us-east-1") -> Any:
    return sms_voice_emulated.new_client(region_name=region, config=NO_CLIENT_VALIDATION)


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with NO_PROXY.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _authorization(region: str = "us-east-1", service: str = "sms-voice") -> str:
    return (
        f"AWS4-HMAC-SHA256 Credential=testing/20240101/{region}/{service}/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=0"
    )


def _json_error(status: int, headers: dict[str, str], body: bytes) -> str:
    """The error code of a 4xx JSON answer (failing on HTML, other services' XML and 5xx)."""
    assert 400 <= status < 500, (status, body[:200])
    assert "json" in headers.get("Content-Type", ""), headers
    document = json.loads(body)
    assert document["message"]
    return str(document["__type"])


# -- bodies and members of the wrong JSON type ---------------------------------------------


@pytest.mark.parametrize("body", ["[1,2]", '"x"', "1", "null", "true"])
def test_a_body_that_is_not_a_json_object_is_a_serialization_error(
    sms_voice_emulated: ClientAndControl, body: str
) -> None:
    response = send_raw(_raw_client(sms_voice_emulated), "DescribeSenderIds", body)
    assert code(response) == "SerializationException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400


@pytest.mark.parametrize("tags", [{"team": "x"}, ["team"], "team=x"], ids=["object", "list of strings", "string"])
def test_tags_of_the_wrong_json_type_are_a_serialization_error_and_create_nothing(
    sms_voice_emulated: ClientAndControl, tags: Any
) -> None:
    client = _raw_client(sms_voice_emulated)
    body = json.dumps({"SenderId": "Brand", "IsoCountryCode": "GB", "Tags": tags})
    assert code(send_raw(client, "RequestSenderId", body, SenderId="Brand", IsoCountryCode="GB")) == (
        "SerializationException"
    )
    assert client.describe_sender_ids()["SenderIds"] == []


def test_filters_given_as_an_object_are_a_serialization_error(sms_voice_emulated: ClientAndControl) -> None:
    body = json.dumps({"Filters": {"Name": "registered", "Values": ["true"]}})
    assert code(send_raw(_raw_client(sms_voice_emulated), "DescribeSenderIds", body)) == "SerializationException"


def test_sender_ids_entries_that_are_not_objects_are_a_serialization_error(
    sms_voice_emulated: ClientAndControl,
) -> None:
    body = json.dumps({"SenderIds": ["ACME"]})
    assert code(send_raw(_raw_client(sms_voice_emulated), "DescribeSenderIds", body)) == "SerializationException"


@pytest.mark.parametrize("max_results", ["1e400", "NaN", "Infinity", '"5"', "2.5", "true", "4294967296"])
def test_max_results_that_is_not_a_32_bit_integer_is_a_serialization_error(
    sms_voice_emulated: ClientAndControl, max_results: str
) -> None:
    client = _raw_client(sms_voice_emulated)
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    response = send_raw(client, "DescribeSenderIds", '{"MaxResults": ' + max_results + "}")
    assert code(response) == "SerializationException"


def test_untag_with_tag_keys_as_a_string_is_refused_and_removes_nothing(sms_voice_emulated: ClientAndControl) -> None:
    client = _raw_client(sms_voice_emulated)
    client.request_sender_id(SenderId="Brand", IsoCountryCode="GB", Tags=[{"Key": "a", "Value": "1"}])
    body = json.dumps({"ResourceArn": arn("BRAND", "GB"), "TagKeys": "ab"})
    response = send_raw(client, "UntagResource", body, ResourceArn=arn("BRAND", "GB"), TagKeys=["x"])
    assert code(response) == "SerializationException"
    assert client.list_tags_for_resource(ResourceArn=arn("BRAND", "GB"))["Tags"] == [{"Key": "a", "Value": "1"}]


def test_a_body_that_is_not_utf8_is_a_serialization_error(sms_voice_emulated: ClientAndControl) -> None:
    response = send_raw(_raw_client(sms_voice_emulated), "DescribeSenderIds", b'{"Owner": "\xff\xfe"}')
    assert code(response) == "SerializationException"


def test_deeply_nested_json_is_a_serialization_error(sms_voice_emulated: ClientAndControl) -> None:
    body = '{"Filters": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert code(send_raw(_raw_client(sms_voice_emulated), "DescribeSenderIds", body)) == "SerializationException"


def test_truncated_json_is_a_serialization_error_not_an_empty_request(sms_voice_emulated: ClientAndControl) -> None:
    client = _raw_client(sms_voice_emulated)
    body = '{"SenderId": "Brand", "IsoCountryCode": "GB"'
    response = send_raw(client, "RequestSenderId", body, SenderId="Brand", IsoCountryCode="GB")
    assert code(response) == "SerializationException"
    assert client.describe_sender_ids()["SenderIds"] == []


# -- targets and call counts ---------------------------------------------------------------


@pytest.mark.parametrize("target", ["RequestSenderId", "Foo.RequestSenderId", "PinpointSMSVoiceV2.", ""])
def test_a_target_without_the_service_prefix_is_an_unknown_operation_and_runs_nothing(
    sms_voice_emulated: ClientAndControl, target: str
) -> None:
    client = _raw_client(sms_voice_emulated)
    sms_voice_emulated.control.reset_call_counts()
    body = json.dumps({"SenderId": "Brand", "IsoCountryCode": "GB"})
    response = send_raw(
        client, "RequestSenderId", body, {"X-Amz-Target": target}, SenderId="Brand", IsoCountryCode="GB"
    )
    assert code(response) == "UnknownOperationException"
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    assert client.describe_sender_ids()["SenderIds"] == []
    assert sms_voice_emulated.control.call_counts() == {"DescribeSenderIds": 1}


def test_only_operations_of_the_model_are_counted(sms_voice_emulated: ClientAndControl) -> None:
    client = _raw_client(sms_voice_emulated)
    sms_voice_emulated.control.reset_call_counts()
    for target in ("PinpointSMSVoiceV2.Nonsense", "PinpointSMSVoiceV2.describeSenderIds", "Other.DescribePools"):
        assert code(send_raw(client, "DescribeSenderIds", "{}", {"X-Amz-Target": target})) == (
            "UnknownOperationException"
        )
    error_of(client.describe_pools)  # in the model, not emulated: counted, answered UNKNOWN_OPERATION
    assert sms_voice_emulated.control.call_counts() == {"DescribePools": 1}


# -- countries -----------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["UK", "XX", "ZZ", "EU"])
def test_codes_that_are_not_iso_countries_are_not_leased(sms_voice_emulated: ClientAndControl, country: str) -> None:
    client = sms_voice_emulated.client
    error = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode=country))
    assert code(error) == "ValidationException"
    assert error["Reason"] == "FIELD_VALIDATION_FAILED"
    assert field_names(error) == ["IsoCountryCode"]
    assert client.describe_sender_ids()["SenderIds"] == []


def test_uk_is_refused_with_a_hint_at_gb(sms_voice_emulated: ClientAndControl) -> None:
    error = error_of(lambda: sms_voice_emulated.client.request_sender_id(SenderId="Brand", IsoCountryCode="UK"))
    assert "did you mean GB" in error["Fields"][0]["Message"]


# -- pagination ----------------------------------------------------------------------------


def test_next_token_stays_valid_when_the_sender_id_it_points_at_is_released(
    sms_voice_emulated: ClientAndControl,
) -> None:
    client, _ = sms_voice_emulated
    for index in range(5):
        client.request_sender_id(SenderId=f"Brand{index}", IsoCountryCode="GB")
    first = client.describe_sender_ids(MaxResults=2)
    assert [s["SenderId"] for s in first["SenderIds"]] == ["BRAND0", "BRAND1"]
    client.release_sender_id(SenderId="Brand2", IsoCountryCode="GB")  # the first item of the next page
    rest = client.describe_sender_ids(MaxResults=2, NextToken=first["NextToken"])
    assert [s["SenderId"] for s in rest["SenderIds"]] == ["BRAND3", "BRAND4"]
    assert "NextToken" not in rest


def test_paginator_survives_releases_between_pages(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    for index in range(9):
        client.request_sender_id(SenderId=f"B{index}", IsoCountryCode="GB")
    seen: list[str] = []
    for page in client.get_paginator("describe_sender_ids").paginate(PaginationConfig={"PageSize": 3}):
        seen += [s["SenderId"] for s in page["SenderIds"]]
        if len(seen) == 3:  # release what the token points at and one further on
            client.release_sender_id(SenderId="B3", IsoCountryCode="GB")
            client.release_sender_id(SenderId="B7", IsoCountryCode="GB")
    assert seen == ["B0", "B1", "B2", "B4", "B5", "B6", "B8"]


def test_next_token_from_a_request_with_other_filters_is_invalid(sms_voice_emulated: ClientAndControl) -> None:
    client, _ = sms_voice_emulated
    for index in range(3):
        client.request_sender_id(SenderId=f"Brand{index}", IsoCountryCode="GB")
    token = client.describe_sender_ids(MaxResults=1)["NextToken"]
    error = error_of(
        lambda: client.describe_sender_ids(
            NextToken=token, Filters=[{"Name": "iso-country-code", "Values": ["GB"]}]
        )
    )
    assert error["Reason"] == "INVALID_NEXT_TOKEN"


# -- regions -------------------------------------------------------------------------------


@pytest.mark.parametrize("region", ["eu-west-9", "ap-southeast-5", "cn-north-1", "eu-isoe-west-1"])
def test_well_formed_regions_botocore_does_not_list_are_served(
    sms_voice_emulated: ClientAndControl, region: str
) -> None:
    client = sms_voice_emulated.new_client(region_name=region, config=NO_RETRIES)
    created = client.request_sender_id(SenderId="Brand", IsoCountryCode="GB")
    partition = {"cn-north-1": "aws-cn", "eu-isoe-west-1": "aws-iso-e"}.get(region, "aws")
    assert created["SenderIdArn"] == f"arn:{partition}:sms-voice:{region}:123456789012:sender-id/BRAND/GB"
    assert [s["SenderId"] for s in client.describe_sender_ids()["SenderIds"]] == ["BRAND"]
    assert sms_voice_emulated.client.describe_sender_ids()["SenderIds"] == []  # us-east-1 is another region


def test_seeding_works_in_a_region_botocore_does_not_list(sms_voice_emulated: ClientAndControl) -> None:
    sms_voice_emulated.control.seed_sender_id("Brand", "GB", region="ap-southeast-5")
    client = sms_voice_emulated.new_client(region_name="ap-southeast-5")
    assert [s["SenderId"] for s in client.describe_sender_ids()["SenderIds"]] == ["BRAND"]


@pytest.mark.parametrize("region", ["moon-1", "mars-north-1"])
def test_a_malformed_region_is_a_clear_client_error_without_retries(
    sms_voice_emulated: ClientAndControl, region: str
) -> None:
    client = sms_voice_emulated.new_client(region_name=region)  # default retries, like the AWS CLI
    error = error_of(client.describe_sender_ids)
    assert code(error) == "InvalidSignatureException"
    assert region in error["Error"]["Message"]
    assert error["ResponseMetadata"]["RetryAttempts"] == 0


# -- authentication (server: routed by the credential scope) -------------------------------


def test_unsigned_boto3_calls_answer_missing_authentication_token(sms_voice_emulated: ClientAndControl) -> None:
    client = sms_voice_emulated.new_client(config=Config(signature_version=UNSIGNED, retries={"total_max_attempts": 1}))
    error = error_of(lambda: client.request_sender_id(SenderId="Brand", IsoCountryCode="GB"))
    assert code(error) == "MissingAuthenticationTokenException"
    assert sms_voice_emulated.client.describe_sender_ids()["SenderIds"] == []


def test_unsigned_raw_requests_get_json_not_moto_s3(emulator: EmulatorServer) -> None:
    for method, headers in [("GET", {}), ("POST", {"X-Amz-Target": TARGET})]:
        request = urllib.request.Request(f"{emulator.endpoint_url}/", data=b"{}" if method == "POST" else None,
                                         method=method, headers=headers)  # fmt: skip
        with pytest.raises(urllib.error.HTTPError) as caught:
            NO_PROXY.open(request, timeout=10)
        answer = caught.value
        assert _json_error(answer.code, dict(answer.headers), answer.read()) == "MissingAuthenticationTokenException"


def test_requests_signed_for_another_service_are_refused(emulator: EmulatorServer) -> None:
    headers = {"X-Amz-Target": TARGET, "Content-Type": "application/x-amz-json-1.0"}
    answer = _post(f"{emulator.endpoint_url}/", b"{}", {**headers, "Authorization": _authorization(service="s3")})
    assert _json_error(*answer) == "InvalidSignatureException"
    assert b"sms-voice" in answer[2]


def test_a_malformed_authorization_header_is_an_incomplete_signature(emulator: EmulatorServer) -> None:
    headers = {"X-Amz-Target": TARGET, "Authorization": "Bearer abc"}
    assert _json_error(*_post(f"{emulator.endpoint_url}/", b"{}", headers)) == "IncompleteSignatureException"


def test_a_wrong_path_is_an_unknown_operation_as_json(emulator: EmulatorServer) -> None:
    headers = {"X-Amz-Target": TARGET, "Authorization": _authorization()}
    assert _json_error(*_post(f"{emulator.endpoint_url}/other/path", b"{}", headers)) == "UnknownOperationException"


def test_other_moto_services_and_moto_api_still_work_on_the_server(emulator: EmulatorServer) -> None:
    sqs = boto3.client(
        "sqs", endpoint_url=emulator.endpoint_url, region_name="us-east-1",
        aws_access_key_id="testing", aws_secret_access_key="testing",
    )  # fmt: skip
    assert sqs.create_queue(QueueName="q")["QueueUrl"].endswith("/q")
    request = urllib.request.Request(f"{emulator.endpoint_url}/moto-api/reset", method="POST")
    with NO_PROXY.open(request, timeout=10) as response:
        assert response.status == 200
