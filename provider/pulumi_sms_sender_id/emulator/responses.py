"""Handles incoming pinpoint-sms-voice-v2 requests, invokes the backend, returns responses.

Before moto's usual dispatch, :mod:`.wire` refuses what AWS's front end would (unsigned,
unknown operation, body or member of the wrong JSON type), so moto's parser only ever sees
well-formed requests. :meth:`PinpointSMSVoiceV2Response.call_action` then counts the request,
applies injected faults, validates the input against the model, and answers operations
the emulator does not implement with a modeled error (moto would answer HTTP 500, which botocore
retries for seconds before failing).
"""

from __future__ import annotations

import time
from typing import Any

from botocore.model import OperationNotFoundError
from moto.core.common_types import TYPE_RESPONSE
from moto.core.responses import ActionResult, BaseResponse, EmptyResult

from ..aws.settings import OPERATIONS
from .exceptions import SmsVoiceError, ThrottlingException, ValidationException
from .models import PinpointSMSVoiceV2Backend, backend_for
from .registrations_responses import REGISTRATION_OPERATIONS, RegistrationResponses
from .state import SERVICE_NAME, STATE
from .validation import validate_input
from .wire import check_werkzeug_request
from .wire_errors import WireError

#: The operations the provider calls and the registration operations: what the provider needs.
IMPLEMENTED_OPERATIONS = frozenset(OPERATIONS) | REGISTRATION_OPERATIONS


class PinpointSMSVoiceV2Response(RegistrationResponses, BaseResponse):
    """Handler for pinpoint-sms-voice-v2 requests and responses (registrations: `registrations_responses`)."""

    def __init__(self) -> None:
        super().__init__(service_name=SERVICE_NAME)
        self.automated_parameter_parsing = True

    @property
    def sms_voice_backend(self) -> PinpointSMSVoiceV2Backend:
        """Return backend instance specific for this account and region."""
        return backend_for(self.current_account, self.region)

    def _dispatch(self, request: Any, full_url: str | None = None, headers: Any = None) -> TYPE_RESPONSE:
        try:
            check_werkzeug_request(request)
        except WireError as error:
            return error.response()
        return super()._dispatch(request, full_url, headers)

    def parse_parameters(self, request: Any) -> None:
        # An X-Amz-Target naming no operation of the model must still get a modeled answer.
        try:
            super().parse_parameters(request)
        except OperationNotFoundError:
            self.params = {}

    def call_action(self) -> TYPE_RESPONSE:
        action = self._get_action() or ""
        fault = STATE.record_call(action)
        latency = STATE.current_config().latency_seconds
        if latency:
            time.sleep(latency)
        try:
            if not STATE.admit(self.current_account, self.region, action):
                raise ThrottlingException("Rate exceeded")
            if fault is not None and not fault.after_commit:
                raise fault.exception()
            if action not in IMPLEMENTED_OPERATIONS:
                raise ValidationException(
                    f"The sms-voice emulator does not implement {action or 'this operation'}; "
                    f"it serves only {', '.join(sorted(IMPLEMENTED_OPERATIONS))}.",
                    reason="UNKNOWN_OPERATION",
                )
            validate_input(action, self.params)
        except SmsVoiceError as error:
            return self._error_response(error)
        response = super().call_action()
        if fault is not None:  # after_commit: the change is made, the answer is lost
            return self._error_response(fault.exception())
        return response

    def _error_response(self, error: SmsVoiceError) -> TYPE_RESPONSE:
        _, headers, body = self.serialized(ActionResult(error))
        request_id = getattr(error, "request_id", None)
        headers["x-amzn-requestid"] = request_id or self._request_id()
        return error.http_status, headers, body

    @staticmethod
    def _request_id() -> str:
        import uuid

        return str(uuid.uuid4())

    # -- operations ------------------------------------------------------------------------

    def request_sender_id(self) -> ActionResult:
        result = self.sms_voice_backend.request_sender_id(
            sender_id=self._get_param("SenderId"),
            iso_country_code=self._get_param("IsoCountryCode"),
            message_types=self._get_param("MessageTypes"),
            deletion_protection_enabled=self._get_param("DeletionProtectionEnabled"),
            tags=self._get_param("Tags"),
            client_token=self._get_param("ClientToken"),
        )
        return ActionResult(result)

    def describe_sender_ids(self) -> ActionResult:
        records, next_token = self.sms_voice_backend.describe_sender_ids(
            sender_ids=self._get_param("SenderIds"),
            filters=self._get_param("Filters"),
            owner=self._get_param("Owner"),
            max_results=self._get_param("MaxResults"),
            next_token=self._get_param("NextToken"),
        )
        result: dict[str, Any] = {"SenderIds": records}
        if next_token:
            result["NextToken"] = next_token
        return ActionResult(result)

    def update_sender_id(self) -> ActionResult:
        result = self.sms_voice_backend.update_sender_id(
            sender_id=self._get_param("SenderId"),
            iso_country_code=self._get_param("IsoCountryCode"),
            deletion_protection_enabled=self._get_param("DeletionProtectionEnabled"),
        )
        return ActionResult(result)

    def release_sender_id(self) -> ActionResult:
        result = self.sms_voice_backend.release_sender_id(
            sender_id=self._get_param("SenderId"),
            iso_country_code=self._get_param("IsoCountryCode"),
        )
        return ActionResult(result)

    def tag_resource(self) -> ActionResult:
        self.sms_voice_backend.tag_resource(resource_arn=self._get_param("ResourceArn"), tags=self._get_param("Tags"))
        return EmptyResult()

    def untag_resource(self) -> ActionResult:
        self.sms_voice_backend.untag_resource(
            resource_arn=self._get_param("ResourceArn"), tag_keys=self._get_param("TagKeys")
        )
        return EmptyResult()

    def list_tags_for_resource(self) -> ActionResult:
        result = self.sms_voice_backend.list_tags_for_resource(resource_arn=self._get_param("ResourceArn"))
        return ActionResult(result)
