#!/usr/bin/env bash
# Knowledge benchmark: builds the tests, then prints accuracy on Benchmarks/knowledge/test.jsonl
# and the minimum-coverage sweep on validation.jsonl, each with its misses.
#
# Usage: Benchmarks/knowledge/run.sh            (from anywhere inside a clone)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --build-tests
# The test binary is run directly: `swift test` may not show a passing test's output.
BIN=$(swift build --show-bin-path)/StewardPackageTests.xctest
"$BIN" --testing-library swift-testing --filter "KnowledgeBenchmarkTests/(testAccuracy|theShippedThreshold)"
