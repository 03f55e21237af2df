"""Local emulator of the AWS End User Messaging SMS sender-ID API (``pinpoint-sms-voice-v2``).

A moto backend (``models.py``, ``responses.py``, ``urls.py``, ``exceptions.py``) that moto lacks,
made servable by :func:`register`: afterwards ``moto.mock_aws()`` serves the API in process, and
``python -m pulumi_sms_sender_id.emulator`` serves it over HTTP (see ``server.py``). It is meant to
be as strict as AWS, quirks included, so that a client passing here does not break against AWS.

Served operations: RequestSenderId, DescribeSenderIds, UpdateSenderId, ReleaseSenderId,
TagResource, UntagResource, ListTagsForResource. Any other operation of the service answers
ValidationException ``UNKNOWN_OPERATION`` at once. Before moto parses a request, ``wire.py`` checks
it as AWS's front end does (signature scope, target, JSON types of the body against the model) and
answers every client mistake with a 4xx JSON error that botocore parses. Any well-formed region
name is served (``regions.py``: botocore's partition patterns), listed by botocore or not.

Quirks of the real service that are reproduced on purpose:

* sender IDs are stored and returned upper-case (lookups are case-insensitive);
* DescribeSenderIds returns message types in title case ("Transactional"), the other operations
  upper case;
* a ClientToken reused with the same parameters replays the first answer, success or failure,
  even if the sender ID has since been released, and creates nothing;
* re-requesting a sender ID within the release window after releasing it fails with
  ValidationException ``SENDER_ID_REQUIRES_REGISTRATION``;
* US, CA and CN answer ``SENDER_ID_NOT_SUPPORTED``; registration-only countries answer
  ``SENDER_ID_REQUIRES_REGISTRATION``;
* only ISO 3166-1 alpha-2 codes (``pulumi_sms_sender_id.countries``) can be leased;
* a NextToken stays valid when the sender ID it points at is released between two pages.

Deliberate differences from AWS
===============================

======================================  ==========================================================
Area                                    Emulator behaviour (AWS behaviour)
======================================  ==========================================================
ClientToken reused, other parameters    ValidationException INVALID_PARAMETER, Fields
                                        [{Name: "ClientToken"}]. (Not documented for this API;
                                        the model has no dedicated reason.)
ClientToken lifetime                    Kept for the backend's life, i.e. until reset. (AWS
                                        expires tokens after an undocumented period.)
ClientToken and validation              Only processed answers are pinned to the token; a request
                                        rejected by input validation is not. (Unverified.)
Release window                          Fixed, configurable time (default 2 s). (AWS: until the
                                        release has propagated; clients retry up to ~2 minutes.)
Country rules                           Static configurable sets: unsupported {US, CA, CN};
                                        registration-only {IN, SG, AE, SA, VN, PH, EG, JO}.
                                        Everything else is accepted. (AWS: a changing list.)
Registration                            No registration API; a registered sender ID can only be
                                        seeded (controls). RegistrationId "registration-<hex>".
MonthlyLeasingPrice                     Invented per-country table ("1.00" by default). Only the
                                        shape (USD decimal string) is faithful.
MessageTypes omitted or empty           Stored as ["TRANSACTIONAL"]. (AWS default undocumented.)
                                        Duplicates are collapsed.
Update/Release MessageTypes casing      Upper case, like RequestSenderId. (Unverified on AWS.)
RequestSenderId Tags                    Echoed only when the request had tags.
DescribeSenderIds extras                No MessagingLimits and no PricingTier (values unknown).
DescribeSenderIds order / paging        Creation order (SenderIds: request order, duplicates
                                        collapsed); NextToken names a position in that order
                                        (survives releases), bound to the other parameters
                                        except MaxResults; a bad one gives INVALID_NEXT_TOKEN.
                                        Tokens never expire. Default page size 100. (AWS's order,
                                        token lifetime and default page size are undocumented.)
Owner SHARED                            Always empty: resource sharing is not modelled.
Sender ID format                        Model pattern plus the API reference's prose: letters,
                                        digits, hyphens; at least one letter; no leading or
                                        trailing hyphen. "_" is rejected although the model
                                        pattern admits it.
Validation messages / Fields names      Coral-style messages; Fields Name is the parameter path
                                        in PascalCase, e.g. "SenderId", "Tags[0].Key".
                                        All violations of a request are reported together.
ARN with another country                ValidationException COUNTRY_CODE_MISMATCH (AWS: unknown).
ARN case                                Tag calls need the ARN exactly as returned (upper-case
                                        sender ID); Describe/Update/Release take any case.
Foreign or malformed ARN                ValidationException INVALID_ARN (another account or
                                        region, not sms-voice, or not a sender ID where one is
                                        required). Tag calls on a well-formed sms-voice ARN of
                                        anything unknown (pools too: not modelled):
                                        ResourceNotFoundException with the ARN's resource type.
Tag key rules                           "aws:" prefix rejected (FIELD_VALIDATION_FAILED);
                                        duplicate keys in one request rejected
                                        (INVALID_PARAMETER).
Sender-ID quota                         Per account and region, default 1000.
Unimplemented operations                ValidationException UNKNOWN_OPERATION.
Pools, opt-out lists, IAM, SigV4        Not modelled: any credentials are accepted and the
                                        signature is not verified (only its scope is read), no
                                        SENDER_ID_ASSOCIATED_TO_POOL, no AccessDeniedException.
Authentication errors                   Unsigned: MissingAuthenticationTokenException; unreadable
                                        Authorization: IncompleteSignatureException; scope of
                                        another service or a malformed region:
                                        InvalidSignatureException. All HTTP 400 with AWS's usual
                                        messages. (Codes and messages are those of AWS's JSON
                                        services, e.g. DynamoDB; status and wording for sms-voice
                                        unverified.)
Malformed region name                   A region no partition pattern admits (moon-1) is an
                                        InvalidSignatureException; in server mode the region is
                                        the credential scope's. (A real client could not even
                                        resolve sms-voice.moon-1.amazonaws.com.)
Unknown target, path or method          UnknownOperationException (HTTP 400) for anything but
                                        POST / with PinpointSMSVoiceV2.<model operation>; not
                                        counted in call_counts(). (Status and message unverified.)
Wrong JSON types                        SerializationException at the first member whose JSON
                                        type is not the model's: a string, boolean or fraction
                                        for an integer, a number outside 32/64 bits, NaN or
                                        Infinity, an object for a list, null inside a list, a
                                        body that is not a UTF-8 JSON object or nests too deep.
                                        Messages are ours. (AWS's exact rules are unverified,
                                        e.g. whether it accepts 5.0 for an integer or null in a
                                        list; the emulator refuses both.) Unknown members are
                                        ignored, as AWS's JSON services do.
Empty body, Content-Type                An empty body reads as {} (botocore always sends "{}").
                                        Content-Type is not checked; Content-Encoding other than
                                        identity is a SerializationException (the model declares
                                        no compression). (Both unverified.)
Country codes                           RequestSenderId refuses non-ISO codes (UK, XX) with
                                        FIELD_VALIDATION_FAILED on IsoCountryCode; the other
                                        operations find no sender ID for them
                                        (ResourceNotFoundException). (The model has no dedicated
                                        reason; AWS's exact answer is unverified.)
Regions                                 Any well-formed name is served, a fresh backend each;
                                        AWS would refuse a region it has not opened (no answer
                                        known, since its host would not resolve).
Faults (test controls)                  ThrottlingException (400) / InternalServerException (500)
                                        only when injected; controls are process-global (all
                                        accounts and regions).
======================================  ==========================================================

Test controls (process-global, thread-safe; over HTTP under ``/_sms-voice-emulator/``):
:func:`inject_fault`, :func:`configure`, :func:`seed_sender_id`, :func:`call_counts`,
:func:`reset_call_counts`, :func:`reset`. Without pytest (the ``[emulator]`` extra is enough):
:class:`EmulatorServer` runs the server as a subprocess, :class:`EmulatorControl` drives its controls over
HTTP, :class:`InProcessControl` those of ``mock_aws()``, :func:`make_client` builds a fast client.
``pulumi_sms_sender_id.emulator.testing`` is the pytest plugin with the fixtures.
"""

