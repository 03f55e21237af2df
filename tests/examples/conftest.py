"""Fixtures for running example programs under Pulumi's mocks with the real provider and the emulator."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from pulumi_sms_sender_id.testing import RunResult, run_program
from tests.examples.support import RunExample


@pytest.fixture
def run_example(emulated: Any) -> RunExample:
    """Run a project's program once, like a first `pulumi up`, against the in-process emulator.

    Config is the project's `Pulumi.<stack>.yaml` plus `config`; without `aws:region` in either, the
    provider falls back to AWS_DEFAULT_REGION (eu-west-2, set by the root conftest). The emulator's reviewer
    approves every submitted registration at once, and AWS provisions its sender ID at once, so a program
    that registers a sender ID gets it within the run.
    """
    emulated.configure(attachment_upload_seconds=0.1, registration_provisioning_seconds=0)
    emulated.auto_approve_registrations(0)

    def run(project: Path, stack: str = "dev", config: Mapping[str, Any] | None = None) -> RunResult:
        return run_program(project, stack=stack, config=config)

    return run
