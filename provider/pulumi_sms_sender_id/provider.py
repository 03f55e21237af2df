"""`SenderIdProvider`: the dynamic provider the Pulumi engine drives for every `SenderId`.

Pickled by reference into each resource's `__provider` input, with no state (`ConfiguredProvider`), so
the same program serialises byte-identically on every machine; settings, clients and the release log
exist only inside the provider process.
"""

from __future__ import annotations

from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    CreateResult,
    DiffResult,
    ReadResult,
    UpdateResult,
)

from .configured import ConfiguredProvider
from .registration import sender_id as registered
from .sender_id import diff, errors, guards, leasing, outputs, releases, sender_ids, validation
from .sender_id import properties as p
from .sender_id.errors import SenderIdError
from .sender_id.sender_ids import Target


class SenderIdProvider(ConfiguredProvider):
    """Check, diff, create, read, update and delete AWS End User Messaging SMS sender IDs."""

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, failures = validation.validate(news)
        if not failures:
            failures = validation.region_failures(inputs, self.settings)
        if not failures:
            failures = guards.check_refusals(olds, inputs, self.settings.region)
        return CheckResult(inputs, [CheckFailure(f.property, f.reason) for f in failures])

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        refusal = guards.diff_refusal(olds, news, self.settings.region)
        if refusal is not None:
            raise SenderIdError(refusal)
        plan = diff.plan(olds, news, self.settings.region)
        return DiffResult(
            changes=bool(plan.changes),
            replaces=list(plan.replaces),
            delete_before_replace=plan.delete_before_replace,
        )

    def create(self, props: dict[str, Any]) -> CreateResult:
        target = self._target(props)
        tags = p.as_tags(props.get(p.TAGS))
        if props.get(p.REGISTRATION_ID):  # provisioned by AWS on the registration's approval: never leased
            record = registered.provisioned(target, str(props[p.REGISTRATION_ID]))
            return self._created(self._take_over(target, record, props, tags))
        existing = sender_ids.find(target)
        if existing is not None:
            outs = self._adopt(target, existing, props, tags)
        else:
            record = leasing.lease(target, props, tags, self.settings.rerequest_timeout_seconds)
            outs = outputs.from_record(props, record, target.region, tags)
        return self._created(outs)

    @staticmethod
    def _created(outs: dict[str, Any]) -> CreateResult:
        return CreateResult(outs[p.SENDER_ID_ARN], outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        target = self._target_of(id_)
        record, tags = sender_ids.find_with_tags(target, id_)
        if record is None:
            return ReadResult("", {})
        if tags is None:  # Describe holds it, ListTags did not yet (a lease a moment ago): never drop it
            tags = sender_ids.list_tags(target, id_)
        if tags is None:
            tags = p.as_tags(props.get(p.TAGS))
        outs = outputs.from_record(props, record, target.region, tags)
        return ReadResult(record["SenderIdArn"], outs, outputs.inputs_of(outs))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        target = self._target_of(id_)
        answer = None
        wanted = news.get(p.DELETION_PROTECTION_ENABLED)
        if wanted is not None and bool(wanted) != bool(olds.get(p.DELETION_PROTECTION_ENABLED)):
            answer = sender_ids.set_deletion_protection(target, bool(wanted))
        tags = p.as_tags(news.get(p.TAGS))
        sender_ids.retag(target, id_, p.as_tags(olds.get(p.TAGS)), tags)
        return UpdateResult(outputs.after_update(olds, news, answer, tags))

    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        target = self._target_of(_id)
        released = sender_ids.release(target)
        if released is not None:
            releases.record(
                releases.key(target.region, target.sender_id, target.iso_country_code),
                account=sender_ids.parse_arn(_id).account,
                caller=target.connection.caller(),
                at=released.at,
                at_monotonic=released.at_monotonic,
            )

    def _target(self, props: dict[str, Any]) -> Target:
        return Target(
            sender_id=str(props[p.SENDER_ID]).upper(),
            iso_country_code=str(props[p.ISO_COUNTRY_CODE]).upper(),
            region=self.settings.region_for(props.get(p.REGION)),
            profile=self.settings.profile,
            rules=self.settings.calls,
        )

    def _target_of(self, arn: str) -> Target:
        parts = sender_ids.parse_arn(arn)
        return Target(parts.sender_id, parts.iso_country_code, parts.region, self.settings.profile, self.settings.calls)

    def _adopt(
        self, target: Target, record: dict[str, Any], props: dict[str, Any], tags: dict[str, str]
    ) -> dict[str, Any]:
        """Take over a sender ID the account already holds, only when the user asked to."""
        if not props.get(p.ADOPT_EXISTING):
            raise errors.not_adopted(target.label)
        return self._take_over(target, record, props, tags)

    def _take_over(
        self, target: Target, record: dict[str, Any], props: dict[str, Any], tags: dict[str, str]
    ) -> dict[str, Any]:
        """Manage a sender ID AWS holds: its message types must be the declared; tags and protection become so."""
        declared = props.get(p.MESSAGE_TYPES)
        actual = p.as_message_types(record.get("MessageTypes") or ())
        if declared is not None and p.as_message_types(declared) != actual:
            raise errors.message_types_differ(target.label, actual, p.as_message_types(declared))
        arn = record["SenderIdArn"]
        wanted = props.get(p.DELETION_PROTECTION_ENABLED)
        if wanted is not None and bool(wanted) != bool(record.get("DeletionProtectionEnabled")):
            record = {**record, **sender_ids.set_deletion_protection(target, bool(wanted))}
        sender_ids.retag(target, arn, sender_ids.list_tags(target, arn) or {}, tags)
        return outputs.from_record(props, record, target.region, tags)
