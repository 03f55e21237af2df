"""Every AWS operation the package calls, and what a retry after a lost answer may do with it.

One table, read by `settings` (the operations whose request rate stack config may set), by `calls` (how
each one may be retried) and by the errors' IAM advice (the actions to allow). An answer is *lost* when
AWS may have acted on the request but the provider never heard the outcome (a 5xx, a dropped connection):

- READ: changes nothing; retried freely.
- REPEATABLE: applying it twice is applying it once (a put, an update, a tag); the second of two deletes
  answers "not found", which `calls.History` lets the caller read as its own earlier success.
- TOKEN: idempotent through its ClientToken: a retry sends the *same* token, so AWS answers the first
  attempt's outcome instead of acting twice. `calls.call` refuses such a call without a token: botocore
  would fill in a fresh one per attempt, and a lost answer would then yield two.
- ONCE: neither (a new version, a submission): a second attempt may act again or be refused, so after a
  lost answer `calls.call` first asks the caller's `confirm` whether the first attempt took effect.
"""

from __future__ import annotations

import enum
from typing import Final


class Retry(enum.Enum):
    READ = "read"
    REPEATABLE = "repeatable"
    TOKEN = "idempotent by ClientToken"
    ONCE = "once: confirm before a retry"


#: The sender ID's operations (`sender_id/`). RequestSenderId is idempotent by token, but leasing retries
#: it with fresh tokens and a Describe instead (AWS pins failures to a token too; see `sender_id.leasing`).
SENDER_ID: Final = {
    "RequestSenderId": Retry.TOKEN,
    "DescribeSenderIds": Retry.READ,
    "UpdateSenderId": Retry.REPEATABLE,
    "ReleaseSenderId": Retry.REPEATABLE,
    "TagResource": Retry.REPEATABLE,
    "UntagResource": Retry.REPEATABLE,
    "ListTagsForResource": Retry.READ,
}

#: The registration's operations (`registration/`).
REGISTRATION: Final = {
    "DescribeRegistrationTypeDefinitions": Retry.READ,
    "DescribeRegistrationFieldDefinitions": Retry.READ,
    "CreateRegistration": Retry.TOKEN,
    "DescribeRegistrations": Retry.READ,
    "DeleteRegistration": Retry.REPEATABLE,
    "CreateRegistrationAttachment": Retry.TOKEN,
    "DescribeRegistrationAttachments": Retry.READ,
    "DeleteRegistrationAttachment": Retry.REPEATABLE,
    "PutRegistrationFieldValue": Retry.REPEATABLE,
    "DeleteRegistrationFieldValue": Retry.REPEATABLE,
    "DescribeRegistrationFieldValues": Retry.READ,
    "CreateRegistrationVersion": Retry.ONCE,
    "SubmitRegistrationVersion": Retry.ONCE,
    "DescribeRegistrationVersions": Retry.READ,
    "ListRegistrationAssociations": Retry.READ,
}

RETRY: Final = {**SENDER_ID, **REGISTRATION}
#: Every operation, in the order the tables list them (the IAM actions `sms-voice:<name>`).
NAMES: Final = tuple(RETRY)


def retry(operation: str) -> Retry:
    """How a retry of `operation` after a lost answer must go; an operation outside the tables is a bug."""
    try:
        return RETRY[operation]
    except KeyError:
        raise ValueError(f"{operation!r} is not an operation the package calls; add it to aws/operations.py") from None


def iam_actions(names: tuple[str, ...] = NAMES) -> str:
    """`sms-voice:A, B and C`, for advice about a missing permission."""
    *first, last = names
    return f"sms-voice:{', '.join(first)} and {last}" if first else f"sms-voice:{last}"
