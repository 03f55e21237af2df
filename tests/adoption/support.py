"""Shared facts of the adoption tests: the seeded account, what AWS holds, and the program runner.

The runner is imported here and nowhere else in these tests, so it can be re-pointed in one line.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pulumi

from pulumi_sms_sender_id.sender_id import properties as p
from pulumi_sms_sender_id.testing import ProviderBackedMocks, RunResult, run_program
from tests.support import FAST, PROVIDER_KEY, TYPE_TOKEN, held

__all__ = [
    "ACCOUNT",
    "FAST",
    "MUTATING",
    "REGIONS",
    "Adopt",
    "Adopted",
    "RunResult",
    "aws_holds",
    "declared_inputs",
    "run_program",
]

#: Every operation that leases, releases or changes a sender ID.
MUTATING = ("RequestSenderId", "ReleaseSenderId", "UpdateSenderId", "TagResource", "UntagResource")

#: (sender ID, country, seed options): several regions and countries, tags or none, protected,
#: registered, and ACME in four countries and twice in GB (two regions).
ACCOUNT: list[tuple[str, str, dict[str, Any]]] = [
    ("ACME", "GB", {"region": "eu-west-2", "tags": {"team": "growth", "cost-centre": "42"}}),
    ("ACME", "DE", {"region": "eu-west-2"}),
    (
        "ACME",
        "FR",
        {"region": "eu-west-2", "message_types": ["PROMOTIONAL", "TRANSACTIONAL"], "deletion_protection_enabled": True},
    ),
    ("NEWS", "GB", {"region": "eu-west-2", "message_types": ["PROMOTIONAL"], "tags": {"note": 'say "hi" \\ café'}}),
    ("ACME", "GB", {"region": "us-east-1", "registered": True, "registration_id": "registration-acme-gb"}),
    ("ACME", "IN", {"region": "ap-south-1", "registered": True, "deletion_protection_enabled": True}),
    ("BRAND-1", "AU", {"region": "ap-southeast-2", "tags": {"env": "prod", "empty": ""}}),
]
#: The outputs that report what AWS holds (the others echo inputs: client_token, adopt_existing).
HELD_KEYS = (
    p.SENDER_ID_ARN, p.SENDER_ID, p.ISO_COUNTRY_CODE, p.MESSAGE_TYPES, p.DELETION_PROTECTION_ENABLED,
    p.REGISTERED, p.REGISTRATION_ID, p.MONTHLY_LEASING_PRICE, p.TAGS, p.REGION,
)  # fmt: skip
REGIONS = ("eu-west-2", "us-east-1", "ap-south-1", "ap-southeast-2")


@dataclass(frozen=True)
class Adopted:
    """What one `adopt` run did: exit status, the program (stdout), and its stderr lines."""

    status: int
    stdout: str
    stderr: list[str]


Adopt = Callable[..., Adopted]


def seed(control: Any, account: Iterable[tuple[str, str, dict[str, Any]]] = ACCOUNT) -> None:
    for sender_id, country, options in account:
        control.seed_sender_id(sender_id, country, **options)


def aws_holds(client_for: Any, regions: Iterable[str] = REGIONS) -> dict[str, dict[str, Any]]:
    """ARN -> what AWS holds in these regions (`tests.support.held`, plus tags), in the provider's output names."""
    holdings: dict[str, dict[str, Any]] = {}
    for region in regions:
        client = client_for(region)
        for record in held(client).values():
            arn = record["SenderIdArn"]
            tags = client.list_tags_for_resource(ResourceArn=arn)["Tags"]
            holdings[arn] = {
                p.SENDER_ID_ARN: arn,
                p.SENDER_ID: record["SenderId"],
                p.ISO_COUNTRY_CODE: record["IsoCountryCode"],
                p.MESSAGE_TYPES: sorted(t.upper() for t in record["MessageTypes"]),
                p.DELETION_PROTECTION_ENABLED: record["DeletionProtectionEnabled"],
                p.REGISTERED: record["Registered"],
                p.REGISTRATION_ID: record.get("RegistrationId"),
                p.MONTHLY_LEASING_PRICE: record["MonthlyLeasingPrice"],
                p.TAGS: {t["Key"]: t["Value"] for t in tags},
                p.REGION: region,
            }
    return holdings


class _Recorder(ProviderBackedMocks):
    """Mocks that only record each sender ID's inputs (no provider, no AWS call)."""

    declared: dict[str, dict[str, Any]]

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[Any, Any]]:
        if args.typ == TYPE_TOKEN:
            self.declared[args.name] = {k: v for k, v in args.inputs.items() if k != PROVIDER_KEY}
        return f"{args.name}-id", dict(args.inputs)


def declared_inputs(project: Path) -> dict[str, dict[str, Any]]:
    """Resource name -> the inputs the project's program declares, as the engine receives them."""
    recorder = _Recorder()
    recorder.declared = {}
    run_program(project, mocks=recorder)
    return recorder.declared


def adopt_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pulumi_sms_sender_id", "adopt", *args]


def ruff(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """ruff with this repository's rule selection but none of its settings (a user's project has its own)."""
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=cwd, capture_output=True, text=True, check=False)


def ruff_clean(program: Path) -> None:
    """The generated file passes ruff's checks (this repository's rules, and the defaults) and its formatter."""
    rules = ["--select", "E,F,W,I,B,UP,SIM,RUF,N", "--line-length", "120"]
    for args in (["check", "--isolated", *rules], ["check", "--isolated"], ["format", "--isolated", "--check"]):
        result = ruff(*args, program.name, cwd=program.parent)
        assert result.returncode == 0, f"ruff {' '.join(args)}:\n{result.stdout}{result.stderr}"


def outputs_of(result: RunResult) -> dict[str, dict[str, Any]]:
    """ARN -> the outputs of each adopted sender ID, restricted to what AWS holds."""
    sender_ids = [r.outputs for r in result.resources if r.type == TYPE_TOKEN]
    return {outputs[p.SENDER_ID_ARN]: {k: outputs.get(k) for k in HELD_KEYS} for outputs in sender_ids}


def mutations(counts: Mapping[str, int]) -> dict[str, int]:
    return {op: counts[op] for op in MUTATING if counts.get(op)}
