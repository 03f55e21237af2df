"""Small helpers shared by the emulator tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from pulumi_sms_sender_id.emulator import DEFAULT_ACCOUNT_ID as ACCOUNT
from pulumi_sms_sender_id.emulator.launcher import TEST_REGION as REGION

#: One attempt only: faults must surface instead of being retried away by botocore.
NO_RETRIES = Config(retries={"total_max_attempts": 1})
#: Lets a test send what botocore would refuse client-side (e.g. an empty tag list).
NO_CLIENT_VALIDATION = Config(parameter_validation=False, retries={"total_max_attempts": 1})


def error_of(call: Callable[[], Any]) -> dict[str, Any]:
    """The ClientError response of ``call``, which must fail."""
    with pytest.raises(ClientError) as caught:
        call()
    return dict(caught.value.response)


def code(response: dict[str, Any]) -> str:
    return str(response["Error"]["Code"])


def field_names(response: dict[str, Any]) -> list[str]:
    return [field["Name"] for field in response.get("Fields", [])]


def arn(sender_id: str, country: str, region: str = REGION, account: str = ACCOUNT) -> str:
    return f"arn:aws:sms-voice:{region}:{account}:sender-id/{sender_id}/{country}"


def send_raw(
    client: Any,
    operation: str,
    body: bytes | str,
    headers: dict[str, str] | None = None,
    **params: Any,
) -> dict[str, Any]:
    """Call ``operation`` through ``client`` with ``body`` (and ``headers``) put on the wire as given.

    botocore serializes ``params`` as usual (so they only need to get past its client-side
    checks), then the body is swapped for ``body`` just before signing: the emulator sees what a
    careless non-Python client would send, and botocore parses the answer. Returns the parsed
    response, or the ClientError response if the call failed.
    """
    event = f"before-sign.{client.meta.service_model.service_name}.{operation}"

    def replace(request: Any, **_: Any) -> None:
        request.data = body.encode() if isinstance(body, str) else body
        for name, value in (headers or {}).items():
            del request.headers[name]  # replace, not add a second value
            request.headers[name] = value

    client.meta.events.register(event, replace)
    try:
        names = {api: method for method, api in client.meta.method_to_api_mapping.items()}
        return dict(getattr(client, names[operation])(**params))
    except ClientError as error:
        return dict(error.response)
    finally:
        client.meta.events.unregister(event, replace)


# -- registrations -------------------------------------------------------------------------

#: The built-in types (registration_catalogue.json) and a captured-style one (tests/emulator/captured/).
GB_TYPE = "GB_SENDER_ID_REGISTRATION"
IN_TYPE = "IN_SENDER_ID_REGISTRATION"
ID_TYPE = "ID_SENDER_ID_REGISTRATION"
RULES_TYPE = "TEST_RULES_REGISTRATION"
CAPTURED = Path(__file__).parent / "captured"
#: The smallest file AWS accepts: a PDF is recognised by its first bytes.
PDF = b"%PDF-1.7\n% emulator test attachment\n"

#: A field's value: a text, or the choices of a SELECT field.
Value = str | list[str]

#: Everything the United Kingdom's form requires (senderIdInfo.letterOfAuthorization is conditional).
GB_FORM: dict[str, Value] = {
    "senderIdInfo.senderId": "MyBrand",
    "companyInfo.companyName": "Acme Ltd",
    "companyInfo.companyId": "AC123456",
    "companyInfo.website": "https://acme.example",
    "companyInfo.areaOfBusiness": ["Technology"],
    "companyAddress.address1": "1 High Street",
    "companyAddress.city": "London",
    "companyAddress.isoCountryCode": "GB",
    "contactInfo.emailAddress": "sms@acme.example",
    "contactInfo.phoneNumber": "+447700900123",
    "messagingUseCase.useCaseCategory": ["One-time passcodes"],
    "messagingUseCase.useCaseDescription": "Sign-in codes",
    "messagingUseCase.optInDescription": "Customers give their number when they sign up",
    "messagingUseCase.monthlyMessageVolume": ["10,000"],
    "messageSamples.messageSample1": "Your Acme code is 123456",
}
#: Everything India's form requires.
IN_FORM: dict[str, Value] = {
    **GB_FORM,
    "senderIdInfo.senderId": "ACMEIN",
    "companyAddress.isoCountryCode": "IN",
    "inSidSpecificInfo.principalEntityId": "1201159142385654321",
    **{f"inSidSpecificInfo.chainId{n}": f"1001{n}" for n in (1, 2, 3, 5)},
    "inSidSpecificInfo.sendingParametersAcknowledgement": ["Yes"],
}


def put(client: Any, registration_id: str, path: str, value: Value) -> dict[str, Any]:
    """PutRegistrationFieldValue with a text (TextValue) or choices (SelectChoices)."""
    kind = "TextValue" if isinstance(value, str) else "SelectChoices"
    return dict(client.put_registration_field_value(RegistrationId=registration_id, FieldPath=path, **{kind: value}))


def filled(client: Any, kind: str = GB_TYPE, form: dict[str, Value] | None = None, **create: Any) -> str:
    """A new registration of ``kind`` holding ``form`` (default: the type's complete form); its ID."""
    registration_id = str(client.create_registration(RegistrationType=kind, **create)["RegistrationId"])
    for path, value in (form if form is not None else {GB_TYPE: GB_FORM, IN_TYPE: IN_FORM}[kind]).items():
        put(client, registration_id, path, value)
    return registration_id


def submitted(client: Any, kind: str = GB_TYPE, form: dict[str, Value] | None = None) -> str:
    """A registration whose complete form was submitted; its ID."""
    registration_id = filled(client, kind, form)
    client.submit_registration_version(RegistrationId=registration_id)
    return registration_id


def status(client: Any, registration_id: str) -> str:
    (registration,) = client.describe_registrations(RegistrationIds=[registration_id])["Registrations"]
    return str(registration["RegistrationStatus"])


def version_status(client: Any, registration_id: str, number: int) -> str:
    versions = client.describe_registration_versions(RegistrationId=registration_id, VersionNumbers=[number])
    return str(versions["RegistrationVersions"][0]["RegistrationVersionStatus"])


def problems(call: Callable[[], Any]) -> dict[str, str]:
    """Field path -> its messages ("; "-joined) of a FIELD_VALIDATION_FAILED answer, which ``call`` must get."""
    error = error_of(call)
    assert (code(error), error["Reason"]) == ("ValidationException", "FIELD_VALIDATION_FAILED"), error
    found: dict[str, list[str]] = {}
    for field in error["Fields"]:
        found.setdefault(field["Name"], []).append(field["Message"])
    return {name: "; ".join(messages) for name, messages in found.items()}


def captured() -> tuple[Any, Any]:
    """The captured-style definitions of RULES_TYPE: (type definitions, field definitions) documents."""
    types = json.loads((CAPTURED / "describe-registration-type-definitions.json").read_text())
    fields = json.loads((CAPTURED / f"describe-registration-field-definitions-{RULES_TYPE}.json").read_text())
    return types, fields
