"""Each sender ID is declared once per program: a twin fails at declaration, naming both resources."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

from pulumi_sms_sender_id import SenderId, SenderIdArgs
from pulumi_sms_sender_id.sender_id.errors import SenderIdError
from tests.mocks import ProviderBackedMocks
from tests.support import REGION, held, pulumi_test


def declared_twice(first: SenderIdArgs, second: SenderIdArgs) -> SenderIdError:
    """Run a program declaring `first` ('brand-first'), then `second` ('brand-second'); what it failed with."""

    @pulumi_test
    def program() -> None:
        SenderId("brand-first", first)
        SenderId("brand-second", second)

    with pytest.raises(SenderIdError) as failed:
        program()
    return failed.value


def test_a_twin_declaration_fails_naming_both_resources(pulumi_mocks: ProviderBackedMocks, sms: Any) -> None:
    acme = SenderIdArgs(sender_id="ACME", iso_country_code="GB")

    twin = declared_twice(acme, acme)

    assert str(twin).startswith(
        f"SenderId 'brand-second' declares sender ID ACME (GB) in {REGION}, which SenderId 'brand-first' of this "
        "program already declares. Declare each sender ID once"
    )
    assert held(sms) == {}, "the program failed at declaration, yet a sender ID was leased"


def test_twin_declarations_differing_only_in_case_fail_at_declaration_naming_both(
    pulumi_mocks: ProviderBackedMocks, sms: Any
) -> None:
    upper = SenderIdArgs(sender_id="TWIN", iso_country_code="GB", region=REGION)
    lower = SenderIdArgs(sender_id="twin", iso_country_code="gb", region=REGION)  # AWS's TWIN (GB) too

    twin = declared_twice(upper, lower)

    assert str(twin).startswith(
        f"SenderId 'brand-second' declares sender ID TWIN (GB) in {REGION}, which SenderId 'brand-first' of this "
        "program already declares. Declare each sender ID once"
    )
    assert held(sms) == {}, "the program failed at declaration, yet a sender ID was leased"


def test_the_stacks_region_and_an_explicit_same_region_are_twins(pulumi_mocks: ProviderBackedMocks) -> None:
    stacks_region = SenderIdArgs(sender_id="ACME", iso_country_code="GB")
    explicit = SenderIdArgs(sender_id="ACME", iso_country_code="GB", region=REGION)

    assert "already declares" in str(declared_twice(stacks_region, explicit))


@pulumi_test
def test_the_same_sender_id_in_other_countries_or_regions_is_no_twin(pulumi_mocks: ProviderBackedMocks) -> None:
    SenderId("brand-gb", sender_id="ACME", iso_country_code="GB")
    SenderId("brand-de", sender_id="ACME", iso_country_code="DE")
    SenderId("brand-gb-ireland", sender_id="ACME", iso_country_code="GB", region="eu-west-1")


def test_values_not_known_while_the_program_runs_are_left_to_the_provider(pulumi_mocks: ProviderBackedMocks) -> None:
    @pulumi_test
    def program() -> None:
        SenderId("brand-gb", sender_id="ACME", iso_country_code="GB")
        SenderId("brand-gb-later", sender_id=pulumi.Output.from_input("ACME"), iso_country_code="GB")

    with pytest.raises(SenderIdError, match="already exists in this AWS account, so it was not requested again"):
        program()


@pulumi_test
def test_a_new_run_of_the_program_starts_with_no_declarations(pulumi_mocks: ProviderBackedMocks) -> None:
    SenderId("brand-gb", sender_id="ACME", iso_country_code="GB")
    pulumi.runtime.set_mocks(ProviderBackedMocks(config={"aws:region": REGION}), project="project", stack="test")
    SenderId("brand-gb-next-run", sender_id="ACME", iso_country_code="GB", adopt_existing=True)


class OwnMocks(pulumi.runtime.Mocks):
    """A user's own mocks, often set once per test module for many tests."""

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, object]]:
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, object], None]:
        return {}, None


def test_a_users_own_mocks_are_not_checked_for_twins_as_they_may_span_tests() -> None:
    pulumi.runtime.set_mocks(OwnMocks(), project="project", stack="test")

    @pulumi_test
    def test_tags() -> None:
        SenderId("tagged", sender_id="ACME", iso_country_code="GB", tags={"team": "growth"})

    @pulumi_test
    def test_protection() -> None:
        SenderId("protected", sender_id="ACME", iso_country_code="GB", deletion_protection_enabled=True)

    test_tags()
    test_protection()
