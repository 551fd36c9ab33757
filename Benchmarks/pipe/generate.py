#!/usr/bin/env python3
"""Writes N pipe request lines spread over S sessions: a realistic mix of demo-store conversations."""
import json, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
sessions = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000
rng = random.Random(7)
scripts = [
    ["where is my order #1001", "jane.doe@example.com", "thanks"],
    ["do you have any discount codes?", "what is your return policy", "bye"],
    ["hi", "do you ship to canada?", "how long does a refund take"],
    ["I want to return order 1002", "jane.doe@example.com", "thank you"],
    ["were is my ordr", "1008", "daniel.kim@example.com"],
    ["purple elephants", "what can you do", "talk to a human"],
]
authenticated = {"email": "jane.doe@example.com", "authenticated": True}
state = {}
for i in range(n):
    s = rng.randrange(sessions)
    script, step = state.get(s, (rng.randrange(len(scripts)), 0))
    line = {"session": f"s{s}", "id": f"m{i}", "text": scripts[script][step % 3]}
    if s % 4 == 0:
        line["customer"] = authenticated
    if s % 5 == 0:
        line["channel"] = "sms"
    state[s] = (script, step + 1)
    print(json.dumps(line))
