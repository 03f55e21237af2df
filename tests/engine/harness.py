"""Play the Pulumi engine against the real dynamic-provider process, over gRPC.

`ProviderProcess` starts `python -u -m pulumi.dynamic` the way the engine does and wraps each RPC.
One process serves every dynamic resource of a stack, sender IDs and registrations alike: a program's
entry is a `SenderId`'s inputs, or `registration(...)`'s for a `Registration`.
`Engine` keeps stack state (inputs, outputs, id per resource) and plays the engine's sequences:
preview (Check, plus Diff for existing resources), up (Check, Diff, Create / Update / replacement in
the order Diff asks for), refresh (Read with old outputs and inputs, then the swapped Diff), destroy
(Delete with old outputs) and get (Read with the id and `__provider` only). Only what the gRPC
answers carry reaches the next step, exactly as with stored state.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import grpc
from google.protobuf import struct_pb2  # type: ignore[import-untyped]
from pulumi.dynamic.dynamic import PROVIDER_KEY, serialize_provider
from pulumi.output import Unknown
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2
from pulumi.runtime.proto.provider_pb2_grpc import ResourceProviderStub

from pulumi_sms_sender_id import RegistrationProvider, SenderIdProvider
from pulumi_sms_sender_id.registration.resource import TYPE_TOKEN as REGISTRATION_TYPE_TOKEN
from pulumi_sms_sender_id.resource import TYPE_TOKEN
from pulumi_sms_sender_id.testing import mocks

UNKNOWN = rpc.UNKNOWN  # how the engine spells a value that is not known during preview
PICKLE = serialize_provider(SenderIdProvider())


@dataclass(frozen=True)
class Kind:
    """A resource type of the package: its type token and its provider's `__provider` value."""

    type_token: str
    pickle: str


SENDER_ID = Kind(TYPE_TOKEN, PICKLE)
REGISTRATION = Kind(REGISTRATION_TYPE_TOKEN, serialize_provider(RegistrationProvider()))


class Declared(dict[str, Any]):
    """A program's entry for a resource other than a `SenderId`: its inputs, and its kind."""

    def __init__(self, kind: Kind, inputs: Mapping[str, Any]) -> None:
        super().__init__(inputs)
        self.kind = kind


def registration(**inputs: Any) -> Declared:
    """A `Registration` in a program (plain dicts are `SenderId`s)."""
    return Declared(REGISTRATION, inputs)


def kind_of(inputs: Mapping[str, Any]) -> Kind:
    return inputs.kind if isinstance(inputs, Declared) else SENDER_ID


class ProviderError(Exception):
    """A failed provider RPC; `message` is the last line the user reads, `details` the full text."""

    def __init__(self, method: str, details: str) -> None:
        self.details = details
        lines = [line for line in details.strip().splitlines() if line.strip()]
        self.message = lines[-1] if lines else details
        super().__init__(f"{method}: {self.message}")


class CheckFailed(mocks.CheckFailed):
    """The package's CheckFailed (check refused the inputs), with the failures per property of the gRPC answer."""

    def __init__(self, name: str, failures: dict[str, str]) -> None:
        self.failures = failures
        super().__init__(f"{name}: {failures}")


def _wire(value: Any) -> Any:
    """Plain protobuf values, with unknowns in the engine's spelling."""
    if isinstance(value, Unknown):
        return UNKNOWN
    if isinstance(value, Mapping):
        return {k: _wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_wire(v) for v in value]
    return value


