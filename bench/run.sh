#!/usr/bin/env bash
# Times each program in bench/programs under krait and CPython 3.11 (and
# PyPy when installed): best of 3 wall-clock runs, and krait's ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
KRAIT="${KRAIT_BIN:-$PWD/target/release/krait}"
CPY="${KRAIT_CPYTHON:-python3.11}"
# Launcher shims (pyenv) add ~0.1 s a run: time the real executable.
CPY="$("$CPY" -c 'import sys; print(sys.executable)')"
[ -x "$KRAIT" ] || cargo build --release -p krait
best() {
  local b=999999
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    b=$(echo "if ($t < $b) $t else $b" | bc -l)
  done
  printf "%.3f" "$b"
}
printf "%-22s %10s %10s %8s %10s\n" program "krait(s)" "cpython(s)" ratio "pypy(s)"
for p in bench/programs/*.py; do
  k=$(best "$KRAIT" "$p"); c=$(best "$CPY" "$p")
  r=$(echo "scale=2; $k / $c" | bc -l)
  py="-"
  if command -v pypy3 >/dev/null; then py=$(best pypy3 "$p"); fi
  printf "%-22s %10s %10s %7sx %10s\n" "$(basename "$p")" "$k" "$c" "$r" "$py"
done
