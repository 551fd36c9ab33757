#!/usr/bin/env python3
"""Pipe input for the bounds benchmarks (issue 12, part 9).

sessions N: N distinct sessions with 250-byte ids, each sending two long messages (about 8 KB).
handoffs N: N SMS sessions of one person (one phone, and an unverified email) each asking for a person.
"""
import json
import sys

kind, n = sys.argv[1], int(sys.argv[2])
if kind == "sessions":
    filler = "my parcel never arrived and I have been waiting for weeks, " * 140  # about 8 KB
    for i in range(n):
        sid = f"s{i:06d}-" + "x" * (250 - 8)
        for j, text in enumerate(["hello " + filler, "where is my order #1001 " + filler]):
            print(json.dumps({"session": sid, "id": f"m{j}", "text": text[:60000]}))
elif kind == "handoffs":
    for i in range(n):
        print(json.dumps({
            "session": f"sms-{i:06d}", "id": "m1", "channel": "sms", "text": "I want to talk to a real person",
            "customer": {"phone": "+1 555 010 0001", "email": "jane.doe@example.com"},
        }))
else:
    sys.exit("usage: generate.py sessions|handoffs N")
