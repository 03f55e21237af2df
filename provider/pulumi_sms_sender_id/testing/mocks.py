"""Pulumi mocks with the real provider behind them, and a monitor that records what the engine would receive.

`ProviderBackedMocks` answers every `SenderId` and `Registration` with the real provider's `check` + `create`
(or `read` for `.get`), loaded from the `__provider` input exactly as the engine loads it.
`set_mocks` alone never calls provider methods; this does.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final

import dill
import pulumi
from pulumi.dynamic import ConfigureRequest, ResourceProvider
from pulumi.dynamic.config import Config
from pulumi.dynamic.dynamic import PROVIDER_KEY
from pulumi.runtime import rpc
from pulumi.runtime.mocks import MockMonitor

from ..registration.resource import TYPE_TOKEN as REGISTRATION_TYPE_TOKEN
from ..resource import TYPE_TOKEN

#: The resources of this package: the real provider answers them.
PROVIDED_TYPES: Final = frozenset({TYPE_TOKEN, REGISTRATION_TYPE_TOKEN})

STACK_TYPE: Final = "pulumi:pulumi:Stack"


class CheckFailed(Exception):
    """The provider's check refused the inputs (what `pulumi preview` would print)."""


@dataclass
class ProviderBackedMocks(pulumi.runtime.Mocks):
    """Mocks that record every resource; sender IDs and registrations go through the real provider, once
    each, like `pulumi up`.

    `config` is the whole stack config with namespaced keys (e.g. "aws:region"), as the engine hands it
    to the provider's `configure`. `set_mocks` alone never calls provider methods; this does.
    """

    config: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    pickles: list[str] = field(default_factory=list)
    project: str = "project"
    #: Installed afresh for every run or test (`run_program`, the `sender_id_mocks` fixture), so its
    #: monitor stands for one run: two SenderIds of the run declaring one sender ID are refused.
    one_run_per_instance: ClassVar[bool] = True

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[Any, Any]]:
        if args.typ not in PROVIDED_TYPES:
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
            reasons = "; ".join(f"{f.property}: {f.reason}" for f in checked.failures)
            raise CheckFailed(f"{args.name}: {reasons}")  # which of the program's resources, as `pulumi up` says
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


class RecordingMonitor(MockMonitor):
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
        if urn_parts(request.urn)[0] == STACK_TYPE:
            from pulumi.runtime.sync_await import _ensure_event_loop

            _ensure_event_loop()  # type: ignore[no-untyped-call]  # deserializing may meet resource references
            self.stack_outputs = reveal(rpc.deserialize_properties(request.outputs))
        return super().RegisterResourceOutputs(request)  # type: ignore[no-untyped-call]


def urn_parts(urn: str) -> tuple[str, str]:
    """(type, name) of `urn:pulumi:<stack>::<project>::<parent$...$type>::<name>`."""
    _, _, qualified_type, name = urn.split("::", 3)
    return qualified_type.split("$")[-1], name


def reveal(value: Any) -> Any:
    """Plain values from deserialized properties: secrets unwrapped (this is a local, throwaway run)."""
    if rpc.is_rpc_secret(value):
        return reveal(rpc.unwrap_rpc_secret(value))
    if isinstance(value, Mapping):
        return {k: reveal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [reveal(v) for v in value]
    return value
