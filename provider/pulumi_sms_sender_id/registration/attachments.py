"""A registration's attachments in AWS: upload each file once, wait for AWS to take it, delete them.

An attachment is an account-level resource, linked to a registration only by a field's value. AWS answers
CreateRegistrationAttachment with UPLOAD_IN_PROGRESS and takes the file in the background, so a value can
name it only once DescribeRegistrationAttachments says UPLOAD_COMPLETE (AWS's own sample polls the same
way). The ClientToken is derived from the registration, the field and the file's content: an interrupted
`pulumi up` run again gets the same attachment back, a lost answer is retried with the same token, and a
replay of an attachment deleted since is confirmed by Describe and uploaded anew.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from ..aws import calls
from ..aws.errors import reason_of
from . import errors, files
from .properties import ATTACHMENTS, entry
from .registrations import Where, explained, fresh_token, token

COMPLETE: Final = "UPLOAD_COMPLETE"
FAILED: Final = "UPLOAD_FAILED"
DELETED: Final = "DELETED"
#: How long a `pulumi up` waits for AWS to take an upload, and how often it asks.
UPLOAD_TIMEOUT_SECONDS: Final = 300.0
POLL_FIRST_SECONDS: Final = 0.5
POLL_MAX_SECONDS: Final = 5.0
#: DescribeRegistrationAttachments takes at most this many IDs per call.
IDS_PER_DESCRIBE: Final = 5


@dataclass(frozen=True)
class Uploaded:
    """One field's attachment as uploaded: its ID, and the SHA-256 of the local file (None for S3)."""

    attachment_id: str
    digest: str | None


def _params(source: files.Source) -> dict[str, Any]:
    return {"AttachmentUrl": source.text} if source.is_s3 else {"AttachmentBody": source.read()}


def find(where: Where, attachment_id: str) -> dict[str, Any] | None:
    """The attachment's record, or None when it is gone."""
    try:
        answer = calls.call(
            where.connection, "DescribeRegistrationAttachments", {"RegistrationAttachmentIds": [attachment_id]}
        )
    except ClientError as problem:
        if reason_of(problem)[0] == "ResourceNotFoundException":
            return None
        raise where.explain(problem) from None
    except BotoCoreError as problem:
        raise errors.explain_local(problem, where.label) from None
    records = answer.get("RegistrationAttachments", [])
    return dict(records[0]) if records and records[0].get("AttachmentStatus") != DELETED else None


def upload(where: Where, path: str, source_text: str) -> Uploaded:
    """Upload one field's file (a local file's bytes, or an S3 URL for AWS to read) exactly once."""
    source = files.Source(source_text)
    digest = files.digest(source_text)
    params = _params(source)
    first = token("attachment", where.id, path, digest or source.text)
    with explained(where, f"{where.label}, {entry(ATTACHMENTS, path)}"):
        answer = calls.call(where.connection, "CreateRegistrationAttachment", {**params, "ClientToken": first})
        if find(where, answer["RegistrationAttachmentId"]) is None:  # a replay of one deleted since
            answer = calls.call(
                where.connection, "CreateRegistrationAttachment", {**params, "ClientToken": fresh_token()}
            )
    return Uploaded(str(answer["RegistrationAttachmentId"]), digest)


def wait(
    where: Where,
    uploaded: Mapping[str, str],
    timeout: float = UPLOAD_TIMEOUT_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Wait until AWS has taken every upload (field path -> attachment ID); a failed one is explained."""
    pending = dict(uploaded)
    deadline = time.monotonic() + timeout
    pause = POLL_FIRST_SECONDS
    while pending:
        for batch in _batches(sorted(pending.items(), key=lambda item: item[1])):
            ids = [attachment_id for _, attachment_id in batch]
            with explained(where):
                answer = calls.call(
                    where.connection, "DescribeRegistrationAttachments", {"RegistrationAttachmentIds": ids}
                )
            status = {r["RegistrationAttachmentId"]: r for r in answer.get("RegistrationAttachments", [])}
            for path, attachment_id in batch:
                record = status.get(attachment_id, {})
                state = record.get("AttachmentStatus")
                if state == COMPLETE:
                    del pending[path]
                elif state in (FAILED, DELETED):
                    raise errors.attachment_failed(
                        where.label, path, str(state), record.get("AttachmentUploadErrorReason")
                    )
        if not pending:
            return
        if time.monotonic() >= deadline:
            raise errors.attachment_timeout(where.label, sorted(pending)[0], timeout)
        sleep(pause)
        pause = min(POLL_MAX_SECONDS, pause * 2)


def _batches(items: Sequence[tuple[str, str]]) -> list[Sequence[tuple[str, str]]]:
    return [items[i : i + IDS_PER_DESCRIBE] for i in range(0, len(items), IDS_PER_DESCRIBE)]


def delete(where: Where, attachment_id: str) -> None:
    """Delete an attachment; one already gone is fine."""
    try:
        calls.call(where.connection, "DeleteRegistrationAttachment", {"RegistrationAttachmentId": attachment_id})
    except ClientError as problem:
        if reason_of(problem)[0] != "ResourceNotFoundException":
            raise where.explain(problem, f"{where.label}, attachment {attachment_id}") from None
    except BotoCoreError as problem:
        raise errors.explain_local(problem, where.label) from None
