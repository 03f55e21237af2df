"""Local emulator of the AWS End User Messaging SMS sender-ID API (``pinpoint-sms-voice-v2``).

A moto backend that moto lacks (``models.py`` and the modules it reads, ``responses.py``, ``urls.py``,
``exceptions.py``), made servable by :func:`register`: afterwards ``moto.mock_aws()`` serves the API
in process, and ``python -m pulumi_sms_sender_id.emulator`` serves it over HTTP (``server.py``).
Test controls (process-global, thread-safe; over HTTP under ``/_sms-voice-emulator/``):
:func:`inject_fault`, :func:`configure`, :func:`current_config`, :func:`seed_sender_id`,
:func:`call_counts`, :func:`reset_call_counts`, :func:`reset`, and for registrations (the test is AWS's
reviewer) :func:`start_registration_review`, :func:`approve_registration`, :func:`deny_registration`,
:func:`auto_approve_registrations`, :func:`load_registration_definitions`. Without pytest (the ``[emulator]`` extra is
enough): :class:`EmulatorServer` runs the server as a subprocess, :class:`EmulatorControl` drives its
controls over HTTP, :class:`InProcessControl` those of ``mock_aws()``, :func:`make_client` builds a fast
client. ``pulumi_sms_sender_id.emulator.testing`` is the pytest plugin with the fixtures.

The reference, with the table of deliberate differences from AWS, is ``docs/emulator.md``.
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
from .registration_controls import (
    approve_registration,
    auto_approve_registrations,
    deny_registration,
    load_registration_definitions,
    start_registration_review,
)
from .state import (
    CONTROL_PATH_PREFIX,
    DEFAULT_ACCOUNT_ID,
    DEFAULT_ATTACHMENT_UPLOAD_SECONDS,
    DEFAULT_REGION,
    DEFAULT_REGISTRATION_ONLY_COUNTRIES,
    DEFAULT_REGISTRATION_PROVISIONING_SECONDS,
    DEFAULT_REGISTRATION_QUOTAS,
    DEFAULT_RELEASE_WINDOW_SECONDS,
    DEFAULT_SENDER_ID_QUOTA,
    DEFAULT_UNSUPPORTED_COUNTRIES,
    ENDPOINT_ENV_VAR,
    MOTO_SERVICE_KEY,
    REGISTRATION_DEFINITIONS_ENV_VAR,
    RELEASE_WINDOW_ENV_VAR,
    SERVICE_NAME,
)

__all__ = [
    "CONTROL_PATH_PREFIX",
    "DEFAULT_ACCOUNT_ID",
    "DEFAULT_ATTACHMENT_UPLOAD_SECONDS",
    "DEFAULT_REGION",
    "DEFAULT_REGISTRATION_ONLY_COUNTRIES",
    "DEFAULT_REGISTRATION_PROVISIONING_SECONDS",
    "DEFAULT_REGISTRATION_QUOTAS",
    "DEFAULT_RELEASE_WINDOW_SECONDS",
    "DEFAULT_SENDER_ID_QUOTA",
    "DEFAULT_UNSUPPORTED_COUNTRIES",
    "ENDPOINT_ENV_VAR",
    "MOTO_SERVICE_KEY",
    "REGISTRATION_DEFINITIONS_ENV_VAR",
    "RELEASE_WINDOW_ENV_VAR",
    "SERVICE_NAME",
    "EmulatorControl",
    "EmulatorServer",
    "InProcessControl",
    "approve_registration",
    "auto_approve_registrations",
    "call_counts",
    "configure",
    "current_config",
    "deny_registration",
    "inject_fault",
    "load_registration_definitions",
    "make_client",
    "register",
    "reset",
    "reset_call_counts",
    "seed_sender_id",
    "start_registration_review",
]

