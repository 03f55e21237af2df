"""Smoke test of the benchmark itself (tiny N): skipped unless RUN_BENCHMARKS=1; `./bench.sh` measures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.benchmarks.__main__ import main

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(
        os.environ.get("RUN_BENCHMARKS") != "1", reason="benchmark: set RUN_BENCHMARKS=1 or run ./bench.sh"
    ),
]


@pytest.mark.usefixtures("restored_environ")
def test_benchmark_runs_and_reports_every_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.json"
    assert main(["--sizes", "2", "--repeat", "1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "| create " in printed and "benchmark runtime" in printed
    results = json.loads(out.read_text())
    steps = {s["step"]: s for s in results["sizes"][0]["steps"]}
    assert steps["preview (new)"]["aws_calls_total"] == 0
    assert steps["create"]["aws_calls"] == {"DescribeSenderIds": 2, "RequestSenderId": 2}
    assert all(s["calls_identical_across_rounds_and_baseline"] for s in steps.values())
    calls_targets = [t for t in results["targets"] if "AWS calls" in t["name"]]
    assert calls_targets and all(t["passed"] for t in calls_targets)
    assert results["sizes"][0]["provider_peak_mib"] > 0
