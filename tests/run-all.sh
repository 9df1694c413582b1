#!/usr/bin/env bash
# The whole test suite: builds krait, then runs every crate's tests — the
# object-layout test against CPython 3.11's headers, the runtime and
# compiler unit tests, and the differential scripts (each run under
# CPython 3.11 and krait, outputs compared).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p krait
export KRAIT_BIN="$PWD/target/release/krait"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --release --no-fail-fast
else
  cargo test --workspace --release --no-fail-fast
fi
if [ -f .ci/installer.sh ]; then
  bash .ci/installer.sh
fi
