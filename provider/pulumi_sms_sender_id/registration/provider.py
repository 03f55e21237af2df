"""`RegistrationProvider`: the dynamic provider the Pulumi engine drives for every `Registration`.

Stack states pickle it by reference as `pulumi_sms_sender_id.registration.provider.RegistrationProvider`:
this path never changes. It carries no state (`ConfiguredProvider`).
- check: the inputs' shapes, no AWS call (`validation`).
- diff: what changes (`diff`); refused in preview when the state says AWS reviews the registration (`review`).
- create: the form judged by the type's definitions, then the registration created once, its attachments
  uploaded, its values put, the draft submitted (`convergence`); a failure part-way deletes what it made.
- read: status, versions, denial reasons, feedback and the provisioned sender ID (`reading`, `outputs`).
- update: the changed values, in the draft or in a new version, then submitted; tags in place.
- delete: the registration and the attachments it uploaded; refused while AWS reviews it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi.dynamic import CheckFailure, CheckResult, CreateResult, DiffResult, ReadResult, UpdateResult

from ..aws.errors import ProviderError
from ..configured import ConfiguredProvider
from . import (
    attachments,
    convergence,
    diff,
    errors,
    files,
    outputs,
    reading,
    registrations,
    review,
    validation,
)
from . import properties as p
from .convergence import Declared, Progress
from .errors import RegistrationError
from .registrations import Where
from .values import Recorded


class RegistrationProvider(ConfiguredProvider):
    """Check, diff, create, read, update and delete AWS End User Messaging SMS registrations."""

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        inputs, failures = validation.validate(news)
        if not failures:
            failures = validation.region_failures(inputs, self.settings)
        return CheckResult(inputs, [CheckFailure(f.property, f.reason) for f in failures])

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        refusal = review.refusal(olds, news, self.settings.region)
        if refusal is not None:
            raise RegistrationError(refusal)
        plan = diff.plan(olds, news, self.settings.region)
        return DiffResult(changes=bool(plan.changes), replaces=list(plan.replaces), delete_before_replace=False)

    def create(self, props: dict[str, Any]) -> CreateResult:
        where = self._where(props.get(p.REGION))
        declared = Declared.of(props)
        subject = f"Registration of type {declared.registration_type} in {where.region}"
        convergence.check_form(where, declared, subject)
        progress = Progress()
        tags = p.as_tags(props.get(p.TAGS))
        try:
            if props.get(p.REGISTRATION_ID):
                where = self._adopt(where.of(str(props[p.REGISTRATION_ID])), declared, tags)
                recorded = convergence.converge(where, declared, Recorded(), progress)
            else:
                where = self._create(where, declared, tags, progress)
                resumed = convergence.resumed(where, declared)
                recorded = resumed or convergence.converge(where, declared, Recorded(), progress)
        except Exception as failure:
            self._clean_up(where, progress, failure, subject)
            raise
        return CreateResult(where.id, self._outputs(where, props, recorded))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        where = self._where_of(id_, props)
        snapshot = reading.snapshot(where)
        if snapshot is None:
            return ReadResult("", {})
        outs = outputs.build(snapshot, props, where.region, Recorded.of(props))
        return ReadResult(id_, outs, outputs.inputs_of(outs))

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        where = self._where_of(id_, olds)
        declared = Declared.of(news)
        subject = f"Registration {id_} ({declared.registration_type}) in {where.region}"
        judged = (p.FIELDS, p.ATTACHMENTS, p.SUBMIT)  # a new form, or a draft about to be submitted
        if any(diff.certainly_changed(key, olds, news, self.settings.region) for key in judged):
            convergence.check_form(where, declared, subject)
        recorded = convergence.converge(where, declared, Recorded.of(olds), Progress())
        registrations.retag(
            where, str(olds[p.REGISTRATION_ARN]), p.as_tags(olds.get(p.TAGS)), p.as_tags(news.get(p.TAGS))
        )
        return UpdateResult(self._outputs(where, news, recorded))

    def delete(self, _id: str, props: dict[str, Any]) -> None:
        where = self._where_of(_id, props)
        info = registrations.describe(where)
        if info is not None:
            version = registrations.versions(where)[-1]
            review.refuse_if_reviewing(convergence.view(info, version, where.region), "Deleting it")
            registrations.delete(where)
        for attachment_id in Recorded.of(props).created:
            attachments.delete(where, attachment_id)

    # -- helpers ---------------------------------------------------------------------------------

    def _where(self, region: str | None) -> Where:
        settings = self.settings
        return Where(settings.region_for(region, "the registration"), settings.profile, settings.calls)

    def _where_of(self, registration_id: str, props: Mapping[str, Any]) -> Where:
        """The registration of an id: in its recorded region (from the input, else its ARN), else the stack's."""
        arn = str(props.get(p.REGISTRATION_ARN) or "")
        region = props.get(p.REGION) or (arn.split(":")[3] if arn.count(":") >= 5 else None)
        return self._where(region).of(registration_id)

    def _create(self, where: Where, declared: Declared, tags: dict[str, str], progress: Progress) -> Where:
        files_now = {path: files.digest(source) or source for path, source in declared.attachments.items()}
        first = registrations.token(
            "registration", where.region, declared.registration_type, tags, declared.fields, files_now
        )
        record = registrations.create(where, declared.registration_type, tags, first)
        progress.created_registration = str(record["RegistrationId"])
        return where.of(progress.created_registration)

    def _adopt(self, where: Where, declared: Declared, tags: dict[str, str]) -> Where:
        """Take over an existing registration (`registration_id`): its type must match; the tags become the declared."""
        info = registrations.describe(where)
        if info is None:
            raise errors.not_a_registration(where.label, "not in this account and region")
        if info["RegistrationType"] != declared.registration_type:
            raise RegistrationError(
                f"{where.label} is of type {info['RegistrationType']}, but the program declares "
                f"{declared.registration_type}: declare registration_type={info['RegistrationType']!r} to manage it"
            )
        arn = str(info["RegistrationArn"])
        registrations.retag(where, arn, registrations.list_tags(where, arn), tags)
        return where.of(str(info["RegistrationId"]))

    def _clean_up(self, where: Where, progress: Progress, failure: Exception, subject: str) -> None:
        """After a create failed part-way: delete the draft it created and the attachments it uploaded."""
        left: list[str] = []
        if progress.created_registration is not None:
            try:
                registrations.delete(where.of(progress.created_registration))
            except RegistrationError as problem:
                left.append(f"registration {progress.created_registration} ({problem.message})")
        for attachment_id in progress.uploaded:
            try:
                attachments.delete(where, attachment_id)
            except RegistrationError as problem:
                left.append(f"attachment {attachment_id} ({problem.message})")
        if isinstance(failure, ProviderError) and (progress.created_registration or progress.uploaded):
            raise errors.failed_part_way(failure, subject, left) from None

    def _outputs(self, where: Where, inputs: Mapping[str, Any], recorded: Recorded) -> dict[str, Any]:
        snapshot = reading.snapshot(where)
        if snapshot is None:
            raise errors.not_a_registration(where.label, "gone")
        return outputs.build(snapshot, inputs, where.region, recorded)
