#!/usr/bin/env bash
# Checks corpus scripts under CPython 3.11: runs in < 2 s, output identical
# under two PYTHONHASHSEED values, imports nothing but sys, no open(), no
# object addresses in the output. Usage: verify.sh [FILE_OR_DIR...]
py=${KRAIT_CPYTHON:-python3.11}
cd "$(dirname "$0")"
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(.)
bad=0
while IFS= read -r f; do
  d=$(dirname "$f"); b=$(basename "$f")
  if grep -nE '^\s*(import|from)\s' "$f" | grep -vE '^[0-9]+:\s*(import sys(\s+as\s+\w+)?|from sys import .*)\s*$' | grep -q .; then echo "IMPORT $f"; bad=1; fi
  if grep -qE '\bopen\(' "$f"; then echo "OPEN $f"; bad=1; fi
  n=$(wc -l < "$f"); if [ "$n" -gt 160 ]; then echo "LONG($n) $f"; fi
  s=$(date +%s%N)
  o1=$(cd "$d" && { PYTHONHASHSEED=1 timeout 10 $py "$b" </dev/null 2>/tmp/verify_err.$$; echo "rc=$?"; }; echo "stderr-last: $(grep -v '^\s*$' /tmp/verify_err.$$ | tail -1)")
  e=$(( ($(date +%s%N) - s) / 1000000 ))
  o2=$(cd "$d" && { PYTHONHASHSEED=12345 timeout 10 $py "$b" </dev/null 2>/tmp/verify_err.$$; echo "rc=$?"; }; echo "stderr-last: $(grep -v '^\s*$' /tmp/verify_err.$$ | tail -1)")
  [ "$o1" != "$o2" ] && { echo "NONDET $f"; diff <(echo "$o1") <(echo "$o2") | head -5; bad=1; }
  case "$f" in ./errors/*|errors/*) ;; *) se=$(cd "$d" && PYTHONHASHSEED=0 timeout 10 $py "$b" </dev/null 2>&1 >/dev/null); [ -n "$se" ] && ! grep -q "stderr-expected" "$f" && { echo "STDERR $f: $(echo "$se" | tail -1)"; bad=1; } ;; esac
  [ "$e" -gt 2000 ] && { echo "SLOW(${e}ms) $f"; bad=1; }
  echo "$o1" | grep -qE ' at 0x[0-9a-f]+' && { echo "ADDR $f"; bad=1; }
  case "$f" in ./errors/*|errors/*) ;; *) echo "$o1" | grep -q '^rc=0$' || { echo "RC $f: $(echo "$o1" | tail -1)"; bad=1; } ;; esac
done < <(find "${targets[@]}" -name '*.py' | sort)
rm -f /tmp/verify_err.$$
exit $bad
