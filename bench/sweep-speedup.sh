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
# Prints "wall_seconds cpu_percent" of one threaded run.
measure() {
  "$cli" sweep plan "$work/sweep.yaml" --out "$work/t$1" >/dev/null
  /usr/bin/time -f '%e %P' -o "$work/time$1" "$cli" sweep run "$work/t$1" --threads "$1" --quiet >/dev/null
  "$cli" sweep merge "$work/t$1" >/dev/null
  tr -d '%' < "$work/time$1"
}
read -r t1 cpu1 < <(measure 1)
read -r t2 cpu2 < <(measure 2)
cmp "$work/t1/results.csv" "$work/t2/results.csv"
runs=$(grep -c . "$work/t1/manifest.jsonl")
printf '%d runs: 1 thread %.2f s (%.1f runs/s, %d%% CPU), 2 threads %.2f s (%.1f runs/s, %d%% CPU), speed-up %.2fx\n' \
  "$runs" "$t1" "$(echo "$runs / $t1" | bc -l)" "$cpu1" "$t2" "$(echo "$runs / $t2" | bc -l)" "$cpu2" \
  "$(echo "$t1 / $t2" | bc -l)"
# On a shared machine the scheduler may cap the whole process group: then CPU% stays near one thread's
# share and the ratio measures the neighbours, not the sweep.
if [ "$cpu2" -lt 150 ]; then echo "note: 2 threads got only ${cpu2}% CPU; rerun on an idle machine" >&2; fi
