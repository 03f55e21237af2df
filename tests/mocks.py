"""Pulumi mocks whose `new_resource` runs the real provider, loaded from the `__provider` input.

`pulumi.runtime.set_mocks` never calls provider methods on its own; this makes a program's typed
args, the wire names and the output attributes meet the real check/create/read code, with the
emulator behind it, exactly once per resource, like `pulumi up` would.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import dill
import pulumi
import pytest
from pulumi.dynamic import ConfigureRequest, ResourceProvider
from pulumi.dynamic.config import Config
from pulumi.runtime import rpc

TYPE_TOKEN = "pulumi-python:dynamic/smsvoice:SenderId"
PROVIDER_KEY = "__provider"


class CheckFailed(Exception):
    """The provider's check refused the inputs (what `pulumi preview` would print)."""


@dataclass
class ProviderBackedMocks(pulumi.runtime.Mocks):
    """Records every resource and the stack's outputs; sender IDs go through the real provider."""

    config: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    pickles: list[str] = field(default_factory=list)

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[Any, Any]]:
        if args.typ != TYPE_TOKEN:
            return f"{args.name}-id", dict(args.inputs)
        pickle = rpc.unwrap_rpc_secret(args.inputs[PROVIDER_KEY])  # the engine stores it as a secret
        self.pickles.append(pickle)
        provider: ResourceProvider = dill.loads(base64.b64decode(pickle))
        provider.configure(ConfigureRequest(Config(self.config, "project")))
        props = {k: v for k, v in args.inputs.items() if k != PROVIDER_KEY}
        if args.resource_id:
            read = provider.read(args.resource_id, props)
            self.resources[args.name] = read.outs
            return read.id or None, read.outs
        checked = provider.check({}, props)
        if checked.failures:
            raise CheckFailed("; ".join(f.reason for f in checked.failures))
        created = provider.create(checked.inputs)
        self.resources[args.name] = created.outs or {}
        return created.id, created.outs or {}

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None


@pytest.fixture
def pulumi_mocks(emulated: Any) -> Iterator[ProviderBackedMocks]:
    """Pulumi mocks with the real provider behind them, on the in-process emulator."""
    mocks = ProviderBackedMocks(config={"aws:region": "eu-west-2"})
    pulumi.runtime.set_mocks(mocks, project="project", stack="test", preview=False)
    yield mocks
