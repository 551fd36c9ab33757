#!/usr/bin/env bash
# Language detection benchmark: builds `steward` in release mode, then runs `steward language` on the
# `language` field of the routing evaluation set (validation, where the settings were chosen, and
# test), recording accuracy per language, confusions, build time and single-message latency.
#
# Usage: Benchmarks/language/run.sh            (from anywhere inside a clone)
#        SCRATCH=.build-language Benchmarks/language/run.sh   (another SwiftPM scratch path)
set -euo pipefail
cd "$(dirname "$0")/../.."

SCRATCH="${SCRATCH:-.build}"
DATA="Benchmarks/routing"
OUT="Benchmarks/language/results"
mkdir -p "$OUT"

swift build -c release --product steward --scratch-path "$SCRATCH"
BIN="$SCRATCH/release/steward"

for split in validation test; do
    "$BIN" language --file "$DATA/$split.jsonl" | tee "$OUT/$split.txt"
    "$BIN" language --file "$DATA/$split.jsonl" --json > "$OUT/$split.json"
    echo
done

{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "swift: $(swift --version 2>&1 | head -1)"
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt"
