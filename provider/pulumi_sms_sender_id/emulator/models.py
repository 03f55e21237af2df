"""pinpoint-sms-voice-v2 sender-ID backend, one instance per account and region (moto style).

State: sender IDs keyed by (upper-case SenderId, IsoCountryCode), their tags (moto's
TaggingService, keyed by ARN), the ClientToken cache of RequestSenderId (kept for the backend's
life, like AWS keeps it long enough to trap a careless retry), and the release time of each
released sender ID (for the re-request window). Every public method holds the process-global
:data:`~.state.LOCK` because moto's server is threaded.
"""

from __future__ import annotations

import base64
import binascii
import copy
import functools
import hashlib
import json
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from botocore.model import StringShape
from moto.core.base_backend import BackendDict, BaseBackend
from moto.core.common_models import BaseModel
from moto.utilities.tagging_service import TaggingService

from ..countries import is_iso_country
from ..regions import partition_of
from .exceptions import (
    SENDER_ID_RESOURCE_TYPE,
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    SmsVoiceError,
    ValidationException,
)
from .state import LOCK, SERVICE_NAME, STATE
from .validation import sender_id_problem

P = ParamSpec("P")
R = TypeVar("R")

MAX_TAGS_PER_RESOURCE = 200
MESSAGE_TYPES = ("TRANSACTIONAL", "PROMOTIONAL")
DEFAULT_MESSAGE_TYPES = ("TRANSACTIONAL",)

#: Invented but plausible monthly leasing prices (USD) for an alphanumeric sender ID. AWS bills
#: sender IDs per country and changes prices; only the shape (a decimal string) is faithful.
MONTHLY_LEASING_PRICES: Mapping[str, str] = {
    "AU": "1.00",
    "BR": "2.00",
    "DE": "1.00",
    "ES": "1.00",
    "FR": "1.00",
    "GB": "1.00",
    "IE": "1.00",
    "IN": "0.50",
    "IT": "1.00",
    "JP": "3.00",
    "NL": "1.00",
    "NZ": "1.50",
    "PH": "5.00",
    "SA": "5.00",
    "SG": "2.50",
    "AE": "5.00",
    "ZA": "1.00",
}
DEFAULT_MONTHLY_LEASING_PRICE = "1.00"

DEFAULT_PAGE_SIZE = 100

_ARN = re.compile(
    r"arn:(?P<partition>[^:]+):(?P<service>[^:]+):(?P<region>[^:]*):(?P<account>[^:]*):"
    r"(?P<type>[^/]+)/(?P<rest>.+)"
)
_FILTER_BOOL = {"true": True, "false": False}


