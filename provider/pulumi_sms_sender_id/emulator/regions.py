"""Which region names are well-formed, and which partition each belongs to (botocore's data).

AWS opens regions before a given botocore lists them (``ap-southeast-5`` once, ``eu-west-9``
tomorrow), so the emulator serves any name that fits a partition's ``regionRegex`` from
botocore's endpoint data instead of the list of regions that botocore knows. A name that fits
no partition (``moon-1``) cannot be an AWS region and is refused.
"""

from __future__ import annotations

import functools
import re

__all__ = ["is_well_formed", "partition_of"]


@functools.lru_cache(maxsize=1)
def _partition_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    import botocore.loaders

    data = botocore.loaders.create_loader().load_data("endpoints")
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
