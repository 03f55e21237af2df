"""A Pulumi project read from disk, and its stack config as the engine hands it to a program."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]


@dataclass(frozen=True)
class Project:
    """A Pulumi project: where its Pulumi.yaml is, its name, and the program its `main:` points at."""

    directory: Path
    name: str
    program: Path
    config_defaults: dict[str, Any]


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
