#!/usr/bin/env bash
# Benchmark the provider through its real process and the local emulator: AWS calls, wall time and
# overhead against plain boto3 per lifecycle step, and the provider's peak memory, for N sender IDs.
# Sets up .venv the way test.sh does (once). Arguments go to `python -m tests.benchmarks`, e.g.
#   ./bench.sh --sizes 1,100,500 --json benchmark-results.json --parallel 4 --repeat 3 [--strict] [--profile DIR]
#   ./bench.sh --mode cli [--sizes 100]   # the real Pulumi CLI (scripts/pulumi-cli.sh builds it) beside the harness
# Prints a table and the targets (PASS/MISS) and writes JSON. See docs/benchmark.md.
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if ! .venv/bin/python -c 'import pulumi_sms_sender_id, moto, grpc' 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' 2>&1 | grep -v '^WARNING: Location' || true
fi
exec .venv/bin/python -m tests.benchmarks "$@"
