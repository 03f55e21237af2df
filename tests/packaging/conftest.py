"""Build the sdist and wheel once per session, and install the wheel into a fresh virtualenv outside the
repository, the way a user who never sees this checkout gets the package."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import time
import venv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: A user's project (three sender IDs, its own tests); the packaging tests copy it out of the repository.
USER_PROJECT = Path(__file__).resolve().parent / "user_project"

collect_ignore = ["user_project"]  # its tests run in the fresh virtualenv, as the user runs them


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@dataclass(frozen=True)
class FreshEnv:
    """A virtualenv holding only the installed wheel; the dependencies come from the test's own
    environment through a path entry, so the suite needs no network."""

    root: Path
    install_seconds: float = 0.0  # `pip install` of the wheel

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def run(
        self, *args: str, cwd: Path, timeout: float = 300, env: Mapping[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.python), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False, env=env
        )


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return Built(wheel, sdist)


@pytest.fixture(scope="session")
def fresh_env(built: Built, tmp_path_factory: pytest.TempPathFactory) -> FreshEnv:
    root = tmp_path_factory.mktemp("user-venv")
    venv.create(root, with_pip=False)
    env = FreshEnv(root)
    site = Path(
        subprocess.check_output(
            [str(env.python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    # The test environment's packages (pulumi, boto3, moto, pytest) without its editable checkout: a plain
    # path entry adds the directory but does not run the .pth files inside it.
    (site / "zz-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env.python), "install", "--quiet", "--no-deps", str(built.wheel)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return FreshEnv(root, install_seconds=time.monotonic() - started)
