"""What an edit changes, decided from properties alone: diff never calls AWS (preview is offline).

Each input's change rule, comparison and meaning of "omitted" come from its `schema` row. One rule goes
beyond the properties: an attachment whose local file now has other content than the file uploaded
(its SHA-256 is in the outputs) is a change of `attachments`, under the same name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..aws.input_rules import is_unknown
from ..sender_id.properties import contains_unknown
from ..sender_id.schema import Omitted
from . import files, schema
from . import properties as p


@dataclass(frozen=True)
class Plan:
    changes: tuple[str, ...]
    replaces: tuple[str, ...]


def _row(key: str) -> schema.Input:
    return next(row for row in schema.COMPARED if row.name == key)


def files_changed(olds: Mapping[str, Any], news: Mapping[str, Any]) -> bool:
    """A local attachment file whose content is not what was uploaded under its path."""
    uploaded = olds.get(p.ATTACHMENT_DIGESTS) or {}
    for path, source in p.as_attachments(news.get(p.ATTACHMENTS)).items():
        if is_unknown(source) or path not in uploaded or uploaded[path] is None:
            continue
        now = files.digest(source)
        if now is not None and now != uploaded[path]:
            return True
    return False


def changed_or_unknown(row: schema.Input, olds: Mapping[str, Any], news: Mapping[str, Any], region: str | None) -> bool:
    new, old = news.get(row.name), olds.get(row.name)
    if contains_unknown(new) or contains_unknown(old):
        return True
    if new is None and row.omitted is Omitted.KEEP_AWS:
        return False
    if row.name == p.ATTACHMENTS and files_changed(olds, news):
        return True
    return bool(row.compare(old, region) != row.compare(new, region))


def certainly_changed(key: str, olds: Mapping[str, Any], news: Mapping[str, Any], region: str | None) -> bool:
    """Both sides known and different (unknowns in preview are not a certain change)."""
    if contains_unknown(news.get(key)) or contains_unknown(olds.get(key)):
        return False
    return changed_or_unknown(_row(key), olds, news, region)


def certainly_changed_form(olds: Mapping[str, Any], news: Mapping[str, Any], region: str | None) -> list[str]:
    """The form inputs and replacing inputs that certainly change: what AWS's review forbids."""
    keys = (*schema.FORM, *schema.REPLACING)
    return [key for key in keys if certainly_changed(key, olds, news, region)]


def plan(olds: Mapping[str, Any], news: Mapping[str, Any], region: str | None) -> Plan:
    changes = tuple(row.name for row in schema.COMPARED if changed_or_unknown(row, olds, news, region))
    return Plan(changes, tuple(k for k in changes if k in schema.REPLACING))
