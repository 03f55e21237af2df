"""`get_sender_ids`: a read-only lookup that programs call, with the stack's region and rates."""

from __future__ import annotations

import asyncio
import textwrap
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pulumi
import pytest

from pulumi_sms_sender_id import get_sender_ids, get_sender_ids_output
from pulumi_sms_sender_id.adoption import inventory
from pulumi_sms_sender_id.adoption.inventory import BadFilter
from pulumi_sms_sender_id.aws.calls import Connection
from pulumi_sms_sender_id.sender_id.errors import SenderIdError
from tests.adoption.support import FAST, run_program
from tests.mocks import ProviderBackedMocks
from tests.support import REGION, pulumi_test

PROGRAM = """
    import pulumi
    from pulumi_sms_sender_id import get_sender_ids, get_sender_ids_output

    pulumi.export("gb", get_sender_ids(filters={"iso-country-code": "GB"}))
    pulumi.export(
        "registered",
        get_sender_ids_output(region=pulumi.Output.from_input("us-east-1"), filters={"registered": True}),
    )
    protected = get_sender_ids(filters={"deletion-protection-enabled": "true"})
    pulumi.export("protected", [s["sender_id_arn"] for s in protected])
"""


def test_a_program_reads_sender_ids_as_plain_values_and_as_an_output(
    tmp_path: Path, emulated: Any, account: dict[str, dict[str, Any]]
) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: lookup\nruntime: python\n")
    (tmp_path / "__main__.py").write_text(textwrap.dedent(PROGRAM))

    result = run_program(tmp_path, config={"aws:region": "eu-west-2", **FAST})

    def held(region: str, **match: Any) -> list[dict[str, Any]]:
        """What AWS holds, as a stack output shows it (Pulumi drops None: registration_id of unregistered ones)."""
        found = [v for v in account.values() if v["region"] == region and all(v[k] == w for k, w in match.items())]
        ordered = sorted(found, key=lambda v: (v["sender_id"], v["iso_country_code"]))
        return [{k: v for k, v in item.items() if v is not None} for item in ordered]

    assert result.outputs["gb"] == held("eu-west-2", iso_country_code="GB")  # the stack's region
    assert [s["sender_id"] for s in result.outputs["gb"]] == ["ACME", "NEWS"]
    assert result.outputs["registered"] == held("us-east-1", registered=True)
    assert result.outputs["protected"] == [
        v["sender_id_arn"] for v in held("eu-west-2", deletion_protection_enabled=True)
    ]
    assert set(emulated.call_counts()) == {"DescribeSenderIds", "ListTagsForResource"}, "a read, nothing else"


def test_an_unknown_filter_is_refused_before_any_call(emulated: Any) -> None:
    with pytest.raises(BadFilter, match="unknown filter 'country': use one of sender-id, iso-country-code"):
        get_sender_ids(region="eu-west-2", filters={"country": "GB"})
    with pytest.raises(BadFilter, match="filter message-type takes TRANSACTIONAL or PROMOTIONAL, got 'SMS'"):
        get_sender_ids(region="eu-west-2", filters={"message-type": ["SMS"]})
    assert emulated.call_counts() == {}


def test_without_any_region_the_lookup_says_where_to_set_one(emulated: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    with pytest.raises(SenderIdError, match=r"get_sender_ids needs an AWS region: pass region=\.\.\."):
        get_sender_ids()
    assert emulated.call_counts() == {}


def test_a_slow_listing_leaves_the_programs_event_loop_free_for_other_work(
    pulumi_mocks: ProviderBackedMocks, monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = threading.Event()
    loop_worked = threading.Event()
    loop_worked_meanwhile: list[bool] = []

    def slow_listing(connection: Connection, wanted: Sequence[Any]) -> list[inventory.Found]:
        listing.set()
        loop_worked_meanwhile.append(loop_worked.wait(timeout=2))  # only the event loop can set it
        return []

    async def other_work() -> bool:
        while not listing.is_set():
            await asyncio.sleep(0.01)
        loop_worked.set()
        return True

    monkeypatch.setattr(inventory, "list_region", slow_listing)

    @pulumi_test
    def program() -> pulumi.Output[Any]:
        other: pulumi.Output[bool] = pulumi.Output.from_input(other_work())
        return pulumi.Output.all(get_sender_ids_output(region=REGION), other)

    program()

    assert loop_worked_meanwhile == [True], "the listing held the event loop until it was done"
