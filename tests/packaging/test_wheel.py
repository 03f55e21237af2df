"""What a user installs: the built sdist and wheel, checked as PyPI would, used from outside the repository."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from pulumi_sms_sender_id import __version__
from tests.packaging.conftest import ROOT, Built, FreshEnv


def test_the_sdist_and_wheel_pass_twine_check(built: Built) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(built.wheel), str(built.sdist)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_both_ship_the_license_the_metadata_declares(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = wheel.namelist()
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    with tarfile.open(built.sdist) as sdist:
        sdist_names = sdist.getnames()

    assert "License: Apache-2.0" in metadata or "License-Expression: Apache-2.0" in metadata
    license_text = (ROOT / "LICENSE").read_text()
    assert "Apache License" in license_text and "Version 2.0, January 2004" in license_text
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/LICENSE") for n in names)
    assert any(n.endswith("/LICENSE") for n in sdist_names)
    assert any(n.endswith("/CHANGELOG.md") for n in sdist_names)


def test_the_version_is_written_once_and_read_by_packaging_and_the_user_agent(built: Built) -> None:
    from pulumi_sms_sender_id.aws import client

    assert built.wheel.name.startswith(f"pulumi_sms_sender_id-{__version__}-")
    assert f"pulumi-sms-sender-id/{__version__}" == client.USER_AGENT
    assert f"## [{__version__}]" in (ROOT / "CHANGELOG.md").read_text()


def test_the_wheel_ships_typing_and_the_emulator(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
    assert "pulumi_sms_sender_id/py.typed" in names
    assert "pulumi_sms_sender_id/emulator/__main__.py" in names
    assert not any(name.startswith(("tests/", "examples/")) for name in names)


def test_the_installed_wheel_imports_from_its_own_environment(fresh_env: FreshEnv, tmp_path: Path) -> None:
    result = fresh_env.run(
        "-c",
        "import pulumi_sms_sender_id as p, pulumi_sms_sender_id.emulator as e; print(p.__file__); print(p.__version__)",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    location, version = result.stdout.split()
    assert Path(location).is_relative_to(fresh_env.root)
    assert version == __version__
