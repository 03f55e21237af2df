"""RequestSenderId's ClientToken: a token reused with the same parameters replays its first answer.

AWS pins a ClientToken to its request so that a retry after a lost answer creates nothing twice;
the first answer, success or failure, comes back even if the sender ID has since been released.
Two helpers, as moto's ACM keeps idempotency tokens: :meth:`ClientTokens.replay` before the work,
:meth:`ClientTokens.remember` after it.

Deviations: tokens are kept for the backend's life (until reset), where AWS expires them after an
undocumented period; a token reused with other parameters is a ValidationException
``INVALID_PARAMETER`` on ``ClientToken`` (undocumented for this API); only answers the backend
produced are pinned, not requests refused earlier by input validation (unverified on AWS).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from .exceptions import SmsVoiceError, ValidationException


def fingerprint(*parameters: Any) -> str:
    """What a token is pinned to: the request's parameters other than the token itself."""
    return json.dumps(list(parameters), sort_keys=True)


@dataclass
class _Answer:
    """The first answer given to a token: its fingerprint and its result or error."""

    fingerprint: str
    result: dict[str, Any] | None
    error: SmsVoiceError | None


class ClientTokens:
    """The tokens one backend has answered."""

    def __init__(self) -> None:
        self._answers: dict[str, _Answer] = {}

    def replay(self, token: str | None, pinned_to: str) -> dict[str, Any] | None:
        """The first answer again (raised if it was an error); None if the token is new or absent."""
        answer = self._answers.get(token) if token is not None else None
        if answer is None:
            return None
        if answer.fingerprint != pinned_to:
            raise ValidationException(
                "The ClientToken was already used for a request with different parameters.",
                reason="INVALID_PARAMETER",
                fields=[("ClientToken", "Already used with different parameters")],
            )
        if answer.error is not None:
            raise answer.error
        assert answer.result is not None
        return copy.deepcopy(answer.result)

    def remember(
        self,
        token: str | None,
        pinned_to: str,
        result: dict[str, Any] | None = None,
        error: SmsVoiceError | None = None,
    ) -> None:
        """Pin a token to its first answer (a copy, so later changes to the result do not leak in)."""
        if token is not None:
            self._answers[token] = _Answer(pinned_to, copy.deepcopy(result), error)
