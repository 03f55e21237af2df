"""Every message the provider shows a person: AWS answers explained, and its own refusals.

Every AWS failure the provider meets goes through `explain` (in `sender_ids` and `leasing`), so each
failure the engine shows reads the same way: what failed, why, what to do, then the raw AWS facts.
The provider's own refusals (an unadopted sender ID, a release still running, a malformed ARN) are
built here too, so the wording of every user-facing failure can be read and kept in one file.
The per-value reasons of bad inputs stay beside their rules in `rules`.
"""

from __future__ import annotations

from collections.abc import Mapping

from botocore.exceptions import BotoCoreError, ClientError

from ..aws import errors as aws_errors
from ..aws import operations
from ..aws.errors import ProviderError
from ..aws.errors import reason_of as reason_of  # re-exported: sender_id's modules branch on it


class SenderIdError(ProviderError):
    """A failure of a sender ID the user must act on; the message says how, `facts` what AWS answered."""


def _adopt_hint(sender: str) -> str:
    return (
        f"If this stack should manage the existing {sender} (for example after an interrupted "
        "`pulumi up` that leased it) and no other resource of the stack declares it, set adopt_existing=True "
        "on the resource and run `pulumi up` again; if another resource declares it, declare it once"
    )


def _conflict(reason: str, sender: str) -> str | None:
    if reason == "DELETION_PROTECTION_ENABLED":
        return (
            f"{sender} has deletion protection enabled, so nothing was released. To release it, first set "
            "deletion_protection_enabled=False and run `pulumi up`, then destroy or replace it"
        )
    if reason == "SENDER_ID_ASSOCIATED_TO_POOL":
        return (
            f"{sender} belongs to a phone pool. Remove it from the pool "
            "(aws pinpoint-sms-voice-v2 disassociate-origination-identity) and try again"
        )
    if reason == "RESOURCE_ALREADY_EXISTS":
        return f"{sender} already exists in this account and region. {_adopt_hint(sender)}"
    return None


def _validation(reason: str, sender: str, fields: list[Mapping[str, str]]) -> str | None:
    if reason == "SENDER_ID_REQUIRES_REGISTRATION":
        return (
            f"AWS requires {sender} to be registered before it can be used. Register it in the AWS End User "
            "Messaging SMS console (Registrations), then declare it here with adopt_existing=True. If it was "
            "released in the last few minutes, AWS is still processing the release: wait a few minutes and "
            "run `pulumi up` again"
        )
    if reason == "SENDER_ID_NOT_SUPPORTED":
        return f"AWS does not support sender IDs in the country of {sender}; send from a phone number there instead"
    if reason == "SENDER_ID_NOT_REGISTERED":
        return f"{sender} is not registered yet; finish its registration in the AWS console, then retry"
    if fields:
        details = "; ".join(f"{f.get('Name')}: {f.get('Message')}" for f in fields)
        return f"AWS rejected a parameter ({details}). Fix the matching input and run `pulumi up` again"
    return None


def _quota(reason: str, sender: str) -> str | None:
    if reason == "SENDER_IDS_PER_ACCOUNT":
        return (
            f"the account has reached its quota of sender IDs, so {sender} was not leased. Release unused "
            "sender IDs or ask for a higher quota in the Service Quotas console"
        )
    if reason == "TAGS_PER_RESOURCE":
        return f"{sender} would have more than 200 tags: remove some tags"
    return None


def _by_code(found: aws_errors.Answer, sender: str, throttle_timeout: float) -> str:
    """The advice for an AWS answer about a sender ID; the rest is every resource's (`aws.errors.advice`)."""
    if found.code == "ConflictException":
        return _conflict(found.reason, sender) or f"AWS reported a conflict on {sender}"
    if found.code == "ValidationException":
        return _validation(found.reason, sender, found.fields) or f"AWS rejected the request for {sender}"
    if found.code == "ServiceQuotaExceededException":
        return _quota(found.reason, sender) or "an AWS service quota was exceeded"
    return aws_errors.advice(found, sender, tuple(operations.SENDER_ID), throttle_timeout)


def explain(error: ClientError, sender: str, *, throttle_timeout: float) -> SenderIdError:
    """The failure as the user reads it; `throttle_timeout` is the stack's throttleTimeoutSeconds in force."""
    found = aws_errors.answer(error)
    text = _by_code(found, sender, throttle_timeout)
    return SenderIdError(text, code=found.code, reason=found.reason, facts=found.facts)


def explain_local(error: BotoCoreError, sender: str) -> SenderIdError:
    """Failures before AWS answered: missing credentials, unknown profile, unreachable endpoint."""
    return SenderIdError(aws_errors.local_advice(error, sender), facts=type(error).__name__)