def _locked(method: Callable[P, R]) -> Callable[P, R]:
    """Run a backend method under the emulator lock (the server handles requests in threads)."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with LOCK:
            return method(*args, **kwargs)

    return wrapper


def monthly_leasing_price(iso_country_code: str) -> str:
    return MONTHLY_LEASING_PRICES.get(iso_country_code, DEFAULT_MONTHLY_LEASING_PRICE)


class SenderId(BaseModel):
    """One alphanumeric sender ID in one country."""

    def __init__(
        self,
        *,
        account_id: str,
        region_name: str,
        partition: str,
        sender_id: str,
        iso_country_code: str,
        message_types: list[str],
        deletion_protection_enabled: bool,
        registered: bool = False,
        registration_id: str | None = None,
        sequence: int = 0,
    ) -> None:
        #: Creation order within the backend; pagination tokens point at it (see _page).
        self.sequence = sequence
        self.sender_id = sender_id
        self.iso_country_code = iso_country_code
        self.message_types = message_types
        self.deletion_protection_enabled = deletion_protection_enabled
        self.registered = registered
        self.registration_id = registration_id
        self.monthly_leasing_price = monthly_leasing_price(iso_country_code)
        self.arn = f"arn:{partition}:sms-voice:{region_name}:{account_id}:sender-id/{sender_id}/{iso_country_code}"

    @property
    def key(self) -> tuple[str, str]:
        return self.sender_id, self.iso_country_code

    def _common(self) -> dict[str, Any]:
        return {
            "SenderIdArn": self.arn,
            "SenderId": self.sender_id,
            "IsoCountryCode": self.iso_country_code,
            "MessageTypes": list(self.message_types),
            "MonthlyLeasingPrice": self.monthly_leasing_price,
        }

    def _registration(self, record: dict[str, Any]) -> dict[str, Any]:
        record["Registered"] = self.registered
        if self.registered and self.registration_id:
            record["RegistrationId"] = self.registration_id
        return record

    def to_request_result(self, tags: list[dict[str, str]]) -> dict[str, Any]:
        record = self._common()
        record["DeletionProtectionEnabled"] = self.deletion_protection_enabled
        record["Registered"] = self.registered
        if tags:
            record["Tags"] = tags
        return record

    def to_update_result(self) -> dict[str, Any]:
        record = self._common()
        record["DeletionProtectionEnabled"] = self.deletion_protection_enabled
        return self._registration(record)

    def to_release_result(self) -> dict[str, Any]:
        return self._registration(self._common())

    def to_describe_record(self) -> dict[str, Any]:
        """DescribeSenderIds answers message types in title case ("Transactional"), unlike the rest."""
        record = self._common()
        record["MessageTypes"] = [t.title() for t in self.message_types]
        record["DeletionProtectionEnabled"] = self.deletion_protection_enabled
        return self._registration(record)


@dataclass
class _TokenEntry:
    """What a RequestSenderId ClientToken is pinned to: its parameters and its first answer."""

    fingerprint: str
    result: dict[str, Any] | None
    error: SmsVoiceError | None

    def replay(self) -> dict[str, Any]:
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return copy.deepcopy(self.result)


class PinpointSMSVoiceV2Backend(BaseBackend):
    """Sender IDs of one account in one region."""

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        # moto guesses the partition from a few prefixes; botocore's data knows every partition.
        self.partition = partition_of(region_name) or self.partition
        self.sequence = 0
        self.sender_ids: dict[tuple[str, str], SenderId] = {}
        self.tagger = TaggingService()
        self.client_tokens: dict[str, _TokenEntry] = {}
        self.released_at: dict[tuple[str, str], float] = {}

    # -- lookups ---------------------------------------------------------------------------

    def _key_from_id_or_arn(self, sender_id_or_arn: str, iso_country_code: str) -> tuple[str, str]:
        """(SENDERID, CC) from a bare sender ID or its ARN, checking the ARN belongs here."""
        if not sender_id_or_arn.startswith("arn:"):
            return sender_id_or_arn.upper(), iso_country_code
        match = _ARN.fullmatch(sender_id_or_arn)
        if (
            not match
            or match["service"] != "sms-voice"
            or match["type"] != SENDER_ID_RESOURCE_TYPE
            or match["partition"] != self.partition
            or match["region"] != self.region_name
            or match["account"] != self.account_id
            or match["rest"].count("/") != 1
        ):
            raise ValidationException(
                f"Invalid sender ID ARN {sender_id_or_arn!r}: expected "
                f"arn:{self.partition}:sms-voice:{self.region_name}:{self.account_id}:sender-id/<SenderId>/<IsoCountryCode>",
                reason="INVALID_ARN",
                fields=[("SenderId", "Not a sender ID ARN of this account and region")],
            )
        sender_id, arn_country = match["rest"].split("/")
        if arn_country != iso_country_code:
            raise ValidationException(
                f"The ARN's country {arn_country!r} does not match IsoCountryCode {iso_country_code!r}.",
                reason="COUNTRY_CODE_MISMATCH",
                fields=[("IsoCountryCode", f"Must match the country in the ARN ({arn_country})")],
            )
        return sender_id.upper(), iso_country_code

    def _next_sequence(self) -> int:
        self.sequence += 1
        return self.sequence

    def _get(self, sender_id_or_arn: str, iso_country_code: str) -> SenderId:
        key = self._key_from_id_or_arn(sender_id_or_arn, iso_country_code)
        found = self.sender_ids.get(key)
        if found is None:
            raise ResourceNotFoundException(
                key[0], message=f"Sender ID {key[0]} in {key[1]} does not exist in this account and region."
            )
        return found

    def _get_by_resource_arn(self, arn: str) -> SenderId:
        """Resolve a tagging ARN: malformed or foreign -> INVALID_ARN, well-formed but absent -> not found."""
        match = _ARN.fullmatch(arn)
        if (
            not match
            or match["service"] != "sms-voice"
            or match["partition"] != self.partition
            or match["region"] != self.region_name
            or match["account"] != self.account_id
        ):
            raise ValidationException(
                f"Invalid ARN {arn!r} for sms-voice in {self.region_name} of account {self.account_id}.",
                reason="INVALID_ARN",
                fields=[("ResourceArn", "Not an sms-voice resource ARN of this account and region")],
            )
        if match["type"] == SENDER_ID_RESOURCE_TYPE and match["rest"].count("/") == 1:
            sender_id, country = match["rest"].split("/")
            found = self.sender_ids.get((sender_id, country))
            if found is not None and found.arn == arn:  # ARNs are case-sensitive: upper-case IDs only
                return found
        resource_type = match["type"] if match["type"] in _RESOURCE_TYPES else SENDER_ID_RESOURCE_TYPE
        raise ResourceNotFoundException(arn, resource_type=resource_type, message=f"Resource {arn} does not exist.")

    # -- RequestSenderId -------------------------------------------------------------------

    @_locked
    def request_sender_id(
        self,
        *,
        sender_id: str,
        iso_country_code: str,
        message_types: list[str] | None,
        deletion_protection_enabled: bool | None,
        tags: list[dict[str, str]] | None,
        client_token: str | None,
    ) -> dict[str, Any]:
        """Create a sender ID; a reused ClientToken replays its first answer, failures included."""
        fingerprint = json.dumps(
            [sender_id, iso_country_code, message_types, deletion_protection_enabled, tags], sort_keys=True
        )
        if client_token is not None:
            entry = self.client_tokens.get(client_token)
            if entry is not None:
                if entry.fingerprint != fingerprint:
                    raise ValidationException(
                        "The ClientToken was already used for a request with different parameters.",
                        reason="INVALID_PARAMETER",
                        fields=[("ClientToken", "Already used with different parameters")],
                    )
                return entry.replay()
        try:
            result = self._request_sender_id(
                sender_id.upper(), iso_country_code, message_types, bool(deletion_protection_enabled), tags or []
            )
        except SmsVoiceError as error:
            if client_token is not None:
                self.client_tokens[client_token] = _TokenEntry(fingerprint, None, error)
            raise
        if client_token is not None:
            self.client_tokens[client_token] = _TokenEntry(fingerprint, copy.deepcopy(result), None)
        return result

    def _request_sender_id(
        self,
        sender_id: str,
        iso_country_code: str,
        message_types: list[str] | None,
        deletion_protection_enabled: bool,
        tags: list[dict[str, str]],
    ) -> dict[str, Any]:
        key = (sender_id, iso_country_code)
        if key in self.sender_ids:
            raise ConflictException(
                f"Sender ID {sender_id} already exists in {iso_country_code}.",
                reason="RESOURCE_ALREADY_EXISTS",
                resource_id=sender_id,
            )
        config = STATE.current_config()
        if iso_country_code in config.unsupported_countries:
            raise ValidationException(
                f"Sender IDs are not supported in {iso_country_code}.",
                reason="SENDER_ID_NOT_SUPPORTED",
                fields=[("IsoCountryCode", f"Sender IDs are not supported in {iso_country_code}")],
            )
        if iso_country_code in config.registration_only_countries:
            raise ValidationException(
                f"Sender IDs in {iso_country_code} must be registered before use: submit a registration.",
                reason="SENDER_ID_REQUIRES_REGISTRATION",
                fields=[("IsoCountryCode", f"Sender IDs in {iso_country_code} require registration")],
            )
        released = self.released_at.get(key)
        if released is not None and time.monotonic() - released < config.release_window_seconds:
            raise ValidationException(
                f"Sender ID {sender_id} in {iso_country_code} was released recently and requires registration.",
                reason="SENDER_ID_REQUIRES_REGISTRATION",
                fields=[("SenderId", "Released recently; it cannot be requested again yet")],
            )
        if len(self.sender_ids) >= config.sender_id_quota:
            raise ServiceQuotaExceededException(
                f"The account already has {len(self.sender_ids)} sender IDs in {self.region_name}, "
                f"the quota is {config.sender_id_quota}.",
                reason="SENDER_IDS_PER_ACCOUNT",
            )
        sender = SenderId(
            account_id=self.account_id,
            region_name=self.region_name,
            partition=self.partition,
            sender_id=sender_id,
            iso_country_code=iso_country_code,
            message_types=_normalise_message_types(message_types),
            deletion_protection_enabled=deletion_protection_enabled,
            sequence=self._next_sequence(),
        )
        self.sender_ids[key] = sender
        self.released_at.pop(key, None)
        if tags:
            self.tagger.tag_resource(sender.arn, tags)
        return sender.to_request_result([dict(t) for t in tags])

    # -- DescribeSenderIds -----------------------------------------------------------------

    @_locked
    def describe_sender_ids(
        self,
        *,
        sender_ids: list[dict[str, str]] | None,
        filters: list[dict[str, Any]] | None,
        owner: str | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of Describe records; SenderIds entries must all exist."""
        # (position key, sender): keys increase along the list, so a token can name a position
        # that survives the removal of the sender it was computed from.
        selected: list[tuple[int, SenderId]]
        if sender_ids:
            selected = []
            for entry in sender_ids:
                sender = self._get(entry["SenderId"], entry["IsoCountryCode"])
                if all(sender is not s for _, s in selected):
                    selected.append((len(selected), sender))
        elif owner == "SHARED":
            selected = []  # resource sharing is not modelled: nothing is shared with this account
        else:
            selected = [(s.sequence, s) for s in self.sender_ids.values()]  # creation order
        for flt in filters or []:
            selected = [(k, s) for k, s in selected if _filter_matches(flt["Name"], flt["Values"], s)]
        binding = _fingerprint(sender_ids, filters, owner)
        start = _token_position(next_token, binding) if next_token is not None else None
        page, following = _page(selected, start, max_results or DEFAULT_PAGE_SIZE)
        token = _encode_token(following, binding) if following is not None else None
        return [s.to_describe_record() for s in page], token

    # -- UpdateSenderId / ReleaseSenderId --------------------------------------------------

    @_locked
    def update_sender_id(
        self, *, sender_id: str, iso_country_code: str, deletion_protection_enabled: bool | None
    ) -> dict[str, Any]:
        """Only deletion protection is updatable; everything else forces a new sender ID."""
        sender = self._get(sender_id, iso_country_code)
        if deletion_protection_enabled is not None:
            sender.deletion_protection_enabled = deletion_protection_enabled
        return sender.to_update_result()

    @_locked
    def release_sender_id(self, *, sender_id: str, iso_country_code: str) -> dict[str, Any]:
        sender = self._get(sender_id, iso_country_code)
        if sender.deletion_protection_enabled:
            raise ConflictException(
                f"Sender ID {sender.sender_id} in {sender.iso_country_code} has deletion protection enabled.",
                reason="DELETION_PROTECTION_ENABLED",
                resource_id=sender.sender_id,
            )
        del self.sender_ids[sender.key]
        self.tagger.delete_all_tags_for_resource(sender.arn)
        self.released_at[sender.key] = time.monotonic()
        return sender.to_release_result()

    # -- tagging ---------------------------------------------------------------------------

    @_locked
    def tag_resource(self, *, resource_arn: str, tags: list[dict[str, str]]) -> None:
        """Add or overwrite tags; more than 200 in total is a quota error, and nothing changes."""
        sender = self._get_by_resource_arn(resource_arn)
        current = self.tagger.get_tag_dict_for_resource(sender.arn)
        merged = {**current, **{t["Key"]: t["Value"] for t in tags}}
        if len(merged) > MAX_TAGS_PER_RESOURCE:
            raise ServiceQuotaExceededException(
                f"A resource can have at most {MAX_TAGS_PER_RESOURCE} tags; this request would leave {len(merged)}.",
                reason="TAGS_PER_RESOURCE",
            )
        self.tagger.tag_resource(sender.arn, tags)

    @_locked
    def untag_resource(self, *, resource_arn: str, tag_keys: list[str]) -> None:
        sender = self._get_by_resource_arn(resource_arn)
        self.tagger.untag_resource_using_names(sender.arn, tag_keys)

    @_locked
    def list_tags_for_resource(self, *, resource_arn: str) -> dict[str, Any]:
        sender = self._get_by_resource_arn(resource_arn)
        return {"ResourceArn": sender.arn, "Tags": self.tagger.list_tags_for_resource(sender.arn)["Tags"]}

    # -- test control ----------------------------------------------------------------------

    @_locked
    def seed_sender_id(
        self,
        *,
        sender_id: str,
        iso_country_code: str,
        message_types: list[str],
        registered: bool,
        registration_id: str | None,
        deletion_protection_enabled: bool,
        tags: dict[str, str],
    ) -> dict[str, Any]:
        """Store a sender ID without the API's country, quota and release-window rules."""
        if not isinstance(sender_id, str) or not re.fullmatch(r"[A-Za-z0-9-]{1,11}", sender_id):
            raise ValueError(f"sender_id must be 1-11 letters, digits or hyphens, got {sender_id!r}")
        problem = sender_id_problem(sender_id)
        if problem:
            raise ValueError(f"sender_id {sender_id!r}: {problem}")
        if not isinstance(iso_country_code, str) or not is_iso_country(iso_country_code):
            raise ValueError(f"iso_country_code must be an ISO 3166-1 alpha-2 code, got {iso_country_code!r}")
        types = [str(t).upper() for t in message_types]
        if not types or any(t not in MESSAGE_TYPES for t in types):
            raise ValueError(f"message_types must be a non-empty subset of {list(MESSAGE_TYPES)}: {message_types!r}")
        if registration_id is not None and not registered:
            raise ValueError("registration_id needs registered=True")
        if len(tags) > MAX_TAGS_PER_RESOURCE:
            raise ValueError(f"at most {MAX_TAGS_PER_RESOURCE} tags")
        key = (sender_id.upper(), iso_country_code)
        if key in self.sender_ids:
            raise ValueError(f"sender ID {key[0]} in {key[1]} already exists")
        sender = SenderId(
            account_id=self.account_id,
            region_name=self.region_name,
            partition=self.partition,
            sender_id=key[0],
            iso_country_code=iso_country_code,
            message_types=_normalise_message_types(types),
            deletion_protection_enabled=deletion_protection_enabled,
            registered=registered,
            registration_id=(registration_id or f"registration-{secrets.token_hex(16)}") if registered else None,
            sequence=self._next_sequence(),
        )
        self.sender_ids[key] = sender
        self.released_at.pop(key, None)
        if tags:
            self.tagger.tag_resource(sender.arn, [{"Key": str(k), "Value": str(v)} for k, v in tags.items()])
        return sender.to_describe_record()


