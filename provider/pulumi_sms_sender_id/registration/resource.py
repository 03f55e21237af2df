"""`Registration`, the resource users declare, and `RegistrationArgs`, its typed inputs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Final

import pulumi
import pulumi.dynamic

from . import schema
from .provider import RegistrationProvider


@dataclass
class RegistrationArgs:
    """Inputs of a `Registration`. Wire names are these field names; each one's rules are its row in `schema`."""

    registration_type: pulumi.Input[str]
    """The registration type, e.g. "IN_SENDER_ID_REGISTRATION"; its form is the type's fields. Replaces."""
    fields: pulumi.Input[Mapping[str, pulumi.Input[str | Sequence[pulumi.Input[str]]]]] | None = None
    """Field path -> text (a TEXT field) or list of choices (a SELECT field). Updates the registration."""
    attachments: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """Field path -> a local file, s3://bucket/key or an attachment ARN (an ATTACHMENT field). Updates."""
    tags: pulumi.Input[Mapping[str, pulumi.Input[str]]] | None = None
    """Up to 200 tags. Updates in place, even while AWS reviews the registration."""
    submit: pulumi.Input[bool] | None = None
    """Submit the form for review (default true); false keeps it a draft. Updates."""
    aws_review: pulumi.Input[bool] | None = None
    """Ask AWS to check the form before the review when submitting (default false). Updates."""
    region: pulumi.Input[str] | None = None
    """AWS region; defaults to stack config aws:region, then AWS_REGION. Replaces."""
    registration_id: pulumi.Input[str] | None = None
    """An existing registration to manage instead of creating one (adopt writes it). Changing it changes nothing."""


ARG_NAMES: Final = tuple(f.name for f in fields(RegistrationArgs))


def _props(args: RegistrationArgs | None, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    if args is not None and kwargs:
        raise TypeError(
            "Registration takes its inputs either as a RegistrationArgs or as keyword arguments, not both "
            f"(got args and {', '.join(sorted(kwargs))})"
        )
    unknown = sorted(set(kwargs) - set(ARG_NAMES))
    if unknown:
        raise TypeError(f"Registration got unexpected keyword arguments {unknown}; allowed: {', '.join(ARG_NAMES)}")
    if args is not None and not isinstance(args, RegistrationArgs):
        raise TypeError(f"Registration args must be a RegistrationArgs, got {type(args).__name__}")
    inputs = vars(args).copy() if args is not None else {name: kwargs.get(name) for name in ARG_NAMES}
    missing = [name for name in schema.REQUIRED if inputs.get(name) is None]
    if missing:
        raise TypeError(f"Registration needs {' and '.join(missing)} (pass a RegistrationArgs or keyword arguments)")
    return {**inputs, **dict.fromkeys(schema.OUTPUT_ONLY_NAMES)}


class Registration(pulumi.dynamic.Resource, module="smsvoice", name="Registration"):
    """An AWS End User Messaging SMS registration (e.g. of a sender ID in India). Its id is the RegistrationId."""

    registration_type: pulumi.Output[str]
    fields: pulumi.Output[dict[str, Any]]
    attachments: pulumi.Output[dict[str, str]]
    tags: pulumi.Output[dict[str, str]]
    submit: pulumi.Output[bool]
    aws_review: pulumi.Output[bool]
    region: pulumi.Output[str]
    registration_id: pulumi.Output[str]
    registration_arn: pulumi.Output[str]
    """The registration's ARN."""
    registration_status: pulumi.Output[str]
    """CREATED, SUBMITTED, REVIEWING, COMPLETE, REQUIRES_UPDATES, ... (see Statuses)."""
    version_number: pulumi.Output[int]
    """The current version's number."""
    version_status: pulumi.Output[str]
    """The current version's status: DRAFT, SUBMITTED, REVIEWING, APPROVED, DENIED, ..."""
    version_status_since: pulumi.Output[str | None]
    """When the current version reached its status (ISO 8601, UTC)."""
    approved_version_number: pulumi.Output[int | None]
    """The approved version's number; None until AWS approves one."""
    denied_reasons: pulumi.Output[list[dict[str, str]]]
    """Why AWS denied the latest version: a list of {reason, short_description, ...}."""
    field_feedback: pulumi.Output[dict[str, str]]
    """Field path -> AWS's denial reason or feedback for that field."""
    sender_id_arn: pulumi.Output[str | None]
    """The sender ID AWS provisioned on approval; None until then."""
    attachment_ids: pulumi.Output[dict[str, str]]
    """Field path -> the registration attachment ID its file was uploaded as."""
    attachment_digests: pulumi.Output[dict[str, str | None]]
    """Field path -> SHA-256 of the local file uploaded (a new file content updates)."""
    created_attachment_ids: pulumi.Output[list[str]]
    """Attachments this resource uploaded; deleted with the registration."""

    def __init__(
        self,
        resource_name: str,
        args: RegistrationArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(RegistrationProvider(), resource_name, _props(args, kwargs), opts)

    @staticmethod
    def get(resource_name: str, id: pulumi.Input[str], opts: pulumi.ResourceOptions | None = None) -> Registration:
        """A read-only reference to an existing registration, found by its RegistrationId."""
        merged = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        resource = Registration.__new__(Registration)
        props = dict.fromkeys((*ARG_NAMES, *schema.OUTPUT_ONLY_NAMES))
        pulumi.dynamic.Resource.__init__(resource, RegistrationProvider(), resource_name, props, merged)
        return resource


#: The type token the engine records for every `Registration` (stack state refers to it: it never changes).
TYPE_TOKEN: Final = f"pulumi-python:{Registration._resource_type_name}"
