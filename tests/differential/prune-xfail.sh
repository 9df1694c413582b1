#!/usr/bin/env bash
# Removes from xfail.txt every script that now passes (the ratchet only
# shrinks). Runs the differential suite once; pass extra environment as
# usual (KRAIT_BIN, KRAIT_CPYTHON, CARGO_TARGET_DIR).
#   bash tests/differential/prune-xfail.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
(cd "$root" && cargo test -p krait-tests --test differential 2>&1) > "$log" || true
passing="$(awk '/^---- .* ----$/ {name=$2; next} /unexpectedly passed/ && name {print name; name=""}' "$log" | sort -u)"
if [ -z "$passing" ]; then
  echo "no listed script passes; xfail.txt unchanged"
  grep -E '^test result' "$log" || tail -3 "$log"
  exit 0
fi
tmp="$(mktemp)"
awk 'NR==FNR {drop[$0]=1; next} { key=$0; sub(/[ \t]*#.*/, "", key); gsub(/^[ \t]+|[ \t]+$/, "", key); sub(/\.py$/, "", key); if (!(key in drop)) print }' \
  <(printf '%s\n' "$passing") "$here/xfail.txt" > "$tmp"
mv "$tmp" "$here/xfail.txt"
echo "removed $(printf '%s\n' "$passing" | wc -l) script(s) from xfail.txt:"
printf '  %s\n' $passing