def recently_released(error: SenderIdError, sender: str, seconds_ago: float) -> SenderIdError:
    """SENDER_ID_REQUIRES_REGISTRATION for a sender ID this machine released a moment ago."""
    minutes = max(1, round(seconds_ago / 60))
    return SenderIdError(
        f"{sender} was released from this machine about {minutes} minute{'s' if minutes > 1 else ''} ago, and "
        "AWS refuses to lease a sender ID again until the release has finished (usually a few minutes). "
        "Wait a few minutes and run `pulumi up` again",
        code=error.code,
        reason=error.reason,
        facts=error.facts,
    )


def appeared_meanwhile(error: SenderIdError, sender: str) -> SenderIdError:
    """RESOURCE_ALREADY_EXISTS on a request, although Describe found nothing a moment before."""
    return SenderIdError(
        f"{sender} was leased by someone else between the provider's check and its request. Most often the "
        "program declares the same sender ID and country twice (declare it once); otherwise another stack or "
        "person leased it at the same time. Nothing was leased by this request",
        code=error.code,
        reason=error.reason,
        facts=error.facts,
    )


def still_releasing(explained: SenderIdError, sender: str, waited: float) -> SenderIdError:
    """SENDER_ID_REQUIRES_REGISTRATION still, after waiting out our own release for `waited` seconds."""
    return SenderIdError(
        f"{sender} was released a moment ago to be requested again (its message types changed), "
        f"but AWS still had not finished the release after {waited:.0f} seconds. "
        "Run `pulumi up` again in a few minutes, or allow a longer wait with "
        "`pulumi config set sms-sender-id:rerequestTimeoutSeconds 300`",
        code="ValidationException",
        reason="SENDER_ID_REQUIRES_REGISTRATION",
        facts=explained.facts,
    )


def perhaps_ours(error: SenderIdError, sender: str) -> SenderIdError:
    """"Already exists" after an attempt of ours that may have leased it, and Describe still misses it."""
    return SenderIdError(
        f"AWS says {sender} already exists, and an earlier attempt of this `pulumi up` may have leased it "
        "(its answer was lost), but AWS does not list it yet. Run `pulumi up` again in a minute; if the "
        "stack then reports that it already exists, this stack leased it: set adopt_existing=True on the "
        "resource to take it into the stack",
        code=error.code,
        reason=error.reason,
        facts=error.facts,
    )


def twin_declaration(resource_name: str, first_name: str, sender: str) -> SenderIdError:
    """Two resources of one program declare the same sender ID, country and region."""
    return SenderIdError(
        f"SenderId {resource_name!r} declares {sender}, which SenderId {first_name!r} of this program already "
        "declares. Declare each sender ID once (export or pass the first resource where the second is used): "
        "two resources would fight over one lease, and destroying either would release it for both"
    )


def not_adopted(sender: str) -> SenderIdError:
    """The account already holds the sender ID and the resource did not ask to adopt it."""
    return SenderIdError(
        f"{sender} already exists in this AWS account, so it was not requested again. "
        "adopt_existing=True is for a sender ID that no other resource of this stack or of another stack "
        "declares: a registered sender ID, or one leased by a `pulumi up` that was interrupted before saving "
        "state. If that is the case, set adopt_existing=True on the resource and run `pulumi up` again. If "
        "another resource already declares it, declare it once; otherwise remove it from the program or "
        "use another sender ID."
    )


def message_types_differ(sender: str, actual: list[str], declared: list[str]) -> SenderIdError:
    """Adoption of a sender ID whose message types differ from the program's."""
    return SenderIdError(
        f"{sender} exists with message types {actual}, but the program declares "
        f"{declared}. Message types cannot change without releasing the sender ID: "
        f"declare message_types={actual} to adopt it as it is."
    )


def not_an_arn(arn: str) -> SenderIdError:
    return SenderIdError(
        f"{arn!r} is not a sender ID ARN: expected "
        "arn:aws:sms-voice:<region>:<account>:sender-id/<SENDER_ID>/<COUNTRY>"
    )


def not_a_sender_id_arn(arn: str, resource_type: str) -> SenderIdError:
    return SenderIdError(f"{arn!r} is not a sender ID ARN (resource type {resource_type!r})")


PROTECTED_ADVICE = (
    "the change replaces the sender ID and AWS refuses to release a protected one, so `pulumi up` would "
    "stop half-way (with the new one leased, or the old one neither released nor requested again). "
    "First apply deletion_protection_enabled=False on its own (`pulumi up`), then make this change."
)


def protected_replacement(changing: str, sender: str) -> str:
    """Why a replacement of a sender ID under deletion protection is refused at preview."""
    return f"{changing} cannot change while deletion protection is enabled on {sender}: {PROTECTED_ADVICE}"


def registered_replacement(changing: str, sender: str, registration_id: str | None) -> str:
    """Why a replacement of a registered sender ID is refused at preview."""
    return (
        f"{changing} cannot change on {sender}: it is registered ({registration_id or 'its registration'}), and "
        "replacing it would release it, which ends the registration for good. If you really want to give it up, "
        "remove the resource from the program and run `pulumi up` (that releases it), then declare the "
        "new sender ID."
    )
