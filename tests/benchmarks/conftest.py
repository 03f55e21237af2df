"""Fixtures of the benchmark smoke tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture
def restored_environ() -> Iterator[None]:
    """The benchmark isolates AWS settings in os.environ for its child processes; undo that afterwards."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)
