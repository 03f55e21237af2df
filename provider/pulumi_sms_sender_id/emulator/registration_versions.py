"""One version of a registration form: its status, its status history, its values, the review's verdict.

A version moves DRAFT -> SUBMITTED (-> AWS_REVIEWING when AwsReview was asked) -> REVIEWING ->
APPROVED or DENIED; a SUBMITTED one can be DISCARDED, and an APPROVED one becomes ARCHIVED when a
later version is approved. Each status reached stamps its member of RegistrationVersionStatusHistory.
Deviation: a version passed through on the way (SUBMITTED and AWS_REVIEWING at the same instant,
REVIEWING when a reviewer decides without starting the review first) gets the same timestamp.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from moto.core.common_models import BaseModel

from .clock import timestamp
from .registration_fields import FieldValue

DRAFT = "DRAFT"
SUBMITTED = "SUBMITTED"
AWS_REVIEWING = "AWS_REVIEWING"
REVIEWING = "REVIEWING"
APPROVED = "APPROVED"
DENIED = "DENIED"
DISCARDED = "DISCARDED"
ARCHIVED = "ARCHIVED"
#: Submitted and not yet decided: nothing about the registration may change.
UNDER_REVIEW = frozenset({SUBMITTED, AWS_REVIEWING, REVIEWING})

_HISTORY = {
    DRAFT: "DraftTimestamp",
    SUBMITTED: "SubmittedTimestamp",
    AWS_REVIEWING: "AwsReviewingTimestamp",
    REVIEWING: "ReviewingTimestamp",
    APPROVED: "ApprovedTimestamp",
    DENIED: "DeniedTimestamp",
    DISCARDED: "DiscardedTimestamp",
    ARCHIVED: "ArchivedTimestamp",
}


class RegistrationVersion(BaseModel):
    """One numbered version of a registration's field values."""

    def __init__(self, number: int, at: float, values: Mapping[str, FieldValue] | None = None) -> None:
        self.number = number
        self.status = DRAFT
        self.history: dict[str, float] = {_HISTORY[DRAFT]: at}
        self.values: dict[str, FieldValue] = dict(values or {})
        self.aws_review = False
        self.denied_reasons: list[dict[str, str]] = []
        self.feedback: str | None = None

    @property
    def under_review(self) -> bool:
        return self.status in UNDER_REVIEW

    @property
    def submitted_at(self) -> float | None:
        return self.history.get(_HISTORY[SUBMITTED])

    def _move(self, status: str, at: float) -> None:
        self.status = status
        self.history[_HISTORY[status]] = at

    def submit(self, aws_review: bool, at: float) -> None:
        """To review; with AwsReview, AWS's own pre-review comes first. A resubmission drops old verdicts."""
        self.aws_review = aws_review
        self.denied_reasons, self.feedback = [], None
        self.values = {p: replace(v, denied_reason=None, feedback=None) for p, v in self.values.items() if v.is_set}
        self._move(SUBMITTED, at)
        if aws_review:
            self._move(AWS_REVIEWING, at)

    def start_review(self, at: float) -> None:
        if self.status != REVIEWING:
            self._move(REVIEWING, at)

    def approve(self, at: float) -> None:
        self.start_review(at)
        self._move(APPROVED, at)

    def deny(
        self,
        reasons: Sequence[Mapping[str, str]],
        feedback: str | None,
        field_notes: Mapping[str, Mapping[str, str]],
        at: float,
    ) -> None:
        """Denied, with the reasons and per-field DeniedReason/Feedback DescribeRegistration* answer."""
        self.start_review(at)
        self._move(DENIED, at)
        self.denied_reasons = [dict(reason) for reason in reasons]
        self.feedback = feedback
        for path, notes in field_notes.items():
            value = self.values.setdefault(path, FieldValue())
            value.denied_reason = notes.get("DeniedReason")
            value.feedback = notes.get("Feedback")

    def discard(self, at: float) -> None:
        self._move(DISCARDED, at)

    def archive(self, at: float) -> None:
        self._move(ARCHIVED, at)

    def successor(self, at: float, copy_values: bool) -> RegistrationVersion:
        """The next version, a DRAFT; with ``copy_values``, pre-filled with this one's values (not its verdict)."""
        kept = {p: replace(v, denied_reason=None, feedback=None) for p, v in self.values.items() if v.is_set}
        return RegistrationVersion(self.number + 1, at, kept if copy_values else None)

    def history_record(self) -> dict[str, Any]:
        return {key: timestamp(at) for key, at in self.history.items()}

    def to_record(self) -> dict[str, Any]:
        """DescribeRegistrationVersions' entry."""
        record: dict[str, Any] = {
            "VersionNumber": self.number,
            "RegistrationVersionStatus": self.status,
            "RegistrationVersionStatusHistory": self.history_record(),
        }
        if self.denied_reasons:
            record["DeniedReasons"] = [dict(reason) for reason in self.denied_reasons]
        if self.feedback is not None:
            record["Feedback"] = self.feedback
        return record
