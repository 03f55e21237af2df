#!/usr/bin/env bash
# The main job in one command, from a fresh clone: create .venv, install the package with its
# emulator extra, start the emulator on a free loopback port, then `pulumi up` the quick-start
# program (examples/basic/, via ./Pulumi.yaml) on a `demo` stack kept in .pulumi-state/, print the
# stack outputs, and stop the emulator. Nothing reaches real AWS: fake credentials, local endpoint.
#
# Without the pulumi CLI it runs the same program once under Pulumi's mocks with the real provider
# against the same emulator (no engine, no saved state), and says so.
#
# Environment: PYTHON (interpreter for the virtualenv, default python3); DEMO_SKIP_INSTALL=1 reuses
# an existing .venv as is (the test suite uses it to stay offline); DEMO_WITHOUT_PULUMI=1 takes the mocks
# route even when a pulumi CLI is there.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
STACK="demo"
REGION="eu-west-2"
INSTALL_URL="https://www.pulumi.com/docs/install/"

say() { printf '%s\n' "$*"; }
fail() { printf 'demo.sh: %s\n' "$*" >&2; exit 1; }

tmp="$(mktemp -d)"
emulator_pid=""

# Stop the emulator on every exit path (success, error, Ctrl-C, kill) and prove it is gone.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$emulator_pid" ]; then
    if kill -0 "$emulator_pid" 2>/dev/null; then
      kill -TERM "$emulator_pid" 2>/dev/null || true
      for _ in $(seq 100); do
        kill -0 "$emulator_pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -0 "$emulator_pid" 2>/dev/null && kill -KILL "$emulator_pid" 2>/dev/null
    fi
    wait "$emulator_pid" 2>/dev/null || true
    if kill -0 "$emulator_pid" 2>/dev/null; then
      printf 'demo.sh: the emulator (pid %s) is still running; stop it with: kill %s\n' \
        "$emulator_pid" "$emulator_pid" >&2
      status=1
    else
      say "== Emulator stopped (pid $emulator_pid); no process left behind"
    fi
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. Virtualenv and package (skipped when pyproject.toml has not changed since the last install).
if [ ! -x "$PY" ]; then
  say "== Creating the virtualenv .venv"
  "${PYTHON:-python3}" -m venv "$VENV" || fail "could not create .venv (Python 3.10+ with the venv module is needed)"
fi
stamp="$VENV/.demo-installed"
wanted="$(cksum <pyproject.toml)"
if [ "${DEMO_SKIP_INSTALL:-0}" != 1 ] && [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
  say "== Installing pulumi-sms-sender-id with its emulator extra into .venv"
  if ! "$PY" -m pip install --quiet --disable-pip-version-check -e '.[emulator]' >"$tmp/pip.log" 2>&1; then
    cat "$tmp/pip.log" >&2
    fail "pip install failed (output above)"
  fi
  printf '%s\n' "$wanted" >"$stamp"
fi
"$PY" -c 'import pulumi, pulumi_sms_sender_id.emulator.server' 2>/dev/null \
  || fail ".venv lacks the package or its emulator extra; run ./demo.sh without DEMO_SKIP_INSTALL"

# 2. Keep every AWS call local: fake credentials, no profile or config file of yours, loopback unproxied.
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ENDPOINT_URL
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION="$REGION" AWS_DEFAULT_REGION="$REGION"
export AWS_CONFIG_FILE="$tmp/aws-config" AWS_SHARED_CREDENTIALS_FILE="$tmp/aws-credentials"
# The provider's journal of releases: this run's, not the one it keeps for your real AWS account.
export PULUMI_SMS_SENDER_ID_CACHE_DIR="$tmp/provider-cache"
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY"

# 3. The emulator on a free port: its first stdout line is the endpoint URL. Its output file exists
# before it starts: the background process opens it only once scheduled, and the wait below must never
# read a file that is not there yet.
: >"$tmp/emulator.out"
PYTHONUNBUFFERED=1 "$PY" -m pulumi_sms_sender_id.emulator --port 0 \
  >>"$tmp/emulator.out" 2>"$tmp/emulator.err" </dev/null &
emulator_pid=$!
endpoint=""
deadline=$((SECONDS + 30))
while [ -z "$endpoint" ]; do
  if [ "$(wc -l <"$tmp/emulator.out")" -ge 1 ]; then
    endpoint="$(head -n 1 "$tmp/emulator.out")"
  elif ! kill -0 "$emulator_pid" 2>/dev/null; then
    cat "$tmp/emulator.err" >&2
    fail "the emulator exited before printing its endpoint (output above)"
  elif [ "$SECONDS" -ge "$deadline" ]; then
    fail "the emulator printed no endpoint within 30 s"
  else
    sleep 0.1
  fi
done
case "$endpoint" in
  http://*) ;;
  *) fail "unexpected first line from the emulator: $endpoint" ;;
esac
export AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2="$endpoint"
say "== Emulator running at $endpoint (pid $emulator_pid)"

# 4a. No pulumi CLI (none on PATH, none built by scripts/pulumi-cli.sh), or DEMO_WITHOUT_PULUMI=1: the same
# program under Pulumi's mocks, with the real provider and this emulator.
if [ "${DEMO_WITHOUT_PULUMI:-0}" != 1 ] && cli_bin="$(scripts/pulumi-cli.sh --where 2>/dev/null)"; then
  export PATH="$cli_bin:$PATH"
fi
if [ "${DEMO_WITHOUT_PULUMI:-0}" = 1 ] || ! command -v pulumi >/dev/null 2>&1; then
  say "pulumi CLI not found: install it from $INSTALL_URL to run this demo with the Pulumi engine; running the quick-start program under Pulumi's mocks instead."
  "$PY" -m pulumi_sms_sender_id.testing . --stack "$STACK" --config "aws:region=$REGION"
  exit 0
fi

# 4b. The real thing: a local file backend inside the repo, a passphrase for the demo stack's secrets.
export PULUMI_BACKEND_URL="file://$ROOT/.pulumi-state"
export PULUMI_CONFIG_PASSPHRASE="demo"
export PULUMI_SKIP_UPDATE_CHECK=true
say "== Pulumi CLI: $(command -v pulumi) ($(pulumi version))"
mkdir -p "$ROOT/.pulumi-state"
say "== Pulumi backend: $PULUMI_BACKEND_URL (stack $STACK)"
pulumi stack select --create "$STACK" --non-interactive
pulumi config set aws:region "$REGION" --stack "$STACK" --non-interactive
# --refresh: the emulator starts empty every run, so reconcile the saved state with it first.
pulumi up --yes --refresh --stack "$STACK" --non-interactive
say "== Stack outputs (pulumi stack output --json)"
pulumi stack output --json --stack "$STACK" --non-interactive
