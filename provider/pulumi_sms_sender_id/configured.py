"""The base of the package's dynamic providers: settings from stack config, nothing in the pickle.

A provider is pickled by reference into each resource's `__provider` input. It carries no state when
pickled (`__getstate__`), so the same program serialises byte-identically on every machine; settings and
clients exist only inside the provider process (`configure`, or resolved on first use without the engine).
"""

from __future__ import annotations

from typing import Any

from pulumi.dynamic import ConfigureRequest, ResourceProvider

from .aws import settings


class ConfiguredProvider(ResourceProvider):
    """A dynamic provider whose settings come from stack config and the provider process's environment."""

    _settings: settings.Settings | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {}

    def configure(self, req: ConfigureRequest) -> None:
        self._settings = settings.resolve(req.config)

    @property
    def settings(self) -> settings.Settings:
        if self._settings is None:  # methods called without the engine (tests, scripts)
            self._settings = settings.resolve(None)
        return self._settings
