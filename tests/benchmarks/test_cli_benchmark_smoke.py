"""Smoke test of `--mode cli` (N=2, one round): a CLI test like those in tests/cli (it runs wherever the CLI is,
and CI requires it), because it also proves the engine and the harness make the same AWS calls and RPCs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmarks.__main__ import main
from tests.cli.support import needs_cli

pytestmark = [pytest.mark.benchmark, pytest.mark.usefixtures("restored_environ")]


@needs_cli()
def test_cli_mode_times_the_four_steps_on_both_drivers_and_finds_they_make_the_same_aws_calls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.json"
    assert main(["--mode", "cli", "--sizes", "2", "--json", str(out), "--strict"]) == 0
    printed = capsys.readouterr().out
    assert "| up " in printed and "CLI ms/ID" in printed and "benchmark runtime" in printed
    results = json.loads(out.read_text())
    steps = {s["step"]: s for s in results["steps"]}
    assert set(steps) == {"preview", "up", "refresh", "destroy"}
    assert steps["preview"]["aws_calls_cli"] == {} == steps["preview"]["aws_calls_harness"]
    assert steps["up"]["aws_calls_cli"] == {"DescribeSenderIds": 2, "RequestSenderId": 2}
    assert steps["up"]["rpcs_cli"] == {"Check": 2, "Create": 2} == steps["up"]["rpcs_harness"]
    assert steps["destroy"]["aws_calls_cli"] == {"ReleaseSenderId": 2} == steps["destroy"]["aws_calls_harness"]
    assert results["disagreements"] == []
    for step in steps.values():
        chosen = step["median_round"]
        assert chosen["cli_seconds"] > chosen["cli_zero_seconds"] > 0 and chosen["harness_seconds"] > 0
        segments = chosen["cli_wall_segments"]
        assert segments["provider start-up"] > 0 and segments["provider busy"] > 0
        assert (
            abs(
                sum(segments[k] for k in ("start-up", "to first step", "steps", "after steps", "exit"))
                - chosen["cli_seconds"]
            )
            < 0.01
        )
        assert chosen["cpu_seconds"]["cli"]["pulumi (Go)"] > 0 and chosen["cpu_seconds"]["cli"]["provider"] > 0


def test_cli_mode_without_a_cli_says_how_to_build_one_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("tests.benchmarks.cli.PULUMI", None)
    assert main(["--mode", "cli", "--sizes", "2", "--json", ""]) == 2
    assert "scripts/pulumi-cli.sh" in capsys.readouterr().err
