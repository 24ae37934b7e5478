#!/usr/bin/env bash
# The sweep under MPI: rank 0 hands runs to two workers; the merged bytes equal a threaded run's.
#   sweep_mpi_test.sh MPIEXEC CORRIDOR_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
mpiexec=$1
cli=$2
sweep=$3/scenarios/sweeps/khorgos-dostyk-grid.yaml
work=$4
rm -rf "$work"
mkdir -p "$work"
"$cli" sweep plan "$sweep" --out "$work/ref" >/dev/null
"$cli" sweep run "$work/ref" --threads 2 --quiet >/dev/null
"$cli" sweep merge "$work/ref" >/dev/null
"$cli" sweep plan "$sweep" --out "$work/mpi" >/dev/null
# Root in containers needs --allow-run-as-root; two cores need --oversubscribe for three ranks.
"$mpiexec" --allow-run-as-root --oversubscribe -np 3 "$cli" sweep run "$work/mpi" --mpi --quiet
"$cli" sweep merge "$work/mpi" >/dev/null
cmp "$work/ref/results.csv" "$work/mpi/results.csv"
cmp "$work/ref/summary.csv" "$work/mpi/summary.csv"
echo "3 MPI ranks merged to the same bytes"
