"""pinpoint-sms-voice-v2 backend, one instance per account and region (moto style).

State: sender IDs keyed by (upper-case SenderId, IsoCountryCode), their tags (moto's
TaggingService, keyed by ARN), the ClientTokens of RequestSenderId (`client_tokens`), and the
release time of each released sender ID (for the re-request window); registrations and their
attachments (`registration_store` and the registration mixins it names). The methods stay short:
ARNs are read by `arns`, the AWS rules a request can run into are `quirks` and the model's own
(`sender_id`), DescribeSenderIds' filters and pages are `listing`. Every public method holds the
process-global :data:`~.state.LOCK` because moto's server is threaded, after letting time act
(`clock.operation`).
"""

from __future__ import annotations

import time
from typing import Any

from moto.core.base_backend import BackendDict, BaseBackend
from moto.utilities.tagging_service import TaggingService

from ..aws.regions import partition_of
from . import quirks
from .arns import Home, no_such_resource, sender_key, tagged_resource
from .client_tokens import ClientTokens, fingerprint
from .clock import operation
from .exceptions import SENDER_ID_RESOURCE_TYPE, ResourceNotFoundException, SmsVoiceError
from .listing import one_page
from .registration_attachments import ATTACHMENT_RESOURCE_TYPE
from .registration_attachments_backend import RegistrationAttachmentsBackend
from .registration_forms_backend import RegistrationFormsBackend
from .registration_review import RegistrationReview
from .registrations import REGISTRATION_RESOURCE_TYPE
from .registrations_backend import RegistrationsBackend
from .sender_id import NewSenderId, SenderId, normalise_message_types
from .state import LOCK, SERVICE_NAME, STATE


