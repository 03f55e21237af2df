"""Fixtures of the emulator's registration tests (the others use the emulator's pytest plugin as is)."""

from __future__ import annotations

import pytest

from pulumi_sms_sender_id.emulator.testing import ClientAndControl

from .support import NO_RETRIES


@pytest.fixture
def instant_emulated(sms_voice_emulated: ClientAndControl) -> ClientAndControl:
    """(client, control) in both modes, where attachments upload and sender IDs provision at once
    (tests of those delays configure them), with a client that does not retry."""
    sms_voice_emulated.control.configure(attachment_upload_seconds=0, registration_provisioning_seconds=0)
    return ClientAndControl(sms_voice_emulated.new_client(config=NO_RETRIES), sms_voice_emulated.control)
