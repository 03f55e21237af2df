"""Request validation driven by the botocore model, plus the rules the model cannot express.

botocore checks only required members, types and minimum lengths on the client side, and moto
validates nothing, yet AWS rejects anything outside the model's max lengths, patterns and enums.
Walking the operation's input shape enforces every such constraint without a hand-kept copy of
the model; the semantic rules the API documents in prose follow in :func:`check_semantics`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from botocore.model import ListShape, OperationModel, ServiceModel, Shape, StringShape, StructureShape
from moto.core.utils import get_service_model

from ..aws.countries import is_iso_country, suggestion
from .exceptions import ValidationException
from .state import SERVICE_NAME


def service_model() -> ServiceModel:
    """The botocore service model, shared with moto's parser and serializer (parsed once)."""
    model: ServiceModel = get_service_model(SERVICE_NAME)
    return model


@functools.lru_cache(maxsize=64)
def operation_model(name: str) -> OperationModel:
    return service_model().operation_model(name)


@functools.lru_cache(maxsize=16)
def enum_values(shape_name: str) -> frozenset[str]:
    """The values of one of the model's enum shapes (statuses, for the status filters)."""
    shape = service_model().shape_for(shape_name)
    assert isinstance(shape, StringShape)
    return frozenset(shape.enum)


@functools.lru_cache(maxsize=64)
def _pattern(pattern: str) -> re.Pattern[str]:
    # The model's patterns are Java regexes matched against the whole value; these ones are
    # also valid Python regexes with the same meaning.
    return re.compile(pattern)


