"""The generated text: stable unique names, literals `ruff format` keeps, and sender IDs the provider refuses."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pulumi_sms_sender_id.adoption import adoption
from pulumi_sms_sender_id.adoption.inventory import Found
from tests.adoption.support import ruff_clean


def found(sender_id: str, country: str, region: str = "eu-west-2", **tags: str) -> Found:
    return Found(
        sender_id_arn=f"arn:aws:sms-voice:{region}:123456789012:sender-id/{sender_id}/{country}",
        sender_id=sender_id,
        iso_country_code=country,
        region=region,
        message_types=("TRANSACTIONAL",),
        deletion_protection_enabled=False,
        registered=False,
        registration_id=None,
        monthly_leasing_price="1.00",
        tags=tags,
    )


def test_names_are_sender_id_and_country_plus_the_region_only_where_needed() -> None:
    items = [found("ACME", "GB"), found("ACME", "DE"), found("ACME", "GB", "us-east-1"), found("NEWS", "GB")]
    assert adoption.resource_names(items) == ["acme-gb-eu-west-2", "acme-de", "acme-gb-us-east-1", "news-gb"]


def test_names_and_variables_stay_unique_and_valid() -> None:
    assert adoption.resource_names([found("A-B", "GB"), found("A", "BG")]) == ["a-b-gb", "a-bg"]
    assert adoption._unique(["x", "x", "x"], "-") == ["x", "x-2", "x-3"]
    assert adoption.variable_names(["1news-in", "acme-gb", "acme-gb"]) == ["sender_1news_in", "acme_gb", "acme_gb_2"]


def test_the_order_and_names_do_not_depend_on_listing_order() -> None:
    items = [found("NEWS", "GB"), found("ACME", "GB", "us-east-1"), found("ACME", "GB")]
    forward = [(d.name, d.found.region) for d in adoption.plan(items)[0]]
    backward = [(d.name, d.found.region) for d in adoption.plan(items[::-1])[0]]
    assert (
        forward
        == backward
        == [
            ("acme-gb-eu-west-2", "eu-west-2"),
            ("acme-gb-us-east-1", "us-east-1"),
            ("news-gb", "eu-west-2"),
        ]
    )


@pytest.mark.parametrize(
    "text",
    ["plain", 'say "hi"', "it's", 'both \' and ""', "back\\slash", "tab\tnew\nline", "café ☕", "\x00\x7f\u2028", ""],
)
def test_literals_read_back_as_the_same_string(text: str) -> None:
    assert ast.literal_eval(adoption.literal(text)) == text


def test_a_sender_id_the_provider_would_refuse_is_left_out_with_the_reason(tmp_path: Path) -> None:
    kept, refused = found("ACME", "GB"), found("STACK", "DE", **{"aws:cloudformation:stack-name": "legacy"})
    declarations, skipped = adoption.plan([kept, refused])
    assert [d.found for d in declarations] == [kept]
    assert [s.found for s in skipped] == [refused]
    assert "starts with 'aws:', which AWS reserves" in skipped[0].reason

    program = tmp_path / "__main__.py"
    program.write_text(adoption.render(declarations, skipped, ["eu-west-2"], "python -m pulumi_sms_sender_id adopt"))
    ruff_clean(program)
    text = program.read_text()
    assert "# Not declared: sender ID STACK (DE) in eu-west-2" in text
    assert 'sender_id="STACK"' not in text


def test_an_account_without_sender_ids_gives_a_valid_empty_program(tmp_path: Path) -> None:
    program = tmp_path / "__main__.py"
    program.write_text(adoption.render([], [], ["eu-west-2"], "python -m pulumi_sms_sender_id adopt"))
    ruff_clean(program)
    assert program.read_text().endswith('import pulumi\n\npulumi.export("sender_id_arns", {})\n')
