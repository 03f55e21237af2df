"""What an edit changes, decided from properties alone: diff must never call AWS (preview is offline).

`plan` compares canonical values, so state written by create, update or read (message types in any
case, sender IDs as AWS upper-cased them, region filled in) never shows a change that is not real.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from . import properties as p


@dataclass(frozen=True)
class Plan:
    """The changed input keys, those of them that force a new lease, and the order of replacement."""

    changes: tuple[str, ...]
    replaces: tuple[str, ...]
    delete_before_replace: bool


Canon = Callable[[Any, str | None], Any]


def _text(value: Any, _region: str | None) -> Any:
    return p.upper(value)


def _message_types(value: Any, _region: str | None) -> Any:
    # None means "whatever AWS chose": it never forces a new lease on its own.
    return None if value is None else frozenset(p.message_types(value))


def _region(value: Any, default_region: str | None) -> Any:
    return value or default_region


def _tags(value: Any, _region: str | None) -> Any:
    return p.tags(value)


def _protection(value: Any, _region: str | None) -> Any:
    return bool(value)


CANON: Final[dict[str, Canon]] = {
    p.SENDER_ID: _text,
    p.ISO_COUNTRY_CODE: _text,
    p.MESSAGE_TYPES: _message_types,
    p.REGION: _region,
    p.TAGS: _tags,
    p.DELETION_PROTECTION_ENABLED: _protection,
}
# An omitted message_types, deletion_protection_enabled or region means "keep what AWS has": protection
# is only ever removed by an explicit False, and neither message types nor a change of the stack's
# default region (aws:region, AWS_REGION on another machine) ever forces a new lease on its own.
NO_OPINION_WHEN_OMITTED: Final = {p.MESSAGE_TYPES, p.DELETION_PROTECTION_ENABLED, p.REGION}


def key_changes(key: str, olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> bool:
    """True when `key` differs, or the engine cannot know yet (an unknown marks its key as changed)."""
    new = news.get(key)
    if p.contains_unknown(new):
        return True
    old = olds.get(key)
    if p.contains_unknown(old):
        return True
    if key in NO_OPINION_WHEN_OMITTED and new is None:
        return False
    if key == p.MESSAGE_TYPES and old is None:  # state without them cannot prove a change
        return False
    canon = CANON[key]
    return bool(canon(old, default_region) != canon(new, default_region))


def known_change(key: str, olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> bool:
    """A change that is certain: both sides known and different (unknowns in preview are not)."""
    if p.contains_unknown(news.get(key)) or p.contains_unknown(olds.get(key)):
        return False
    return key_changes(key, olds, news, default_region)


def plan(olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None) -> Plan:
    changes = tuple(k for k in CANON if key_changes(k, olds, news, default_region))
    replaces = tuple(k for k in changes if k in p.REPLACE_KEYS)
    # The same sender ID, country and region: AWS cannot hold two leases of it, so release first.
    same_identity = not any(k in changes for k in (p.SENDER_ID, p.ISO_COUNTRY_CODE, p.REGION))
    return Plan(changes, replaces, bool(replaces) and same_identity)
