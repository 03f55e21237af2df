"""The shape rules of a registration's inputs, checked without AWS (`check`).

Whether a field exists, is required or takes that value is the type's form's business (`field_rules`, at
create and update, once AWS has said what the form is). Here: a well-formed type name and field paths,
texts within the model's 2048 characters, choices as lists of strings, attachment files that exist and fit
the upload limit. A map input can be wrong in several entries: its rule returns one reason per entry,
each naming the field path, for `validation` to report all at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from ..aws.input_rules import Invalid, got, is_unknown
from ..aws.input_rules import registration_id as registration_id
from .properties import ATTACHMENTS, FIELDS, entry

TYPE_PATTERN: Final = re.compile(r"[A-Za-z0-9_]{1,64}")
#: A field path is its section's path and the field's name: `companyInfo.companyName` (model: <= 100).
FIELD_PATH: Final = re.compile(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+")
MAX_FIELD_PATH: Final = 100
#: PutRegistrationFieldValue's TextValue: 1-2048 characters; SelectChoices: at most 100 of 1-256.
MAX_TEXT: Final = 2048
MAX_CHOICES: Final = 100
MAX_CHOICE: Final = 256
#: The upload limit of CreateRegistrationAttachment: the model caps the body at 6,990,508 bytes, which is
#: 5 MiB once base64-encoded on the wire, and documents "5 MB" (docs/registration.md: sources disagree).
MAX_ATTACHMENT_BYTES: Final = 5 * 1024 * 1024
S3_URL: Final = re.compile(r"s3://[^/\s]+/\S+")
MAX_URL: Final = 2048
ATTACHMENT_ARN: Final = re.compile(r"arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:registration-attachment/[A-Za-z0-9_-]+")

Reasons = list[str]


def registration_type(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f'must be a registration type name such as "IN_SENDER_ID_REGISTRATION", {got(value)}')
    if not TYPE_PATTERN.fullmatch(value):
        raise Invalid(
            f"{value!r} is not a registration type name: use 1-64 letters, digits and underscores, "
            'such as "IN_SENDER_ID_REGISTRATION"'
        )
    return value


def _path(input_name: str, path: Any) -> str | None:
    """Why `path` is not a field path, if it is not."""
    if not isinstance(path, str) or not FIELD_PATH.fullmatch(path) or len(path) > MAX_FIELD_PATH:
        return (
            f"{entry(input_name, path)} is not a field path: use the section and the field name joined by a dot, "
            f"e.g. 'companyInfo.companyName' (letters, digits, underscores; at most {MAX_FIELD_PATH} characters)"
        )
    return None


def _field_value(path: str, value: Any) -> str | None:
    """Why a field's value is malformed, if it is (the form's own rules come later)."""
    where = entry(FIELDS, path)
    if is_unknown(value):
        return None
    if isinstance(value, str):
        if not value:
            return f"{where} is empty: leave the field out to leave it unset"
        if len(value) > MAX_TEXT:
            return f"{where} is {len(value)} characters: AWS takes at most {MAX_TEXT}"
        return None
    if not isinstance(value, (list, tuple)):
        return f"{where} must be a string (a TEXT field) or a list of strings (a SELECT field), {got(value)}"
    if len(value) > MAX_CHOICES:
        return f"{where} has {len(value)} choices: AWS takes at most {MAX_CHOICES}"
    for choice in value:
        if is_unknown(choice):
            continue
        if not isinstance(choice, str) or not 1 <= len(choice) <= MAX_CHOICE:
            return f"{where} must be a list of strings of 1-{MAX_CHOICE} characters (a SELECT field), {got(choice)}"
    return None


def fields(value: Any) -> tuple[dict[str, Any] | None, Reasons]:
    """Field path -> text or choices; every bad entry reported, by its path."""
    if value is None:
        return None, []
    if not isinstance(value, Mapping):
        example = '{"companyInfo.companyName": "ACME"}'
        raise Invalid(f"must be a map of field paths to values, e.g. {example}, {got(value)}")
    reasons = [r for path, item in value.items() if (r := _path(FIELDS, path) or _field_value(path, item))]
    normalised = {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in value.items()}
    return normalised, reasons


def _attachment(path: str, source: Any) -> str | None:
    """Why an attachment's source is not a usable file, if it is not."""
    where = entry(ATTACHMENTS, path)
    if is_unknown(source):
        return None
    if not isinstance(source, str) or not source:
        return f"{where} must be a local file path, an s3://bucket/key URL or an attachment ARN, {got(source)}"
    if source.startswith("s3://"):
        ok = S3_URL.fullmatch(source) is not None and len(source) <= MAX_URL
        return None if ok else f"{where} {source!r} is not an S3 URL of the form s3://bucket/key"
    if source.startswith("arn:"):
        return None if ATTACHMENT_ARN.fullmatch(source) else f"{where} {source!r} is not a registration attachment ARN"
    return file_problem(where, Path(source))


def file_problem(where: str, file: Path) -> str | None:
    """Why a local file cannot be uploaded as an attachment, if it cannot."""
    if not file.is_file():
        shown = file if file.is_absolute() else f"{file} (from {Path.cwd()})"
        return f"{where}: there is no file {shown}"
    size = file.stat().st_size
    if size == 0:
        return f"{where}: {file} is empty"
    if size > MAX_ATTACHMENT_BYTES:
        limit = f"{MAX_ATTACHMENT_BYTES:,}"
        return f"{where}: {file} is {size:,} bytes; AWS takes attachments of at most 5 MiB ({limit} bytes)"
    return None


def attachments(value: Any) -> tuple[dict[str, Any] | None, Reasons]:
    """Field path -> local file, s3://bucket/key or attachment ARN; every bad entry reported, by its path."""
    if value is None:
        return None, []
    if not isinstance(value, Mapping):
        raise Invalid(
            f'must be a map of field paths to files, e.g. {{"senderIdInfo.letterOfAuthorization": "loa.pdf"}}, '
            f"{got(value)}"
        )
    reasons = [r for path, source in value.items() if (r := _path(ATTACHMENTS, path) or _attachment(path, source))]
    return dict(value), reasons


def overlap(field_values: Mapping[str, Any] | None, files: Mapping[str, Any] | None) -> Reasons:
    """A path declared both as a field and as an attachment."""
    both = sorted(set(field_values or {}) & set(files or {}))
    return [f'"{path}" is declared in both fields and attachments: a field takes one kind of value' for path in both]
