"""Run a Pulumi project's program without the Pulumi engine: Pulumi's mocks, the real provider, the emulator.

Why: the `pulumi` CLI is not always at hand (sandboxes, locked-down CI images), yet a program should be
proved the way Pulumi runs it. This runs the program the way the Python language host does
(`run_in_stack` on a fresh event loop, stack config from `Pulumi.<stack>.yaml`), answers every
`SenderId` registration with the real provider's `check` + `create` (or `read` for `SenderId.get`),
loaded from the `__provider` input exactly as the engine loads it, and captures the stack outputs as
the engine receives them (the root stack's RegisterResourceOutputs). Nothing is saved: every run is a
first `pulumi up` of an empty stack. AWS is whatever boto3 is pointed at: the emulator server via
AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2, or the in-process emulator under moto's `mock_aws()`.

    python examples/run_with_mocks.py examples/multi-country --stack dev --config aws:region=eu-west-2

Importable: `run_program(project_dir, stack=..., config=...) -> RunResult`, and `ProviderBackedMocks`.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import contextvars
import json
import logging
import runpy
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dill
import pulumi
import yaml  # type: ignore[import-untyped]
from google.protobuf import empty_pb2  # type: ignore[import-untyped]
from pulumi.dynamic import ConfigureRequest, ResourceProvider
from pulumi.dynamic.config import Config
from pulumi.runtime import rpc
from pulumi.runtime.config import set_all_config
from pulumi.runtime.mocks import MockEngine, MockMonitor, MockSettings
from pulumi.runtime.settings import set_root_resource
from pulumi.runtime.stack import run_in_stack

__all__ = [
    "HEADING",
    "PROVIDER_KEY",
    "TYPE_TOKEN",
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

TYPE_TOKEN = "pulumi-python:dynamic/smsvoice:SenderId"
PROVIDER_KEY = "__provider"
STACK_TYPE = "pulumi:pulumi:Stack"
HEADING = "Run without the Pulumi engine (mocks + real provider + local emulator; no state saved)"


class CheckFailed(Exception):
    """The provider's check refused the inputs (what `pulumi preview` would print)."""


@dataclass
class ProviderBackedMocks(pulumi.runtime.Mocks):
    """Mocks that record every resource; sender IDs go through the real provider, once each, like `pulumi up`.

    `config` is the whole stack config with namespaced keys (e.g. "aws:region"), as the engine hands it
    to the provider's `configure`. `set_mocks` alone never calls provider methods; this does.
    """

    config: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    pickles: list[str] = field(default_factory=list)
    project: str = "project"

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[Any, Any]]:
        if args.typ != TYPE_TOKEN:
            return f"{args.name}-id", dict(args.inputs)
        pickle = rpc.unwrap_rpc_secret(args.inputs[PROVIDER_KEY])  # the engine stores it as a secret
        self.pickles.append(pickle)
        provider: ResourceProvider = dill.loads(base64.b64decode(pickle))
        provider.configure(ConfigureRequest(Config(self.config, self.project)))
        props = {k: v for k, v in args.inputs.items() if k != PROVIDER_KEY}
        if args.resource_id:
            read = provider.read(args.resource_id, props)
            self.resources[args.name] = read.outs or {}
            return read.id or None, read.outs or {}
        checked = provider.check({}, props)
        if checked.failures:
            raise CheckFailed("; ".join(f"{f.property}: {f.reason}" for f in checked.failures))
        created = provider.create(checked.inputs)
        self.resources[args.name] = created.outs or {}
        return created.id, created.outs or {}

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@dataclass(frozen=True)
class RegisteredResource:
    """One resource the program declared, with what the mocks answered."""

    urn: str
    type: str
    name: str
    id: str | None
    outputs: dict[str, Any]
    custom: bool
    read: bool
    protect: bool = False

    @property
    def operation(self) -> str:
        return "read" if self.read else "create" if self.custom else "component"


class _RecordingMonitor(MockMonitor):
    """The stock mock monitor, plus the root stack's outputs and which registrations were reads."""

    def __init__(self, mocks: pulumi.runtime.Mocks) -> None:
        super().__init__(mocks)
        self.stack_outputs: dict[str, Any] | None = None
        self.custom: dict[str, bool] = {}
        self.protect: dict[str, bool] = {}
        self.reads: set[str] = set()
        self._lock = threading.Lock()

    # The method names are the ResourceMonitor gRPC service's.
    def RegisterResource(self, request: Any) -> Any:  # noqa: N802
        response = super().RegisterResource(request)  # type: ignore[no-untyped-call]
        with self._lock:
            self.custom[response.urn] = bool(request.custom)
            self.protect[response.urn] = bool(request.protect)
        return response

    def ReadResource(self, request: Any) -> Any:  # noqa: N802
        response = super().ReadResource(request)  # type: ignore[no-untyped-call]
        with self._lock:
            self.custom[response.urn] = True
            self.reads.add(response.urn)
        return response

    def RegisterResourceOutputs(self, request: Any) -> Any:  # noqa: N802
        if _urn_parts(request.urn)[0] == STACK_TYPE:
            from pulumi.runtime.sync_await import _ensure_event_loop

            _ensure_event_loop()  # type: ignore[no-untyped-call]  # deserializing may meet resource references
            self.stack_outputs = _reveal(rpc.deserialize_properties(request.outputs))
        return super().RegisterResourceOutputs(request)  # type: ignore[no-untyped-call]


def _urn_parts(urn: str) -> tuple[str, str]:
    """(type, name) of `urn:pulumi:<stack>::<project>::<parent$...$type>::<name>`."""
    _, _, qualified_type, name = urn.split("::", 3)
    return qualified_type.split("$")[-1], name


