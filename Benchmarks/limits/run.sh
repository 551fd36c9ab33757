#!/usr/bin/env bash
# Bounds under load (issue 12, part 9): peak RSS and database size for many distinct long-id sessions,
# and time and memory for many handoffs of one person on SMS (one ticket, appended to).
# Usage: Benchmarks/limits/run.sh [sessions] [handoffs...]   (default: 20000, then 1000 2000 4000)
set -euo pipefail
cd "$(dirname "$0")/../.."
S=${1:-20000}; shift || true
H=("${@:-1000 2000 4000}"); H=(${H[@]})
BIN=${STEWARD_BIN:-}
if [ -z "$BIN" ]; then
  swift build -c release --product steward >&2
  BIN=$(swift build -c release --show-bin-path)/steward
fi
run() {  # kind n
  local input db times out
  input=$(mktemp); db=$(mktemp -u /tmp/steward-limits-XXXXXX.db); times=$(mktemp); out=$(mktemp)
  python3 Benchmarks/limits/generate.py "$1" "$2" > "$input"
  /usr/bin/time -v "$BIN" pipe --db "$db" < "$input" > "$out" 2> "$times"
  local wall rss size tickets
  wall=$(grep "Elapsed (wall clock)" "$times" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$times" | awk '{print $NF}')
  size=$(du -cb "$db"* | tail -1 | cut -f1)
  tickets=$("$BIN" tickets list --db "$db" 2>/dev/null | grep -c . || true)
  echo "$1=$2 lines_in=$(wc -l < "$input") replies=$(wc -l < "$out") errors=$(grep -c '"error"' "$out" || true) wall=$wall peak_rss=$((rss / 1024))MB db=$((size / 1024 / 1024))MB ticket_list_lines=$tickets"
  rm -f "$input" "$out" "$times" "$db"*
}
run sessions "$S"
for n in "${H[@]}"; do run handoffs "$n"; done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
