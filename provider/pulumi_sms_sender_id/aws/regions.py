"""AWS regions as botocore knows them: which names are well-formed, which offer the service.

Two questions, two answers from botocore's endpoint data:
- is the name an AWS region at all? It fits a partition's ``regionRegex`` (``moon-1`` fits none).
  AWS opens regions before a given botocore lists them (``ap-southeast-5`` once, ``eu-west-9``
  tomorrow), so the emulator serves any well-formed name;
- does the installed boto3 know End User Messaging SMS there? The provider's `check` asks this of
  the region a sender ID will live in, so a typo fails before any AWS call, and a region too new
  for the installed boto3 gets the advice to upgrade it.
"""

from __future__ import annotations

import functools
import re
from typing import Final

__all__ = ["is_well_formed", "partition_of", "problem", "service_regions"]

#: The endpoint prefix of pinpoint-sms-voice-v2 in botocore's endpoint data: where sender IDs can live.
ENDPOINT_PREFIX: Final = "sms-voice"


@functools.lru_cache(maxsize=1)
def _partition_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from .client import shared_loader

    data = shared_loader().load_data("endpoints")
    return tuple(
        # re.ASCII: the Java-style \w of the data means [A-Za-z0-9_], not any Unicode letter.
        (partition["partition"], re.compile(partition["regionRegex"], re.ASCII))
        for partition in data["partitions"]
    )


@functools.lru_cache(maxsize=256)
def partition_of(region: str) -> str | None:
    """The partition (``aws``, ``aws-cn``, ...) of a well-formed region name, None for a malformed one.

    botocore's patterns do not overlap today; should two ever fit, the longer partition name (the
    more specific one, e.g. ``aws-us-gov`` over ``aws``) wins.
    """
    matches = [name for name, pattern in _partition_patterns() if pattern.fullmatch(region)]
    if not matches:
        return None
    return max(matches, key=len)


def is_well_formed(region: str) -> bool:
    return partition_of(region) is not None


@functools.lru_cache(maxsize=1)
def service_regions() -> tuple[str, ...]:
    """Every region, in every partition, where the installed botocore has an endpoint for the service
    (what botocore's `get_available_regions` answers, read from the clients' shared endpoint data)."""
    from .client import shared_loader

    regions: set[str] = set()
    for partition in shared_loader().load_data("endpoints")["partitions"]:
        endpoints = partition["services"].get(ENDPOINT_PREFIX, {}).get("endpoints", {})
        listed = partition["regions"]
        regions.update(name for name, found in endpoints.items() if name in listed and not found.get("deprecated"))
    return tuple(sorted(regions))


def problem(region: str) -> str | None:
    """Why sender IDs cannot live in `region` as far as this boto3 knows, or None when they can."""
    if region in service_regions():
        return None
    import botocore

    known = ", ".join(service_regions())
    if not is_well_formed(region):
        return f"{region!r} is not an AWS region name. End User Messaging SMS is available in: {known}"
    return (
        f"{region!r} is not a region where the installed boto3 (botocore {botocore.__version__}) knows End "
        f"User Messaging SMS. If AWS opened it recently, upgrade boto3 (pip install -U boto3); otherwise use "
        f"one of: {known}"
    )
