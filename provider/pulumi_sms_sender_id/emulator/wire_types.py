"""Check a request body's JSON types against the model's input shape, as AWS's front end does.

Step 3 of the checks in ``wire``: moto trusts its input, so a body that is not a UTF-8 JSON object,
a member of the wrong JSON type (``"TagKeys": "ab"`` would untag ``a`` and ``b``), a number that does
not fit its integer shape, ``NaN`` or JSON nested too deep would reach its parser and come back as an
HTTP 500 or a silent wrong answer. AWS answers each with ``SerializationException``, and so does this
module, at the first offending member, naming its path (``Tags[0].Key``).

Like ``wire``, it imports botocore only (no moto).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Mapping
from typing import Any, NoReturn

from botocore.model import ListShape, MapShape, Shape, StructureShape

from .wire_errors import WireError

__all__ = ["check_types", "decode_body"]

_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)


def _serialization_error(message: str) -> NoReturn:
    raise WireError("SerializationException", message)


def _reject_constant(name: str) -> NoReturn:
    _serialization_error(f"{name} is not valid JSON")


def decode_body(headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
    """The body's JSON object (an empty body reads as no parameters); SerializationException otherwise."""
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":
        _serialization_error(f"Content-Encoding {encoding!r} is not supported by this operation")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        _serialization_error(f"The request body is not UTF-8: {error.reason} at byte {error.start}")
    if not text.strip():
        return {}  # botocore always sends "{}"; an empty body is read as no parameters
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        _serialization_error("The request body is nested too deeply")
    except ValueError as error:
        _serialization_error(f"The request body is not valid JSON: {error}")
    if not isinstance(document, dict):
        _serialization_error(f"The request body must be a JSON object, got {_json_type(document)}")
    return document


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _mismatch(path: str, expected: str, value: Any) -> NoReturn:
    _serialization_error(f"Cannot deserialize {path or 'the request'}: expected {expected}, got {_json_type(value)}")


def _check_number(shape: Shape, value: Any, path: str) -> None:
    kind = shape.type_name
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _mismatch(path, f"a JSON number ({kind})", value)
    if kind in ("integer", "long"):
        low, high = _INT32 if kind == "integer" else _INT64
        if not isinstance(value, int):
            _serialization_error(f"Cannot deserialize {path}: {value!r} is not an integer")
        if not low <= value <= high:
            _serialization_error(f"Cannot deserialize {path}: {value} does not fit a {kind}")
    elif not math.isfinite(value):
        _serialization_error(f"Cannot deserialize {path}: {value!r} is not a finite number")


def check_types(shape: Shape, value: Any, path: str = "") -> None:
    """Raise SerializationException at the first member whose JSON type is not the model's."""
    kind = shape.type_name
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        if not isinstance(value, dict):
            _mismatch(path, "a JSON object", value)
        for name, member in shape.members.items():
            if value.get(name) is not None:  # null is an absent member; unknown members are ignored
                check_types(member, value[name], f"{path}.{name}" if path else name)
    elif kind == "list":
        assert isinstance(shape, ListShape)
        if not isinstance(value, list):
            _mismatch(path, "a JSON array", value)
        for index, item in enumerate(value):
            if item is None:
                _serialization_error(f"Cannot deserialize {path}[{index}]: null is not allowed in a list")
            check_types(shape.member, item, f"{path}[{index}]")
    elif kind == "map":
        assert isinstance(shape, MapShape)
        if not isinstance(value, dict):
            _mismatch(path, "a JSON object", value)
        for key, item in value.items():
            if item is not None:
                check_types(shape.value, item, f"{path}.{key}")
    elif kind == "string":
        if not isinstance(value, str):
            _mismatch(path, "a JSON string", value)
    elif kind == "boolean":
        if not isinstance(value, bool):
            _mismatch(path, "true or false", value)
    elif kind in ("integer", "long", "float", "double", "timestamp"):
        _check_number(shape, value, path)
    elif kind == "blob":
        _check_blob(value, path)


def _check_blob(value: Any, path: str) -> None:
    if not isinstance(value, str):
        _mismatch(path, "a base64 JSON string", value)
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        _serialization_error(f"Cannot deserialize {path}: not valid base64")
