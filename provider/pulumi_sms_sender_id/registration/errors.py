"""Every message a registration shows a person: AWS answers explained, and the provider's own refusals.

AWS failures go through `explain` (what failed, why, what to do, then the AWS facts), the reasons that
concern registrations here and the rest in `aws.errors.advice`. The refusals the provider makes itself (a
form the type's definitions refuse, a change during AWS's review, a create that failed part-way) are
built here too, so the wording of every failure of a registration can be read in one file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from botocore.exceptions import BotoCoreError, ClientError

from ..aws import errors as aws_errors
from ..aws import operations
from ..aws.errors import ProviderError
from .properties import ATTACHMENTS, entry

#: The operations a registration's IAM advice names.
NEEDED = (*operations.REGISTRATION, "DescribeSenderIds", "TagResource", "UntagResource", "ListTagsForResource")


class RegistrationError(ProviderError):
    """A failure of a registration the user must act on; the message says how, `facts` what AWS answered."""


def _conflict(reason: str, subject: str) -> str | None:
    if reason in ("EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED", "REGISTRATION_ALREADY_SUBMITTED"):
        return (
            f"AWS allows no change to {subject} now: its current version is submitted or under review. Run "
            "`pulumi refresh` to see its status, and change it once AWS has decided"
        )
    if reason in ("SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED", "CREATE_REGISTRATION_VERSION_NOT_ALLOWED"):
        return f"AWS does not allow that step on {subject} in its current status; run `pulumi refresh`, then retry"
    if reason == "RESOURCE_DELETION_NOT_ALLOWED":
        return (
            f"AWS refuses to delete {subject} now: while its sender ID exists (or is being provisioned) the "
            "registration stays. Release the sender ID first (remove its SenderId resource), then delete it"
        )
    if reason == "RESOURCE_NOT_ACTIVE":
        return f"an attachment of {subject} had not finished uploading; run `pulumi up` again"
    return None


def _validation(reason: str, subject: str, fields: Sequence[Mapping[str, str]]) -> str | None:
    details = "; ".join(f"{f.get('Name')}: {f.get('Message')}" for f in fields)
    if reason == "UNKNOWN_REGISTRATION_TYPE":
        return f"AWS does not know the registration type of {subject} in this region; check registration_type"
    if reason in ("FIELD_VALIDATION_FAILED", "UNKNOWN_REGISTRATION_FIELD") and details:
        return f"AWS refused the form of {subject} ({details}). Fix those fields and run `pulumi up` again"
    if reason == "ATTACHMENT_TYPE_NOT_SUPPORTED":
        return f"AWS takes PDF, PNG and JPEG attachments only; an attachment of {subject} is none of them"
    if details:
        return f"AWS rejected a parameter of {subject} ({details}). Fix the matching input and run `pulumi up` again"
    return None


def _quota(reason: str, subject: str) -> str:
    what = {
        "REGISTRATIONS_PER_ACCOUNT": "registrations",
        "REGISTRATION_ATTACHMENTS_PER_ACCOUNT": "registration attachments",
        "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY": "registration attachments created per day",
        "REGISTRATION_VERSIONS_CREATED_PER_DAY": "registration versions created per day",
    }.get(reason, "a registration quota")
    return (
        f"the account has reached its quota of {what}, so {subject} was not changed. Delete unused ones, wait a "
        "day for a daily quota, or ask for a higher quota in the Service Quotas console"
    )


def explain(error: ClientError, subject: str, *, throttle_timeout: float) -> RegistrationError:
    """The failure as the user reads it; `throttle_timeout` is the stack's throttleTimeoutSeconds in force."""
    found = aws_errors.answer(error)
    text: str | None = None
    if found.code == "ConflictException":
        text = _conflict(found.reason, subject) or f"AWS reported a conflict on {subject}"
    elif found.code == "ValidationException":
        text = _validation(found.reason, subject, found.fields) or f"AWS rejected the request for {subject}"
    elif found.code == "ServiceQuotaExceededException":
        text = _quota(found.reason, subject)
    else:
        text = aws_errors.advice(found, subject, NEEDED, throttle_timeout)
    return RegistrationError(text, code=found.code, reason=found.reason, facts=found.facts)


def explain_local(error: BotoCoreError, subject: str) -> RegistrationError:
    return RegistrationError(aws_errors.local_advice(error, subject), facts=type(error).__name__)


def refused_form(subject: str, problems: Sequence[str]) -> RegistrationError:
    """The type's field definitions refuse the declared form: nothing was created or changed."""
    listed = "\n".join(f"  - {problem}" for problem in problems)
    count = f"{len(problems)} field{'s' if len(problems) != 1 else ''}"
    return RegistrationError(
        f"{subject}: AWS's form for this registration type refuses {count}, so nothing was created or "
        f"changed in AWS:\n{listed}\nFix them in the program and run `pulumi up` again"
    )


def unknown_type(subject: str, registration_type: str, known: Sequence[str]) -> RegistrationError:
    types = ", ".join(known) if known else "none"
    return RegistrationError(
        f"{subject}: AWS does not know the registration type {registration_type!r} in this region (it knows: "
        f"{types}). Fix registration_type, or use a region that offers the registration"
    )


def failed_part_way(error: ProviderError, subject: str, cleanup: Sequence[str]) -> RegistrationError:
    """A create that failed after creating things, with what its cleanup could not delete (if anything)."""
    if not cleanup:
        text = f"{error.message} (what this create had made in AWS, its draft and attachments, was deleted again)"
    else:
        text = (
            f"{error.message}. The provider could not delete what this create left behind: {'; '.join(cleanup)}. "
            "Delete it with the AWS CLI (aws pinpoint-sms-voice-v2 delete-registration / "
            "delete-registration-attachment)"
        )
    return RegistrationError(text, code=error.code, reason=error.reason, facts=error.facts)


def attachment_failed(subject: str, path: str, status: str, why: str | None) -> RegistrationError:
    return RegistrationError(
        f"{subject}: the upload of {entry(ATTACHMENTS, path)} ended {status}"
        f"{f' ({why})' if why else ''}; run `pulumi up` again to upload it anew"
    )


def attachment_timeout(subject: str, path: str, waited: float) -> RegistrationError:
    return RegistrationError(
        f"{subject}: AWS had not finished uploading {entry(ATTACHMENTS, path)} after {waited:.0f} seconds; "
        "run `pulumi up` again"
    )


def not_a_registration(subject: str, status: str) -> RegistrationError:
    return RegistrationError(f"{subject} is {status}: AWS no longer holds it, so it cannot be managed")
