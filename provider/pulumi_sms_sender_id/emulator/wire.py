"""Check a raw request the way AWS's front end does, before moto's parser ever sees it.

moto trusts its input: a body of the wrong JSON type, a member of the wrong type, a number that
is not a 32-bit integer, bytes that are not UTF-8 or JSON nested too deep reach its parser and
come back as an HTTP 500 with an HTML page, or worse, as a silent wrong answer (``"TagKeys": "ab"``
untags ``a`` and ``b``). AWS answers every such mistake with a 4xx JSON error that botocore
parses, in this order:

1. authentication: no signature at all (``MissingAuthenticationTokenException``), a malformed
   ``Authorization`` header (``IncompleteSignatureException``), a credential scoped to another
   service or to a region name no partition has (``InvalidSignatureException``);
2. the operation: ``POST /`` with ``X-Amz-Target: PinpointSMSVoiceV2.<Operation>`` naming an
   operation of the model, else ``UnknownOperationException``;
3. deserialization: the body is a UTF-8 JSON object whose members have the JSON types of the
   model's input shape, else ``SerializationException`` (``wire_types``).

Only then do the model's constraints (lengths, patterns, enums, ranges) apply, as
``ValidationException`` with ``Reason`` and ``Fields`` (``validation.py``). The signature itself is
not verified: any credentials are accepted, as moto does.

This module checks 1 and 2 and runs 3 (``wire_types``); it imports botocore only (no moto), so the
server can use it to decide which requests are for this service before moto's dispatcher picks
another one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, Protocol

from botocore.model import ServiceModel

from ..aws.regions import is_well_formed
from . import wire_types
from .wire_errors import JSON_CONTENT_TYPE, WireError

__all__ = ["SIGNING_NAME", "WireError", "check_request", "check_werkzeug_request", "claims_environ"]

#: SigV4 signing name of the service (the credential scope's service part).
SIGNING_NAME = "sms-voice"
_ALGORITHM = "AWS4-HMAC-SHA256"
_CREDENTIAL = re.compile(r"Credential=([^,\s]*)")


@functools.lru_cache(maxsize=1)
def _model() -> ServiceModel:
    from .validation import service_model

    return service_model()


def target_prefix() -> str:
    prefix: str = _model().metadata["targetPrefix"]
    return prefix


# -- 1. authentication ---------------------------------------------------------------------


def _credential_scope(headers: Mapping[str, str], query: Mapping[str, str]) -> str | None:
    """The ``Credential=`` value of the Authorization header or of a presigned query, if signed at all."""
    authorization = headers.get("Authorization")
    if authorization:
        if not authorization.startswith(_ALGORITHM + " "):
            raise WireError(
                "IncompleteSignatureException",
                f"Authorization header requires the {_ALGORITHM} algorithm with Credential, SignedHeaders "
                f"and Signature parameters. Authorization={authorization[:80]}",
            )
        match = _CREDENTIAL.search(authorization)
        if match is None:
            raise WireError(
                "IncompleteSignatureException", "Authorization header requires 'Credential' parameter."
            )
        return match.group(1)
    credential = query.get("X-Amz-Credential")
    return credential if credential else None


def check_authentication(headers: Mapping[str, str], query: Mapping[str, str]) -> str:
    """The region the request is signed for; raises for an unsigned or misdirected request."""
    credential = _credential_scope(headers, query)
    if credential is None:
        raise WireError("MissingAuthenticationTokenException", "Request is missing Authentication Token")
    parts = credential.split("/")
    if len(parts) != 5 or parts[4] != "aws4_request" or not all(parts[:4]):
        raise WireError(
            "IncompleteSignatureException",
            f"Credential must have exactly 5 slash-delimited elements, e.g. "
            f"keyid/date/region/service/aws4_request, got '{credential}'.",
        )
    _, _, region, service, _ = parts
    if service != SIGNING_NAME:
        raise WireError(
            "InvalidSignatureException", f"Credential should be scoped to correct service: '{SIGNING_NAME}'."
        )
    if not is_well_formed(region):
        raise WireError(
            "InvalidSignatureException", f"Credential should be scoped to a valid region, not '{region}'."
        )
    return region


# -- 2. operation --------------------------------------------------------------------------


def check_operation(method: str, path: str, headers: Mapping[str, str]) -> str:
    """The model operation named by ``X-Amz-Target``; this JSON protocol has no other route."""
    target = headers.get("X-Amz-Target") or ""
    prefix, _, operation = target.partition(".")
    if method != "POST" or path != "/" or prefix != target_prefix() or operation not in _model().operation_names:
        shown = f"{method} {path} X-Amz-Target: {target or '(none)'}"
        raise WireError(
            "UnknownOperationException",
            f"Unknown operation ({shown[:200]}); expected POST / with X-Amz-Target: {target_prefix()}.<Operation>.",
        )
    return operation


# -- entry points --------------------------------------------------------------------------


def check_request(
    method: str, path: str, headers: Mapping[str, str], query: Mapping[str, str], body: bytes
) -> tuple[str, dict[str, Any]]:
    """The operation and decoded parameters of a well-formed request; raises WireError otherwise.

    ``headers`` must look names up case-insensitively (werkzeug's ``Headers`` does).
    """
    check_authentication(headers, query)
    operation = check_operation(method, path, headers)
    params = wire_types.decode_body(headers, body)
    input_shape = _model().operation_model(operation).input_shape
    if input_shape is not None:
        wire_types.check_types(input_shape, params)
    return operation, params


class _RequestLike(Protocol):
    method: str
    path: str
    environ: dict[str, Any]

    @property
    def headers(self) -> Any: ...

    @property
    def args(self) -> Any: ...

    def get_data(self) -> bytes: ...


def check_werkzeug_request(request: _RequestLike) -> None:
    """:func:`check_request` for the werkzeug request moto hands to a response class, in both modes.

    A request that passes is relabelled as JSON for moto: moto picks its parser from the
    Content-Type (a form type sends it down the query-protocol path, an HTTP 500), whereas this
    service speaks JSON only and the body has just been read as JSON.
    """
    check_request(request.method, request.path, request.headers, request.args, request.get_data())
    request.environ["CONTENT_TYPE"] = JSON_CONTENT_TYPE


def claims_environ(environ: Mapping[str, Any]) -> bool:
    """Whether the server must answer this WSGI request as sms-voice instead of handing it to moto.

    moto's dispatcher picks a service from the credential scope, serves anything unsigned as S3
    (``200 <ListAllMyBucketsResult>``) and fails with an HTML 500 on a credential it cannot read,
    so a client that forgot to sign would learn nothing. Left to moto: its own ``/moto-api/``
    and requests properly signed for another service that do not name this service's target
    (the server also serves moto's other services). Everything else is ours to answer.
    """
    if str(environ.get("PATH_INFO", "")).startswith("/moto-api/"):
        return False
    if str(environ.get("HTTP_X_AMZ_TARGET", "")).startswith(target_prefix() + "."):
        return True
    service = _scope_service(environ)
    return service is None or service == SIGNING_NAME


def _scope_service(environ: Mapping[str, Any]) -> str | None:
    """The service of a readable SigV4 credential scope (header or presigned query), else None."""
    from urllib.parse import parse_qs

    authorization = str(environ.get("HTTP_AUTHORIZATION", ""))
    match = _CREDENTIAL.search(authorization) if authorization.startswith(_ALGORITHM + " ") else None
    credential = match.group(1) if match else None
    if not authorization:
        credential = next(iter(parse_qs(str(environ.get("QUERY_STRING", ""))).get("X-Amz-Credential", [])), None)
    parts = credential.split("/") if credential else []
    return parts[3] if len(parts) == 5 and parts[4] == "aws4_request" and parts[3] else None
