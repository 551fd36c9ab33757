#!/bin/sh
# The masker's false-positive rate on generated order lists, dates, time stamps and phone numbers, and its
# true-positive rate on generated card numbers in many formats, with and without a card keyword (issue 12,
# part 3): `Benchmarks/masker/rates.sh [HANDOFF_DIR]` from the repository root; HANDOFF_DIR (default
# Sources/StewardRuntime/Handoff) is the masker to measure, e.g. another checkout's for a before/after.
set -e
dir=$(mktemp -d)
sources=${1:-Sources/StewardRuntime/Handoff}
cp Benchmarks/masker/rates.swift "$dir/main.swift"
swiftc -O -o "$dir/rates" "$dir/main.swift" "$sources"/NormalisedText.swift "$sources"/SecretMasker*.swift
"$dir/rates"
