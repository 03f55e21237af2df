"""`SenderIdProvider`: the dynamic provider the Pulumi engine drives for every `SenderId`.

Pickled by reference into each resource's `__provider` input. It carries no state when pickled
(`__getstate__`), so the same program serialises byte-identically on every machine; settings,
clients and the release log exist only inside the provider process.
"""

from __future__ import annotations

from typing import Any

from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    ResourceProvider,
    UpdateResult,
)

from . import diff, errors, guards, releases, sender_ids, settings, state, validation
from . import properties as p
from .errors import SenderIdError
from .sender_ids import RequestPolicy, Target


class SenderIdProvider(ResourceProvider):
    """Check, diff, create, read, update and delete AWS End User Messaging SMS sender IDs."""

    _settings: settings.Settings | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {}

    def configure(self, req: ConfigureRequest) -> None:
        self._settings = settings.resolve(req.config)

    @property
    def settings(self) -> settings.Settings:
        if self._settings is None:  # methods called without the engine (tests, scripts)
            self._settings = settings.resolve(None)
        return self._settings

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, failures = validation.validate(news)
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
        existing = sender_ids.find(target)
        if existing is not None:
            outs = self._adopt(target, existing, props, tags)
        else:
            outs = self._lease(target, props, tags)
        return CreateResult(outs[p.SENDER_ID_ARN], outs)

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        target = self._target_of(id_)
        record, tags = sender_ids.find_with_tags(target, id_)
        if record is None or tags is None:
            return ReadResult("", {})
        outs = state.outputs(props, record, target.region, tags)
        return ReadResult(record["SenderIdArn"], outs, state.inputs_of(outs))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        target = self._target_of(id_)
        outs = dict(olds)
        wanted = news.get(p.DELETION_PROTECTION_ENABLED)
        if wanted is not None and bool(wanted) != bool(olds.get(p.DELETION_PROTECTION_ENABLED)):
            outs = state.with_update_answer(outs, sender_ids.set_deletion_protection(target, bool(wanted)))
        tags = p.as_tags(news.get(p.TAGS))
        sender_ids.retag(target, id_, p.as_tags(olds.get(p.TAGS)), tags)
        outs.update(
            {p.TAGS: tags, p.CLIENT_TOKEN: news.get(p.CLIENT_TOKEN), p.ADOPT_EXISTING: news.get(p.ADOPT_EXISTING)}
        )
        return UpdateResult(outs)

    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        target = self._target_of(_id)
        released = sender_ids.release(target)
        if released is not None:
            key = releases.key(target.region, target.sender_id, target.iso_country_code)
            releases.record(key, at=released.at, at_monotonic=released.at_monotonic)

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

    def _lease(self, target: Target, props: dict[str, Any], tags: dict[str, str]) -> dict[str, Any]:
        params = sender_ids.request_params(
            target, props.get(p.MESSAGE_TYPES), props.get(p.DELETION_PROTECTION_ENABLED), tags
        )
        released = releases.key(target.region, target.sender_id, target.iso_country_code)
        timeout = self.settings.rerequest_timeout_seconds
        wait = timeout if releases.released_here_within(released, timeout) else 0.0
        try:
            record = sender_ids.request(target, params, props.get(p.CLIENT_TOKEN), RequestPolicy(wait_for_release=wait))
        except SenderIdError as error:
            if error.reason == "RESOURCE_ALREADY_EXISTS":  # appeared after `find`: a twin declaration
                raise errors.appeared_meanwhile(error, target.label) from None
            ago = releases.seconds_since_release(released) if not wait else None
            if error.reason != "SENDER_ID_REQUIRES_REGISTRATION" or ago is None:
                raise
            raise errors.recently_released(error, target.label, ago) from None
        releases.forget(released)
        return state.outputs(props, record, target.region, tags)

    def _adopt(
        self, target: Target, record: dict[str, Any], props: dict[str, Any], tags: dict[str, str]
    ) -> dict[str, Any]:
        """Take over a sender ID the account already holds, only when the user asked to."""
        if not props.get(p.ADOPT_EXISTING):
            raise SenderIdError(
                f"{target.label} already exists in this AWS account, so it was not requested again. "
                "If this stack should manage it (for example a registered sender ID, or one leased by a "
                "`pulumi up` that was interrupted before saving state), set adopt_existing=True on the "
                "resource and run `pulumi up` again. Otherwise remove it from the program or use another "
                "sender ID."
            )
        declared = props.get(p.MESSAGE_TYPES)
        actual = p.as_message_types(record.get("MessageTypes") or ())
        if declared is not None and p.as_message_types(declared) != actual:
            raise SenderIdError(
                f"{target.label} exists with message types {actual}, but the program declares "
                f"{p.as_message_types(declared)}. Message types cannot change without releasing the sender ID: "
                f"declare message_types={actual} to adopt it as it is."
            )
        arn = record["SenderIdArn"]
        wanted = props.get(p.DELETION_PROTECTION_ENABLED)
        if wanted is not None and bool(wanted) != bool(record.get("DeletionProtectionEnabled")):
            record = {**record, **sender_ids.set_deletion_protection(target, bool(wanted))}
        sender_ids.retag(target, arn, sender_ids.list_tags(target, arn) or {}, tags)
        return state.outputs(props, record, target.region, tags)
