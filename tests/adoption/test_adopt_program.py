"""The generated program adopts every sender ID of the account as it is: no lease, no change, outputs = AWS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.adoption.support import FAST, MUTATING, Adopt, mutations, outputs_of, ruff_clean, run_program


def test_the_program_adopts_the_whole_account_with_no_lease_and_no_change(
    tmp_path: Path, emulated: Any, account: dict[str, dict[str, Any]], adopt: Adopt
) -> None:
    program = tmp_path / "infra" / "__main__.py"
    assert adopt("--output", str(program)).status == 0
    reads = {"DescribeSenderIds", "ListTagsForResource", "DescribeRegistrations"}
    assert set(emulated.call_counts()) == reads, "adopt only reads"
    emulated.reset_call_counts()

    result = run_program(program.parent, config=FAST)

    assert mutations(emulated.call_counts()) == {}, f"no {', '.join(MUTATING)}"
    assert outputs_of(result) == account  # every sender ID, registered ones included, exactly as AWS holds it
    assert result.outputs["sender_id_arns"] == {
        r.name: r.outputs["sender_id_arn"] for r in result.resources if r.name != "infra-dev"
    }
    assert sorted(result.outputs["sender_id_arns"]) == [
        "acme-de",
        "acme-fr",
        "acme-gb-eu-west-2",
        "acme-gb-us-east-1",
        "acme-in",
        "brand-1-au",
        "news-gb",
    ]


def test_the_program_is_formatted_and_ruff_clean_with_price_and_registration_comments(
    tmp_path: Path, account: dict[str, dict[str, Any]], adopt: Adopt
) -> None:
    program = tmp_path / "__main__.py"
    assert adopt("--output", str(program)).status == 0
    ruff_clean(program)
    text = program.read_text()
    assert "# ACME in GB (us-east-1): 1.00 USD a month, registered (registration-acme-gb)\n" in text
    assert "# ACME in FR (eu-west-2): 1.00 USD a month, not registered, deletion protection on\n" in text
    assert '"note": \'say "hi" \\\\ café\',' in text  # the quoting `ruff format` itself would choose


def test_a_pulumi_yaml_is_written_beside_the_program_only_when_missing(
    tmp_path: Path, account: dict[str, dict[str, Any]], adopt: Adopt
) -> None:
    program = tmp_path / "sender-ids" / "adopted.py"
    adopted = adopt("--output", str(program))
    assert adopted.status == 0
    assert (program.parent / "Pulumi.yaml").read_text() == (
        "name: sender-ids\n"
        "description: AWS SMS sender IDs adopted by `python -m pulumi_sms_sender_id adopt`\n"
        "runtime: python\n"
        "main: adopted.py\n"
    )
    assert f"adopt: wrote {program.parent / 'Pulumi.yaml'}" in adopted.stderr

    (program.parent / "Pulumi.yaml").write_text("name: mine\nruntime: python\nmain: adopted.py\n")
    assert adopt("--output", str(program), "--force").status == 0
    assert (program.parent / "Pulumi.yaml").read_text() == "name: mine\nruntime: python\nmain: adopted.py\n"


def test_without_output_the_program_goes_to_stdout_and_progress_to_stderr(
    account: dict[str, dict[str, Any]], adopt: Adopt
) -> None:
    adopted = adopt(regions=("eu-west-2",))
    assert adopted.status == 0
    assert adopted.stdout.startswith('"""\n4 sender IDs of AWS account 123456789012 in eu-west-2, adopted')
    assert 'sender_id="NEWS",' in adopted.stdout and "us-east-1" not in adopted.stdout
    assert adopted.stderr == [
        "adopt: listing sender IDs in eu-west-2",
        "adopt: eu-west-2: 4 sender IDs found; reading their tags",
        "adopt: 4 sender IDs to adopt",
    ]
