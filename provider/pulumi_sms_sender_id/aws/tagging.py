"""Tags of any resource of the service, by ARN: read them, and change them with the fewest calls.

Both raise AWS's errors unchanged, for the resource's own module to explain (`sender_id.sender_ids`,
`registration.registrations`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from . import calls
from .calls import Connection


def from_aws(items: Iterable[Mapping[str, str]] | None) -> dict[str, str]:
    return {item["Key"]: item.get("Value", "") for item in (items or ())}


def to_aws(value: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"Key": k, "Value": v} for k, v in sorted(value.items())]


def list_tags(connection: Connection, arn: str) -> dict[str, str]:
    answer = calls.call(connection, "ListTagsForResource", {"ResourceArn": arn})
    return from_aws(answer.get("Tags"))


def retag(connection: Connection, arn: str, old: Mapping[str, str], new: Mapping[str, str]) -> None:
    """Apply the minimal delta: untag removed keys, tag new or changed ones, never an empty list."""
    removed = sorted(set(old) - set(new))
    changed = {k: v for k, v in new.items() if old.get(k) != v}
    if removed:
        calls.call(connection, "UntagResource", {"ResourceArn": arn, "TagKeys": removed})
    if changed:
        calls.call(connection, "TagResource", {"ResourceArn": arn, "Tags": to_aws(changed)})
