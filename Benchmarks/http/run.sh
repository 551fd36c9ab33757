#!/usr/bin/env bash
# Benchmarks StewardHTTP against a loopback StubHTTPServer (release build, own scratch dir).
#
# The stub runs in a second process so that descriptor and RSS figures are the client's alone.
#   Benchmarks/http/run.sh                        # 200 concurrent × 50 ms (5 rounds) + 10,000-request soak
#   Benchmarks/http/run.sh --soak 100000          # longer soak
#   Benchmarks/http/run.sh --in-process [flags]   # stub and client in one process
# Other flags go to the client: --concurrency N --delay-ms MS --rounds N --soak N
#                               --soak-concurrency N --errors 0|1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
swift build -c release --package-path "$here" --scratch-path "$root/.build-bench-http" --product http-bench >&2
bench="$root/.build-bench-http/release/http-bench"

if [[ "${1:-}" == "--in-process" ]]; then
    shift
    exec "$bench" "$@"
fi

out="$(mktemp)"
"$bench" --serve >"$out" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q "listening" "$out" && break; sleep 0.1; done
port="$(grep -o '[0-9]*$' "$out")"
echo "machine: $(nproc) cores, $(uname -sr), $(swift --version 2>/dev/null | head -1), libcurl $(curl-config --version | cut -d' ' -f2)"
"$bench" --remote-port "$port" "$@"
echo "stub process RSS at the end (it records every request): $(grep VmRSS /proc/$server/status | tr -s ' \t' ' ')"
