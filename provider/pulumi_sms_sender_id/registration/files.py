"""An attachment's source as the program names it: a local file, an S3 object, or an existing attachment.

Only a local file is read by the provider (its bytes are the upload's body, its SHA-256 tells `diff` that
the file changed under the same name); an S3 URL is AWS's to read; an attachment ARN names an attachment
that already exists (what `adopt` writes), which the provider uses and never deletes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    text: str

    @property
    def is_s3(self) -> bool:
        return self.text.startswith("s3://")

    @property
    def is_attachment(self) -> bool:
        return self.text.startswith("arn:")

    @property
    def is_local(self) -> bool:
        return not (self.is_s3 or self.is_attachment)

    @property
    def attachment_id(self) -> str:
        """The ID an attachment ARN names (`arn:...:registration-attachment/<id>`)."""
        return self.text.rsplit("/", 1)[-1]

    def read(self) -> bytes:
        return Path(self.text).read_bytes()


def digest(source: str) -> str | None:
    """SHA-256 of a local file's content; None for S3 and attachment sources, or a file that is gone."""
    found = Source(source)
    if not found.is_local:
        return None
    try:
        return hashlib.sha256(found.read()).hexdigest()
    except OSError:
        return None


def attachment_arn(registration_arn: str, attachment_id: str) -> str:
    """An attachment's ARN, from a registration ARN of the same account and region."""
    prefix = registration_arn.split(":registration/", 1)[0]
    return f"{prefix}:registration-attachment/{attachment_id}"
