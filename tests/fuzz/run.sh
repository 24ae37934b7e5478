#!/usr/bin/env bash
# Fuzzes the scenario loader for N seconds (default 60) with libFuzzer, ASan and UBSan.
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR]
# Seeds: the broken-scenario corpus and the valid fixtures. New inputs found go to BUILD_DIR/corpus;
# a crash is written to BUILD_DIR/crash-* and the script exits non-zero.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${2:-$root/build-fuzz}"
mkdir -p "$build/corpus" "$build/seeds"

# A separate clang build of just the fuzz target (the project's CMake builds it with CORRIDOR_FUZZ=ON).
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCORRIDOR_FUZZ=ON -DCORRIDOR_BUILD_TESTS=OFF -DCORRIDOR_BUILD_BENCH=OFF -DCORRIDOR_MPI=OFF >/dev/null
cmake --build "$build" --target scenario_fuzz -j"$(nproc)"
fuzzer="$build/tests/fuzz/scenario_fuzz"

cp "$root"/tests/scenario/broken/*.yaml "$root"/tests/scenario/fixtures/small.yaml \
   "$root"/tests/scenario/fixtures/minimal.yaml "$build/seeds/"
cd "$build"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$build/corpus" "$build/seeds"
