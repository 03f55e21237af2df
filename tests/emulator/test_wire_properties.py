"""Property: whatever arrives over HTTP, the server answers a 2xx or a 4xx that botocore parses,
keeps serving, and a rejected request stores nothing.

Requests are built from the model (real targets and member names, so that the checks past the
first one are reached) mixed with arbitrary JSON, bytes, headers, targets, methods and paths.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import botocore.parsers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pulumi_sms_sender_id.emulator.testing import EmulatorServer, make_client
from pulumi_sms_sender_id.emulator.validation import service_model

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
MODEL = service_model()
PREFIX = MODEL.metadata["targetPrefix"]
EMULATED = ["RequestSenderId", "DescribeSenderIds", "UpdateSenderId", "ReleaseSenderId",
            "TagResource", "UntagResource", "ListTagsForResource"]  # fmt: skip
#: Regions the examples sign for: listed, unlisted but well-formed, malformed.
REGIONS = ["us-east-1", "eu-west-9", "moon-1"]
WELL_FORMED_REGIONS = REGIONS[:2]
#: The emulator reads the credential scope but verifies no signature, like moto.
SIGNED = "AWS4-HMAC-SHA256 Credential=testing/20240101/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _member_names(operation: str) -> list[str]:
    shape = MODEL.operation_model(operation).input_shape
    return list(shape.members) if shape is not None else []


@st.composite
def plausible_params(draw: st.DrawFn, operation: str) -> dict[str, Any]:
    """A valid request of ``operation`` with some members replaced by arbitrary JSON."""
    arn = "arn:aws:sms-voice:us-east-1:123456789012:sender-id/BRAND/GB"
    requests: dict[str, dict[str, Any]] = {
        "RequestSenderId": {"SenderId": "Brand", "IsoCountryCode": "GB", "Tags": [{"Key": "k", "Value": "v"}]},
        "DescribeSenderIds": {"MaxResults": 5, "Filters": [{"Name": "registered", "Values": ["false"]}]},
        "UpdateSenderId": {"SenderId": "Brand", "IsoCountryCode": "GB", "DeletionProtectionEnabled": True},
        "ReleaseSenderId": {"SenderId": "Brand", "IsoCountryCode": "GB"},
        "TagResource": {"ResourceArn": arn, "Tags": [{"Key": "k", "Value": "v"}]},
        "UntagResource": {"ResourceArn": arn, "TagKeys": ["k"]},
        "ListTagsForResource": {"ResourceArn": arn},
    }
    params = dict(requests.get(operation, {}))
    names = _member_names(operation) or ["X"]
    for name in draw(st.lists(st.sampled_from(names), max_size=3)):
        params[name] = draw(json_values)
    return params


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    operation = draw(st.sampled_from(EMULATED) | st.sampled_from(sorted(MODEL.operation_names)))
    target = draw(
        st.just(f"{PREFIX}.{operation}")
        | st.sampled_from([operation, f"Foo.{operation}", f"{PREFIX}.", f"{PREFIX}.{operation.lower()}", ""])
        | st.text(max_size=30)
    )
    document = draw(plausible_params(operation) | json_values)
    text = json.dumps(document)
    body = draw(
        st.just(text.encode())
        | st.just(text[: draw(st.integers(0, max(len(text) - 1, 0)))].encode())  # truncated
        | st.binary(max_size=40)
        | st.just(b"{" * 5000)
    )
    region = draw(st.sampled_from(REGIONS))
    service = draw(st.sampled_from(["sms-voice", "sms-voice", "s3"]))
    signed = SIGNED.format(region=region, service=service)
    authorization = draw(st.just(signed) | st.none() | st.text(max_size=30))
    if service != "sms-voice":  # signed for another service: ours only when it names our target
        target = f"{PREFIX}.{operation}"
    headers: dict[str, str] = {"X-Amz-Target": target}
    if authorization is not None:
        headers["Authorization"] = authorization
    extra = draw(st.dictionaries(
        st.sampled_from(["Content-Type", "Content-Encoding", "X-Amz-Date", "X-Amz-Security-Token", "Accept"]),
        st.sampled_from(["application/x-amz-json-1.0", "text/html", "gzip", "identity", "", "*/*"]),
        max_size=3,
    ))  # fmt: skip
    headers.update(extra)
    return {
        "method": draw(st.sampled_from(["POST", "POST", "POST", "GET", "PUT"])),
        "path": draw(st.sampled_from(["/", "/", "/", "/x", "/moto-api/data.json"])),
        "headers": {k: v for k, v in headers.items() if _latin1(v)},
        "body": body,
    }


def _latin1(value: str) -> bool:
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return "\n" not in value and "\r" not in value


def _send(url: str, request: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    data = request["body"] if request["method"] != "GET" else None
    raw = urllib.request.Request(url + request["path"], data=data, method=request["method"],
                                 headers=request["headers"])  # fmt: skip
    try:
        with NO_PROXY.open(raw, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _botocore_error_code(status: int, headers: dict[str, str], body: bytes, operation: str) -> str:
    parser = botocore.parsers.create_parser("json")
    shape = MODEL.operation_model(operation).output_shape if operation in MODEL.operation_names else None
    # botocore parses with no shape (an unknown operation); its stubs want one.
    parsed = parser.parse({"status_code": status, "headers": headers, "body": body}, shape)  # type: ignore[arg-type]
    return str(parsed["Error"]["Code"])


@pytest.mark.timeout(120)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=requests())
def test_every_request_gets_a_2xx_or_a_parsable_4xx_and_rejected_ones_store_nothing(
    emulator_server: EmulatorServer, request: dict[str, Any]
) -> None:
    url = emulator_server.endpoint_url
    emulator_server.control.reset()
    status, headers, body = _send(url, request)
    if request["path"].startswith("/moto-api/"):
        assert status < 500  # moto's own API, not ours: only "no server error" is promised
        return
    assert 200 <= status < 300 or 400 <= status < 500, (status, body[:300])
    if status >= 400:
        operation = request["headers"].get("X-Amz-Target", "").partition(".")[2]
        assert "json" in headers.get("Content-Type", ""), (headers, body[:300])
        error_type = str(json.loads(body)["__type"])  # e.g. "PinpointSMSVoiceV2#ValidationException"
        assert _botocore_error_code(status, headers, body, operation) == error_type.rsplit("#", 1)[-1]
        for region in WELL_FORMED_REGIONS:
            assert make_client(region, url).describe_sender_ids()["SenderIds"] == [], request
    assert make_client("us-east-1", url).describe_sender_ids()["ResponseMetadata"]["HTTPStatusCode"] == 200
