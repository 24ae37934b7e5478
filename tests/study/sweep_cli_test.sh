#!/usr/bin/env bash
# The sweep CLI on the real model: results.csv and summary.csv are byte-identical for 1 thread, 2 threads
# and 3 shards, and a sweep killed with SIGKILL mid-way then resumed loses no run, redoes none, and merges
# to the same bytes.
#   sweep_cli_test.sh CORRIDOR_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
cli=$1
sweep=$2/scenarios/sweeps/khorgos-dostyk-grid.yaml
work=$3
rm -rf "$work"
mkdir -p "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }
plan() { "$cli" sweep plan "$sweep" --out "$work/$1" >/dev/null; }
merge() { "$cli" sweep merge "$work/$1" >/dev/null; }
same() {
  cmp "$work/ref/results.csv" "$work/$1/results.csv" || fail "$1: results.csv differs from one thread"
  cmp "$work/ref/summary.csv" "$work/$1/summary.csv" || fail "$1: summary.csv differs from one thread"
}

plan ref && "$cli" sweep run "$work/ref" --threads 1 --quiet >/dev/null && merge ref
total=$(grep -c . "$work/ref/manifest.jsonl")
[ "$(grep -c . "$work/ref/results.csv")" -eq $((total + 1)) ] || fail "results.csv is not one row per run"

plan two && "$cli" sweep run "$work/two" --threads 2 --quiet >/dev/null && merge two && same two

plan shards
for i in 2 0 1; do "$cli" sweep run "$work/shards" --threads 1 --shard-index $i --shard-count 3 --quiet >/dev/null; done
merge shards && same shards

# Kill a one-thread run after a few results exist, note what was done, resume, and compare.
plan killed
"$cli" sweep run "$work/killed" --threads 1 --quiet >/dev/null &
pid=$!
done_now() { find "$work/killed/runs" -name '*.json' ! -name '*.failed.json' | wc -l; }
for _ in $(seq 1 600); do
  [ "$(done_now)" -ge 3 ] && break
  sleep 0.02
done
kill -KILL $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
before=$(done_now)
[ "$before" -ge 3 ] || fail "no run finished before the kill"
[ "$before" -lt "$total" ] || fail "the sweep finished before it could be killed ($before of $total)"
(cd "$work/killed/runs" && stat -c '%n %i %Y' $(ls | grep -E '^[0-9a-f]+-r[0-9]+\.json$') | sort) > "$work/before.txt"
"$cli" sweep run "$work/killed" --threads 2 --quiet >/dev/null
[ "$(done_now)" -eq "$total" ] || fail "runs lost: $(done_now) of $total done after resuming"
# A run done before the kill keeps its file (same inode and time): it was not done again.
(cd "$work/killed/runs" && stat -c '%n %i %Y' $(cut -d' ' -f1 "$work/before.txt") | sort) > "$work/after.txt"
cmp "$work/before.txt" "$work/after.txt" || fail "runs finished before the kill were done again"
merge killed && same killed
"$cli" sweep status "$work/killed" | grep -q "$total done, 0 failed, 0 remaining" || fail "status after resuming"
echo "killed after $before of $total runs; resumed to the same bytes"
