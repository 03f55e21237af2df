"""Refusals that save money or sender IDs, decided in `check` so they show up in preview."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import diff
from . import properties as p
from .validation import Failure


def protected_replacement(
    olds: Mapping[str, Any], news: Mapping[str, Any], default_region: str | None
) -> list[Failure]:
    """A replacement of a deletion-protected sender ID is doomed: refuse it before anything is leased.

    AWS will not release a protected sender ID, so the engine would lease the new one (paying for it)
    or release nothing and stop half-way. Only certain changes count: unknowns in preview do not.
    """
    if olds.get(p.DELETION_PROTECTION_ENABLED) is not True:
        return []
    sender = f"{olds.get(p.SENDER_ID)} ({olds.get(p.ISO_COUNTRY_CODE)})"
    return [
        Failure(
            key,
            f"{key} cannot change while deletion protection is enabled on sender ID {sender}: the change "
            "replaces the sender ID and AWS refuses to release a protected one, so `pulumi up` would lease "
            "the new one and then fail. First apply deletion_protection_enabled=False on its own "
            "(`pulumi up`), then make this change.",
        )
        for key in p.REPLACE_KEYS
        if diff.known_change(key, olds, news, default_region)
    ]
