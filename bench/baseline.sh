#!/usr/bin/env bash
# A full year of the baseline on one core (every container simulated) next to HOLD at a similar queue size
# and event count (issue #3). Builds nothing: needs targets corridor and hold in BUILD_DIR.
# The baseline's rate is its events over the whole command's user CPU (loading, path sets and output
# included, so it is a floor); HOLD's is its event loop alone. Best of 3 runs each.
# Usage: bench/baseline.sh [BUILD_DIR]   (default: build, next to this script's folder)
#   HOLD_QUEUE: HOLD's process count; default 1340, the baseline's mean pending events (measured on the
#   engine at every event of a run, day ticks included).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir=${1:-"$root/build"}
corridor="$build_dir/corridor"
hold="$build_dir/bench/hold"
scenario="$root/scenarios/baseline-2025.yaml"
queue=${HOLD_QUEUE:-1340}
for exe in "$corridor" "$hold"; do
  [[ -x "$exe" ]] || { echo "missing $exe: build targets corridor and hold first" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$corridor" run "$scenario" --quiet -t 1 --reproducible --out "$work/out" >/dev/null
events=$(grep -o '"events": *[0-9]*' "$work/out/summary.json" | head -n 1 | grep -o '[0-9]*$')
[[ -n "$events" ]] || { echo "no events count in summary.json" >&2; exit 1; }

best_cpu=""
for _ in 1 2 3; do
  /usr/bin/time -o "$work/cpu" -f %U "$corridor" run "$scenario" --quiet -t 1 >/dev/null
  cpu=$(tail -n 1 "$work/cpu")
  if [[ -z "$best_cpu" ]] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
done
# user CPU has 10 ms resolution; never divide by zero.
baseline_rate=$(awk -v e="$events" -v s="$best_cpu" 'BEGIN { if (s < 0.01) s = 0.01; printf "%.0f", e / s }')

# HOLD's events are about queue * END / 1.1 (mean gap 0.1 + Exp(1)); choose END for the baseline's count.
end=$(awk -v e="$events" -v n="$queue" 'BEGIN { printf "%.1f", e * 1.1 / n }')
best_hold=0
hold_events=""
for _ in 1 2 3; do
  line=$("$hold" "$queue" "$end")
  hold_events=$(sed -E 's/.*events=([0-9]+).*/\1/' <<<"$line")
  r=$(sed -E 's/.*rate=([0-9.]+).*/\1/' <<<"$line")
  if awk -v a="$r" -v b="$best_hold" 'BEGIN { exit !(a > b) }'; then best_hold=$r; fi
done

ratio=$(awk -v a="$baseline_rate" -v b="$best_hold" 'BEGIN { printf "%.3f", a / b }')
printf 'baseline-2025: events=%s cpu=%ss events/s=%s\n' "$events" "$best_cpu" "$baseline_rate"
printf 'hold N=%s END=%s: events=%s events/s=%.0f\n' "$queue" "$end" "$hold_events" "$best_hold"
printf 'ratio baseline/hold=%s\n' "$ratio"
