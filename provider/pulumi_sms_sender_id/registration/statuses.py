"""What each status of a registration and of its versions means, and what the provider may do in it.

Meanings are the model's enum documentation (botocore's `RegistrationStatus` and
`RegistrationVersionStatus`), in the user's words; README and docs/registration.md show the same table
(a test keeps them in step). AWS_REVIEWING, REQUIRES_OFFLINE_REVIEW and REQUIRES_AUTHENTICATION are not
explained by AWS: their lines here are guesses, and say so in docs/registration.md.
"""

from __future__ import annotations

from typing import Final

#: RegistrationStatus -> what it means for the user.
REGISTRATION: Final = {
    "CREATED": "a draft: created (or updated) but not submitted",
    "SUBMITTED": "submitted and waiting for AWS to start its review; nothing can change",
    "AWS_REVIEWING": "AWS checks the form before the review (aws_review=True); nothing can change",
    "REVIEWING": "AWS and the country's registrar review it (days to weeks); nothing can change",
    "REQUIRES_AUTHENTICATION": "waiting for you to complete an email authentication",
    "PROVISIONING": "approved: AWS is creating the sender ID",
    "COMPLETE": "approved: the sender ID exists and is registered",
    "REQUIRES_UPDATES": "denied: fix the fields that denied_reasons and field_feedback name, then pulumi up",
    "CLOSED": "its sender ID was released: delete the registration (remove the resource)",
    "DELETED": "deleted",
}

#: RegistrationVersionStatus -> what it means for the user.
VERSION: Final = {
    "DRAFT": "editable; not submitted",
    "SUBMITTED": "submitted, waiting for review",
    "AWS_REVIEWING": "AWS's pre-review (aws_review=True)",
    "REVIEWING": "under review",
    "REQUIRES_AUTHENTICATION": "waiting for an email authentication",
    "REQUIRES_OFFLINE_REVIEW": "reviewed offline by AWS",
    "APPROVED": "approved",
    "DENIED": "denied: a change creates a new version",
    "DISCARDED": "withdrawn before review",
    "REVOKED": "approved, then revoked",
    "ARCHIVED": "approved once, replaced by a later approved version",
}

#: Version statuses in which AWS reviews the form: nothing about the registration may change.
UNDER_REVIEW: Final = frozenset(
    {"SUBMITTED", "AWS_REVIEWING", "REVIEWING", "REQUIRES_OFFLINE_REVIEW", "REQUIRES_AUTHENTICATION"}
)
#: Version statuses whose values can be put directly.
EDITABLE: Final = frozenset({"DRAFT"})
#: Version statuses that a change follows with a new version (the current one is read-only).
DECIDED: Final = frozenset({"APPROVED", "DENIED", "REVOKED", "DISCARDED", "ARCHIVED"})
#: Registration statuses in which AWS has approved a version: the sender ID is, or is being, provisioned.
APPROVED: Final = frozenset({"PROVISIONING", "COMPLETE"})
#: Registration statuses that mean the registration is gone for this resource.
GONE: Final = frozenset({"DELETED"})

#: RegistrationVersionStatusHistory member stamped when a version reaches each status.
HISTORY_KEY: Final = {
    "DRAFT": "DraftTimestamp",
    "SUBMITTED": "SubmittedTimestamp",
    "AWS_REVIEWING": "AwsReviewingTimestamp",
    "REVIEWING": "ReviewingTimestamp",
    "REQUIRES_AUTHENTICATION": "RequiresAuthenticationTimestamp",
    "APPROVED": "ApprovedTimestamp",
    "DISCARDED": "DiscardedTimestamp",
    "DENIED": "DeniedTimestamp",
    "REVOKED": "RevokedTimestamp",
    "ARCHIVED": "ArchivedTimestamp",
}


def under_review(version_status: str | None) -> bool:
    return version_status in UNDER_REVIEW


def meaning(registration_status: str | None) -> str:
    return REGISTRATION.get(registration_status or "", "a status this provider does not know")
