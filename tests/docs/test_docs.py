"""The README and docs/ hold together: the README stays short and links every page, every relative link
and anchor resolves, and the README's IAM policy and configuration table say what `aws/settings.py` says.

(The inputs and outputs tables are tests/provider/test_schema.py's; the tested code blocks are checked
where they run: tests/examples/test_testing_kit.py and tests/emulator/test_server.py.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Final

import pytest

from pulumi_sms_sender_id.aws import settings
from tests.support import ROOT

README: Final = ROOT / "README.md"
DOCS: Final = ROOT / "docs"
#: Issue 18: the README keeps what a user reads first; the reference lives in docs/.
README_MAX_LINES: Final = 360

LINK: Final = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")
FENCE: Final = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def _pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md")), *sorted((ROOT / "examples").rglob("*.md"))]


def _section(text: str, heading: str) -> str:
    """The text under `heading`, up to the next heading of the same level."""
    body = text.split(f"\n{heading}\n", 1)[1]
    return re.split(r"\n## ", body, maxsplit=1)[0]


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    anchors: set[str] = set()
    for line in FENCE.sub("", page.read_text()).splitlines():
        if line.startswith("#"):
            slug = _slug(line.lstrip("#"))
            n = 0
            while (candidate := slug if n == 0 else f"{slug}-{n}") in anchors:
                n += 1
            anchors.add(candidate)
    return anchors


def test_the_readme_stays_within_its_line_budget() -> None:
    lines = len(README.read_text().splitlines())
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines; move reference material to docs/"


def test_the_readme_links_every_page_of_docs() -> None:
    linked = {match["target"].split("#")[0] for match in LINK.finditer(README.read_text())}
    unlinked = [f"docs/{page.name}" for page in sorted(DOCS.glob("*.md")) if f"docs/{page.name}" not in linked]
    assert unlinked == []


@pytest.mark.parametrize("page", _pages(), ids=lambda page: str(page.relative_to(ROOT)))
def test_every_relative_link_and_anchor_resolves(page: Path) -> None:
    broken = []
    for match in LINK.finditer(FENCE.sub("", page.read_text())):
        target = match["target"]
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        missing_anchor = bool(anchor) and file.suffix == ".md" and file.exists() and anchor not in _anchors(file)
        if not file.exists() or missing_anchor:
            broken.append(target)
    assert broken == []


def test_the_readmes_iam_policy_allows_the_operations_the_provider_calls() -> None:
    block = re.search(r"```json\n(?P<policy>.*?)```", _section(README.read_text(), "## IAM permissions"), re.S)
    assert block, "README's IAM permissions section holds the policy as a json block"
    actions = json.loads(block["policy"])["Action"]
    assert actions == [f"sms-voice:{operation}" for operation in settings.OPERATIONS]


def test_the_readmes_configuration_names_every_setting_and_its_default() -> None:
    section = _section(README.read_text(), "## Configuration")
    keys = [value for name, value in vars(settings).items() if name.endswith("_KEY")]
    assert len(keys) == 5
    assert [key for key in keys if key not in section] == []
    assert f"| {settings.DEFAULT_REREQUEST_TIMEOUT:g} seconds |" in section
    assert f"| {settings.DEFAULT_THROTTLE_TIMEOUT:g} seconds |" in section
    assert f"| {settings.DEFAULT_REQUESTS_PER_SECOND:g} (AWS's default quota) |" in section
