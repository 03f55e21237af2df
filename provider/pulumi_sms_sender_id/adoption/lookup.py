"""`get_sender_ids`: the data-source equivalent, a read-only lookup for programs.

It runs in the program's own process (at preview and at up alike), with the credentials, region
and call rates the program's stack gives it: `aws:region`, `aws:profile` and
`sms-sender-id:requestsPerSecond` from stack config, else AWS_REGION / AWS_PROFILE. It only calls
DescribeSenderIds and ListTagsForResource, through `calls.call` like the provider does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import TypedDict

import pulumi

from ..aws import settings
from ..aws.calls import Connection
from ..sender_id.errors import SenderIdError
from . import inventory

FilterValue = str | bool | Sequence[str | bool]


class SenderIdDetails(TypedDict):
    """One sender ID, under the names a `SenderId` reports them (plain values: exportable as they are)."""

    sender_id_arn: str
    sender_id: str
    iso_country_code: str
    message_types: list[str]
    monthly_leasing_price: str | None
    registered: bool
    registration_id: str | None
    deletion_protection_enabled: bool
    tags: dict[str, str]
    region: str


def get_sender_ids(
    region: str | None = None,
    filters: Mapping[str, FilterValue] | None = None,
    profile: str | None = None,
) -> list[SenderIdDetails]:
    """The sender IDs the account holds in `region` (default: the stack's), sorted by sender ID and country.

    `filters` are DescribeSenderIds filters: {"iso-country-code": ["GB", "DE"], "registered": True};
    names: sender-id, iso-country-code, message-type, deletion-protection-enabled, registered.
    Unknown filters and bad values raise before any AWS call.
    """
    wanted = inventory.filters(filters)
    stack = settings.resolve(settings.ProgramConfig())
    where = region or stack.region
    if not where:
        raise SenderIdError(
            "get_sender_ids needs an AWS region: pass region=..., set `pulumi config set aws:region eu-west-2`, "
            "or export AWS_REGION"
        )
    connection = Connection(where, profile or stack.profile, stack.calls)
    listed = inventory.list_region(connection, wanted)
    return [_details(item) for item in listed]


def _details(item: inventory.Found) -> SenderIdDetails:
    return SenderIdDetails(
        sender_id_arn=item.sender_id_arn,
        sender_id=item.sender_id,
        iso_country_code=item.iso_country_code,
        message_types=list(item.message_types),
        monthly_leasing_price=item.monthly_leasing_price,
        registered=item.registered,
        registration_id=item.registration_id,
        deletion_protection_enabled=item.deletion_protection_enabled,
        tags=dict(item.tags),
        region=item.region,
    )


def get_sender_ids_output(
    region: pulumi.Input[str] | None = None,
    filters: pulumi.Input[Mapping[str, FilterValue]] | None = None,
    profile: pulumi.Input[str] | None = None,
) -> pulumi.Output[list[SenderIdDetails]]:
    """`get_sender_ids` for inputs that are Outputs: the lookup runs once they are known (at preview,
    an unknown input leaves the result unknown).

    Listing a large account takes many paced calls, so it runs in the event loop's executor, as
    Pulumi's own invokes do: the program's other work (registrations, applies) goes on meanwhile.
    """
    return pulumi.Output.all(region, filters, profile).apply(
        lambda args: _off_the_loop(region=args[0], filters=args[1], profile=args[2])
    )


async def _off_the_loop(
    region: str | None, filters: Mapping[str, FilterValue] | None, profile: str | None
) -> list[SenderIdDetails]:
    """`get_sender_ids` in the loop's default executor, with this context (Pulumi's settings and config)."""
    return await asyncio.to_thread(get_sender_ids, region=region, filters=filters, profile=profile)
