"""docs/architecture.md stays true: every path and module it names exists, every subpackage is on it,
and the layering and invariants it states hold in the code.

What counts as a name the page makes a promise about:
- a path with a file name (`sender_id/leasing.py`, `tests/engine/test_safety.py`), optionally with a test
  or function after `::`; relative to the repository root when it starts with one of its folders, to
  `provider/` when it starts with `pulumi_sms_sender_id/`, to an installed package when it starts with
  that package's name (`pulumi/dynamic/__main__.py`), else to the package folder;
- a folder path of two or more parts (`tests/engine/`);
- a dotted name under the package (`pulumi_sms_sender_id.provider.SenderIdProvider`).
A one-part folder (`registration/`) only mentions a subpackage: the page may reserve a place for one that
has not landed yet.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

from tests.support import ROOT

PAGE: Final = ROOT / "docs" / "architecture.md"
PACKAGE: Final = ROOT / "provider" / "pulumi_sms_sender_id"
REPOSITORY_FOLDERS: Final = frozenset({"docs", "examples", "provider", "tests"})

PATH: Final = re.compile(
    r"(?<![\w./:-])(?P<path>(?:[A-Za-z_][\w.-]*/)+(?:[\w-]+\.(?:py|md|json|ya?ml|sh))?)(?:::(?P<name>\w+))?"
)
DOTTED: Final = re.compile(r"(?<![\w.])pulumi_sms_sender_id(?:\.\w+)+")


def _text() -> str:
    return PAGE.read_text()


def _resolve(path: str) -> Path:
    first = path.split("/", 1)[0]
    if first in REPOSITORY_FOLDERS:
        return ROOT / path
    if first == PACKAGE.name:
        return PACKAGE.parent / path
    if not (PACKAGE / first).exists():
        spec = importlib.util.find_spec(first)
        if spec is not None and spec.submodule_search_locations:
            return Path(next(iter(spec.submodule_search_locations))).parent / path
    return PACKAGE / path


def _named_paths() -> Iterator[tuple[str, str | None]]:
    for match in PATH.finditer(_text()):
        path = match["path"]
        if path.endswith("/") and path.count("/") == 1:
            continue  # a subpackage mentioned, not a promise that it exists
        yield path, match["name"]


def _defines(source: Path, name: str) -> bool:
    return any(
        isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name
        for node in ast.walk(ast.parse(source.read_text()))
    )


def test_the_page_names_paths() -> None:
    paths = [path for path, _ in _named_paths()]
    assert "sender_id/leasing.py" in paths
    assert any(path.startswith("tests/") for path in paths)


def test_every_path_the_page_names_exists() -> None:
    missing = [path for path, _ in _named_paths() if not _resolve(path).exists()]
    assert missing == [], f"docs/architecture.md names paths that do not exist: {missing}"


def test_every_test_the_page_names_exists() -> None:
    named = [(path, name) for path, name in _named_paths() if name is not None]
    assert named, "the invariants name their tests as path::test"
    missing = [f"{path}::{name}" for path, name in named if not _defines(_resolve(path), name)]
    assert missing == [], f"docs/architecture.md names tests that do not exist: {missing}"


def test_every_dotted_name_the_page_uses_exists() -> None:
    names = sorted(set(DOTTED.findall(_text())))
    assert "pulumi_sms_sender_id.provider.SenderIdProvider" in names
    missing = []
    for dotted in names:
        parts = dotted.split(".")
        target: object = importlib.import_module(parts[0])
        for index, attribute in enumerate(parts[1:], start=2):
            if not hasattr(target, attribute):  # a submodule not imported by its package yet
                try:
                    importlib.import_module(".".join(parts[:index]))
                except ModuleNotFoundError:
                    missing.append(dotted)
                    break
            target = getattr(target, attribute)
    assert missing == [], f"docs/architecture.md names modules or objects that do not exist: {missing}"


def _subpackages() -> list[str]:
    return sorted(path.parent.name for path in PACKAGE.glob("*/__init__.py"))


def test_every_subpackage_is_on_the_page() -> None:
    text = _text()
    subpackages = _subpackages()
    assert {"aws", "emulator", "sender_id"} <= set(subpackages)
    absent = [name for name in subpackages if not re.search(rf"(?<![\w.]){name}/", text)]
    assert absent == [], f"docs/architecture.md does not mention the subpackages {absent}: add them to its code map"


# -- the layering the page states ------------------------------------------------------------------------

#: What each part of the package may import from the package ("." is a module at the root, by name).
MAY_IMPORT: Final = {
    "aws": {"aws", "_version"},
    "configured": {"aws"},
    "sender_id": {"aws", "sender_id"},
    "registration": {"aws", "sender_id", "registration", "configured"},
    "emulator": {"emulator", "aws"},
    "provider": {"aws", "sender_id", "registration", "configured"},
    "resource": {"provider", "sender_id"},
}


def _part(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imported_parts(path: Path) -> set[str]:
    """The parts of the package a module imports (relative imports, and absolute ones of the package)."""
    depth = len(path.relative_to(PACKAGE).parts) - 1
    parts: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                up = node.level - 1
                base = list(path.relative_to(PACKAGE).parts[:depth])[: depth - up] if up <= depth else []
                module = [*base, *(node.module.split(".") if node.module else [])]
                names = [module[0]] if module else [alias.name for alias in node.names]
            elif node.module and node.module.split(".")[0] == PACKAGE.name:
                module = node.module.split(".")[1:]
                names = [module[0]] if module else [alias.name for alias in node.names]
            else:
                continue
            parts.update(names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                dotted = alias.name.split(".")
                if dotted[0] == PACKAGE.name and len(dotted) > 1:
                    parts.add(dotted[1])
    return parts


@pytest.mark.parametrize("part", sorted(MAY_IMPORT))
def test_each_layer_imports_only_the_layers_below_it(part: str) -> None:
    modules = [p for p in PACKAGE.rglob("*.py") if _part(p) == part]
    assert modules, part
    wrong = {str(m.relative_to(PACKAGE)): sorted(_imported_parts(m) - MAY_IMPORT[part]) for m in modules}
    assert {module: parts for module, parts in wrong.items() if parts} == {}


def test_nothing_outside_the_emulator_imports_it() -> None:
    importers = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if _part(p) != "emulator" and "emulator" in _imported_parts(p)
    ]
    assert importers == []


# -- the invariants' structural half: one module per irreversible call -----------------------------------


def _callers(operation: str) -> set[str]:
    """Modules of the provider (not the emulator, not the testing kit) that name an operation in code:
    the operation's name as a string of its own, or its boto3 method. The operations table lists every one."""
    method = re.sub(r"(?<!^)(?=[A-Z])", "_", operation).lower()
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if _part(path) in {"emulator", "testing"} or path == PACKAGE / "aws" / "operations.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            named = (isinstance(node, ast.Constant) and node.value == operation) or (
                isinstance(node, ast.Attribute) and node.attr == method
            )
            if named:
                found.add(str(path.relative_to(PACKAGE)))
    return found


def test_only_leasing_requests_and_only_sender_ids_releases() -> None:
    assert _callers("RequestSenderId") == {"sender_id/leasing.py"}
    assert _callers("ReleaseSenderId") == {"sender_id/sender_ids.py"}


def test_only_registrations_creates_and_deletes_registrations() -> None:
    assert _callers("CreateRegistration") == {"registration/registrations.py"}
    assert _callers("DeleteRegistration") == {"registration/registrations.py"}
    assert _callers("CreateRegistrationAttachment") == {"registration/attachments.py"}
