"""The registration operations' request handlers: a mixin of `responses.PinpointSMSVoiceV2Response`.

Each method reads its parameters, calls the backend method of the same name and shapes the answer
(moto's serializer then writes only the members the model declares).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from moto.core.responses import ActionResult

if TYPE_CHECKING:
    from .models import PinpointSMSVoiceV2Backend

#: The registration operations the emulator serves (issue 17).
REGISTRATION_OPERATIONS: Final = frozenset(
    {
        "CreateRegistration",
        "DescribeRegistrations",
        "DescribeRegistrationTypeDefinitions",
        "DescribeRegistrationSectionDefinitions",
        "DescribeRegistrationFieldDefinitions",
        "PutRegistrationFieldValue",
        "DeleteRegistrationFieldValue",
        "DescribeRegistrationFieldValues",
        "CreateRegistrationAttachment",
        "DescribeRegistrationAttachments",
        "DeleteRegistrationAttachment",
        "CreateRegistrationVersion",
        "SubmitRegistrationVersion",
        "DiscardRegistrationVersion",
        "DescribeRegistrationVersions",
        "DeleteRegistration",
        "CreateRegistrationAssociation",
        "ListRegistrationAssociations",
    }
)


def _listing(key: str, items: list[dict[str, Any]], next_token: str | None, **header: Any) -> ActionResult:
    result: dict[str, Any] = {**header, key: items}
    if next_token:
        result["NextToken"] = next_token
    return ActionResult(result)


class RegistrationResponses:
    """Handlers of the 18 registration operations."""

    if TYPE_CHECKING:

        @property
        def sms_voice_backend(self) -> PinpointSMSVoiceV2Backend: ...

        def _get_param(self, param_name: str, if_none: Any = None) -> Any: ...

    def _paging(self) -> dict[str, Any]:
        return {"max_results": self._get_param("MaxResults"), "next_token": self._get_param("NextToken")}

    def create_registration(self) -> ActionResult:
        return ActionResult(
            self.sms_voice_backend.create_registration(
                registration_type=self._get_param("RegistrationType"),
                tags=self._get_param("Tags"),
                client_token=self._get_param("ClientToken"),
            )
        )

    def describe_registrations(self) -> ActionResult:
        records, token = self.sms_voice_backend.describe_registrations(
            registration_ids=self._get_param("RegistrationIds"), filters=self._get_param("Filters"), **self._paging()
        )
        return _listing("Registrations", records, token)

    def delete_registration(self) -> ActionResult:
        registration_id = self._get_param("RegistrationId")
        return ActionResult(self.sms_voice_backend.delete_registration(registration_id=registration_id))

    def describe_registration_type_definitions(self) -> ActionResult:
        records, token = self.sms_voice_backend.describe_registration_type_definitions(
            registration_types=self._get_param("RegistrationTypes"),
            filters=self._get_param("Filters"),
            **self._paging(),
        )
        return _listing("RegistrationTypeDefinitions", records, token)

    def describe_registration_section_definitions(self) -> ActionResult:
        kind = self._get_param("RegistrationType")
        records, token = self.sms_voice_backend.describe_registration_section_definitions(
            registration_type=kind, section_paths=self._get_param("SectionPaths"), **self._paging()
        )
        return _listing("RegistrationSectionDefinitions", records, token, RegistrationType=kind)

    def describe_registration_field_definitions(self) -> ActionResult:
        kind = self._get_param("RegistrationType")
        records, token = self.sms_voice_backend.describe_registration_field_definitions(
            registration_type=kind,
            section_path=self._get_param("SectionPath"),
            field_paths=self._get_param("FieldPaths"),
            **self._paging(),
        )
        return _listing("RegistrationFieldDefinitions", records, token, RegistrationType=kind)

    def put_registration_field_value(self) -> ActionResult:
        return ActionResult(
            self.sms_voice_backend.put_registration_field_value(
                registration_id=self._get_param("RegistrationId"),
                field_path=self._get_param("FieldPath"),
                select_choices=self._get_param("SelectChoices"),
                text_value=self._get_param("TextValue"),
                registration_attachment_id=self._get_param("RegistrationAttachmentId"),
            )
        )

    def delete_registration_field_value(self) -> ActionResult:
        return ActionResult(
            self.sms_voice_backend.delete_registration_field_value(
                registration_id=self._get_param("RegistrationId"), field_path=self._get_param("FieldPath")
            )
        )

    def describe_registration_field_values(self) -> ActionResult:
        header, records, token = self.sms_voice_backend.describe_registration_field_values(
            registration_id=self._get_param("RegistrationId"),
            version_number=self._get_param("VersionNumber"),
            section_path=self._get_param("SectionPath"),
            field_paths=self._get_param("FieldPaths"),
            **self._paging(),
        )
        return _listing("RegistrationFieldValues", records, token, **header)

    def create_registration_attachment(self) -> ActionResult:
        return ActionResult(
            self.sms_voice_backend.create_registration_attachment(
                attachment_body=self._get_param("AttachmentBody"),
                attachment_url=self._get_param("AttachmentUrl"),
                tags=self._get_param("Tags"),
                client_token=self._get_param("ClientToken"),
            )
        )

    def describe_registration_attachments(self) -> ActionResult:
        records, token = self.sms_voice_backend.describe_registration_attachments(
            registration_attachment_ids=self._get_param("RegistrationAttachmentIds"),
            filters=self._get_param("Filters"),
            **self._paging(),
        )
        return _listing("RegistrationAttachments", records, token)

    def delete_registration_attachment(self) -> ActionResult:
        return ActionResult(
            self.sms_voice_backend.delete_registration_attachment(
                registration_attachment_id=self._get_param("RegistrationAttachmentId")
            )
        )

    def create_registration_version(self) -> ActionResult:
        registration_id = self._get_param("RegistrationId")
        return ActionResult(self.sms_voice_backend.create_registration_version(registration_id=registration_id))

    def submit_registration_version(self) -> ActionResult:
        return ActionResult(
            self.sms_voice_backend.submit_registration_version(
                registration_id=self._get_param("RegistrationId"), aws_review=self._get_param("AwsReview")
            )
        )

    def discard_registration_version(self) -> ActionResult:
        registration_id = self._get_param("RegistrationId")
        return ActionResult(self.sms_voice_backend.discard_registration_version(registration_id=registration_id))

    def describe_registration_versions(self) -> ActionResult:
        header, records, token = self.sms_voice_backend.describe_registration_versions(
            registration_id=self._get_param("RegistrationId"),
            version_numbers=self._get_param("VersionNumbers"),
            filters=self._get_param("Filters"),
            **self._paging(),
        )
        return _listing("RegistrationVersions", records, token, **header)

    def create_registration_association(self) -> ActionResult:
        return ActionResult(
            self.sms_voice_backend.create_registration_association(
                registration_id=self._get_param("RegistrationId"), resource_id=self._get_param("ResourceId")
            )
        )

    def list_registration_associations(self) -> ActionResult:
        header, records, token = self.sms_voice_backend.list_registration_associations(
            registration_id=self._get_param("RegistrationId"), filters=self._get_param("Filters"), **self._paging()
        )
        return _listing("RegistrationAssociations", records, token, **header)
