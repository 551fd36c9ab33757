#!/usr/bin/env bash
# Router benchmark: builds `steward` in release mode, then runs `steward eval` on CLINC150
# (train / val for selection / test), recording accuracy, out-of-scope detection, train time,
# single-message latency, throughput and peak memory, plus the machine it ran on.
#
# Usage: Benchmarks/router/run.sh            (from anywhere inside a clone)
#        SCRATCH=.build-router Benchmarks/router/run.sh   (another SwiftPM scratch path)
set -euo pipefail
cd "$(dirname "$0")/../.."

SCRATCH="${SCRATCH:-.build}"
DATA="Benchmarks/data/clinc150"
OUT="Benchmarks/router/results"
mkdir -p "$OUT"

swift build -c release --product steward --scratch-path "$SCRATCH"
BIN="$SCRATCH/release/steward"

ARGS=(eval --train "$DATA/train.jsonl" --val "$DATA/val.jsonl" --test "$DATA/test.jsonl")

# Text report (per-intent weakest list and confusions included).
"$BIN" "${ARGS[@]}" | tee "$OUT/clinc150.txt"

# JSON figures, with peak resident memory from GNU time when available.
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$BIN" "${ARGS[@]}" --json > "$OUT/clinc150.json" 2> "$OUT/clinc150.time"
    PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/clinc150.time")
else
    "$BIN" "${ARGS[@]}" --json > "$OUT/clinc150.json"
    PEAK_KB=""
fi

{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "swift: $(swift --version 2>&1 | head -1)"
    echo "peak_rss_kb: ${PEAK_KB:-n/a}"
} > "$OUT/machine.txt"

echo
cat "$OUT/machine.txt"
python3 - "$OUT/clinc150.json" <<'PY' 2>/dev/null || cat "$OUT/clinc150.json"
import json, sys
d = json.load(open(sys.argv[1]))
keys = ["closed_set_accuracy", "in_scope_accuracy", "oos_precision", "oos_recall", "oos_f1", "macro_f1",
        "threshold", "margin", "temperature", "train_ms", "throughput_per_s", "n_test"]
for k in keys:
    print(f"{k}: {d[k]:.4f}" if isinstance(d[k], float) else f"{k}: {d[k]}")
print(f"latency_us: p50 {d['latency_us']['p50']:.1f}  p99 {d['latency_us']['p99']:.1f}")
PY
