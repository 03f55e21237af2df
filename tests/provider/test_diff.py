"""diff: replace vs update vs nothing, decided offline from properties alone."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.dynamic import ConfigureRequest, DiffResult
from pulumi.dynamic.config import Config

from pulumi_sms_sender_id import SenderIdProvider
from pulumi_sms_sender_id.sender_id.errors import SenderIdError
from tests.support import PROVIDER_KEY, unknown

STATE: dict[str, Any] = {
    "sender_id": "ACME",
    "iso_country_code": "GB",
    "message_types": ["TRANSACTIONAL"],
    "deletion_protection_enabled": False,
    "tags": {"team": "growth"},
    "client_token": None,
    "region": "eu-west-2",
    "adopt_existing": None,
    "sender_id_arn": "arn:aws:sms-voice:eu-west-2:123456789012:sender-id/ACME/GB",
    "monthly_leasing_price": "2.00",
    "registered": False,
    "registration_id": None,
    PROVIDER_KEY: "old-pickle",
}
PROGRAM: dict[str, Any] = {
    "sender_id": "ACME",
    "iso_country_code": "GB",
    "message_types": ["TRANSACTIONAL"],
    "tags": {"team": "growth"},
    PROVIDER_KEY: "new-pickle",
}


def diff(provider: SenderIdProvider, **edits: Any) -> DiffResult:
    return provider.diff(STATE["sender_id_arn"], STATE, {**PROGRAM, **edits})


def test_unchanged_program_shows_no_changes(provider: SenderIdProvider) -> None:
    result = diff(provider)
    assert result.changes is False
    assert result.replaces == []


def test_tag_edit_updates_in_place(provider: SenderIdProvider) -> None:
    result = diff(provider, tags={"team": "growth", "env": "prod"})
    assert result.changes is True
    assert result.replaces == []


def test_removing_all_tags_updates_in_place(provider: SenderIdProvider) -> None:
    result = diff(provider, tags=None)
    assert result.changes is True
    assert result.replaces == []


def test_enabling_deletion_protection_updates_in_place(provider: SenderIdProvider) -> None:
    result = diff(provider, deletion_protection_enabled=True)
    assert (result.changes, result.replaces) == (True, [])


def test_omitting_deletion_protection_keeps_what_aws_has(provider: SenderIdProvider) -> None:
    protected = {**STATE, "deletion_protection_enabled": True}
    result = provider.diff(STATE["sender_id_arn"], protected, PROGRAM)
    assert result.changes is False


def test_renaming_the_sender_id_replaces_create_before_delete(provider: SenderIdProvider) -> None:
    result = diff(provider, sender_id="ACME2")
    assert result.replaces == ["sender_id"]
    assert result.delete_before_replace is False


def test_changing_message_types_replaces_before_delete(provider: SenderIdProvider) -> None:
    result = diff(provider, message_types=["TRANSACTIONAL", "PROMOTIONAL"])
    assert result.replaces == ["message_types"]
    assert result.delete_before_replace is True


def test_message_types_compare_as_a_case_insensitive_set(provider: SenderIdProvider) -> None:
    state = {**STATE, "message_types": ["Promotional", "Transactional"]}
    result = provider.diff(
        STATE["sender_id_arn"], state, {**PROGRAM, "message_types": ["TRANSACTIONAL", "promotional"]}
    )
    assert result.changes is False


def test_omitting_message_types_never_replaces(provider: SenderIdProvider) -> None:
    assert diff(provider, message_types=None).changes is False


def test_sender_id_and_country_compare_case_insensitively(provider: SenderIdProvider) -> None:
    assert diff(provider, sender_id="acme", iso_country_code="gb").changes is False


def test_changing_country_replaces_create_before_delete(provider: SenderIdProvider) -> None:
    result = diff(provider, iso_country_code="DE")
    assert result.replaces == ["iso_country_code"]
    assert result.delete_before_replace is False


def test_changing_region_replaces(provider: SenderIdProvider) -> None:
    result = diff(provider, region="eu-west-1")
    assert result.replaces == ["region"]


def test_omitted_region_keeps_the_sender_id_where_it_is(provider: SenderIdProvider) -> None:
    assert diff(provider, region=None).changes is False
    assert diff(provider, region="eu-west-2").changes is False
    moved_default = SenderIdProvider()
    moved_default.configure(ConfigureRequest(Config({"aws:region": "us-west-2"}, "test")))
    assert diff(moved_default, region=None).changes is False, "a new default region must not move sender IDs"


def test_replacing_a_sender_id_protected_outside_its_inputs_fails_preview(provider: SenderIdProvider) -> None:
    adopted_protected = {**STATE, "deletion_protection_enabled": True}  # outputs say so, inputs never did
    with pytest.raises(SenderIdError, match="sender_id cannot change while deletion protection is enabled"):
        provider.diff(STATE["sender_id_arn"], adopted_protected, {**PROGRAM, "sender_id": "ACMEPAY"})


def test_replacing_a_registered_sender_id_fails_preview(provider: SenderIdProvider) -> None:
    registered = {**STATE, "registered": True, "registration_id": "reg-1"}
    with pytest.raises(SenderIdError, match=r"registered \(reg-1\).*ends the registration"):
        provider.diff(STATE["sender_id_arn"], registered, {**PROGRAM, "message_types": ["PROMOTIONAL"]})
    assert provider.diff(STATE["sender_id_arn"], registered, {**PROGRAM, "tags": {"a": "b"}}).replaces == []


def test_client_token_and_adopt_existing_alone_change_nothing(provider: SenderIdProvider) -> None:
    assert diff(provider, client_token="new-token", adopt_existing=True).changes is False


def test_unknown_value_marks_its_key_as_changed(provider: SenderIdProvider) -> None:
    tagged = diff(provider, tags={"team": unknown()})
    assert (tagged.changes, tagged.replaces) == (True, [])
    renamed = diff(provider, sender_id=unknown())
    assert renamed.replaces == ["sender_id"]
    assert renamed.delete_before_replace is False


def test_refresh_diff_with_swapped_arguments_works_on_read_state(provider: SenderIdProvider) -> None:
    read_state = {**STATE, "message_types": ["Transactional"], "tags": {"team": "growth", "owner": "ops"}}
    result = provider.diff(STATE["sender_id_arn"], read_state, STATE)
    assert result.changes is True
    assert result.replaces == []