def _normalise_message_types(message_types: list[str] | None) -> list[str]:
    """Upper-case, de-duplicated, in request order; omitted or empty means TRANSACTIONAL only."""
    result: list[str] = []
    for message_type in message_types or DEFAULT_MESSAGE_TYPES:
        if message_type.upper() not in result:
            result.append(message_type.upper())
    return result


def _filter_matches(name: str, values: list[str], sender: SenderId) -> bool:
    if name == "sender-id":
        return sender.sender_id in {v.upper() for v in values}
    if name == "iso-country-code":
        return sender.iso_country_code in {v.upper() for v in values}
    if name == "message-type":
        wanted = {v.upper() for v in values}
        return any(t in wanted for t in sender.message_types)
    flags = set()
    for value in values:
        if value.lower() not in _FILTER_BOOL:
            raise ValidationException(
                f"Filter {name} accepts only true or false, got {value!r}.",
                reason="INVALID_FILTER_VALUES",
                fields=[("Filters", f"{name}: values must be true or false")],
            )
        flags.add(_FILTER_BOOL[value.lower()])
    actual = sender.deletion_protection_enabled if name == "deletion-protection-enabled" else sender.registered
    return actual in flags


def _page(
    selected: list[tuple[int, SenderId]], start: int | None, size: int
) -> tuple[list[SenderId], int | None]:
    """One page from position key ``start`` on, and the key the next page starts at (None: last page).

    The next page starts at the first key >= the token's, not at the sender the token was made
    from: releasing that sender between two pages must not invalidate the token (it does not on
    AWS), and a sender created meanwhile appears at the end, where creation order puts it.
    """
    remaining = [(k, s) for k, s in selected if start is None or k >= start]
    following = remaining[size][0] if len(remaining) > size else None
    return [s for _, s in remaining[:size]], following