class PinpointSMSVoiceV2Backend(
    RegistrationsBackend, RegistrationFormsBackend, RegistrationAttachmentsBackend, RegistrationReview, BaseBackend
):
    """Sender IDs and registrations of one account in one region."""

    def __init__(self, region_name: str, account_id: str) -> None:
        super().__init__(region_name, account_id)
        # moto guesses the partition from a few prefixes; botocore's data knows every partition.
        self.partition = partition_of(region_name) or self.partition
        self.home = Home(self.partition, region_name, account_id)
        self.sequence = 0
        self.sender_ids: dict[tuple[str, str], SenderId] = {}
        self.tagger = TaggingService()
        self.client_tokens = ClientTokens()
        self.released_at: dict[tuple[str, str], float] = {}
        self._init_registrations()

    def _get(self, sender_id_or_arn: str, iso_country_code: str) -> SenderId:
        """The sender ID a bare ID (any case) or its ARN names; ResourceNotFoundException if none."""
        key = sender_key(self.home, sender_id_or_arn, iso_country_code)
        found = self.sender_ids.get(key)
        if found is None:
            raise ResourceNotFoundException(
                key[0], message=f"Sender ID {key[0]} in {key[1]} does not exist in this account and region."
            )
        return found

    def _tagged_arn(self, arn: str) -> str:
        """The ARN of the sender ID, registration or attachment a tagging call names, exactly as returned."""
        resource_type, rest = tagged_resource(self.home, arn)
        found: Any = None
        if resource_type == SENDER_ID_RESOURCE_TYPE and rest.count("/") == 1:
            sender_id, country = rest.split("/")
            found = self.sender_ids.get((sender_id, country))
        elif resource_type == REGISTRATION_RESOURCE_TYPE:
            found = self.registrations.get(rest)
        elif resource_type == ATTACHMENT_RESOURCE_TYPE:
            found = self.attachments.get(rest)
        if found is None or found.arn != arn:
            raise no_such_resource(arn)
        return arn

    def _store(self, new: NewSenderId) -> SenderId:
        """Keep a new sender ID and its tags, and forget its last release (request and seed alike)."""
        self.sequence += 1
        sender = SenderId(
            arn=self.home.sender_id_arn(new.sender_id, new.iso_country_code),
            sender_id=new.sender_id,
            iso_country_code=new.iso_country_code,
            message_types=normalise_message_types(new.message_types),
            deletion_protection_enabled=new.deletion_protection_enabled,
            registered=new.registered,
            registration_id=new.registration_id,
            sequence=self.sequence,
        )
        self.sender_ids[sender.key] = sender
        self.released_at.pop(sender.key, None)
        if new.tags:
            self.tagger.tag_resource(sender.arn, new.tags)
        return sender

    @operation
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
        pinned_to = fingerprint(sender_id, iso_country_code, message_types, deletion_protection_enabled, tags)
        replayed = self.client_tokens.replay(client_token, pinned_to)
        if replayed is not None:
            return replayed
        try:
            new = NewSenderId(
                sender_id.upper(), iso_country_code, message_types, bool(deletion_protection_enabled), tags or []
            )
            result = self._request_sender_id(new)
        except SmsVoiceError as error:
            self.client_tokens.remember(client_token, pinned_to, error=error)
            raise
        self.client_tokens.remember(client_token, pinned_to, result=result)
        return result

    def _request_sender_id(self, new: NewSenderId) -> dict[str, Any]:
        """RequestSenderId past its ClientToken: AWS's rules in AWS's order, then the new sender ID."""
        key = (new.sender_id, new.iso_country_code)
        quirks.check_not_held(key in self.sender_ids, *key)
        config = STATE.current_config()
        quirks.check_country(config, new.iso_country_code)
        released = self.released_at.get(key)
        quirks.check_release_window(config, time.monotonic() - released if released is not None else None, *key)
        quirks.check_sender_id_quota(config, len(self.sender_ids), self.region_name)
        return self._store(new).to_request_result([dict(t) for t in new.tags])

    @operation
    def describe_sender_ids(
        self,
        *,
        sender_ids: list[dict[str, str]] | None,
        filters: list[dict[str, Any]] | None,
        owner: str | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of Describe records; SenderIds entries must all exist.

        Deviation: Owner SHARED is always empty, since resource sharing is not modelled.
        """
        selected: list[tuple[int, SenderId]] = []  # (position key, sender), see listing.one_page
        if sender_ids:
            for entry in sender_ids:
                sender = self._get(entry["SenderId"], entry["IsoCountryCode"])
                if all(sender is not s for _, s in selected):
                    selected.append((len(selected), sender))
        elif owner != "SHARED":
            selected = [(s.sequence, s) for s in self.sender_ids.values()]  # creation order
        page, token = one_page(selected, sender_ids, filters, owner, max_results, next_token)
        return [s.to_describe_record() for s in page], token

    @operation
    def update_sender_id(
        self, *, sender_id: str, iso_country_code: str, deletion_protection_enabled: bool | None
    ) -> dict[str, Any]:
        """Only deletion protection is updatable; everything else forces a new sender ID."""
        sender = self._get(sender_id, iso_country_code)
        if deletion_protection_enabled is not None:
            sender.deletion_protection_enabled = deletion_protection_enabled
        return sender.to_update_result()

    @operation
    def release_sender_id(self, *, sender_id: str, iso_country_code: str) -> dict[str, Any]:
        """Release and remember when, for the re-request window (`quirks.check_release_window`)."""
        sender = self._get(sender_id, iso_country_code)
        sender.check_releasable()
        del self.sender_ids[sender.key]
        self.tagger.delete_all_tags_for_resource(sender.arn)
        self.released_at[sender.key] = time.monotonic()
        self.released(sender)
        return sender.to_release_result()

    @operation
    def tag_resource(self, *, resource_arn: str, tags: list[dict[str, str]]) -> None:
        """Add or overwrite tags; more than 200 in total is a quota error, and nothing changes."""
        arn = self._tagged_arn(resource_arn)
        current = self.tagger.get_tag_dict_for_resource(arn)
        quirks.check_tag_quota(len({**current, **{t["Key"]: t["Value"] for t in tags}}))
        self.tagger.tag_resource(arn, tags)

    @operation
    def untag_resource(self, *, resource_arn: str, tag_keys: list[str]) -> None:
        self.tagger.untag_resource_using_names(self._tagged_arn(resource_arn), tag_keys)

    @operation
    def list_tags_for_resource(self, *, resource_arn: str) -> dict[str, Any]:
        arn = self._tagged_arn(resource_arn)
        return {"ResourceArn": arn, "Tags": self._tags_of(arn)}

    @operation
    def seed_sender_id(self, new: NewSenderId) -> dict[str, Any]:
        """Store a sender ID checked by `controls.seed_sender_id`, without the API's rules.

        Deviation: AWS has no such call; a registered sender ID normally comes from an approved registration.
        """
        if (new.sender_id, new.iso_country_code) in self.sender_ids:
            raise ValueError(f"sender ID {new.sender_id} in {new.iso_country_code} already exists")
        return self._store(new).to_describe_record()


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
