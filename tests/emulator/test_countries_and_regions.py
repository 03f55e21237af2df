"""The shared country list and the region rules the emulator serves by."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from pulumi_sms_sender_id.aws import countries
from pulumi_sms_sender_id.aws.countries import ISO_COUNTRY_CODES, is_iso_country, suggestion
from pulumi_sms_sender_id.aws.regions import is_well_formed, partition_of


def test_country_list_holds_the_249_assigned_codes_and_nothing_reserved() -> None:
    assert len(ISO_COUNTRY_CODES) == 249
    assert all(len(code) == 2 and code.isascii() and code.isupper() for code in ISO_COUNTRY_CODES)
    assert {"GB", "DE", "IN", "US", "SS", "XK"} - ISO_COUNTRY_CODES == {"XK"}  # Kosovo is user-assigned
    assert not {"UK", "EU", "EL", "XX", "ZZ", "AA", "QM"} & ISO_COUNTRY_CODES


def test_is_iso_country_wants_upper_case_like_aws() -> None:
    assert is_iso_country("GB")
    assert not is_iso_country("gb")
    assert not is_iso_country("UK")


@pytest.mark.parametrize(("code", "hint"), [("UK", "GB"), ("uk", "GB"), ("EL", "GR"), ("gb", "GB"), ("XX", None),
                                            ("GB", None)])  # fmt: skip
def test_suggestion_names_the_code_meant(code: str, hint: str | None) -> None:
    assert suggestion(code) == hint


def test_countries_module_depends_on_the_standard_library_only() -> None:
    # The provider's check reuses it: it must not drag botocore or moto in.
    tree = ast.parse(Path(countries.__file__).read_text())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    assert imported
    assert all(str(name).split(".")[0] in sys.stdlib_module_names | {"__future__"} for name in imported), imported


@pytest.mark.parametrize(
    ("region", "partition"),
    [("us-east-1", "aws"), ("eu-west-9", "aws"), ("ap-southeast-5", "aws"), ("cn-north-1", "aws-cn"),
     ("us-gov-west-1", "aws-us-gov"), ("us-isob-east-1", "aws-iso-b"), ("eusc-de-east-1", "aws-eusc")],
)  # fmt: skip
def test_well_formed_regions_map_to_their_partition(region: str, partition: str) -> None:
    assert partition_of(region) == partition


@pytest.mark.parametrize("region", ["moon-1", "mars-north-1", "not a region", "us-east-1\n", "US-EAST-1", "", "global"])
def test_names_no_partition_admits_are_malformed(region: str) -> None:
    assert not is_well_formed(region)
