#!/usr/bin/env bash
# Conversation benchmark: prints how the confirmation reader and the cue detector read the held-out
# lines of confirmations.jsonl and cues.jsonl (confusion tables, safety figures, per-language accuracy).
#
# Usage: Benchmarks/conversation/run.sh            (from anywhere inside a clone)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --build-tests
swift test --skip-build --filter ConversationBenchmarkTests 2>&1 | grep -v '^◇\|^✔ Test case\|^􀟈'