def _struct(props: Mapping[str, Any]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    struct.update(_wire(props))
    return struct


def _props(struct: struct_pb2.Struct) -> dict[str, Any]:
    values = rpc.deserialize_properties(struct, keep_unknowns=True)
    return {k: rpc.unwrap_rpc_secret(v) for k, v in values.items()}


def urn(name: str, type_token: str = TYPE_TOKEN) -> str:
    return f"urn:pulumi:test::project::{type_token}::{name}"


class ProviderProcess:
    """The dynamic provider's gRPC server, as a child process of the test."""

    def __init__(self, env: Mapping[str, str], config: Mapping[str, str]) -> None:
        child_env = {**os.environ, **env, "PULUMI_PROJECT": "project"}
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "pulumi.dynamic", "engine-test"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env,
            text=True,
        )
        assert self.process.stdout is not None
        port = self.process.stdout.readline().strip()
        if not port.isdigit():
            self.stop()
            raise RuntimeError(f"provider did not start: {port!r} {self.process.stderr and self.process.stderr.read()}")
        self.channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        self.stub = ResourceProviderStub(self.channel)
        self._configure(config)

    def _configure(self, config: Mapping[str, str]) -> None:
        """As the engine (v3.276.0, seen with PULUMI_DEBUG_GRPC) configures the default pulumi-python provider:
        CheckConfig, then Configure with the stack's config both as namespaced variables and as args, secrets
        and resources accepted. The dynamic provider answers CheckConfig UNIMPLEMENTED, which the engine accepts."""
        provider_urn = "urn:pulumi:test::project::pulumi:providers:pulumi-python::default"
        try:
            self.stub.CheckConfig(provider_pb2.CheckRequest(urn=provider_urn, olds=_struct({}), news=_struct(config)))
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.UNIMPLEMENTED:
                raise
        self.stub.Configure(
            provider_pb2.ConfigureRequest(
                variables={f"pulumi-python:config:{key}": value for key, value in config.items()},
                args=_struct(config),
                acceptSecrets=True,
                acceptResources=True,  # (the engine also sets sendsOldInputs*, unknown to this SDK's protos)
            )
        )

    def _call(self, method: str, request: Any) -> Any:
        try:
            return getattr(self.stub, method)(request)
        except grpc.RpcError as error:
            raise ProviderError(method, error.details() or str(error)) from None

    def check(
        self, name: str, olds: Mapping[str, Any], news: Mapping[str, Any], type_token: str = TYPE_TOKEN
    ) -> tuple[dict[str, Any], dict[str, str]]:
        request = provider_pb2.CheckRequest(urn=urn(name, type_token), olds=_struct(olds), news=_struct(news))
        answer = self._call("Check", request)
        return _props(answer.inputs), {f.property: f.reason for f in answer.failures}

    def diff(
        self, name: str, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any], type_token: str = TYPE_TOKEN
    ) -> provider_pb2.DiffResponse:
        request = provider_pb2.DiffRequest(id=id_, urn=urn(name, type_token), olds=_struct(olds), news=_struct(news))
        response: provider_pb2.DiffResponse = self._call("Diff", request)
        return response

    def create(self, name: str, props: Mapping[str, Any], type_token: str = TYPE_TOKEN) -> tuple[str, dict[str, Any]]:
        request = provider_pb2.CreateRequest(urn=urn(name, type_token), properties=_struct(props))
        answer = self._call("Create", request)
        return answer.id, _props(answer.properties)

    def read(
        self, name: str, id_: str, props: Mapping[str, Any], inputs: Mapping[str, Any], type_token: str = TYPE_TOKEN
    ) -> tuple[str, dict[str, Any], dict[str, Any]]:
        request = provider_pb2.ReadRequest(
            id=id_, urn=urn(name, type_token), properties=_struct(props), inputs=_struct(inputs)
        )
        answer = self._call("Read", request)
        return answer.id, _props(answer.properties), _props(answer.inputs)

    def update(
        self, name: str, id_: str, olds: Mapping[str, Any], news: Mapping[str, Any], type_token: str = TYPE_TOKEN
    ) -> dict[str, Any]:
        request = provider_pb2.UpdateRequest(id=id_, urn=urn(name, type_token), olds=_struct(olds), news=_struct(news))
        return _props(self._call("Update", request).properties)

    def delete(self, name: str, id_: str, props: Mapping[str, Any], type_token: str = TYPE_TOKEN) -> None:
        request = provider_pb2.DeleteRequest(id=id_, urn=urn(name, type_token), properties=_struct(props))
        self._call("Delete", request)

    def stop_and_read_stderr(self) -> str:
        """Stop the process; what it wrote to stderr, which the Pulumi CLI shows the user."""
        self.stop()
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def stop(self) -> None:
        if hasattr(self, "channel"):
            self.channel.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


#: Starts a provider process with stack config overrides (the `start_provider` fixture).
StartProvider = Callable[..., ProviderProcess]


@dataclass
class Resource:
    id: str
    inputs: dict[str, Any]
    outputs: dict[str, Any]
    kind: Kind = SENDER_ID


@dataclass
class Step:
    """What the engine decided for one resource: create, update, replace, same, delete, refresh."""

    op: str
    replaces: list[str] = field(default_factory=list)
    delete_before_replace: bool = False
    drift: bool = False