def _describe(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 80 else text[:77] + "..."


class _Collector:
    def __init__(self) -> None:
        self.errors: list[tuple[str, str, Any, str]] = []  # (field, constraint, value, reason)

    def add(self, field: str, constraint: str, value: Any, reason: str = "FIELD_VALIDATION_FAILED") -> None:
        self.errors.append((field, constraint, value, reason))


def _walk(shape: Shape, value: Any, path: str, out: _Collector) -> None:
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        assert isinstance(shape, StructureShape)
        if not isinstance(value, Mapping):
            out.add(path, "Member must be a structure", value)
            return
        for name in shape.required_members:
            if value.get(name) is None:
                out.add(_join(path, name), "Member must not be null", None, "MISSING_PARAMETER")
        for name, member in shape.members.items():
            if value.get(name) is not None:
                _walk(member, value[name], _join(path, name), out)
    elif kind == "list":
        assert isinstance(shape, ListShape)
        if not isinstance(value, list):
            out.add(path, "Member must be a list", value)
            return
        _check_length(len(value), meta, path, value, out)
        for index, item in enumerate(value):
            _walk(shape.member, item, f"{path}[{index}]", out)
    elif kind == "string":
        if not isinstance(value, str):
            out.add(path, "Member must be a string", value)
            return
        _check_length(len(value), meta, path, value, out)
        if "pattern" in meta and not _pattern(meta["pattern"]).fullmatch(value):
            out.add(path, f"Member must satisfy regular expression pattern: {meta['pattern']}", value)
        if isinstance(shape, StringShape) and shape.enum and value not in shape.enum:
            out.add(path, f"Member must satisfy enum value set: [{', '.join(shape.enum)}]", value)
    elif kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            out.add(path, "Member must be an integer", value)
            return
        if "min" in meta and value < meta["min"]:
            out.add(path, f"Member must have value greater than or equal to {meta['min']}", value)
        if "max" in meta and value > meta["max"]:
            out.add(path, f"Member must have value less than or equal to {meta['max']}", value)
    elif kind == "boolean" and not isinstance(value, bool):
        out.add(path, "Member must be a boolean", value)
    elif kind == "blob" and isinstance(value, (bytes, bytearray)):
        _check_size(len(value), meta, path, out)


def _check_size(size: int, meta: Mapping[str, Any], path: str, out: _Collector) -> None:
    """A blob's size in bytes. Deviation: beyond the maximum AWS may answer FIELD_VALIDATION_FAILED; the
    emulator answers the model's more specific MAXIMUM_SIZE_EXCEEDED (unverified)."""
    shown = f"<{size} bytes>"
    if "min" in meta and size < meta["min"]:
        out.add(path, f"Member must have length greater than or equal to {meta['min']}", shown)
    if "max" in meta and size > meta["max"]:
        out.add(path, f"Member must have length less than or equal to {meta['max']}", shown, "MAXIMUM_SIZE_EXCEEDED")


def _check_length(length: int, meta: Mapping[str, Any], path: str, value: Any, out: _Collector) -> None:
    if "min" in meta and length < meta["min"]:
        out.add(path, f"Member must have length greater than or equal to {meta['min']}", value)
    if "max" in meta and length > meta["max"]:
        out.add(path, f"Member must have length less than or equal to {meta['max']}", value)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _raise(out: _Collector) -> None:
    if not out.errors:
        return
    count = len(out.errors)
    details = "; ".join(
        f"Value {_describe(value)} at '{field}' failed to satisfy constraint: {constraint}"
        if value is not None
        else f"Value null at '{field}' failed to satisfy constraint: {constraint}"
        for field, constraint, value, _ in out.errors
    )
    reasons = {reason for *_, reason in out.errors}
    reason = reasons.pop() if len(reasons) == 1 else "FIELD_VALIDATION_FAILED"
    raise ValidationException(
        f"{count} validation error{'s' if count > 1 else ''} detected: {details}",
        reason=reason,
        fields=[(field, f"{constraint}") for field, constraint, _, _ in out.errors],
    )


def validate_input(operation: str, params: Mapping[str, Any]) -> None:
    """Raise ValidationException for any model constraint the request violates."""
    input_shape = operation_model(operation).input_shape
    if input_shape is None:
        return
    out = _Collector()
    _walk(input_shape, params, "", out)
    _raise(out)
    check_semantics(operation, params)


_LETTER = re.compile("[A-Za-z]")


def sender_id_problem(sender_id: str) -> str | None:
    """The documented rules for a new sender ID beyond the model pattern, or None if it obeys them.

    The API reference: "1-11 alphanumeric characters including letters (A-Z, a-z), numbers
    (0-9), or hyphens (-). The sender ID must contain at least one letter and cannot start or
    end with a hyphen." (The model's pattern also admits "_", which the prose does not.)
    """
    if "_" in sender_id:
        return "Sender ID may contain only letters, numbers and hyphens"
    if not _LETTER.search(sender_id):
        return "Sender ID must contain at least one letter"
    if sender_id.startswith("-") or sender_id.endswith("-"):
        return "Sender ID cannot start or end with a hyphen"
    return None


def check_semantics(operation: str, params: Mapping[str, Any]) -> None:
    """Rules the API documents in prose rather than in the model."""
    out = _Collector()
    if operation == "RequestSenderId":
        problem = sender_id_problem(params["SenderId"])
        if problem:
            out.add("SenderId", problem, params["SenderId"])
        _check_country(params["IsoCountryCode"], out)
    if operation in ("RequestSenderId", "TagResource", "CreateRegistration", "CreateRegistrationAttachment"):
        _check_tags(params.get("Tags") or [], out)
    if operation == "UntagResource":
        for index, key in enumerate(params.get("TagKeys") or []):
            if key.lower().startswith("aws:"):
                out.add(f"TagKeys[{index}]", "Tag keys starting with 'aws:' are reserved for AWS use", key)
    _raise(out)
    if operation == "DescribeSenderIds" and params.get("Owner") is not None and params.get("SenderIds"):
        _exclusive("Owner", "SenderIds")
    if operation == "CreateRegistrationAttachment":
        _check_attachment_source(params)


def _exclusive(first: str, second: str) -> None:
    raise ValidationException(
        f"The {first} and {second} parameters can't be used at the same time.",
        reason="PARAMETERS_CANNOT_BE_USED_TOGETHER",
        fields=[(first, f"Cannot be combined with {second}"), (second, f"Cannot be combined with {first}")],
    )


def _check_attachment_source(params: Mapping[str, Any]) -> None:
    """The API reference: "Use either AttachmentUrl or AttachmentBody ... If both are specified then an
    exception is returned." Deviation: neither is MISSING_PARAMETER on both (AWS's answer unverified)."""
    given = [name for name in ("AttachmentBody", "AttachmentUrl") if params.get(name) is not None]
    if len(given) == 2:
        _exclusive("AttachmentBody", "AttachmentUrl")
    if not given:
        raise ValidationException(
            "One of AttachmentBody or AttachmentUrl is required.",
            reason="MISSING_PARAMETER",
            fields=[(name, "Give a file body or an S3 URL") for name in ("AttachmentBody", "AttachmentUrl")],
        )


def _check_country(code: str, out: _Collector) -> None:
    """The model admits any two capital letters; a sender ID can only be leased in a real country.

    Checked on RequestSenderId only: elsewhere a code that is no country names no sender ID, and
    the answer (ResourceNotFoundException) is already right.
    """
    if is_iso_country(code):
        return
    hint = suggestion(code)
    constraint = "Member must be an ISO 3166-1 alpha-2 country code" + (f" (did you mean {hint}?)" if hint else "")
    out.add("IsoCountryCode", constraint, code)


def _check_tags(tags: list[Mapping[str, str]], out: _Collector) -> None:
    seen: set[str] = set()
    for index, tag in enumerate(tags):
        key = tag["Key"]
        if key.lower().startswith("aws:"):
            out.add(f"Tags[{index}].Key", "Tag keys starting with 'aws:' are reserved for AWS use", key)
        if key in seen:
            out.add(f"Tags[{index}].Key", "Tag keys must be unique within a request", key, "INVALID_PARAMETER")
        seen.add(key)
