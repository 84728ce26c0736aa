#!/usr/bin/env bash
# make bench: performance of the closed loop, each figure printed as a ratio against a reference
# measured in the same run on the same machine.
#
# closed-loop overhead of memory: the QA suite (offline simulated model, hashing embedder, a fresh
# SQLite bank each repetition) with MEMORY_MODE=reasoningbank against MEMORY_MODE=none. The ratio is
# what retrieval, extraction and consolidation cost per task on top of acting and judging.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${RBANK_BIN:-.build/release/rbank}
REPS=${BENCH_REPS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LOG_FILE="$work/bench.log" ENABLE_LOGGING=false

tasks=$(grep -c . data/tasks/qa.jsonl)

# Prints the median wall time in seconds of REPS runs of one suite pass in memory mode $1.
median_seconds() {
  local mode=$1 times=()
  for i in $(seq "$REPS"); do
    rm -f "$work"/bank.sqlite*
    local start end
    start=$(date +%s.%N)
    "$BIN" run --env qa --all --memory-mode "$mode" --bank "$work/bank.sqlite" > /dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo "rbank bench — $(nproc) cores, $REPS repetitions, median wall time, $tasks QA tasks per pass"
echo "model: offline simulation (a scripted policy, not an LLM); embedder: hashing-384"
none=$(median_seconds none)
memory=$(median_seconds reasoningbank)
awk -v none="$none" -v memory="$memory" -v n="$tasks" 'BEGIN {
  printf "%-34s %10s %12s\n", "closed loop, QA suite", "seconds", "ms per task"
  printf "%-34s %10.3f %12.2f\n", "reference: MEMORY_MODE=none", none, 1000 * none / n
  printf "%-34s %10.3f %12.2f\n", "MEMORY_MODE=reasoningbank", memory, 1000 * memory / n
  printf "ratio reasoningbank / none: %.2fx\n", memory / none
}'

# MaTTS parallel wall time: with a model that waits 200 ms per call (OFFLINE_LATENCY_MS), k = 5
# trajectories run at once against one plain run of the same task (a fresh bank each repetition, so
# both see the same, empty memory). The k trajectories act, and are judged, concurrently; the
# selector and the self-contrast extraction run concurrently too.
median_command_seconds() {
  local times=()
  for i in $(seq "$REPS"); do
    rm -f "$work"/matts.sqlite*
    local start end
    start=$(date +%s.%N)
    OFFLINE_LATENCY_MS=200 "$BIN" "$@" --bank "$work/matts.sqlite" > /dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo
echo "MaTTS parallel, model latency 200 ms per call (OFFLINE_LATENCY_MS=200), median of $REPS, whole process"
printf "%-44s %10s %10s %8s\n" "task" "plain run" "k=5" "ratio"
for spec in "qa qa-001" "qa qa-017" "shop shop-001"; do
  set -- $spec
  single=$(median_command_seconds run --env "$1" --task "$2")
  scaled=$(median_command_seconds matts parallel --k 5 --env "$1" --task "$2")
  awk -v t="$1 $2" -v a="$single" -v b="$scaled" 'BEGIN { printf "%-44s %9.2fs %9.2fs %7.2fx\n", t, a, b, b / a }'
done
echo "On qa every trajectory is one step; on shop the k=5 run lasts as long as its longest trajectory."
