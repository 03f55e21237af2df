"""`adopt` end to end through the real provider process: generate with `python -m`, up, up again, drop the flag."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from tests.adoption.support import HELD_KEYS, REGIONS, adopt_command, aws_holds, declared_inputs, mutations, seed
from tests.engine.harness import Engine


def test_generated_program_adopts_with_no_change_and_the_next_ups_are_no_ops(
    tmp_path: Path, engine: Engine, emulator: Any
) -> None:
    seed(emulator.control)
    held = aws_holds(lambda region: emulator.client(region_name=region))
    emulator.control.reset_call_counts()
    program = tmp_path / "infra" / "__main__.py"
    regions = [arg for region in REGIONS for arg in ("--region", region)]
    generated = subprocess.run(
        adopt_command(*regions, "--output", str(program), "--requests-per-second", "1000"),
        env={**os.environ, **emulator.env()},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert generated.returncode == 0, generated.stderr
    declared = declared_inputs(program.parent)
    assert len(declared) == len(held)

    steps = engine.up(declared)

    assert {step.op for step in steps.values()} == {"create"}
    assert mutations(emulator.control.call_counts()) == {}, "adoption leases, tags, untags and updates nothing"
    adopted = {r.id: {k: r.outputs.get(k) for k in HELD_KEYS} for r in engine.state.values()}
    assert adopted == held

    emulator.control.reset_call_counts()
    assert {step.op for step in engine.up(declared).values()} == {"same"}
    without_flag = {name: {k: v for k, v in each.items() if k != "adopt_existing"} for name, each in declared.items()}
    assert {step.op for step in engine.up(without_flag).values()} == {"same"}
    assert emulator.control.call_counts() == {}, "a second up, and dropping adopt_existing, call AWS not at all"
