#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds, runs every test.
# Three runs on a 2-core machine: the HTTP client tests (which check that requests run
# concurrently and time out on time) alone, so CPU-heavy tests cannot starve them; the
# other unit and conversation tests; then the end-to-end tests that start the `steward` binary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build --filter StewardHTTPTests "$@"
swift test --skip-build --skip StewardHTTPTests --skip stewardTests "$@"
swift test --skip-build --filter stewardTests "$@"
