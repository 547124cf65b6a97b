#!/usr/bin/env bash
# Run benchmarks over several seeds × shapes of the generated data and report, per
# measure, the WORST result (the highest ratio to its baseline, or the highest value when
# the measure has no baseline), with the seed and shape it came from.
#
#   tools/bench-matrix.sh [PYTEST ARGS...]
#
# Without arguments: the add and branch-import benchmarks (test_bench_add.py,
# test_bench_sync.py -k import_all). Seeds and shapes: $SEEDS (default "1 2") and
# $SHAPES (default "plain attachments"); each combination runs pytest once with
# DESA_PEDULI_BENCH_SEED / DESA_PEDULI_BENCH_SHAPE set (the caches are keyed by both).
# Sizes come from the benchmarks' own variables, e.g. for a quick try:
#
#   DESA_PEDULI_BENCH_N=2000 DESA_PEDULI_BENCH_SYNC_N=2000 \
#   DESA_PEDULI_BENCH_SYNC_PER_BUNDLE=500 tools/bench-matrix.sh
#
# A failing target does not stop the matrix; the exit code is 1 if any run failed.
# Every result is also in tests/benchmarks/_out/results.jsonl (with "seed" and "shape").
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
SEEDS=${SEEDS:-"1 2"}
SHAPES=${SHAPES:-"plain attachments"}
if [ "$#" -eq 0 ]; then
  set -- tests/benchmarks/test_bench_add.py tests/benchmarks/test_bench_sync.py -k "add_jsonl or import_all"
fi
results=tests/benchmarks/_out/results.jsonl
mkdir -p "$(dirname "$results")"
touch "$results"
start=$(wc -l < "$results")
status=0
for seed in $SEEDS; do
  for shape in $SHAPES; do
    echo "=== seed $seed, shape $shape ==="
    DESA_PEDULI_BENCH_SEED=$seed DESA_PEDULI_BENCH_SHAPE=$shape \
      "$PYTHON" -m pytest -m benchmark -s -p no:randomly -q "$@" || status=1
  done
done
echo
echo "=== worst per measure over seeds {$SEEDS} × shapes {$SHAPES} ==="
tail -n +"$((start + 1))" "$results" | "$PYTHON" -m tests.benchmarks._matrix
exit $status
