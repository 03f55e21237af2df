"""Run a Pulumi project's program once, as the Python language host would, under `ProviderBackedMocks`.

The program runs with `run_in_stack` on a fresh event loop and stack config from `Pulumi.<stack>.yaml`,
in the engine's working directory with its own modules imported afresh (`imports`), so any number of
runs fit in one process. The stack outputs are captured as the engine receives them (the root stack's
RegisterResourceOutputs). Nothing is saved: every run is a first `pulumi up` of an empty stack.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import runpy
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from google.protobuf import empty_pb2  # type: ignore[import-untyped]
from pulumi.runtime.config import set_all_config
from pulumi.runtime.mocks import MockEngine, MockSettings
from pulumi.runtime.settings import set_root_resource
from pulumi.runtime.stack import run_in_stack

from .imports import program_imports
from .mocks import ProviderBackedMocks, RecordingMonitor, RegisteredResource, reveal, urn_parts
from .projects import Project, load_project, stack_config


@dataclass(frozen=True)
class RunResult:
    """What a run produced: the stack outputs (as `pulumi stack output --json --show-secrets` shows them) and
    every resource registered, in registration order."""

    project: str
    stack: str
    program: Path
    config: dict[str, str]
    outputs: dict[str, Any]
    resources: list[RegisteredResource]

    def resource(self, name: str, type_token: str | None = None) -> RegisteredResource:
        """The resource of that name (and type token, when two resources of different types share a name)."""
        for resource in self.resources:
            if resource.name == name and type_token in (None, resource.type):
                return resource
        raise KeyError(f"no resource named {name!r}; have {[r.name for r in self.resources]}")

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "stack": self.stack,
            "outputs": self.outputs,
            "resources": [
                {
                    "type": r.type,
                    "name": r.name,
                    "id": r.id,
                    "operation": r.operation,
                    "protect": r.protect,
                    "outputs": r.outputs,
                }
                for r in self.resources
            ],
        }


def quiet_about_unretrieved(loop: asyncio.AbstractEventLoop) -> None:
    """Make `loop` drop asyncio's "exception was never retrieved" reports (see `_drop_unretrieved`)."""
    loop.set_exception_handler(_drop_unretrieved)


def quiet_pulumi_loop() -> None:
    """The same for the event loop that `pulumi.runtime.test` runs tests on (Pulumi's own)."""
    from pulumi.runtime.sync_await import _ensure_event_loop

    quiet_about_unretrieved(_ensure_event_loop())  # type: ignore[no-untyped-call]


def _drop_unretrieved(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Drop asyncio's "exception was never retrieved" reports: when one resource fails, every output
    depending on it holds the same exception, and each would print its traceback when collected (over a
    thousand lines for three resources). The failure itself is raised from the run, once."""
    if str(context.get("message", "")).endswith("exception was never retrieved"):
        return
    loop.default_exception_handler(context)


def _working_directory(project: Project) -> Path:
    """The engine's: `main` when it is a directory, else the project's directory."""
    return project.program if project.program.is_dir() else project.directory


def _execute(program: Path, project: Project, stack: str, config: dict[str, str], monitor: RecordingMonitor) -> None:
    """Body of one run, inside its own context: settings, config and the root stack never leak out."""
    features = monitor.GetDeploymentInfo(empty_pb2.Empty()).supportedFeatures  # type: ignore[no-untyped-call]
    # Constructing MockSettings sets the runtime's context-local settings, as `set_mocks` does, minus the
    # root stack that `set_mocks` would create: `run_in_stack` creates it, as under the engine.
    MockSettings(  # type: ignore[no-untyped-call]
        monitor=monitor,
        monitor_features=set(features),
        engine=MockEngine(logging.getLogger("pulumi")),
        project=project.name,
        stack=stack,
        root_directory=str(project.directory),
        dry_run=False,
        organization="organization",
        callbacks=None,
        outputs=set(),
        lock=threading.Lock(),
    )
    set_root_resource(None)  # type: ignore[arg-type]  # run_in_stack creates the root stack itself
    set_all_config(config)

    def program_module() -> None:
        runpy.run_path(str(program), run_name="__main__")

    loop = asyncio.new_event_loop()
    quiet_about_unretrieved(loop)
    try:
        with program_imports(program, _working_directory(project)):
            loop.run_until_complete(run_in_stack(program_module))
    finally:
        # As the Automation API does: cancel what a failed program left pending, then close the loop.
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                loop.run_until_complete(task)
        loop.close()


def run_program(
    project_dir: str | Path,
    *,
    stack: str = "dev",
    config: Mapping[str, Any] | None = None,
    mocks: ProviderBackedMocks | None = None,
) -> RunResult:
    """Run the project's program once under mocks with the real provider; return its outputs and resources.

    `config` overrides the stack settings file (keys without a namespace belong to the project). The
    caller's own Pulumi settings (e.g. a test's `set_mocks`) are left untouched.
    """
    project = load_project(project_dir)
    values = stack_config(project, stack, config)
    mocks = mocks if mocks is not None else ProviderBackedMocks()
    mocks.config = dict(values)
    mocks.project = project.name
    monitor = RecordingMonitor(mocks)
    contextvars.copy_context().run(_execute, project.program, project, stack, values, monitor)
    if monitor.stack_outputs is None:
        raise RuntimeError(f"{project.program} finished without registering the stack's outputs")
    resources = [
        RegisteredResource(
            urn=urn,
            type=urn_parts(urn)[0],
            name=urn_parts(urn)[1],
            id=registration.id or None,
            outputs=reveal(dict(registration.state)),
            custom=monitor.custom.get(urn, True),
            read=urn in monitor.reads,
            protect=monitor.protect.get(urn, False),
        )
        for urn, registration in monitor.get_registered_resources().items()
    ]
    return RunResult(
        project=project.name,
        stack=stack,
        program=project.program,
        config=values,
        outputs=monitor.stack_outputs,
        resources=resources,
    )
