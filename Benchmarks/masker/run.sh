#!/bin/sh
# Secret masker throughput on the routing test set's 1,717 messages (plus 2% carrying a secret), 60 rounds,
# compiled with -O outside SwiftPM: `Benchmarks/masker/run.sh` from the repository root.
set -e
dir=$(mktemp -d)
python3 - "$dir/corpus.txt" <<'PY'
import json, sys
texts = [json.loads(l)["text"] for l in open("Benchmarks/routing/test.jsonl")]
secrets = ["my card is 4111 1111 1111 1111", "my password is hunter two", "pin code 5555", "IBAN GB82 WEST 1234 5698 7654 32"]
open(sys.argv[1], "w").write("\n".join(t.replace("\n", " ") for t in texts + secrets * (len(texts) // 200)))
PY
sed "s|/tmp/mbench/corpus.txt|$dir/corpus.txt|" Benchmarks/masker/main.swift > "$dir/main.swift"
cd Sources/StewardRuntime/Handoff
swiftc -O -o "$dir/masker" "$dir/main.swift" NormalisedText.swift SecretMasker*.swift
"$dir/masker"
