"""What an account holds: every sender ID of a region, with its tags, listed within AWS's quotas.

Shared by `adopt` (which writes a program declaring them) and `get_sender_ids` (which programs call).
DescribeSenderIds pages and filters but carries no tags, so each sender ID costs one
ListTagsForResource: at AWS's default 1 request per second a region of 300 sender IDs takes five
minutes, which is why `progress` reports along the way. Every call goes through `calls.call`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from ..aws import calls
from ..aws.calls import Connection
from ..sender_id import properties as p
from ..sender_id.errors import SenderIdError, explain, explain_local, reason_of

PAGE_SIZE: Final = 100
#: DescribeSenderIds filter names, as AWS spells them.
FILTER_NAMES: Final = ("sender-id", "iso-country-code", "message-type", "deletion-protection-enabled", "registered")
BOOLEAN_FILTERS: Final = frozenset({"deletion-protection-enabled", "registered"})
COUNTRY: Final = re.compile(r"[A-Za-z]{2}")
#: At most one progress line per region this often while tags are read one sender ID at a time.
PROGRESS_EVERY_SECONDS: Final = 10.0

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Found:
    """One sender ID as AWS holds it, message types upper-case and sorted, as the provider stores them."""

    sender_id_arn: str
    sender_id: str
    iso_country_code: str
    region: str
    message_types: tuple[str, ...]
    deletion_protection_enabled: bool
    registered: bool
    registration_id: str | None
    monthly_leasing_price: str | None
    tags: Mapping[str, str] = field(default_factory=dict)

    @property
    def account(self) -> str:
        return self.sender_id_arn.split(":")[4]

    @property
    def label(self) -> str:
        return f"sender ID {self.sender_id} ({self.iso_country_code}) in {self.region}"


class BadFilter(SenderIdError):
    """A filter AWS would refuse, found before any call."""


def _filter_values(name: str, values: Iterable[Any]) -> list[str]:
    texts: list[str] = []
    for value in values:
        text = ("true" if value else "false") if isinstance(value, bool) else str(value).strip()
        if name in BOOLEAN_FILTERS and text.lower() not in ("true", "false"):
            raise BadFilter(f"filter {name} takes true or false, got {value!r}")
        if name == "message-type" and text.upper() not in {t.value for t in p.MessageType}:
            raise BadFilter(f"filter message-type takes TRANSACTIONAL or PROMOTIONAL, got {value!r}")
        if name == "iso-country-code" and not COUNTRY.fullmatch(text):
            raise BadFilter(f"filter iso-country-code takes two-letter country codes such as GB, got {value!r}")
        if not text:
            raise BadFilter(f"filter {name} has an empty value")
        texts.append(text.lower() if name in BOOLEAN_FILTERS else text.upper())
    if not texts:
        raise BadFilter(f"filter {name} has no value")
    return texts


def filters(wanted: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """DescribeSenderIds `Filters` from {name: value or list of values}; unknown names and bad values refused."""
    result: list[dict[str, Any]] = []
    for name, value in (wanted or {}).items():
        if name not in FILTER_NAMES:
            raise BadFilter(f"unknown filter {name!r}: use one of {', '.join(FILTER_NAMES)}")
        values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
        result.append({"Name": name, "Values": _filter_values(name, sorted(values, key=str))})
    return result


def parse_filters(specs: Sequence[str]) -> dict[str, list[str]]:
    """`NAME=VALUE[,VALUE...]` command-line filters; a name given twice accumulates its values."""
    wanted: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, values = spec.partition("=")
        name = name.strip()
        if not sep or not name:
            raise BadFilter(f"filter {spec!r} is not NAME=VALUE, e.g. iso-country-code=GB")
        wanted.setdefault(name, []).extend(v for v in values.split(","))
    filters(wanted)  # refuse bad names and values now, before any AWS call
    return wanted


def _explained(connection: Connection, operation: str, params: Mapping[str, Any]) -> dict[str, Any]:
    where = f"sender IDs in {connection.region}"
    try:
        return calls.call(connection, operation, params)
    except ClientError as problem:
        raise explain(problem, where, throttle_timeout=connection.rules.throttle_timeout_seconds) from None
    except BotoCoreError as problem:
        raise explain_local(problem, where) from None


def describe(connection: Connection, wanted: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every Describe record of the region that matches `wanted`, page by page."""
    params: dict[str, Any] = {"MaxResults": PAGE_SIZE}
    if wanted:
        params["Filters"] = [dict(f) for f in wanted]
    while True:
        answer = _explained(connection, "DescribeSenderIds", params)
        yield from answer.get("SenderIds", [])
        token = answer.get("NextToken")
        if not token:
            return
        params = {**params, "NextToken": token}


def tags_of(connection: Connection, arn: str) -> dict[str, str] | None:
    """The sender ID's tags; None when it was released since it was listed."""
    try:
        answer = calls.call(connection, "ListTagsForResource", {"ResourceArn": arn})
    except ClientError as problem:
        if reason_of(problem)[0] == "ResourceNotFoundException":
            return None
        raise explain(problem, arn, throttle_timeout=connection.rules.throttle_timeout_seconds) from None
    except BotoCoreError as problem:
        raise explain_local(problem, arn) from None
    return p.tags_from_aws(answer.get("Tags"))


def found(record: Mapping[str, Any], region: str, tags: Mapping[str, str]) -> Found:
    return Found(
        sender_id_arn=record["SenderIdArn"],
        sender_id=record["SenderId"],
        iso_country_code=record["IsoCountryCode"],
        region=region,
        message_types=tuple(p.as_message_types(record.get("MessageTypes") or ())),
        deletion_protection_enabled=bool(record.get("DeletionProtectionEnabled", False)),
        registered=bool(record.get("Registered", False)),
        registration_id=record.get("RegistrationId"),
        monthly_leasing_price=record.get("MonthlyLeasingPrice"),
        tags=dict(tags),
    )


def _silent(_line: str) -> None:
    return None


def list_region(
    connection: Connection, wanted: Sequence[Mapping[str, Any]] = (), progress: Progress = _silent
) -> list[Found]:
    """The region's sender IDs matching `wanted` (from `filters`), with their tags, sorted by sender ID and
    country. A sender ID released while it is being listed is left out."""
    region = connection.region
    records = list(describe(connection, wanted))
    progress(f"{region}: {len(records)} sender ID{'s' if len(records) != 1 else ''} found; reading their tags")
    result: list[Found] = []
    last = time.monotonic()
    for done, record in enumerate(records, 1):
        tags = tags_of(connection, record["SenderIdArn"])
        if tags is not None:
            result.append(found(record, region, tags))
        if time.monotonic() - last >= PROGRESS_EVERY_SECONDS and done < len(records):
            last = time.monotonic()
            progress(f"{region}: tags of {done}/{len(records)} sender IDs read")
    return sorted(result, key=lambda f: (f.sender_id, f.iso_country_code))


def list_regions(
    connections: Sequence[Connection], wanted: Sequence[Mapping[str, Any]] = (), progress: Progress = _silent
) -> list[Found]:
    """`list_region` of every connection at once: each region has its own quota, so N regions take the
    time of the biggest one, not of all of them in turn."""
    if not connections:
        return []
    with ThreadPoolExecutor(max_workers=len(connections), thread_name_prefix="sms-sender-id-list") as pool:
        listed = list(pool.map(lambda c: list_region(c, wanted, progress), connections))
    return [item for region in listed for item in region]