class Engine:
    """Stack state plus the engine's sequences. Programs are {resource name: inputs}: a plain mapping is a
    `SenderId`'s inputs, `registration(...)` a `Registration`'s. Resources are deleted in the reverse of
    the order they were created in, as the engine deletes dependents first."""

    def __init__(self, provider: ProviderProcess, parallel: int = 1) -> None:
        self.provider = provider
        self.state: dict[str, Resource] = {}
        self.parallel = parallel

    @staticmethod
    def declare(inputs: Mapping[str, Any]) -> dict[str, Any]:
        return {**inputs, PROVIDER_KEY: kind_of(inputs).pickle}

    def _each(self, names: Iterable[str], step: Any) -> dict[str, Step]:
        names = list(names)
        with ThreadPoolExecutor(max_workers=self.parallel) as pool:
            return dict(zip(names, pool.map(step, names), strict=True))

    def preview(self, program: Mapping[str, Mapping[str, Any]]) -> dict[str, Step]:
        def plan(name: str) -> Step:
            old = self.state.get(name)
            checked = self._check(name, old, program[name])
            if old is None:
                return Step("create")
            return self._decide(name, old, checked)

        steps = self._each(program, plan)
        steps.update({name: Step("delete") for name in self.state if name not in program})
        return steps

    def up(self, program: Mapping[str, Mapping[str, Any]]) -> dict[str, Step]:
        def apply(name: str) -> Step:
            old = self.state.get(name)
            kind = kind_of(program[name])
            checked = self._check(name, old, program[name])
            if old is None:
                self._create(name, checked, kind)
                return Step("create")
            step = self._decide(name, old, checked)
            if step.op == "update":
                outputs = self.provider.update(name, old.id, old.outputs, checked, kind.type_token)
                self.state[name] = Resource(old.id, checked, outputs, kind)
            elif step.op == "replace" and step.delete_before_replace:
                self.provider.delete(name, old.id, old.outputs, kind.type_token)
                del self.state[name]
                self._create(name, checked, kind)
            elif step.op == "replace":
                self._create(name, checked, kind)
                self.provider.delete(name, old.id, old.outputs, kind.type_token)
            return step

        steps = self._each(program, apply)
        gone = [name for name in reversed(self.state) if name not in program]
        steps.update(self._each(gone, self._delete))
        return steps

    def refresh(self) -> dict[str, Step]:
        def read(name: str) -> Step:
            old = self.state[name]
            token = old.kind.type_token
            id_, outputs, inputs = self.provider.read(name, old.id, old.outputs, old.inputs, token)
            if not id_:
                del self.state[name]
                return Step("delete")
            new_inputs = {**inputs, PROVIDER_KEY: old.inputs[PROVIDER_KEY]} if inputs else old.inputs
            self.state[name] = Resource(id_, new_inputs, outputs, old.kind)
            drift = self.provider.diff(name, id_, outputs, old.inputs, token)  # swapped: olds are the fresh outputs
            return Step("refresh", drift=drift.changes == provider_pb2.DiffResponse.DIFF_SOME)

        return self._each(list(self.state), read)

    def destroy(self) -> dict[str, Step]:
        return self._each(list(reversed(self.state)), self._delete)

    def get(self, name: str, id_: str, kind: Kind = SENDER_ID) -> dict[str, Any]:
        """`SenderId.get(name, id)` (or a `Registration`'s): Read with the id and only `__provider` as inputs."""
        _, outputs, _ = self.provider.read(name, id_, {}, {PROVIDER_KEY: kind.pickle}, kind.type_token)
        return outputs

    def _check(self, name: str, old: Resource | None, inputs: Mapping[str, Any]) -> dict[str, Any]:
        token = kind_of(inputs).type_token
        checked, failures = self.provider.check(name, old.inputs if old else {}, self.declare(inputs), token)
        if failures:
            raise CheckFailed(name, failures)
        return checked

    def _decide(self, name: str, old: Resource, checked: Mapping[str, Any]) -> Step:
        diff = self.provider.diff(name, old.id, old.outputs, checked, old.kind.type_token)
        if diff.changes != provider_pb2.DiffResponse.DIFF_SOME:
            return Step("same")
        if diff.replaces:
            return Step("replace", list(diff.replaces), diff.deleteBeforeReplace)
        return Step("update")

    def _create(self, name: str, checked: dict[str, Any], kind: Kind) -> None:
        id_, outputs = self.provider.create(name, checked, kind.type_token)
        self.state[name] = Resource(id_, checked, outputs, kind)

    def _delete(self, name: str) -> Step:
        old = self.state[name]
        self.provider.delete(name, old.id, old.outputs, old.kind.type_token)
        del self.state[name]
        return Step("delete")
