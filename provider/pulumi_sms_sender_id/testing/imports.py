"""Run a program where the Python language host runs it, with its own modules imported afresh every time.

Why: the language host starts a new process per `pulumi up`, so `import infra` in a program always runs
`infra.py`. In one process (a test session) the second run would find `infra` in `sys.modules` and
register nothing. While a run lasts, the program's directory leads `sys.path`, the working directory is
the engine's, and the program's own modules (those found in its directory, never the installed
packages of a virtualenv kept there) are imported anew; afterwards the caller's modules, path and
working directory are back as they were.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType


def program_directory(program: Path) -> Path:
    """Where the program's own modules live: `main` itself if it is a directory, else the file's folder."""
    return program if program.is_dir() else program.parent


def _location(module: ModuleType) -> Path | None:
    file = getattr(module, "__file__", None)
    if file:
        return Path(file).resolve()
    paths = list(getattr(module, "__path__", []) or [])  # a namespace package has a path but no file
    return Path(paths[0]).resolve() if paths else None


def _is_own(name: str, module: ModuleType | None, directory: Path) -> bool:
    """Found in the program's directory: its top-level package or module sits right there."""
    location = _location(module) if module is not None else None
    if location is None or not location.is_relative_to(directory):
        return False
    first = location.relative_to(directory).parts[0]
    return name.partition(".")[0] in (first, first.removesuffix(".py"))


def _own_modules(directory: Path) -> dict[str, ModuleType]:
    return {name: module for name, module in list(sys.modules.items()) if _is_own(name, module, directory)}


@contextlib.contextmanager
def program_imports(program: Path, working_directory: Path) -> Iterator[None]:
    """Within: `program`'s folder first on `sys.path`, cwd `working_directory`, its own modules unloaded."""
    directory = program_directory(program).resolve()
    callers = _own_modules(directory)
    for name in callers:
        del sys.modules[name]
    saved_path, saved_cwd = list(sys.path), os.getcwd()
    sys.path.insert(0, str(directory))
    importlib.invalidate_caches()  # files written since the last run (tests do) must be seen
    os.chdir(working_directory)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
        for name in _own_modules(directory):
            del sys.modules[name]
        sys.modules.update(callers)
