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

if grep -q "tests/fuzz" "$root/CMakeLists.txt"; then
  # Wired into the project: a separate clang build of just the fuzz target.
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCORRIDOR_FUZZ=ON -DCORRIDOR_BUILD_TESTS=OFF -DCORRIDOR_BUILD_BENCH=OFF -DCORRIDOR_MPI=OFF >/dev/null
  cmake --build "$build" --target scenario_fuzz -j2
  fuzzer="$build/tests/fuzz/scenario_fuzz"
else
  # Standalone: the scenario module and the distributions it checks, compiled in one line.
  sources=(scenario tree keys overlay convert_values convert validate validate_network loader to_yaml schema)
  files=()
  for s in "${sources[@]}"; do files+=("$root/sim/scenario/$s.cpp"); done
  clang++ -std=c++20 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
    -I"$root/include" "${files[@]}" "$root/sim/engine/random.cpp" "$root/sim/engine/distributions.cpp" \
    "$root/tests/fuzz/scenario_fuzz.cpp" -lyaml-cpp -o "$build/scenario_fuzz"
  fuzzer="$build/scenario_fuzz"
fi

cp "$root"/tests/scenario/broken/*.yaml "$root"/tests/scenario/fixtures/small.yaml \
   "$root"/tests/scenario/fixtures/minimal.yaml "$build/seeds/"
cd "$build"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$build/corpus" "$build/seeds"
