#!/usr/bin/env bash
# The studio's answer latency: POST /api/compare on the baseline with 1 and 4 paired replications (a new
# edit each time, so nothing is answered from the cache; best of RUNS), next to the wall time of one
# replication of `corridor run`. With STRESS=SECONDS, then 20 clients at once for that long: answers by
# status and the server's resident memory at the start and the end. Wall-clock numbers: on a busy machine
# they move; nothing here fails on a threshold. See docs/studio.md.
#   bench/studio.sh [BUILD_DIR]      (default: build/)
#   RUNS=N STRESS=60 bench/studio.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir=${1:-"$root/build"}
runs=${RUNS:-3}
stress=${STRESS:-0}
corridor="$build_dir/corridor"
scenario="$root/scenarios/baseline-2025.yaml"
[[ -x "$corridor" ]] || { echo "bench/studio.sh: missing $corridor (build the target corridor)" >&2; exit 2; }
command -v curl >/dev/null || { echo "bench/studio.sh: needs curl" >&2; exit 2; }
work=$(mktemp -d)
pid=
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
best() { sort -g | head -1; }

one=$(for _ in $(seq "$runs"); do
  t0=$(now)
  "$corridor" run "$scenario" -r 1 -q >/dev/null
  awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f\n", b - a }'
done | best)

"$corridor" serve "$scenario" --port 0 -r 4 >"$work/out" 2>"$work/err" &
pid=$!
until grep -q 'http://' "$work/out"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
  sleep 0.2
done
url=$(grep -o 'http://[^ ]*/' "$work/out")

edit=0
latency() {  # latency R: best wall time of a compare with R replications, each a new edit
  for _ in $(seq "$runs"); do
    edit=$((edit + 1))
    curl -sf -o /dev/null -w '%{time_total}\n' -X POST "${url}api/compare" \
      -d "{\"replications\": $1, \"edits\": [{\"path\": \"crossings.khorgos.fee_usd_per_teu\", \"value\": $((20 + edit))}]}"
  done | best
}
l1=$(latency 1)
l4=$(latency 4)
printf 'studio latency on %s (%d cores, best of %d)\n' "$(basename "$scenario")" "$(nproc)" "$runs"
printf '  one replication of corridor run      %6.2f s\n' "$one"
printf '  compare answer, 1 replication        %6.2f s\n' "$l1"
printf '  compare answer, 4 replications       %6.2f s\n' "$l4"

if (( stress > 0 )); then
  rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status"; }
  rss0=$(rss)
  end=$(( $(date +%s) + stress ))
  for c in $(seq 20); do
    (
      i=0
      while (( $(date +%s) < end )); do
        i=$((i + 1))
        case $(( (c + i) % 4 )) in
          0) curl -s -o /dev/null -w '%{http_code}\n' "${url}api/progress" ;;
          1) curl -s -o /dev/null -w '%{http_code}\n' "${url}api/scenario" ;;
          2) curl -s -o /dev/null -w '%{http_code}\n' "${url}static/studio-map.js" ;;
          *) curl -s -o /dev/null -w '%{http_code}\n' -X POST "${url}api/compare" \
               -d "{\"replications\": 1, \"edits\": [{\"path\": \"nodes.khorgos.tracks\", \"value\": $(( 2 + (c + i) % 5 ))}]}" ;;
        esac
      done
    ) >"$work/stress-$c" &
  done
  samples=("$rss0")
  while (( $(date +%s) < end )); do
    sleep 10
    samples+=("$(rss)")
  done
  wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
  printf '  20 clients for %d s: %s\n' "$stress" \
    "$(cat "$work"/stress-* | sort | uniq -c | awk '{ printf "%s%s x %s", (NR > 1 ? ", " : ""), $1, $2 }')"
  printf '  server RSS every 10 s, MB: %s\n' "${samples[*]}"
fi
