"""`SenderId`, the resource users declare, and `SenderIdArgs`, its typed inputs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Final

import pulumi
import pulumi.dynamic

from .provider import SenderIdProvider
from .sender_id import declarations, schema
from .sender_id.properties import MessageType


@dataclass
class SenderIdArgs:
    """Inputs of a `SenderId`. Wire names are these field names; each one's rules are its row in `schema`."""

    sender_id: pulumi.Input[str]
    """3-11 letters, digits or hyphens, at least one letter. AWS stores it upper-case. Replaces."""
    iso_country_code: pulumi.Input[str]
    """Two-letter ISO 3166-1 country code, e.g. "GB". Replaces."""
    message_types: pulumi.Input[Sequence[pulumi.Input[str | MessageType]]] | None = None
    """TRANSACTIONAL and/or PROMOTIONAL. Replaces (release first, then request). Omitted: AWS's choice."""
    deletion_protection_enabled: pulumi.Input[bool] | None = None
    """Refuse releases while true. Updates in place. Omitted: keep what AWS has (false on create)."""
    tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """Up to 200 tags. Updates in place with the minimal tag/untag calls."""
    client_token: pulumi.Input[str] | None = None
    """Idempotency token for the first RequestSenderId attempt. Changing it alone changes nothing."""
    region: pulumi.Input[str] | None = None
    """AWS region; defaults to stack config aws:region, then AWS_REGION. Replaces."""
    adopt_existing: pulumi.Input[bool] | None = None
    """Take over a sender ID the account already holds instead of failing. Changing it alone changes nothing."""
    registration_id: pulumi.Input[str] | None = None
    """The Registration that provisions it: taken over on approval, never leased. Changing it alone changes nothing."""


ARG_NAMES = tuple(f.name for f in fields(SenderIdArgs))


def _props(args: SenderIdArgs | None, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    if args is not None and kwargs:
        raise TypeError(
            f"SenderId takes its inputs either as a SenderIdArgs or as keyword arguments, not both "
            f"(got args and {', '.join(sorted(kwargs))})"
        )
    unknown = sorted(set(kwargs) - set(ARG_NAMES))
    if unknown:
        raise TypeError(f"SenderId got unexpected keyword arguments {unknown}; allowed: {', '.join(ARG_NAMES)}")
    if args is not None and not isinstance(args, SenderIdArgs):
        raise TypeError(f"SenderId args must be a SenderIdArgs, got {type(args).__name__}")
    inputs = vars(args).copy() if args is not None else {name: kwargs.get(name) for name in ARG_NAMES}
    missing = [name for name in schema.REQUIRED if inputs.get(name) is None]
    if missing:
        raise TypeError(f"SenderId needs {' and '.join(missing)} (pass a SenderIdArgs or keyword arguments)")
    return {**inputs, **dict.fromkeys(schema.OUTPUT_ONLY_NAMES)}


class SenderId(pulumi.dynamic.Resource, module="smsvoice", name="SenderId"):
    """An AWS End User Messaging SMS sender ID. Its id is the sender ID ARN."""

    sender_id: pulumi.Output[str]
    iso_country_code: pulumi.Output[str]
    message_types: pulumi.Output[list[str]]
    deletion_protection_enabled: pulumi.Output[bool]
    tags: pulumi.Output[dict[str, str]]
    client_token: pulumi.Output[str | None]
    region: pulumi.Output[str]
    adopt_existing: pulumi.Output[bool | None]
    sender_id_arn: pulumi.Output[str]
    """The ARN; also the resource's id."""
    monthly_leasing_price: pulumi.Output[str]
    """Monthly price in USD, as AWS returns it (e.g. "1.00")."""
    registered: pulumi.Output[bool]
    """Whether the sender ID is registered."""
    registration_id: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        args: SenderIdArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        props = declarations.claim(resource_name, _props(args, kwargs))
        super().__init__(SenderIdProvider(), resource_name, props, opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None) -> SenderId:
        """A read-only reference to an existing sender ID, found by its ARN."""
        merged = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        resource = SenderId.__new__(SenderId)
        props = dict.fromkeys((*ARG_NAMES, *schema.OUTPUT_ONLY_NAMES))
        pulumi.dynamic.Resource.__init__(resource, SenderIdProvider(), resource_name, props, merged)
        return resource


#: The type token the engine records for every `SenderId`, derived as `pulumi.dynamic.Resource` derives it
#: (stack state refers to it: it never changes).
TYPE_TOKEN: Final = f"pulumi-python:{SenderId._resource_type_name}"
