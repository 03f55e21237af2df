"""What every AWS failure says, whatever resource met it: the facts, and the advice no resource changes.

Each resource's own `errors` module (`sender_id.errors`, `registration.errors`) explains the answers that
concern it (a conflict, a validation reason) and falls back on `advice` here for the rest: throttling
beyond the wait, internal errors after the retries, missing permissions, bad credentials. Every message
ends with the raw AWS facts (`facts`), so a failure reads the same way whichever resource failed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, ProfileNotFound

from . import calls, operations


class ProviderError(Exception):
    """A failure the user must act on; the message says how, `facts` what AWS answered."""

    def __init__(self, message: str, *, code: str = "", reason: str = "", facts: str = "") -> None:
        super().__init__(f"{message}. [{facts}]" if facts else message)
        #: The explanation alone, without the AWS facts.
        self.message = message
        self.code = code
        self.reason = reason
        self.facts = facts


@dataclass(frozen=True)
class Answer:
    """An AWS error answer, as the explanations read it."""

    code: str
    reason: str
    operation: str
    message: str
    request_id: str
    response: Mapping[str, Any]
    outcome: calls.Outcome

    @property
    def facts(self) -> str:
        """`AWS <code> <reason> on <operation>, request id <id>: <message>`."""
        text = f"AWS {self.code}{' ' + self.reason if self.reason else ''} on {self.operation}, request id "
        text += self.request_id
        return f"{text}: {self.message}" if self.message else text

    @property
    def fields(self) -> list[Mapping[str, str]]:
        """A ValidationException's `Fields` (each a Name and a Message)."""
        return list(self.response.get("Fields") or [])


def answer(error: ClientError) -> Answer:
    response: Mapping[str, Any] = error.response
    return Answer(
        code=str(response.get("Error", {}).get("Code", "Unknown")),
        reason=str(response.get("Reason") or ""),
        operation=error.operation_name,
        message=str(response.get("Error", {}).get("Message") or response.get("Message") or ""),
        request_id=str(response.get("ResponseMetadata", {}).get("RequestId") or response.get("RequestId") or "none"),
        response=response,
        outcome=calls.classify(error),
    )


def reason_of(error: ClientError) -> tuple[str, str]:
    """(error code, modeled Reason) of an AWS error, for branching without parsing messages."""
    code = str(error.response.get("Error", {}).get("Code", ""))
    return code, str(error.response.get("Reason") or "")


def _access(reason: str, subject: str, operation: str, needed: Sequence[str]) -> str:
    if reason == "INSUFFICIENT_ACCOUNT_REPUTATION":
        return (
            "AWS refused because of the account's sending reputation; open a case with AWS Support to "
            "leave the SMS sandbox or raise limits"
        )
    if reason == "ACCOUNT_DISABLED":
        return "the AWS account is disabled for End User Messaging SMS; contact AWS Support"
    return (
        f"the AWS credentials in use may not call {operation} on {subject}. Allow the IAM action "
        f"sms-voice:{operation} (the provider needs {operations.iam_actions(tuple(needed))})"
    )


def _seconds(value: float) -> str:
    return f"{value:.15g}"


def throttled(timeout: float) -> str:
    """Quotes the timeout in force (a stack that set its own must not read about the default), and
    suggests twice as long, at least 30 minutes, as the longer wait to allow."""
    longer = max(2 * timeout, 1800.0)
    return (
        f"AWS kept throttling the requests for longer than {_seconds(timeout)} s, the longest the provider may "
        "wait (stack config sms-sender-id:throttleTimeoutSeconds). Other deployments may be sharing the "
        "account's request quota: run again later, allow a longer wait with "
        f"`pulumi config set sms-sender-id:throttleTimeoutSeconds {_seconds(longer)}`, or ask AWS for a higher quota"
    )


def advice(found: Answer, subject: str, needed: Sequence[str], throttle_timeout: float) -> str:
    """The advice that does not depend on the resource; `needed` are the operations its IAM advice names,
    `throttle_timeout` the stack's throttleTimeoutSeconds in force."""
    if found.code in ("AccessDeniedException", "AccessDenied"):
        return _access(found.reason, subject, found.operation, needed)
    if found.code == "ResourceNotFoundException":
        return f"{subject} does not exist in this account and region"
    if found.code in ("UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken"):
        return "the AWS credentials are invalid or expired; refresh them (aws sso login, or new keys)"
    if found.outcome is calls.Outcome.THROTTLED:
        return throttled(throttle_timeout)
    if found.outcome is calls.Outcome.LOST:
        return "AWS had an internal error after several retries; run `pulumi up` again"
    return f"AWS refused {found.operation} for {subject}"


def local_advice(error: BotoCoreError, subject: str) -> str:
    """Failures before AWS answered: missing credentials, unknown profile, unreachable endpoint."""
    if isinstance(error, NoCredentialsError):
        return (
            "no AWS credentials were found. Set `pulumi config set aws:profile <name>`, or export "
            "AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for the `pulumi` command"
        )
    if isinstance(error, ProfileNotFound):
        return f"{error}. Fix `pulumi config set aws:profile <name>` or AWS_PROFILE"
    return f"could not reach AWS for {subject}: {error}"