from __future__ import annotations

from .control_client import EmulatorControl, InProcessControl
from .controls import (
    call_counts,
    configure,
    current_config,
    inject_fault,
    reset,
    reset_call_counts,
    seed_sender_id,
)
from .launcher import EmulatorServer, make_client
from .registration import register
from .state import (
    CONTROL_PATH_PREFIX,
    DEFAULT_ACCOUNT_ID,
    DEFAULT_REGION,
    DEFAULT_REGISTRATION_ONLY_COUNTRIES,
    DEFAULT_RELEASE_WINDOW_SECONDS,
    DEFAULT_SENDER_ID_QUOTA,
    DEFAULT_UNSUPPORTED_COUNTRIES,
    ENDPOINT_ENV_VAR,
    MOTO_SERVICE_KEY,
    RELEASE_WINDOW_ENV_VAR,
    SERVICE_NAME,
)

__all__ = [
    "CONTROL_PATH_PREFIX",
    "DEFAULT_ACCOUNT_ID",
    "DEFAULT_REGION",
    "DEFAULT_REGISTRATION_ONLY_COUNTRIES",
    "DEFAULT_RELEASE_WINDOW_SECONDS",
    "DEFAULT_SENDER_ID_QUOTA",
    "DEFAULT_UNSUPPORTED_COUNTRIES",
    "ENDPOINT_ENV_VAR",
    "MOTO_SERVICE_KEY",
    "RELEASE_WINDOW_ENV_VAR",
    "SERVICE_NAME",
    "EmulatorControl",
    "EmulatorServer",
    "InProcessControl",
    "call_counts",
    "configure",
    "current_config",
    "inject_fault",
    "make_client",
    "register",
    "reset",
    "reset_call_counts",
    "seed_sender_id",
]

