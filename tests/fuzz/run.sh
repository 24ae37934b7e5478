#!/usr/bin/env bash
# Fuzzes the scenario loader with libFuzzer, ASan and UBSan: each target for N seconds (default 60).
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR] [TARGET...]     (BUILD_DIR: default build-fuzz/)
# Targets: scenario_fuzz (one scenario text), overlay_fuzz (a base and a variant extending it) and sweep_fuzz
# (a sweep file, planned on a small base); all by default. Seeds: the broken-scenario corpus and the valid
# fixtures (as base/variant pairs for overlays); the bundled sweep files and small sweeps of the fuzz base.
# New inputs found go to BUILD_DIR/corpus-TARGET; a crash is written to BUILD_DIR/crash-* and the script
# exits non-zero.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(realpath -m "${2:-$root/build-fuzz}")"
shift $(( $# < 2 ? $# : 2 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario_fuzz overlay_fuzz sweep_fuzz)

# BUILD_DIR as it is when it was configured with CORRIDOR_FUZZ=ON (build-asan/ of scripts/test --sanitize is:
# CI fuzzes there rather than build a third time), else a clang build of just the fuzz targets.
if ! grep -qs '^CORRIDOR_FUZZ:BOOL=ON$' "$build/CMakeCache.txt"; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCORRIDOR_FUZZ=ON -DCORRIDOR_BUILD_TESTS=OFF -DCORRIDOR_BUILD_BENCH=OFF -DCORRIDOR_MPI=OFF \
    -DCORRIDOR_PYTHON=OFF >/dev/null
fi
cmake --build "$build" --target "${targets[@]}" -j"$(nproc)"

scenarios="$root/tests/scenario"
seed_scenarios() {
  cp "$scenarios"/broken/*.yaml "$scenarios"/fixtures/small.yaml "$scenarios"/fixtures/minimal.yaml "$1/"
}
# A seed of overlay_fuzz: BASE, the separator line, then VARIANT without its own extends line.
seed_pair() {
  { cat "$2"; printf '\n#--overlay--\n'; grep -v '^extends:' "$3" || true; } > "$1/$(basename "$2" .yaml)+$(basename "$3")"
}
seed_overlays() {
  seed_pair "$1" "$scenarios/fixtures/small.yaml" "$scenarios/fixtures/variant.yaml"
  seed_pair "$1" "$scenarios/fixtures/small.yaml" "$scenarios/broken/overlay-id-typo.yaml"
  for f in "$scenarios"/broken/overlay-*.yaml "$scenarios"/broken/remove-without-extends.yaml; do
    seed_pair "$1" "$scenarios/fixtures/minimal.yaml" "$f"
  done
}
# Sweeps of sweep_fuzz's base (its paths resolve there), each design kind once, and the bundled sweep files.
seed_sweeps() {
  cp "$root"/scenarios/sweeps/*.yaml "$1/"
  printf 'base: b\nparameters:\n  d: {path: crossings.dostyk.tracks, values: [1, 2, 3]}\n  k: {path: nodes.khorgos.tracks, range: {from: 1, to: 4, step: 1}}\n  f: {path: flows.*.teu_per_week, op: scale, values: [0.5, 1.5]}\nreplications: 2\nconstraints: ["k >= d"]\n' > "$1/grid.yaml"
  printf 'base: b\nparameters:\n  c: {path: ferries.aktau-alat.capacity_teu, range: {from: 100, to: 500}}\n  t: {path: nodes.dostyk.tracks, integer: true, range: {from: 1, to: 4}}\ndesign: {type: saltelli, n: 8}\nseed: 7\n' > "$1/saltelli.yaml"
  printf 'base: b\nparameters:\n  s: {path: edges.xian-dostyk.distance_km, range: {from: 2000, to: 4000}}\n  t: {path: nodes.khorgos.tracks, values: [1, 2]}\ndesign: {type: morris, trajectories: 3, levels: 4}\nmetrics: [metrics.throughput_teu_per_day]\n' > "$1/morris.yaml"
}

status=0
for target in "${targets[@]}"; do
  seeds="$build/seeds-$target"
  mkdir -p "$build/corpus-$target" "$seeds"
  case "$target" in
    scenario_fuzz) seed_scenarios "$seeds" ;;
    overlay_fuzz) seed_overlays "$seeds" ;;
    sweep_fuzz) seed_sweeps "$seeds" ;;
  esac
  echo "== $target: $seconds s"
  (cd "$build" && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$build/corpus-$target" "$seeds") || status=$?
done
exit $status
