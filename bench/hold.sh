#!/usr/bin/env bash
# Compares HOLD on corridor::engine with the bare std::priority_queue loop: best of 3 runs each, for a small
# queue with a long horizon and a large queue with a short one. Both must handle the same number of events
# (same workload, same draws); the engine should reach at least 70 % of the reference rate.
# Usage: bench/hold.sh [BUILD_DIR]   (default: build, next to this script's folder)
set -euo pipefail
build_dir=${1:-"$(cd "$(dirname "$0")/.." && pwd)/build"}
hold="$build_dir/bench/hold"
reference="$build_dir/bench/hold_reference"
for exe in "$hold" "$reference"; do
  [[ -x "$exe" ]] || { echo "missing $exe: build targets hold and hold_reference first" >&2; exit 2; }
done

# best_of EXE N END: prints "events rate" of the fastest of 3 runs.
best_of() {
  local best_rate=0 events=""
  for _ in 1 2 3; do
    local line e r
    line=$("$1" "$2" "$3")
    e=$(sed -E 's/.*events=([0-9]+).*/\1/' <<<"$line")
    r=$(sed -E 's/.*rate=([0-9.]+).*/\1/' <<<"$line")
    if [[ -n "$events" && "$e" != "$events" ]]; then echo "$1 gave different event counts" >&2; exit 1; fi
    events=$e
    if awk -v a="$r" -v b="$best_rate" 'BEGIN { exit !(a > b) }'; then best_rate=$r; fi
  done
  echo "$events $best_rate"
}

status=0
for workload in "1024 10000" "100000 100"; do
  read -r n end <<<"$workload"
  engine_result=$(best_of "$hold" "$n" "$end")
  reference_result=$(best_of "$reference" "$n" "$end")
  read -r e_events e_rate <<<"$engine_result"
  read -r r_events r_rate <<<"$reference_result"
  if [[ "$e_events" != "$r_events" ]]; then
    echo "N=$n END=$end: event counts differ (engine $e_events, reference $r_events)" >&2
    exit 1
  fi
  ratio=$(awk -v a="$e_rate" -v b="$r_rate" 'BEGIN { printf "%.3f", a / b }')
  printf 'N=%-6s END=%-6s events=%s engine=%.0f/s reference=%.0f/s ratio=%s\n' \
    "$n" "$end" "$e_events" "$e_rate" "$r_rate" "$ratio"
  if awk -v q="$ratio" 'BEGIN { exit !(q < 0.70) }'; then
    echo "  engine below 70 % of the reference rate" >&2
    status=1
  fi
done
exit $status
