"""Facts the tests share, imported from where the code declares them (never re-declared in a test)."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar, cast

import pulumi
from pulumi.dynamic.dynamic import PROVIDER_KEY
from pulumi.output import Unknown

from pulumi_sms_sender_id.registration.resource import TYPE_TOKEN as REGISTRATION_TYPE_TOKEN
from pulumi_sms_sender_id.resource import TYPE_TOKEN
from pulumi_sms_sender_id.sender_id.releases import CACHE_DIR_ENV

__all__ = [
    "CACHE_DIR_ENV",
    "EXAMPLES",
    "FAST",
    "INDIA",
    "INDIA_FORM",
    "PDF",
    "PROVIDER_KEY",
    "REGION",
    "REGISTRATION_TYPE_TOKEN",
    "ROOT",
    "TYPE_TOKEN",
    "class_docs",
    "held",
    "pulumi_test",
    "unknown",
]

F = TypeVar("F", bound=Callable[..., Any])

#: The region every test stack and emulator client uses (AWS_DEFAULT_REGION in the root conftest).
REGION: Final = "eu-west-2"
#: Tests that do not measure pacing let the provider call the emulator (no quota) as fast as it likes.
FAST: Final = {"sms-sender-id:requestsPerSecond": "1000"}
#: The repository checkout the tests run from, and its example programs.
ROOT: Final = Path(__file__).resolve().parents[1]
EXAMPLES: Final = ROOT / "examples"

#: India's sender-ID registration type, and a form its field definitions (the emulator's catalogue, from AWS's
#: blog) accept: what a registration test declares unless it is about one of these values.
INDIA: Final = "IN_SENDER_ID_REGISTRATION"
INDIA_FORM: Final[dict[str, str | list[str]]] = {
    "senderIdInfo.senderId": "ACMEIN",
    "companyInfo.companyName": "ACME India Private Limited",
    "companyInfo.companyId": "U12345MH2020PTC123456",
    "companyInfo.website": "https://acme.example",
    "companyInfo.areaOfBusiness": ["Technology"],
    "companyAddress.address1": "1 MG Road",
    "companyAddress.city": "Mumbai",
    "companyAddress.isoCountryCode": "IN",
    "contactInfo.emailAddress": "sms@acme.example",
    "contactInfo.phoneNumber": "+912212345678",
    "messagingUseCase.useCaseCategory": ["One-time passcodes"],
    "messagingUseCase.useCaseDescription": "Login codes for the ACME app.",
    "messagingUseCase.optInDescription": "Users enter their number in the app and confirm it.",
    "messagingUseCase.monthlyMessageVolume": ["10,000"],
    "messageSamples.messageSample1": "Your ACME code is 123456.",
    "inSidSpecificInfo.principalEntityId": "1101234567890123456",
    "inSidSpecificInfo.chainId1": "1",
    "inSidSpecificInfo.chainId2": "2",
    "inSidSpecificInfo.chainId3": "3",
    "inSidSpecificInfo.chainId5": "5",
    "inSidSpecificInfo.sendingParametersAcknowledgement": ["Yes"],
}
#: The smallest file AWS takes as a PDF attachment.
PDF: Final = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def held(aws: Any) -> dict[str, dict[str, Any]]:
    """What AWS holds now, read with plain boto3 (not the code under test): "SENDERID/CC" -> Describe record."""
    pages = aws.get_paginator("describe_sender_ids").paginate()
    return {f"{s['SenderId']}/{s['IsoCountryCode']}": s for page in pages for s in page["SenderIds"]}


def unknown() -> Any:
    """A value Pulumi does not know yet, as a preview hands it to the provider (`Unknown` is untyped)."""
    return Unknown()  # type: ignore[no-untyped-call]


def pulumi_test(test: F) -> F:
    """`pulumi.runtime.test` (run a test that returns Outputs to completion), typed: upstream it is not."""
    return cast(F, pulumi.runtime.test(test))  # type: ignore[no-untyped-call]


def class_docs(module: Path, class_name: str) -> dict[str, str]:
    """Attribute docstrings of a class in a module's source (the ones editors show), by attribute."""
    tree = ast.parse(module.read_text())
    body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name).body
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
        ):
            docs[statement.target.id] = str(following.value.value)
    return docs
