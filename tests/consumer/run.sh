#!/usr/bin/env bash
# Installs the built corridor into BUILD_DIR/consumer/prefix, then configures, builds and runs the consumer
# project against it with find_package(corridor): fails when the installed package is incomplete.
#   run.sh CMAKE SOURCE_DIR BUILD_DIR [CMAKE_ARGS...]   (CMAKE_ARGS go to the consumer's configure)
set -euo pipefail
cmake=${1:?usage: run.sh CMAKE SOURCE_DIR BUILD_DIR [CMAKE_ARGS...]}
source_dir=${2:?}
build_dir=${3:?}
shift 3
work="$build_dir/consumer"
rm -rf "$work"
"$cmake" --install "$build_dir" --prefix "$work/prefix" >"$work.install.log" 2>&1 ||
  { cat "$work.install.log" >&2; exit 1; }
"$cmake" -S "$source_dir/tests/consumer" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" "$@" >"$work.configure.log" 2>&1 || { cat "$work.configure.log" >&2; exit 1; }
"$cmake" --build "$work/build" >"$work.build.log" 2>&1 || { cat "$work.build.log" >&2; exit 1; }
out=$("$work/build/consumer" "$source_dir/scenarios/two-terminals.yaml")
echo "consumer: $out"
[[ "$out" == metrics.throughput_teu_per_day\ * ]] || { echo "consumer printed something else" >&2; exit 1; }
