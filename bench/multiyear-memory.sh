#!/usr/bin/env bash
# Memory flat across years (issue 13): the peak RSS of a 10-year continuous run of the baseline against one
# year of it, with /usr/bin/time. A multi-year run reduces each year when it closes (transit samples, queue
# waits, the daily series) and reuses the slots of delivered trains, so the ratio stays well under 2.
#   bench/multiyear-memory.sh [BUILD_DIR] [CEILING]   (default build/ and 2.0); exits 1 above the ceiling
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir=${1:-"$root/build"}
ceiling=${2:-2.0}
corridor="$build_dir/corridor"
[[ -x "$corridor" ]] || { echo "bench/multiyear-memory.sh: missing $corridor" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench/multiyear-memory.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

# The baseline over 2025-2034 as it stands: no growth, no project (the years alone).
cat >"$work/baseline-2025-2034.yaml" <<YAML
extends: $root/scenarios/baseline-2025.yaml
name: baseline-2025-2034
years: {from: 2025, to: 2034}
YAML

# measure NAME CMD...: prints "NAME kb cpu_seconds"
measure() {
  local name=$1
  shift
  /usr/bin/time -o "$work/time" -f '%U %S %M' "$@" >/dev/null 2>"$work/stderr" ||
    { cat "$work/stderr" >&2; echo "bench/multiyear-memory.sh: $* failed" >&2; exit 1; }
  local user sys kb
  read -r user sys kb < <(tail -n 1 "$work/time")
  echo "$name $kb $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

read -r _ one_kb one_cpu < <(measure one "$corridor" run scenarios/baseline-2025.yaml -r 1 -t 1 -q)
read -r _ ten_kb ten_cpu < <(measure ten "$corridor" run "$work/baseline-2025-2034.yaml" --allow-outside -r 1 -t 1 -q)
ratio=$(awk -v a="$ten_kb" -v b="$one_kb" 'BEGIN { printf "%.2f", a / b }')
echo "Peak memory of a 10-year run against one year (baseline-2025, -r 1 -t 1)"
printf '  one year  %6.0f MB  %6.1f s CPU\n' "$(awk -v k="$one_kb" 'BEGIN { print k / 1024 }')" "$one_cpu"
printf '  10 years  %6.0f MB  %6.1f s CPU\n' "$(awk -v k="$ten_kb" 'BEGIN { print k / 1024 }')" "$ten_cpu"
printf '  ratio     %6sx  (ceiling %sx)\n' "$ratio" "$ceiling"
if awk -v r="$ratio" -v c="$ceiling" 'BEGIN { exit !(r > c) }'; then
  echo "FAIL: peak RSS of 10 years / one year = $ratio is above its ceiling $ceiling"
  exit 1
fi
