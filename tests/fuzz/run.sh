#!/usr/bin/env bash
# Fuzzes the scenario loader with libFuzzer, ASan and UBSan: each target for N seconds (default 60).
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR] [TARGET...]
# Targets: scenario_fuzz (one scenario text) and overlay_fuzz (a base and a variant extending it); both by
# default. Seeds: the broken-scenario corpus and the valid fixtures (as base/variant pairs for overlays).
# New inputs found go to BUILD_DIR/corpus-TARGET; a crash is written to BUILD_DIR/crash-* and the script
# exits non-zero.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${2:-$root/build-fuzz}"
shift $(( $# < 2 ? $# : 2 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario_fuzz overlay_fuzz)

# A separate clang build of just the fuzz targets (the project's CMake builds them with CORRIDOR_FUZZ=ON).
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCORRIDOR_FUZZ=ON -DCORRIDOR_BUILD_TESTS=OFF -DCORRIDOR_BUILD_BENCH=OFF -DCORRIDOR_MPI=OFF >/dev/null
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

status=0
for target in "${targets[@]}"; do
  seeds="$build/seeds-$target"
  mkdir -p "$build/corpus-$target" "$seeds"
  case "$target" in
    scenario_fuzz) seed_scenarios "$seeds" ;;
    overlay_fuzz) seed_overlays "$seeds" ;;
  esac
  echo "== $target: $seconds s"
  (cd "$build" && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$build/corpus-$target" "$seeds") || status=$?
done
exit $status
