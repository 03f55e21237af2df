"""What an edit changes, decided from properties alone: diff must never call AWS (preview is offline).

Each input's change rule, comparison and meaning of "omitted" come from its `schema` row. Values
compare in canonical form, so state written by create, update or read (message types in any case,
sender IDs as AWS upper-cased them, region filled in) never shows a change that is not real.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import properties as p
from . import schema
from .schema import Omitted


@dataclass(frozen=True)
class Plan:
    """The changed input keys, those of them that force a new lease, and the order of replacement."""

    changes: tuple[str, ...]
    replaces: tuple[str, ...]
    delete_before_replace: bool


def _row(key: str) -> schema.Input:
    return next(row for row in schema.COMPARED if row.name == key)


def changed_or_unknown(
    row: schema.Input, olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None
) -> bool:
    """True when the input differs, or the engine cannot know yet (an unknown marks its key as changed)."""
    new = news.get(row.name)
    old = olds.get(row.name)
    if p.contains_unknown(new) or p.contains_unknown(old):
        return True
    if new is None and row.omitted in (Omitted.KEEP_AWS, Omitted.AWS_CHOOSES):
        return False
    if old is None and row.omitted is Omitted.AWS_CHOOSES:
        return False
    return bool(row.compare(old, default_region) != row.compare(new, default_region))


def certainly_changed(key: str, olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> bool:
    """A change that is certain: both sides known and different (unknowns in preview are not)."""
    if p.contains_unknown(news.get(key)) or p.contains_unknown(olds.get(key)):
        return False
    return changed_or_unknown(_row(key), olds, news, default_region)


def plan(olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> Plan:
    changes = tuple(row.name for row in schema.COMPARED if changed_or_unknown(row, olds, news, default_region))
    replaces = tuple(k for k in changes if k in schema.REPLACING)
    # The same sender ID, country and region: AWS cannot hold two leases of it, so release first.
    same_identity = not any(k in changes for k in schema.IDENTITY)
    return Plan(changes, replaces, bool(replaces) and same_identity)
