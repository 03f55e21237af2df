"""create, read, update and delete against the in-process emulator, counting every AWS call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from pulumi_sms_sender_id import SenderIdProvider
from pulumi_sms_sender_id.aws import client
from pulumi_sms_sender_id.aws.calls import MAX_DELAY, backoff
from pulumi_sms_sender_id.emulator import DEFAULT_ACCOUNT_ID as ACCOUNT
from pulumi_sms_sender_id.sender_id import releases, sender_ids
from pulumi_sms_sender_id.sender_id.errors import SenderIdError
from tests.support import REGION

ACME = {"sender_id": "acme", "iso_country_code": "GB", "message_types": ["TRANSACTIONAL"], "tags": {"team": "growth"}}


def create(provider: SenderIdProvider, **overrides: Any) -> tuple[str, dict[str, Any]]:
    checked = provider.check({}, {**ACME, **overrides})
    assert checked.failures == []
    result = provider.create(checked.inputs)
    assert result.outs is not None
    return result.id, result.outs


@contextmanager
def calling_as_another_account(monkeypatch: pytest.MonkeyPatch, account: str) -> Iterator[None]:
    """Calls made with other credentials, which the emulator attributes to `account` (as AWS would)."""
    with monkeypatch.context() as other:
        other.setenv("MOTO_ACCOUNT_ID", account)
        other.setenv("AWS_ACCESS_KEY_ID", f"AKIA{account}")
        client.clear()
        yield
    client.clear()


def calls(emulated: Any) -> dict[str, int]:
    return {op: n for op, n in emulated.call_counts().items() if n}


def test_create_leases_once_with_tags_inline(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    id_, outs = create(provider)
    assert id_ == f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:sender-id/ACME/GB"
    assert outs["sender_id_arn"] == id_
    assert outs["sender_id"] == "ACME"
    assert outs["message_types"] == ["TRANSACTIONAL"]
    assert outs["tags"] == {"team": "growth"}
    assert outs["registered"] is False
    assert outs["registration_id"] is None
    assert float(outs["monthly_leasing_price"]) > 0
    assert outs["region"] == REGION
    assert calls(emulated) == {"DescribeSenderIds": 1, "RequestSenderId": 1}
    assert sms.list_tags_for_resource(ResourceArn=id_)["Tags"] == [{"Key": "team", "Value": "growth"}]


def test_create_refuses_a_sender_id_the_account_already_holds(provider: SenderIdProvider, emulated: Any) -> None:
    emulated.seed_sender_id("ACME", "GB", region=REGION)
    with pytest.raises(SenderIdError, match=r"already exists.*adopt_existing=True"):
        create(provider)
    assert calls(emulated).get("RequestSenderId", 0) == 0


def test_adopt_existing_takes_over_without_a_new_lease(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    seeded = emulated.seed_sender_id(
        "ACME", "IN", region=REGION, registered=True, registration_id="reg-123", tags={"old": "x", "team": "ops"}
    )
    id_, outs = create(
        provider, iso_country_code="IN", adopt_existing=True, deletion_protection_enabled=True, tags={"team": "growth"}
    )
    assert id_ == seeded["SenderIdArn"]
    assert outs["registered"] is True
    assert outs["registration_id"] == "reg-123"
    assert outs["deletion_protection_enabled"] is True
    assert outs["tags"] == {"team": "growth"}
    assert sms.list_tags_for_resource(ResourceArn=id_)["Tags"] == [{"Key": "team", "Value": "growth"}]
    assert calls(emulated).get("RequestSenderId", 0) == 0


def test_adopting_with_other_message_types_is_refused(provider: SenderIdProvider, emulated: Any) -> None:
    emulated.seed_sender_id("ACME", "GB", region=REGION, message_types=["PROMOTIONAL"])
    with pytest.raises(SenderIdError, match=r"exists with message types \['PROMOTIONAL'\]"):
        create(provider, adopt_existing=True)


def test_registration_only_country_says_register_then_adopt(provider: SenderIdProvider, emulated: Any) -> None:
    with pytest.raises(SenderIdError, match=r"registered.*adopt_existing=True") as error:
        create(provider, iso_country_code="SG")
    assert "ValidationException SENDER_ID_REQUIRES_REGISTRATION" in str(error.value)
    assert "request id" in str(error.value)


def test_quota_error_names_the_quota(provider: SenderIdProvider, emulated: Any) -> None:
    emulated.configure(sender_id_quota=0)
    with pytest.raises(SenderIdError, match=r"quota of sender IDs.*SENDER_IDS_PER_ACCOUNT"):
        create(provider)


def test_throttled_request_is_retried_until_it_leases_once(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    emulated.inject_fault("RequestSenderId", "ThrottlingException", count=2)
    create(provider)
    assert calls(emulated)["RequestSenderId"] == 3
    assert len(sms.describe_sender_ids()["SenderIds"]) == 1


def test_lost_response_is_recovered_without_a_second_lease(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    emulated.inject_fault("RequestSenderId", "InternalServerException", count=1, after_commit=True)
    id_, outs = create(provider)
    assert outs["sender_id_arn"] == id_
    assert outs["message_types"] == ["TRANSACTIONAL"]
    assert calls(emulated) == {"DescribeSenderIds": 2, "RequestSenderId": 1}


def test_read_returns_normalised_outputs_and_inputs(provider: SenderIdProvider, emulated: Any) -> None:
    id_, outs = create(provider, message_types=["PROMOTIONAL", "TRANSACTIONAL"])
    emulated.reset_call_counts()
    read = provider.read(id_, outs)
    assert read.id == id_
    assert read.outs == outs
    assert read.inputs is not None and read.inputs["message_types"] == ["PROMOTIONAL", "TRANSACTIONAL"]
    assert calls(emulated) == {"DescribeSenderIds": 1, "ListTagsForResource": 1}


def test_read_works_from_the_id_alone(provider: SenderIdProvider, emulated: Any) -> None:
    id_, _outs = create(provider)
    read = provider.read(id_, {})
    assert read.outs is not None
    assert read.outs["sender_id_arn"] == id_
    assert read.outs["tags"] == {"team": "growth"}


def test_read_reports_tag_and_protection_drift(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    id_, outs = create(provider)
    sms.tag_resource(ResourceArn=id_, Tags=[{"Key": "owner", "Value": "ops"}])
    sms.update_sender_id(SenderId="ACME", IsoCountryCode="GB", DeletionProtectionEnabled=True)
    read = provider.read(id_, outs)
    assert read.outs is not None
    assert read.outs["tags"] == {"team": "growth", "owner": "ops"}
    assert read.outs["deletion_protection_enabled"] is True
    drift = provider.diff(id_, outs, read.outs)
    assert (drift.changes, drift.replaces) == (True, [])


def test_diff_after_read_is_quiet(provider: SenderIdProvider, emulated: Any) -> None:
    id_, outs = create(provider)
    read = provider.read(id_, outs)
    assert read.inputs is not None and read.outs is not None
    program = provider.check(read.inputs, ACME)
    assert provider.diff(id_, read.outs, program.inputs).changes is False


def test_read_of_a_released_sender_id_reports_it_gone(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    id_, outs = create(provider)
    sms.release_sender_id(SenderId="ACME", IsoCountryCode="GB")
    assert provider.read(id_, outs).id == ""


def test_tag_update_sends_the_minimal_delta(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    id_, outs = create(provider, tags={"team": "growth", "keep": "1", "drop": "x"})
    emulated.reset_call_counts()
    news = provider.check({}, {**ACME, "tags": {"team": "sales", "keep": "1", "new": "y"}}).inputs
    updated = provider.update(id_, outs, news).outs
    assert updated is not None and updated["tags"] == {"team": "sales", "keep": "1", "new": "y"}
    assert calls(emulated) == {"UntagResource": 1, "TagResource": 1}
    tags = {t["Key"]: t["Value"] for t in sms.list_tags_for_resource(ResourceArn=id_)["Tags"]}
    assert tags == {"team": "sales", "keep": "1", "new": "y"}


def test_protection_toggle_calls_only_update_sender_id(provider: SenderIdProvider, emulated: Any) -> None:
    id_, outs = create(provider)
    emulated.reset_call_counts()
    updated = provider.update(id_, outs, {**ACME, "deletion_protection_enabled": True}).outs
    assert updated is not None
    assert updated["deletion_protection_enabled"] is True
    assert {k: v for k, v in updated.items() if k != "deletion_protection_enabled"} == {
        k: v for k, v in outs.items() if k != "deletion_protection_enabled"
    }
    assert calls(emulated) == {"UpdateSenderId": 1}


def test_delete_releases_the_sender_id(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    id_, outs = create(provider)
    provider.delete(id_, outs)
    assert sms.describe_sender_ids()["SenderIds"] == []


def test_delete_of_a_protected_sender_id_releases_nothing_and_says_how(
    provider: SenderIdProvider, emulated: Any, sms: Any
) -> None:
    id_, outs = create(provider, deletion_protection_enabled=True)
    with pytest.raises(SenderIdError, match="deletion protection") as error:
        provider.delete(id_, outs)
    assert "deletion_protection_enabled=False" in str(error.value)
    assert len(sms.describe_sender_ids()["SenderIds"]) == 1


def test_delete_of_a_sender_id_already_gone_succeeds(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    id_, outs = create(provider)
    sms.release_sender_id(SenderId="ACME", IsoCountryCode="GB")
    provider.delete(id_, outs)


def test_message_type_replacement_waits_out_our_own_release(
    provider: SenderIdProvider, emulated: Any, sms: Any
) -> None:
    emulated.configure(release_window_seconds=1.0)
    id_, outs = create(provider)
    provider.delete(id_, outs)
    _, replaced = create(provider, message_types=["PROMOTIONAL"])
    assert replaced["message_types"] == ["PROMOTIONAL"]
    assert calls(emulated)["RequestSenderId"] >= 2
    assert len(sms.describe_sender_ids()["SenderIds"]) == 1


def test_rerequest_after_a_release_elsewhere_fails_at_once(provider: SenderIdProvider, emulated: Any, sms: Any) -> None:
    emulated.configure(release_window_seconds=60.0)
    create(provider)
    sms.release_sender_id(SenderId="ACME", IsoCountryCode="GB")
    emulated.reset_call_counts()
    with pytest.raises(SenderIdError, match="released in the last few minutes"):
        create(provider)
    assert calls(emulated)["RequestSenderId"] == 1


def test_a_release_in_another_account_is_not_quoted_as_ours(
    provider: SenderIdProvider, emulated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = "111122223333"
    held = emulated.seed_sender_id("ACME", "SG", account_id=other, region=REGION)
    with calling_as_another_account(monkeypatch, other):
        provider.delete(held["SenderIdArn"], {})  # released from this machine, in the other account
    releases.clear()  # another `pulumi up`: only the journal remains

    with pytest.raises(SenderIdError) as failed:
        create(provider, iso_country_code="SG")  # the stack's own account, where SG needs a registration

    assert "released from this machine" not in str(failed.value)
    assert str(failed.value).startswith("AWS requires sender ID ACME (SG) in eu-west-2 to be registered")


def test_a_failure_cached_for_the_users_token_is_asked_again_afresh(provider: SenderIdProvider, emulated: Any) -> None:
    emulated.configure(sender_id_quota=0)
    with pytest.raises(SenderIdError, match="quota"):
        create(provider, client_token="launch")
    emulated.configure(sender_id_quota=10)
    id_, _ = create(provider, client_token="launch")  # AWS would replay the quota failure for this token
    assert id_.endswith("/ACME/GB")


def test_a_sender_id_leased_between_check_and_request_is_explained(
    provider: SenderIdProvider, emulated: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    emulated.seed_sender_id("ACME", "GB", region=REGION)
    monkeypatch.setattr(sender_ids, "find", lambda target: None)  # the twin leased it just after our Describe
    with pytest.raises(SenderIdError, match="declares the same sender ID and country twice"):
        create(provider)


def test_backoff_never_overflows_on_long_waits() -> None:
    assert 0 <= backoff(5000) <= MAX_DELAY
