"""Pulumi dynamic provider for AWS End User Messaging SMS sender IDs, and their registrations.

    from pulumi_sms_sender_id import SenderId, SenderIdArgs
    SenderId("brand-gb", SenderIdArgs(sender_id="ACME", iso_country_code="GB", tags={"team": "growth"}))

Importing the package has no side effects: the engine unpickles `SenderIdProvider` and
`RegistrationProvider` from it.
"""

from ._version import __version__
from .adoption.lookup import SenderIdDetails, get_sender_ids, get_sender_ids_output
from .provider import SenderIdProvider
from .registration.provider import RegistrationProvider
from .registration.resource import Registration, RegistrationArgs
from .resource import SenderId, SenderIdArgs
from .sender_id.properties import MessageType

__all__ = [
    "MessageType",
    "Registration",
    "RegistrationArgs",
    "RegistrationProvider",
    "SenderId",
    "SenderIdArgs",
    "SenderIdDetails",
    "SenderIdProvider",
    "__version__",
    "get_sender_ids",
    "get_sender_ids_output",
]
