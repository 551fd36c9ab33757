#!/usr/bin/env bash
# Pipe throughput, peak memory and time to first reply, release build, demo store.
# Usage: Benchmarks/pipe/run.sh [messages] [sessions]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}; S=${2:-1000}
scripts/bootstrap.sh
swift build -c release --product steward >&2
BIN=$(swift build -c release --show-bin-path)/steward
INPUT=$(mktemp); OUT=$(mktemp); TIMES=$(mktemp)
python3 Benchmarks/pipe/generate.py "$N" "$S" > "$INPUT"
DB=$(mktemp -u /tmp/steward-bench-XXXXXX.db)
/usr/bin/time -v "$BIN" pipe --db "$DB" < "$INPUT" > "$OUT" 2> "$TIMES"
wall=$(grep "Elapsed (wall clock)" "$TIMES" | awk '{print $NF}')
rss=$(grep "Maximum resident set size" "$TIMES" | awk '{print $NF}')
lines=$(wc -l < "$OUT"); errors=$(grep -c '"error"' "$OUT" || true)
secs=$(python3 -c "p='$wall'.split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))")
# Time to first reply: start the process, send one line, wait for its answer.
first=$(python3 - "$BIN" <<'PY'
import subprocess, sys, time
t = time.perf_counter()
p = subprocess.Popen([sys.argv[1], "pipe", "--db", "/tmp/steward-bench-first.db"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b'{"session":"x","text":"where is my order #1001"}\n'); p.stdin.flush()
p.stdout.readline()
print(f"{(time.perf_counter() - t) * 1000:.0f}")
p.stdin.close(); p.wait()
PY
)
echo "messages=$N sessions=$S replies=$lines errors=$errors"
python3 -c "print(f'wall={$secs:.2f}s throughput={$N/$secs:,.0f} msg/s peak_rss={$rss/1024:.1f} MB first_reply=${first} ms')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
rm -f "$INPUT" "$OUT" "$TIMES" "$DB"* /tmp/steward-bench-first.db*
