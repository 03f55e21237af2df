"""Run a Pulumi project's program without the Pulumi engine: Pulumi's mocks, the real provider, the emulator.

Why: the `pulumi` CLI is not always at hand (sandboxes, locked-down CI images), yet a program should be
proved the way Pulumi runs it. AWS is whatever boto3 is pointed at: the emulator server via
AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2, or the in-process emulator under moto's `mock_aws()`.

    python -m pulumi_sms_sender_id.testing examples/multi-country --stack dev --config aws:region=eu-west-2

Importable: `run_program(project_dir, stack=..., config=...) -> RunResult`, and `ProviderBackedMocks`
for a test's own `pulumi.runtime.set_mocks`. Needs only what the provider needs (pulumi brings dill,
protobuf and PyYAML); `import pulumi_sms_sender_id` does not load it.
"""

from .cli import HEADING, main
from .mocks import CheckFailed, ProviderBackedMocks, RegisteredResource
from .projects import Project, load_project, stack_config
from .runner import RunResult, run_program

__all__ = [
    "HEADING",
    "CheckFailed",
    "Project",
    "ProviderBackedMocks",
    "RegisteredResource",
    "RunResult",
    "load_project",
    "main",
    "run_program",
    "stack_config",
]
