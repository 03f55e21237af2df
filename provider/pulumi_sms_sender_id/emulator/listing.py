"""How the Describe and List operations filter and page: position keys, NextTokens bound to their request.

DescribeSenderIds has its own filters (:func:`one_page`); the registration listings share
:func:`matching` (filters on named attributes) and :func:`page_of` (the paging itself).
Deviations: the order is creation order (with SenderIds: request order, duplicates collapsed);
a NextToken names a position in that order, bound to the request's other parameters except
MaxResults, and never expires; the default page size is 100. AWS's order, token lifetime and
default page size are undocumented. A filter value outside a status enum is INVALID_FILTER_VALUES.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

from .exceptions import ValidationException
from .sender_id import SenderId

DEFAULT_PAGE_SIZE = 100
T = TypeVar("T")

_FILTER_BOOL = {"true": True, "false": False}


def one_page(
    selected: list[tuple[int, SenderId]],
    sender_ids: list[dict[str, str]] | None,
    filters: list[dict[str, Any]] | None,
    owner: str | None,
    max_results: int | None,
    next_token: str | None,
) -> tuple[list[SenderId], str | None]:
    """Filter ``(position key, sender)`` pairs, then cut the page ``next_token`` (or the start) names.

    Keys increase along the list, so a token can name a position that survives the removal of the
    sender it was computed from. Returns the page and the token of the next one (None: last page).
    """
    for flt in filters or []:
        selected = [(k, s) for k, s in selected if _filter_matches(flt["Name"], flt["Values"], s)]
    return page_of(selected, [sender_ids, filters, owner], max_results, next_token)


def page_of(
    selected: list[tuple[int, T]], request: Any, max_results: int | None, next_token: str | None
) -> tuple[list[T], str | None]:
    """The page ``next_token`` (or the start) names, and the next page's token, bound to ``request``
    (the request's other parameters, JSON-friendly)."""
    binding = _fingerprint(request)
    start = _token_position(next_token, binding) if next_token is not None else None
    items, following = _page(selected, start, max_results or DEFAULT_PAGE_SIZE)
    return items, (_encode_token(following, binding) if following is not None else None)


def matching(
    items: list[tuple[int, T]],
    filters: list[dict[str, Any]] | None,
    attributes: Mapping[str, Callable[[T], Collection[str]]],
    enums: Mapping[str, Collection[str]] | None = None,
) -> list[tuple[int, T]]:
    """The items every filter matches: one of its values is among the item's values of that attribute."""
    for flt in filters or []:
        name, values = flt["Name"], set(flt["Values"])
        allowed = (enums or {}).get(name)
        if allowed is not None and not values <= set(allowed):
            raise ValidationException(
                f"Filter {name} accepts only {sorted(allowed)}, got {sorted(values - set(allowed))}.",
                reason="INVALID_FILTER_VALUES",
                fields=[("Filters", f"{name}: unknown values")],
            )
        items = [(k, item) for k, item in items if values & set(attributes[name](item))]
    return items


def _filter_matches(name: str, values: list[str], sender: SenderId) -> bool:
    if name == "sender-id":
        return sender.sender_id in {v.upper() for v in values}
    if name == "iso-country-code":
        return sender.iso_country_code in {v.upper() for v in values}
    if name == "message-type":
        wanted = {v.upper() for v in values}
        return any(t in wanted for t in sender.message_types)
    flags = set()
    for value in values:
        if value.lower() not in _FILTER_BOOL:
            raise ValidationException(
                f"Filter {name} accepts only true or false, got {value!r}.",
                reason="INVALID_FILTER_VALUES",
                fields=[("Filters", f"{name}: values must be true or false")],
            )
        flags.add(_FILTER_BOOL[value.lower()])
    actual = sender.deletion_protection_enabled if name == "deletion-protection-enabled" else sender.registered
    return actual in flags


def _page(selected: list[tuple[int, T]], start: int | None, size: int) -> tuple[list[T], int | None]:
    """One page from position key ``start`` on, and the key the next page starts at (None: last page).

    The next page starts at the first key >= the token's, not at the sender the token was made
    from: releasing that sender between two pages must not invalidate the token (it does not on
    AWS), and a sender created meanwhile appears at the end, where creation order puts it.
    """
    remaining = [(k, s) for k, s in selected if start is None or k >= start]
    following = remaining[size][0] if len(remaining) > size else None
    return [s for _, s in remaining[:size]], following


def _fingerprint(request: Any) -> str:
    """Binds a token to the request's other parameters, like AWS's tokens are (MaxResults may change)."""
    text = json.dumps(request, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _encode_token(position: int, binding: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"p": position, "b": binding}).encode()).decode()


def _token_position(token: str, binding: str) -> int:
    try:
        decoded = json.loads(base64.urlsafe_b64decode(token.encode()))
        position = decoded["p"]
        valid = decoded["b"] == binding and isinstance(position, int) and not isinstance(position, bool)
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeError):
        valid = False
    if not valid:
        raise ValidationException(
            "The NextToken is not valid for this request.",
            reason="INVALID_NEXT_TOKEN",
            fields=[("NextToken", "Invalid or expired pagination token, or one from a request with other parameters")],
        )
    return int(position)
