#!/usr/bin/env bash
# Benchmarks StewardHTTP against a loopback StubHTTPServer (release build, separate scratch dir).
#   Benchmarks/http/run.sh                 # default: 200 concurrent × 50 ms, 10,000-request soak
#   Benchmarks/http/run.sh --soak 20000    # longer soak
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
swift build -c release --package-path "$here" --scratch-path "$root/.build-bench-http" --product http-bench >&2
exec "$root/.build-bench-http/release/http-bench" "$@"
