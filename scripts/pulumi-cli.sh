#!/usr/bin/env bash
# Build the pinned Pulumi CLI from its Go modules, with the Python dynamic-provider plugin script beside it,
# into .tools/pulumi/<version>/bin (ignored by git). Idempotent: a second run reuses Go's module and build
# caches and takes seconds. The last line printed is the bin folder.
#
# Why build at all: Pulumi's release downloads are out of reach on these machines, the Go module proxy is not.
# The Python language host (pulumi-language-python) is its own untagged Go module that the proxy here does not
# serve; a Python stand-in takes its place (scripts/pulumi_language_python.py). Users install the CLI with
# Pulumi's installer instead, which ships the real host.
#
#   scripts/pulumi-cli.sh          build (or reuse) and print the bin folder
#   scripts/pulumi-cli.sh --where  print the bin folder if it is built, else exit 1 (builds nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

# The one place the pinned version is written. Keep it at or below the `pulumi` Python SDK's minor line.
PULUMI_VERSION="v3.276.0"

# PULUMI_CLI_TOOLS: where the versions are built (default .tools/pulumi); the tests build nothing real there.
TOOLS="${PULUMI_CLI_TOOLS:-$ROOT/.tools/pulumi}/$PULUMI_VERSION"
BIN="$TOOLS/bin"
CLI_PKG="github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
SDK_MOD="github.com/pulumi/pulumi/sdk/v3"

fail() { echo "pulumi-cli.sh: $*" >&2; exit 1; }

if [ "${1:-}" = "--where" ]; then
  [ -x "$BIN/pulumi" ] && [ -x "$BIN/pulumi-resource-pulumi-python" ] || exit 1
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null 2>&1 || fail "no Go toolchain on PATH (Go >= 1.26 is needed to build the Pulumi CLI $PULUMI_VERSION)"

started=$(date +%s)
mkdir -p "$TOOLS/src" "$BIN"
cd "$TOOLS/src"
export GOFLAGS="${GOFLAGS:-} -mod=mod"

if [ ! -f go.sum ]; then
  rm -f go.mod
  go mod init pulumi-cli-build >/dev/null 2>&1 || fail "go mod init failed in $TOOLS/src"
  # pkg's own go.mod replaces sdk with ../sdk (local) and clipboard with a fork; the fork is needed here too.
  pkg="github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION"
  downloaded=$(go mod download -json "$pkg" 2>&1) || true
  pkg_mod=$(printf '%s\n' "$downloaded" | sed -n 's/.*"GoMod": "\(.*\)",*/\1/p')
  if [ -z "$pkg_mod" ] || [ ! -f "$pkg_mod" ]; then
    why=$(printf '%s\n' "$downloaded" | sed -n 's/.*"Error": "\(.*\)".*/\1/p' | sed 's/\\[nt]/ /g' | head -c 300)
    fail "could not fetch $pkg from the Go module proxy ($(go env GOPROXY)): ${why:-$(printf '%s' "$downloaded" | head -n 1)}"
  fi
  grep -E '^replace [^ ]+ => [^.]' "$pkg_mod" >> go.mod || true
  go get -tool "$CLI_PKG@$PULUMI_VERSION" "$SDK_MOD@$PULUMI_VERSION" >get.log 2>&1 \
    || fail "go get of $CLI_PKG@$PULUMI_VERSION failed: $(grep -m1 -E 'refused|Forbidden|not available|error' get.log || tail -1 get.log)"
fi

go build -trimpath -o "$BIN/pulumi" \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
  "$CLI_PKG" >build.log 2>&1 || fail "go build of $CLI_PKG failed: $(grep -m1 -v '^#' build.log)"

# The dynamic-provider plugin and the program runner are scripts shipped in the sdk module, not in the PyPI wheel.
sdk_dir=$(go list -m -f '{{.Dir}}' "$SDK_MOD") || fail "could not locate $SDK_MOD@$PULUMI_VERSION in the module cache"
install -m 0755 "$sdk_dir/python/dist/pulumi-resource-pulumi-python" "$BIN/pulumi-resource-pulumi-python"
install -m 0755 "$sdk_dir/python/cmd/pulumi-language-python-exec" "$BIN/pulumi-language-python-exec"

# The language host: the proxy does not serve its Go module, so a Python stand-in serves its gRPC calls and runs
# the program with Pulumi's own pulumi-language-python-exec (see scripts/pulumi_language_python.py). It runs on
# the repository's virtualenv, which has grpc and pulumi; PULUMI_LANGUAGE_HOST_PYTHON overrides that.
install -m 0644 "$ROOT/scripts/pulumi_language_python.py" "$BIN/pulumi_language_python.py"
cat > "$BIN/pulumi-language-python" <<SH
#!/bin/sh
py="\${PULUMI_LANGUAGE_HOST_PYTHON:-$ROOT/.venv/bin/python}"
[ -x "\$py" ] || py=python3
exec "\$py" "\$(dirname "\$0")/pulumi_language_python.py" --version=$PULUMI_VERSION "\$@"
SH
chmod 0755 "$BIN/pulumi-language-python"

"$BIN/pulumi" version >/dev/null 2>&1 || fail "the built CLI does not run: $BIN/pulumi version"
elapsed=$(( $(date +%s) - started ))
size=$(du -sh "$BIN" | cut -f1)
echo "built pulumi $("$BIN/pulumi" version) in ${elapsed} s; bin folder $size (Go caches: $(du -sh "$(go env GOMODCACHE)" 2>/dev/null | cut -f1) modules, $(du -sh "$(go env GOCACHE)" 2>/dev/null | cut -f1) build)"
echo "$BIN"
