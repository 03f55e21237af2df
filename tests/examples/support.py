"""What the example tests share besides fixtures."""

from __future__ import annotations

from collections.abc import Callable

from pulumi_sms_sender_id.testing import RunResult

#: The `run_example` fixture: run a project's program once under the mocks, like a first `pulumi up`.
RunExample = Callable[..., RunResult]
