#!/usr/bin/env bash
# Set up a virtualenv (once), install the package with its emulator and dev extras, then run
# ruff, mypy --strict and the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip show pulumi-sms-sender-id >/dev/null
echo "== ruff"
.venv/bin/ruff check provider tests examples
echo "== mypy --strict"
.venv/bin/mypy
# The Pulumi CLI that scripts/pulumi-cli.sh built, when it did: the CLI tests run on it (CI sets
# REQUIRE_PULUMI_CLI=1, so there they fail rather than skip without it).
if cli_bin="$(scripts/pulumi-cli.sh --where 2>/dev/null)"; then
  export PATH="$cli_bin:$PATH"
  echo "== pulumi CLI: $cli_bin/pulumi ($(pulumi version))"
fi
echo "== pytest"
exec .venv/bin/python -m pytest "$@"
