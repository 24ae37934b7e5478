#!/usr/bin/env bash
# The benchmark suite CI runs after the tests (.ci/run): every number is a ratio to a reference measured in
# this same script, best of several interleaved runs, in CPU time, so a busy shared machine moves both
# sides alike. It fails only when a ratio falls past its floor, set with a wide margin: noise passes, a 2x
# regression does not. Takes about 25 s on the 2-core CI machine. See bench/README.md.
#   bench/ci.sh [BUILD_DIR]    (default: build/, configured Release by scripts/test)
#   RUNS=N bench/ci.sh         best of N (default 3)
#   HOLD_QUEUE=quaternary      HOLD on another event set (binary, quaternary): shows what the floors catch
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir=${1:-"$root/build"}
runs=${RUNS:-3}
corridor="$build_dir/corridor"
hold="$build_dir/bench/hold"
bare="$build_dir/bench/hold_bare"
for exe in "$corridor" "$hold" "$bare"; do
  [[ -x "$exe" ]] || { echo "bench/ci.sh: missing $exe (build targets corridor, hold, hold_bare)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench/ci.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

# Floors and ceilings: wide enough to pass the spread between the 2-core machines CI has run on, near enough
# that a 2x regression on the slowest of them fails. HOLD reads 1.0-1.28x at 8 pending, 1.41-1.55x at 1,024,
# 1.29-2.09x at 16,384 and 1.37-3.79x at 100,000 (bench/README.md); a year of the baseline 0.54x the CPU
# of the bare loop's 10 M events on a machine loaded by three builds (0.47x later), where the code before huge
# pages read 0.87x (0.48-0.77x on loaded machines before that, 0.71-1.06x before the model's own speed-ups;
# issue 15's target is 0.40x), the compare 4.5x; peak RSS 59 and 113 MB. HOLD on the 4-ary heap
# (HOLD_QUEUE=quaternary) reads 0.71x at 1,024 pending and fails. One noisy reading (0.73 at 8 pending, on a
# build whose libraries had lost inlining to -fPIC) once failed CI against floors of 0.75.
declare -A floor=([hold8]=0.60 [hold1024]=0.75 [hold16384]=0.85 [hold100000]=0.90)
declare -A target=([hold8]="" [hold1024]=1.0 [hold16384]="" [hold100000]=1.5)
year_ceiling=1.1           # year CPU / bare 10 M CPU: 2x the slowest reading fails (issue 15's target: <= 0.40)
year_target=0.40
compare_ceiling=9.0        # compare CPU / bare 10 M CPU
year_memory_ceiling_mb=100  # 1.7x the year's 59 MB fails (51 MB before huge pages, 86 MB before the
                            # delivered containers were freed)
compare_memory_ceiling_mb=220

# rate_of "events=E seconds=S rate=R" -> R
rate_of() { sed -E 's/.*rate=([0-9.]+).*/\1/' <<<"$1"; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

status=0
verdict() {  # verdict NAME VALUE LIMIT below|above
  if [[ $4 == below ]] && below "$2" "$3"; then echo "FAIL: $1 = $2 is below its floor $3"; status=1; fi
  if [[ $4 == above ]] && below "$3" "$2"; then echo "FAIL: $1 = $2 is above its ceiling $3"; status=1; fi
  return 0
}

echo "HOLD on corridor::engine (${HOLD_QUEUE:-radix} heap, rng_stream + ziggurat)" \
  "/ bare std::priority_queue loop (-O2, xorshift64, 0.1 - log u)"
printf '  %-8s %10s %14s %14s %7s %7s %7s\n' pending events engine/s bare/s ratio floor target
for n in 8 1024 16384 100000; do
  end=$(awk -v n="$n" 'BEGIN { printf "%.1f", 1.1 * 2.5e6 / n }')  # ~2.5 M events per run
  best_engine=0 best_bare=0 events=""
  for _ in $(seq "$runs"); do
    line=$("$hold" "$n" "$end" "${HOLD_QUEUE:-radix}")
    events=$(sed -E 's/.*events=([0-9]+).*/\1/' <<<"$line")
    best_engine=$(max "$(rate_of "$line")" "$best_engine")
    best_bare=$(max "$(rate_of "$("$bare" "$n" "$end")")" "$best_bare")
  done
  r=$(ratio "$best_engine" "$best_bare")
  printf '  %-8s %10s %14.0f %14.0f %7s %7s %7s\n' "$n" "$events" "$best_engine" "$best_bare" "$r" \
    "${floor[hold$n]}" "${target[hold$n]:--}"
  verdict "HOLD ratio at $n pending" "$r" "${floor[hold$n]}" below
done

# measure NAME CMD...: runs CMD once and keeps, under NAME, its least user+system CPU seconds, the wall
# seconds of that run and its largest peak RSS in MB.
declare -A cpu=() wall=() rss_mb=()
measure() {
  local name=$1
  shift
  /usr/bin/time -o "$work/time" -f '%U %S %e %M' "$@" >/dev/null 2>"$work/stderr" ||
    { cat "$work/stderr" >&2; echo "bench/ci.sh: $* failed" >&2; exit 1; }
  local user sys elapsed kb t mb
  read -r user sys elapsed kb < <(tail -n 1 "$work/time")
  t=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
  if [[ -z ${cpu[$name]:-} ]] || below "$t" "${cpu[$name]}"; then cpu[$name]=$t wall[$name]=$elapsed; fi
  mb=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
  rss_mb[$name]=$(max "$mb" "${rss_mb[$name]:-0}")
}

bare_end=$(awk 'BEGIN { printf "%.1f", 1.1 * 1e7 / 1024 }')  # ~10 M events at 1,024 pending
for _ in $(seq "$runs"); do  # interleaved, so a burst of load hits all three alike
  measure bare "$bare" 1024 "$bare_end"
  measure year "$corridor" run scenarios/baseline-2025.yaml -t 1 -q
  measure compare "$corridor" compare scenarios/baseline-2025.yaml scenarios/khorgos-expansion.yaml -r 4
done
bare_cpu=${cpu[bare]} year_cpu=${cpu[year]} compare_cpu=${cpu[compare]}
year_mb=${rss_mb[year]} compare_mb=${rss_mb[compare]}
year_ratio=$(ratio "$year_cpu" "$bare_cpu")
compare_ratio=$(ratio "$compare_cpu" "$bare_cpu")
echo "CPU time against the bare loop's 10 M events at 1,024 pending (${bare_cpu} s)"
printf '  %-44s %7ss %6sx  ceiling %sx (target <= %sx%s)\n' "a year of baseline-2025 (run -t 1)" "$year_cpu" \
  "$year_ratio" "$year_ceiling" "$year_target" "$(below "$year_target" "$year_ratio" && echo ", not met" || true)"
printf '  %-44s %7ss %6sx  ceiling %sx (%s s wall)\n' "compare baseline khorgos-expansion -r 4" "$compare_cpu" \
  "$compare_ratio" "$compare_ceiling" "${wall[compare]}"
verdict "year / bare 10 M events" "$year_ratio" "$year_ceiling" above
verdict "compare / bare 10 M events" "$compare_ratio" "$compare_ceiling" above
echo "Peak memory (max RSS): year ${year_mb} MB (ceiling ${year_memory_ceiling_mb}), compare ${compare_mb} MB" \
  "(ceiling ${compare_memory_ceiling_mb})"
verdict "peak memory of the year (MB)" "$year_mb" "$year_memory_ceiling_mb" above
verdict "peak memory of the compare (MB)" "$compare_mb" "$compare_memory_ceiling_mb" above
# Memory flat across years: a 10-year run of the baseline under twice the peak RSS of one year (read 1.35x).
"$root/bench/multiyear-memory.sh" "$build_dir" 2.0 || status=1
exit $status
