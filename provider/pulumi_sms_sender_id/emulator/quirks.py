"""The AWS rules a request can run into beyond input validation, reproduced on purpose.

Each check says what AWS does and where the emulator differs. The rules that concern one sender
ID live on the model (:class:`.sender_id.SenderId`); these concern the account, the country or the
configuration (:class:`.state.EmulatorConfig`), read as one snapshot per request.
"""

from __future__ import annotations

from .exceptions import ConflictException, ServiceQuotaExceededException, ValidationException
from .state import EmulatorConfig

MAX_TAGS_PER_RESOURCE = 200


def check_not_held(held: bool, sender_id: str, iso_country_code: str) -> None:
    """AWS refuses to request a sender ID the account already holds: ConflictException."""
    if held:
        raise ConflictException(
            f"Sender ID {sender_id} already exists in {iso_country_code}.",
            reason="RESOURCE_ALREADY_EXISTS",
            resource_id=sender_id,
        )


def check_country(config: EmulatorConfig, iso_country_code: str) -> None:
    """AWS refuses countries without alphanumeric sender IDs, and those needing a registration first.

    Deviation: both are static, configurable sets (AWS's list changes); every other ISO country is
    accepted.
    """
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


def check_release_window(config: EmulatorConfig, seconds_since_release: float | None, sender_id: str, cc: str) -> None:
    """AWS refuses to lease a just-released sender ID again: SENDER_ID_REQUIRES_REGISTRATION.

    Deviation: the window is a fixed, configurable time (default 2 s); on AWS it lasts until the
    release has propagated, and clients retry for up to about two minutes.
    """
    if seconds_since_release is not None and seconds_since_release < config.release_window_seconds:
        raise ValidationException(
            f"Sender ID {sender_id} in {cc} was released recently and requires registration.",
            reason="SENDER_ID_REQUIRES_REGISTRATION",
            fields=[("SenderId", "Released recently; it cannot be requested again yet")],
        )


def check_sender_id_quota(config: EmulatorConfig, held: int, region: str) -> None:
    """AWS caps the sender IDs of an account: ServiceQuotaExceededException SENDER_IDS_PER_ACCOUNT.

    Deviation: the cap is per account and region, configurable, default 1000.
    """
    if held >= config.sender_id_quota:
        raise ServiceQuotaExceededException(
            f"The account already has {held} sender IDs in {region}, the quota is {config.sender_id_quota}.",
            reason="SENDER_IDS_PER_ACCOUNT",
        )


def check_tag_quota(tags_after: int) -> None:
    """AWS allows at most 200 tags per resource; a request that would exceed it changes nothing."""
    if tags_after > MAX_TAGS_PER_RESOURCE:
        raise ServiceQuotaExceededException(
            f"A resource can have at most {MAX_TAGS_PER_RESOURCE} tags; this request would leave {tags_after}.",
            reason="TAGS_PER_RESOURCE",
        )


def check_registration_quota(config: EmulatorConfig, reason: str, count: int, region: str) -> None:
    """AWS caps registrations, attachments, versions per day and associations: ServiceQuotaExceededException.

    Deviation: AWS documents no numbers; the caps (`state.DEFAULT_REGISTRATION_QUOTAS`) are guesses,
    per account and region, configurable; the daily ones count the last 24 hours.
    """
    limit = config.registration_quotas[reason]
    if count >= limit:
        raise ServiceQuotaExceededException(
            f"Quota {reason} reached in {region}: {count} of {limit}.",
            reason=reason,
        )
