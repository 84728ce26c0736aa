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
# The closed-loop and MaTTS figures time the engine, not the embedder: pin the hashing embedder they print.
export EMBEDDING_MODEL=hashing

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

# ---------------------------------------------------------------------------------------------------
# Embeddings and retrieval at scale (issue 8). The Swift side is rbank-bench (Benchmarks/Harness); the
# references are NumPy scripts beside this one, run on the same data in the same run.
HARNESS=${RBANK_BENCH_BIN:-.build/release/rbank-bench}
MODEL=data/models/all-MiniLM-L6-v2
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

echo
echo "Top-k retrieval (k=10, 384 dimensions, random unit vectors, 50 queries x $REPS passes, median per query)"
printf "%-12s %14s %14s %8s  %s\n" "experiences" "numpy ms" "rbank ms" "ratio" "same top-k"
for rows in 10000 100000; do
  mkdir -p "$work/r$rows"
  python3 Benchmarks/retrieval_reference.py data --rows "$rows" --out "$work/r$rows"
  python3 Benchmarks/retrieval_reference.py time --dir "$work/r$rows" --repeat "$REPS" > "$work/r$rows/numpy.json"
  "$HARNESS" retrieval --dir "$work/r$rows" --repeat "$REPS" > "$work/r$rows/rbank.json"
  python3 - "$rows" "$work/r$rows/numpy.json" "$work/r$rows/rbank.json" <<'PY'
import json, sys
rows, numpy, rbank = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
same = numpy["top"] == rbank["top"] and rbank["identical_to_exhaustive"]
print("%-12s %14.3f %14.3f %7.2fx  %s" % (rows, 1000 * numpy["median_seconds"], 1000 * rbank["median_seconds"],
      rbank["median_seconds"] / numpy["median_seconds"], "yes" if same else "NO"))
PY
done
echo "ratio = rbank / numpy(argpartition(M @ q)); rbank ranks exactly (an 8-bit first pass, then exact re-ranking)."

echo
echo "all-MiniLM-L6-v2 throughput (batch 32, the 128 QA and shop task queries twice, median of $REPS passes)"
python3 -c "
import json
rows = [json.loads(l) for f in ('data/tasks/qa.jsonl', 'data/tasks/shop.jsonl') for l in open(f) if l.strip()]
json.dump([r.get('question') or r.get('query') for r in rows] * 2, open('$work/texts.json', 'w'))"
reference=$(python3 Benchmarks/minilm_reference.py bench --model "$MODEL" --input "$work/texts.json" --batch 32 --repeat "$REPS" | json_field per_second)
"$HARNESS" embed --model "$MODEL" --input "$work/texts.json" --batch 32 --repeat "$REPS" > "$work/embed.json"
native=$(json_field per_second < "$work/embed.json")
first=$(json_field first_query_seconds < "$work/embed.json")
awk -v r="$reference" -v n="$native" -v f="$first" 'BEGIN {
  printf "%-34s %12s\n", "", "sentences/s"
  printf "%-34s %12.1f\n", "reference: NumPy (minilm_reference.py)", r
  printf "%-34s %12.1f\n", "rbank (Swift, OpenBLAS)", n
  printf "ratio rbank / numpy: %.2fx\n", n / r
  printf "a fresh process loading the model and embedding its first query: %.0f ms\n", 1000 * f
}'

echo
echo "Open a 100,000-experience bank and answer the first retrieval (fresh process each time, hashing-384, top-1)"
"$HARNESS" open --bank "$work/open.sqlite" --build 100000 > /dev/null
sync  # time a bank at rest, not the kernel writing the one just built back to disk
open_median() {
  local field=$1 times=()
  shift
  for i in $(seq "$REPS"); do times+=("$("$HARNESS" open --bank "$work/open.sqlite" "$@" | json_field "$field")"); done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
lazy=$(open_median seconds)
everything=$(open_median seconds --load-everything)
next=$(open_median next_seconds)
awk -v l="$lazy" -v e="$everything" -v n="$next" 'BEGIN {
  printf "%-44s %10s\n", "", "ms"
  printf "%-44s %10.0f\n", "reference: load every experience, then rank", 1000 * e
  printf "%-44s %10.0f\n", "rbank: query index (8-bit codes, query_code)", 1000 * l
  printf "ratio index / load-everything: %.2fx; against the 300 ms target: %.2fx\n", l / e, l / 0.3
  printf "each later retrieval in that process (median of 21, exact vectors read back): %.1f ms\n", 1000 * n
}'
# The default embedder with the model present, all-MiniLM-L6-v2+hashing, stores 768 numbers per query:
# the same bank at that size, hashing-768. rbank builds its embedder at start-up, and a first retrieval
# embeds the query while it reads the index, so the model adds its start-up, not the sum.
"$HARNESS" open --bank "$work/open768.sqlite" --build 100000 --dimension 768 > /dev/null
sync
wide=$(for i in $(seq "$REPS"); do "$HARNESS" open --bank "$work/open768.sqlite" --dimension 768 | json_field seconds; done \
  | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
awk -v w="$wide" -v f="$first" 'BEGIN {
  printf "%-44s %10.0f\n", "the same bank at 768 numbers per query", 1000 * w
  printf "against the 300 ms target: %.2fx; loading MiniLM at start-up and embedding a first query (MiniLM section): %.0f ms\n", w / 0.3, 1000 * f
}'

echo
echo "Engine time per step (instant model and environment, 10-step tasks, 20 runs, SQLite bank, hashing-384)"
mkdir -p "$work/engine"
empty=$("$HARNESS" engine --folder "$work/engine" --experiences 0 | json_field seconds_per_step)
full=$("$HARNESS" engine --folder "$work/engine" --experiences 10000 | json_field seconds_per_step)
awk -v a="$empty" -v b="$full" 'BEGIN {
  printf "%-44s %10s\n", "", "ms/step"
  printf "%-44s %10.3f\n", "reference: empty bank", 1000 * a
  printf "%-44s %10.3f\n", "bank of 10,000 experiences", 1000 * b
  printf "ratio 10k / empty: %.2fx; against the 1 ms target: %.2fx\n", b / a, b / 0.001
}'

echo
echo "Same-template retrieval in the closed loop (rbank run --all: offline model, a fresh bank, top-1 memory per task)"
echo "counted over the runs for which the bank already held an experience of their template; reference: hashing-384"
printf "%-6s %-26s %14s %8s %10s\n" "suite" "EMBEDDING_MODEL" "same-template" "ratio" "success"
for env in qa shop; do
  reference=""
  for embedder in hashing all-MiniLM-L6-v2 all-MiniLM-L6-v2+hashing; do
    rm -f "$work"/loop.sqlite*
    success=$(EMBEDDING_MODEL=$embedder "$BIN" run --env "$env" --all --bank "$work/loop.sqlite" \
      | sed -n 's/.*ground-truth success [0-9]*\/[0-9]* (\([0-9.]*%\)).*/\1/p' | tail -1)
    counts=$(python3 Benchmarks/same_template.py --bank "$work/loop.sqlite")
    same=$(echo "$counts" | json_field same)
    eligible=$(echo "$counts" | json_field eligible)
    reference=${reference:-$same}
    awk -v e="$env" -v m="$embedder" -v s="$same" -v n="$eligible" -v r="$reference" -v ok="$success" \
      'BEGIN { printf "%-6s %-26s %9d/%-4d %7.2fx %10s\n", e, m, s, n, s / r, ok }'
  done
done
echo "all-MiniLM-L6-v2+hashing is the default when the model is present: similarity = 0.6 x MiniLM + 0.4 x hashing cosine."
