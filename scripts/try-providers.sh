#!/usr/bin/env bash
# Runs rbank against the local fake provider server (scripts/fake_llm_server.py) with every provider:
# for each, one `rbank run` and one `rbank bench --limit 5`, after a rate-limit fault that the client
# must retry. Nothing leaves 127.0.0.1, and your own keys and settings are never used: each command
# runs in a scratch folder with only the variables set here.
#
#   scripts/try-providers.sh [--keep] [--verbose]
#
# --keep     leave the scratch folder (banks, logs, server log) and print its path
# --verbose  print each command's whole output, not only its last lines
# RBANK_BIN  the rbank binary to use (default .build/debug/rbank, built when missing)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
keep=0
verbose=0
for argument in "$@"; do
    case "$argument" in
        --keep) keep=1 ;;
        --verbose) verbose=1 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "unknown option $argument (try --help)" >&2; exit 2 ;;
    esac
done

rbank=${RBANK_BIN:-$root/.build/debug/rbank}
if [ ! -x "$rbank" ]; then
    echo "building rbank…" >&2
    (cd "$root" && swift build --product rbank >&2)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/rbank-providers.XXXXXX")
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 40); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ "$keep" = 1 ]; then echo "scratch folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

python3 "$root/scripts/fake_llm_server.py" --port 0 --verbose >"$work/port" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(head -n 1 "$work/port")
[ -n "$port" ] || { echo "the fake server did not start; see $work/server.log" >&2; keep=1; exit 1; }
base="http://127.0.0.1:$port"
echo "fake provider server on $base"

# Queues a fault on the fake server: 429 with retry-after-ms, which the client must wait out and retry.
inject_rate_limit() {
    python3 - "$base" <<'PY'
import json, sys, urllib.request
body = json.dumps({"faults": [{"kind": "status", "status": 429, "retry_after_ms": "50"}]}).encode()
request = urllib.request.Request(sys.argv[1] + "/_control/faults", data=body, headers={"Content-Type": "application/json"})
urllib.request.urlopen(request, timeout=5).read()
PY
}

# Runs rbank in the scratch folder with a clean environment plus the given assignments.
rbank_with() {
    local name=$1; shift
    local -a assignments=()
    while [ "$1" != "--" ]; do assignments+=("$1"); shift; done
    shift
    env -i PATH="$PATH" HOME="$work" LANG=C.UTF-8 \
        MEMORY_BANK_PATH="$work/$name.sqlite" LOG_FILE="$work/$name.log" \
        PROMPTS_DIR="$root/data/prompts/default" TASKS_DIR="$root/data/tasks" PRICES_FILE="$root/data/prices.toml" \
        LLM_MAX_RETRIES=2 "${assignments[@]}" "$rbank" "$@"
}

failures=0
check() {
    local name=$1 label=$2; shift 2
    local output status
    set +e
    output=$("$@" 2>&1)
    status=$?
    set -e
    if [ "$verbose" = 1 ]; then echo "$output"; fi
    if [ $status -ne 0 ]; then
        echo "  ✗ $label failed (exit $status):"; echo "$output" | tail -n 5 | sed 's/^/      /'
        failures=$((failures + 1))
    else
        echo "  ✓ $label"; echo "$output" | grep -E '^(■|mode|none|reasoningbank|synapse|awm) ' | sed 's/^/      /'
    fi
}

provider() {
    local name=$1; shift
    echo
    echo "== $name"
    inject_rate_limit
    check "$name" "rbank run --env qa --task qa-001 (after a 429)" rbank_with "$name" "$@" -- run --env qa --task qa-001
    check "$name" "rbank bench --env qa --limit 5" rbank_with "$name" "$@" -- bench --env qa --limit 5 --modes none,reasoningbank
}

provider anthropic LLM_PROVIDER=anthropic ANTHROPIC_API_KEY=sk-ant-fake-key ANTHROPIC_BASE_URL="$base"
provider openai LLM_PROVIDER=openai OPENAI_API_KEY=sk-fake-key OPENAI_BASE_URL="$base/v1" \
    EMBEDDING_MODEL=openai:text-embedding-3-small EMBEDDING_DIMENSION=256
provider gemini LLM_PROVIDER=gemini GEMINI_API_KEY=fake-gemini-key GEMINI_BASE_URL="$base" \
    EMBEDDING_MODEL=gemini:gemini-embedding-001 EMBEDDING_DIMENSION=64
provider ollama LLM_PROVIDER=openai-compatible LLM_MODEL=llama3.2 OPENAI_BASE_URL="$base/ollama/v1" \
    EMBEDDING_MODEL=ollama:all-minilm EMBEDDING_DIMENSION=64 OLLAMA_BASE_URL="$base/ollama"
provider llama.cpp LLM_PROVIDER=openai-compatible LLM_MODEL=qwen2.5-7b OPENAI_BASE_URL="$base/llamacpp/v1" \
    EMBEDDING_MODEL=openai-compatible:nomic-embed-text EMBEDDING_DIMENSION=64
provider vllm LLM_PROVIDER=openai-compatible LLM_MODEL=meta-llama/Llama-3.1-8B-Instruct OPENAI_BASE_URL="$base/vllm/v1"

echo
if [ $failures -eq 0 ]; then
    echo "all providers completed a run and a bench against the fake server"
else
    echo "$failures command(s) failed; rerun with --verbose --keep to see why" >&2
    exit 1
fi
