#!/usr/bin/env bash
# Times a 200-run sweep of short baseline runs with --threads 1 and --threads 2 and prints the speed-up
# (target: >= 1.8x on two idle cores). Both runs must merge to the same bytes.
#   bench/sweep-speedup.sh [CORRIDOR_BINARY]      (default: build/corridor)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli=${1:-$root/build/corridor}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 20 Dostyk capacities x 10 Altynkol capacities, one replication: 200 runs of 40 simulated days.
cat > "$work/sweep.yaml" <<YAML
base: $root/scenarios/sweeps/baseline-short.yaml
parameters:
  dostyk_cap: {path: crossings.dostyk.daily_cap_trains, range: {from: 20, to: 39, step: 1}}
  altynkol_cap: {path: crossings.altynkol.daily_cap_trains, range: {from: 20, to: 47, step: 3}}
metrics: [metrics.throughput_teu_per_day, metrics.transit_days_mean]
YAML
seconds() {
  "$cli" sweep plan "$work/sweep.yaml" --out "$work/t$1" >/dev/null
  local start end
  start=$(date +%s.%N)
  "$cli" sweep run "$work/t$1" --threads "$1" --quiet >/dev/null
  end=$(date +%s.%N)
  "$cli" sweep merge "$work/t$1" >/dev/null
  echo "$end - $start" | bc -l
}
t1=$(seconds 1)
t2=$(seconds 2)
cmp "$work/t1/results.csv" "$work/t2/results.csv"
runs=$(grep -c . "$work/t1/manifest.jsonl")
printf '%d runs: 1 thread %.2f s (%.1f runs/s), 2 threads %.2f s (%.1f runs/s), speed-up %.2fx\n' \
  "$runs" "$t1" "$(echo "$runs / $t1" | bc -l)" "$t2" "$(echo "$runs / $t2" | bc -l)" "$(echo "$t1 / $t2" | bc -l)"