def _fingerprint(sender_ids: Any, filters: Any, owner: str | None) -> str:
    """Binds a token to the request's other parameters, like AWS's tokens are (MaxResults may change)."""
    text = json.dumps([sender_ids, filters, owner], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _encode_token(position: int, binding: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"p": position, "b": binding}).encode()).decode()


def _token_position(token: str, binding: str) -> int:
    try:
        decoded = json.loads(base64.urlsafe_b64decode(token.encode()))
        position = decoded["p"]
        valid = decoded["b"] == binding and isinstance(position, int) and not isinstance(position, bool)
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeError):
        valid = False
    if not valid:
        raise ValidationException(
            "The NextToken is not valid for this request.",
            reason="INVALID_NEXT_TOKEN",
            fields=[("NextToken", "Invalid or expired pagination token, or one from a request with other parameters")],
        )
    return int(position)


def _resource_types() -> frozenset[str]:
    from .validation import service_model

    shape = service_model().shape_for("ResourceType")
    assert isinstance(shape, StringShape)
    return frozenset(shape.enum)


_RESOURCE_TYPES = _resource_types()

pinpointsmsvoicev2_backends = BackendDict(PinpointSMSVoiceV2Backend, SERVICE_NAME)


def backend_for(account_id: str, region: str) -> PinpointSMSVoiceV2Backend:
    """The backend of an account and region, created for any well-formed region name.

    moto's ``BackendDict`` only creates backends for the regions botocore lists for the service
    (else a KeyError, i.e. an HTTP 500), but AWS opens regions before botocore lists them.
    Raises ValueError for a name that is no region at all (``wire`` refuses those earlier).
    """
    if partition_of(region) is None:
        raise ValueError(f"{region!r} is not a well-formed AWS region name")
    account = pinpointsmsvoicev2_backends[account_id]
    with LOCK:
        if region not in account:
            account[region] = PinpointSMSVoiceV2Backend(region, account_id)
        return account[region]
