#!/usr/bin/env bash
# Benchmarks ShopifyAdapter: 200 concurrent order lookups against a loopback stub answering in 50 ms.
# Release build in its own scratch dir; the package symlinks the real targets.
#   Benchmarks/adapters/run.sh                      # 200 × 50 ms, 5 rounds, 64 connections per host
#   Benchmarks/adapters/run.sh --connections 200    # one connection per lookup
# Flags: --concurrency N --delay-ms MS --rounds N --connections N
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
swift build -c release --package-path "$here" --scratch-path "$root/.build-bench-adapters" --product adapters-bench >&2
exec "$root/.build-bench-adapters/release/adapters-bench" "$@"
