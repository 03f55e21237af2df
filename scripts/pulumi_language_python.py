"""A stand-in for Pulumi's Go language host, `pulumi-language-python`, for contributors who build the CLI offline.

Why it exists: the Go module proxy here serves the CLI (`pkg/v3`) but not the language host's own untagged
module (`sdk/python/cmd/pulumi-language-python/v3`). Users never need this: Pulumi's installer ships the real
host. What runs the program is Pulumi's own `pulumi-language-python-exec` (copied from the sdk/v3 module by
scripts/pulumi-cli.sh), started exactly as the Go host starts it: the project's virtualenv python, the same
flags, `PULUMI_CONFIG` and `PULUMI_CONFIG_SECRET_KEYS` in its environment, its stdout and stderr the host's.
This file only serves the LanguageRuntime gRPC calls a preview, up, refresh or destroy makes: Handshake,
GetPluginInfo, GetRequiredPlugins/Packages (none: the dynamic provider's plugin script is found on PATH),
About, GetProgramDependencies and Run. `pulumi install`, `pulumi new` and code generation are not served.

The CLI starts it with the engine's address as the only argument and reads the port from its first line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent import futures
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import json_format  # type: ignore[import-untyped]
from pulumi.runtime.proto import language_pb2, language_pb2_grpc, plugin_pb2

EXEC = Path(__file__).resolve().with_name("pulumi-language-python-exec")
USER_ACTIONABLE_EXIT = 32  # pulumi-language-python-exec: the error was already shown to the user


def python_for(root: str, options: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The interpreter the Go host would pick: the `virtualenv` runtime option, else PULUMI_PYTHON_CMD or python3."""
    env = dict(os.environ)
    virtualenv = options.get("virtualenv")
    if virtualenv:
        venv = Path(virtualenv) if os.path.isabs(virtualenv) else Path(root) / virtualenv
        env["VIRTUAL_ENV"] = str(venv)
        env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        env.pop("PYTHONHOME", None)
        return str(venv / "bin" / "python"), env
    return env.get("PULUMI_PYTHON_CMD", "python3"), env


class LanguageHost(language_pb2_grpc.LanguageRuntimeServicer):
    """The calls the engine makes of a Python language host during preview, up, refresh and destroy."""

    def __init__(self, engine_address: str, version: str) -> None:
        self.engine_address = engine_address
        self.version = version  # the CLI's: the Go host is released with it

    def Handshake(self, request: Any, context: Any) -> Any:  # noqa: N802 (gRPC method names)
        return language_pb2.LanguageHandshakeResponse()

    def GetPluginInfo(self, request: Any, context: Any) -> Any:  # noqa: N802
        return plugin_pb2.PluginInfo(version=self.version)

    def GetRequiredPlugins(self, request: Any, context: Any) -> Any:  # noqa: N802
        return language_pb2.GetRequiredPluginsResponse()

    def GetRequiredPackages(self, request: Any, context: Any) -> Any:  # noqa: N802
        return language_pb2.GetRequiredPackagesResponse()

    def About(self, request: Any, context: Any) -> Any:  # noqa: N802
        options = _options(request.info)
        python, env = python_for(request.info.root_directory, options)
        version = subprocess.run([python, "--version"], env=env, capture_output=True, text=True).stdout.split()[-1]
        return language_pb2.AboutResponse(executable=python, version=version)

    def GetProgramDependencies(self, request: Any, context: Any) -> Any:  # noqa: N802
        python, env = python_for(request.info.root_directory, _options(request.info))
        listed = subprocess.run(
            [python, "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
            env=env,
            capture_output=True,
            text=True,
        )
        packages = json.loads(listed.stdout or "[]")
        return language_pb2.GetProgramDependenciesResponse(
            dependencies=[language_pb2.DependencyInfo(name=p["name"], version=p["version"]) for p in packages]
        )

    def Run(self, request: Any, context: Any) -> Any:  # noqa: N802
        python, env = python_for(request.info.root_directory, _options(request.info))
        env["PULUMI_CONFIG"] = json.dumps(dict(request.config))
        env["PULUMI_CONFIG_SECRET_KEYS"] = json.dumps(list(request.configSecretKeys))
        done = subprocess.run([python, "-u", str(EXEC), *_exec_arguments(request, self.engine_address)], env=env)
        if done.returncode == 0:
            return language_pb2.RunResponse()
        if done.returncode == USER_ACTIONABLE_EXIT:
            return language_pb2.RunResponse(bail=True)
        return language_pb2.RunResponse(error=f"Program exited with non-zero exit code: {done.returncode}")


def _options(info: Any) -> dict[str, Any]:
    options: dict[str, Any] = json_format.MessageToDict(info.options) if info.HasField("options") else {}
    return options


def _exec_arguments(request: Any, engine_address: str) -> list[str]:
    """pulumi-language-python-exec's flags, as the Go host builds them."""
    flags = {
        "monitor": request.monitor_address,
        "engine": engine_address,
        "project": request.project,
        "stack": request.stack,
        "pwd": request.pwd,
        "dry_run": "true" if request.dryRun else "",
        "parallel": str(request.parallel),
        "organization": request.organization,
        "root_directory": request.info.root_directory,
    }
    arguments = [f"--{name}={value}" for name, value in flags.items() if value]
    program = request.info.entry_point or request.program or "."
    if request.info.program_directory:
        program = str(Path(request.info.program_directory) / program)
    return [*arguments, program, *request.args]


def main() -> None:
    engine_address = next((a for a in sys.argv[1:] if not a.startswith("-")), "")
    version = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--version=")), "v3.0.0")
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=[("grpc.max_receive_message_length", -1)])
    language_pb2_grpc.add_LanguageRuntimeServicer_to_server(LanguageHost(engine_address, version.lstrip("v")), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    try:
        server.wait_for_termination()
    except KeyboardInterrupt:  # the CLI stops its plugins with SIGINT once the operation ends
        server.stop(grace=None)


if __name__ == "__main__":
    main()