def _reveal(value: Any) -> Any:
    """Plain values from deserialized properties: secrets unwrapped (this is a local, throwaway run)."""
    if rpc.is_rpc_secret(value):
        return _reveal(rpc.unwrap_rpc_secret(value))
    if isinstance(value, Mapping):
        return {k: _reveal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_reveal(v) for v in value]
    return value


@dataclass(frozen=True)
class Project:
    """A Pulumi project: where its Pulumi.yaml is, its name, and the program its `main:` points at."""

    directory: Path
    name: str
    program: Path
    config_defaults: dict[str, Any]


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

    def resource(self, name: str) -> RegisteredResource:
        for resource in self.resources:
            if resource.name == name:
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


def load_project(directory: str | Path) -> Project:
    """Read `<directory>/Pulumi.yaml`: the project name, its `main:` program and its config defaults."""
    root = Path(directory).resolve()
    manifest = root / "Pulumi.yaml"
    if not manifest.is_file():
        raise FileNotFoundError(f"{manifest} not found: pass the directory of a Pulumi project")
    document = yaml.safe_load(manifest.read_text()) or {}
    name = document.get("name")
    if not isinstance(name, str) or not name:
        raise ValueError(f"{manifest} has no project name")
    runtime = document.get("runtime")
    runtime_name = runtime.get("name") if isinstance(runtime, Mapping) else runtime
    if runtime_name != "python":
        raise ValueError(f"{manifest}: runtime is {runtime_name!r}; only Python programs can run here")
    program = (root / str(document.get("main") or ".")).resolve()
    if not (program.is_file() or (program / "__main__.py").is_file()):
        raise FileNotFoundError(f"{manifest}: main {program} is neither a .py file nor a directory with __main__.py")
    defaults: dict[str, Any] = {}
    for key, spec in (document.get("config") or {}).items():
        # Project-level config: a plain value, {value: ...}, or a declaration with a default.
        if isinstance(spec, Mapping):
            if "value" in spec:
                defaults[key] = spec["value"]
            elif "default" in spec:
                defaults[key] = spec["default"]
        else:
            defaults[key] = spec
    return Project(directory=root, name=name, program=program, config_defaults=defaults)


def _config_string(key: str, value: Any) -> str:
    """Config values reach a program as strings; structured ones as JSON (what `Config.get_object` parses)."""
    if isinstance(value, Mapping) and "secure" in value:
        raise ValueError(f"config {key} is a secret encrypted by the Pulumi CLI; pass its value with --config instead")
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value)


def _namespaced(project: str, key: str) -> str:
    return key if ":" in key else f"{project}:{key}"


def stack_config(project: Project, stack: str, overrides: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The stack's config as the engine passes it: project defaults < Pulumi.<stack>.yaml < overrides."""
    merged: dict[str, Any] = {_namespaced(project.name, k): v for k, v in project.config_defaults.items()}
    settings_file = project.directory / f"Pulumi.{stack}.yaml"
    if settings_file.is_file():
        document = yaml.safe_load(settings_file.read_text()) or {}
        for key, value in (document.get("config") or {}).items():
            merged[_namespaced(project.name, key)] = value
    for key, value in (overrides or {}).items():
        merged[_namespaced(project.name, key)] = value
    return {key: _config_string(key, value) for key, value in merged.items()}


def _execute(program: Path, project: Project, stack: str, config: dict[str, str], monitor: _RecordingMonitor) -> None:
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
    try:
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
    monitor = _RecordingMonitor(mocks)
    contextvars.copy_context().run(_execute, project.program, project, stack, values, monitor)
    if monitor.stack_outputs is None:
        raise RuntimeError(f"{project.program} finished without registering the stack's outputs")
    resources = [
        RegisteredResource(
            urn=urn,
            type=_urn_parts(urn)[0],
            name=_urn_parts(urn)[1],
            id=registration.id or None,
            outputs=_reveal(dict(registration.state)),
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


_SHOWN = {"create": ("+", "created"), "read": ("=", "read"), "component": (" ", "component")}


def _report(result: RunResult) -> str:
    try:
        program = result.program.relative_to(Path.cwd())
    except ValueError:
        program = result.program
    lines = [
        f"== {HEADING}",
        f"project {result.project}, stack {result.stack}, program {program}",
        "",
        f"Resources ({len(result.resources)}):",
    ]
    width = max((len(r.type) for r in result.resources), default=0)
    for resource in sorted(result.resources, key=lambda r: r.name):
        sign, done = _SHOWN[resource.operation]
        lines.append(f"  {sign} {resource.type:<{width}}  {resource.name}  {done}  id={resource.id}")
    lines += ["", "Stack outputs:", json.dumps(result.outputs, indent=2, sort_keys=True)]
    return "\n".join(lines)


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="run_with_mocks.py",
        description="Run a Pulumi project's Python program under Pulumi's mocks with the real sender-ID "
        "provider (no Pulumi engine, no saved state). AWS calls go wherever boto3 points, e.g. the "
        "emulator via AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2.",
    )
    parser.add_argument("project", nargs="?", default=".", help="directory holding Pulumi.yaml (default: .)")
    parser.add_argument("--stack", default="dev", help="stack name; reads Pulumi.<stack>.yaml if present")
    parser.add_argument(
        "--config", type=_key_value, action="append", default=[], metavar="KEY=VALUE", help="stack config value"
    )
    parser.add_argument("--json", action="store_true", help="print outputs and resources as one JSON document")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        result = run_program(args.project, stack=args.stack, config=dict(args.config))
    except Exception as error:  # the program's own failure: report it like `pulumi up` would, briefly
        print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result.to_json(), indent=2, sort_keys=True) if args.json else _report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
