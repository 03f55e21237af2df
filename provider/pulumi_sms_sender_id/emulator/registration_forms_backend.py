"""The backend's form operations: the registration types' definitions, and a registration's field values.

A mixin of `models.PinpointSMSVoiceV2Backend` (see `registration_store`). Definitions come from the
catalogue in force (`registration_catalogue`), values are checked by `registration_fields`.
Deviations: definitions are answered in catalogue order (built-in types first, then loaded ones);
a section, field or version a request names that the type does not have is a ValidationException
(UNKNOWN_REGISTRATION_SECTION / _FIELD / _VERSION) naming the parameter; deleting a field that holds
no value is REGISTRATION_FIELD_CANNOT_BE_DELETED.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import clock
from .arns import resource_id
from .exceptions import ValidationException
from .listing import matching, page_of
from .registration_attachments import ATTACHMENT_RESOURCE_TYPE
from .registration_catalogue import RegistrationType
from .registration_fields import FieldValue, check_put
from .registration_store import RegistrationStore
from .state import STATE


def _check_sections(kind: RegistrationType, paths: Sequence[str], parameter: str) -> None:
    unknown = [p for p in paths if not kind.has_section(p)]
    if unknown:
        raise ValidationException(
            f"Registration type {kind.name} has no section {', '.join(unknown)}.",
            reason="UNKNOWN_REGISTRATION_SECTION",
            fields=[(parameter, f"Unknown section of {kind.name}")],
        )


def _check_fields(kind: RegistrationType, paths: Sequence[str], parameter: str = "FieldPaths") -> None:
    unknown = [p for p in paths if kind.field(p) is None]
    if unknown:
        raise ValidationException(
            f"Registration type {kind.name} has no field {', '.join(unknown)}.",
            reason="UNKNOWN_REGISTRATION_FIELD",
            fields=[(parameter, f"Unknown field of {kind.name}")],
        )


class RegistrationFormsBackend(RegistrationStore):
    """DescribeRegistration{Type,Section,Field}Definitions and the field-value operations."""

    @clock.operation
    def describe_registration_type_definitions(
        self,
        *,
        registration_types: list[str] | None,
        filters: list[dict[str, Any]] | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of type definitions (catalogue order), by name or by supported association."""
        catalogue = STATE.current_config().catalogue()
        if registration_types:
            chosen = [self._registration_type(name, "RegistrationTypes") for name in dict.fromkeys(registration_types)]
        else:
            chosen = list(catalogue)
        selected = matching(
            list(enumerate(chosen)),
            filters,
            {
                "supported-association-resource-type": lambda k: _associations(k, "ResourceType"),
                "supported-association-iso-country-code": lambda k: _associations(k, "IsoCountryCode"),
            },
        )
        page, token = page_of(selected, [registration_types, filters], max_results, next_token)
        return [dict(kind.definition) for kind in page], token

    @clock.operation
    def describe_registration_section_definitions(
        self,
        *,
        registration_type: str,
        section_paths: list[str] | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of the type's sections, in form order."""
        kind = self._registration_type(registration_type)
        _check_sections(kind, section_paths or [], "SectionPaths")
        sections = [s for s in kind.sections if not section_paths or s["SectionPath"] in section_paths]
        page, token = page_of(list(enumerate(sections)), [kind.name, section_paths], max_results, next_token)
        return [dict(section) for section in page], token

    @clock.operation
    def describe_registration_field_definitions(
        self,
        *,
        registration_type: str,
        section_path: str | None,
        field_paths: list[str] | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of the type's field definitions, in form order, of a section or by path."""
        kind = self._registration_type(registration_type)
        _check_sections(kind, [section_path] if section_path else [], "SectionPath")
        _check_fields(kind, field_paths or [])
        fields = [
            f
            for f in kind.fields
            if (section_path is None or f.section == section_path) and (not field_paths or f.path in field_paths)
        ]
        request = [kind.name, section_path, field_paths]
        page, token = page_of(list(enumerate(fields)), request, max_results, next_token)
        return [dict(definition.raw) for definition in page], token

    @clock.operation
    def put_registration_field_value(
        self,
        *,
        registration_id: str,
        field_path: str,
        select_choices: list[str] | None,
        text_value: str | None,
        registration_attachment_id: str | None,
    ) -> dict[str, Any]:
        """Store one value in the current (DRAFT) version, checked against the field's definition.

        An attachment must exist and have finished uploading (ConflictException RESOURCE_NOT_ACTIVE
        before: a deviation, AWS's answer is undocumented); it is stored by ID, an ARN is accepted.
        """
        registration = self._registration(registration_id)
        version = registration.check_editable(STATE.current_config().denied_version_editable)
        attachment_id = None
        if registration_attachment_id is not None:
            attachment_id = resource_id(
                self.home, registration_attachment_id, ATTACHMENT_RESOURCE_TYPE, "RegistrationAttachmentId"
            )
        value = FieldValue(select_choices, text_value, attachment_id)
        check_put(registration.kind, field_path, value)
        if attachment_id is not None:
            self._attachment(attachment_id).check_usable()
        version.values[field_path] = value
        return {**registration.header(), "VersionNumber": version.number, "FieldPath": field_path, **value.to_value()}

    @clock.operation
    def delete_registration_field_value(self, *, registration_id: str, field_path: str) -> dict[str, Any]:
        """Remove one value from the current (DRAFT) version, echoing what it held."""
        registration = self._registration(registration_id)
        version = registration.check_editable(STATE.current_config().denied_version_editable)
        _check_fields(registration.kind, [field_path], "FieldPath")
        value = version.values.get(field_path)
        if value is None or not value.is_set:
            raise ValidationException(
                f"Field {field_path} of registration {registration.id} holds no value.",
                reason="REGISTRATION_FIELD_CANNOT_BE_DELETED",
                fields=[("FieldPath", "The field holds no value")],
            )
        del version.values[field_path]
        return {**registration.header(), "VersionNumber": version.number, "FieldPath": field_path, **value.to_value()}

    @clock.operation
    def describe_registration_field_values(
        self,
        *,
        registration_id: str,
        version_number: int | None,
        section_path: str | None,
        field_paths: list[str] | None,
        max_results: int | None,
        next_token: str | None,
    ) -> tuple[dict[str, Any], list[dict[str, Any]], str | None]:
        """The fields of a version (default: the current one) that hold a value or a reviewer's note."""
        registration = self._registration(registration_id)
        version = registration.version(version_number)
        kind = registration.kind
        _check_sections(kind, [section_path] if section_path else [], "SectionPath")
        _check_fields(kind, field_paths or [])
        records = [
            version.values[f.path].to_record(f.path)
            for f in kind.fields
            if f.path in version.values
            and (section_path is None or f.section == section_path)
            and (not field_paths or f.path in field_paths)
        ]
        request = [registration.id, version.number, section_path, field_paths]
        page, token = page_of(list(enumerate(records)), request, max_results, next_token)
        return {**registration.header(), "VersionNumber": version.number}, page, token


def _associations(kind: RegistrationType, member: str) -> list[str]:
    return [str(a[member]) for a in kind.definition.get("SupportedAssociations") or [] if a.get(member)]
