#!/bin/sh
# The pipe decoder's JSON layer before and after issue 12's strict one-pass reader (StrictJSON), on
# `Benchmarks/pipe/generate.py 100000 1000` lines, 5 rounds, compiled with -O outside SwiftPM:
# `Benchmarks/decoder/run.sh` from the repository root.
set -e
dir=$(mktemp -d)
python3 Benchmarks/pipe/generate.py "${1:-100000}" "${2:-1000}" > "$dir/lines.jsonl"
cp Benchmarks/decoder/main.swift "$dir/main.swift"
swiftc -O -package-name bench -o "$dir/decoder" "$dir/main.swift" Sources/StewardRuntime/Pipe/StrictJSON.swift \
    Sources/StewardRuntime/Pipe/JSONLimits.swift Sources/StewardRuntime/Pipe/JSONProblem.swift \
    Sources/StewardRuntime/Pipe/PipeLineError.swift Sources/StewardRuntime/Engine/Identifier.swift
"$dir/decoder" "$dir/lines.jsonl"
