#!/usr/bin/env python3
"""Routing evaluation through `steward pipe`, the way a shop's traffic reaches Steward.

Each line of the evaluation file ({"text", "label", "language"}) is the first message of a new pipe
session on the demo store. A line passes when:
  - label is a skill id: the reply's `skill` is that skill (`knowledge_base` for general questions);
  - label is `handoff`: the reply's outcome is `handoff_offered`;
  - label is `other`: no transactional skill answers (the reply's skill is not one of TRANSACTIONAL).
Prints accuracy on labelled lines, the safe rate on `other` lines, tables per label and per language,
and the most frequent confusions.

Usage: Benchmarks/routing/evaluate.py [--steward PATH] [--config FILE] [--json] FILE.jsonl
"""
import argparse, collections, json, os, subprocess, sys, tempfile

TRANSACTIONAL = {"order_tracking", "order_editing", "returns", "coupons", "subscriptions", "loyalty", "recommendations"}


def route_name(reply):
    if reply.get("outcome") == "handoff_offered":
        return "handoff"
    return reply.get("skill") or reply.get("outcome") or "?"


def passes(label, reply):
    name = route_name(reply)
    if label == "other":
        return name not in TRANSACTIONAL
    if label == "handoff":
        return reply.get("outcome") == "handoff_offered"
    return reply.get("skill") == label


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--steward", default=os.path.join(os.path.dirname(__file__), "../../.build/release/steward"))
    parser.add_argument("--config")
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."), help="working directory of steward (the repository, for demo/ and knowledge/)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--failures", type=int, default=0, help="print this many failing lines")
    args = parser.parse_args()

    lines = [json.loads(l) for l in open(args.file, encoding="utf-8") if l.strip()]
    requests = [json.dumps({"session": f"eval-{i}", "id": str(i), "text": l["text"]}, ensure_ascii=False) for i, l in enumerate(lines)]
    with tempfile.TemporaryDirectory() as tmp:
        command = [os.path.abspath(args.steward), "pipe", "--db", os.path.join(tmp, "eval.db")]
        if args.config:
            command += ["--config", os.path.abspath(args.config)]
        out = subprocess.run(command, input="\n".join(requests) + "\n", capture_output=True, text=True, cwd=args.root)
    if out.returncode != 0:
        sys.exit(f"steward pipe failed ({out.returncode}): {out.stderr[-2000:]}")
    replies = {}
    for raw in out.stdout.splitlines():
        reply = json.loads(raw)
        if "reply_to" in reply:
            replies.setdefault(int(reply["reply_to"]), reply)

    by_label = collections.defaultdict(lambda: [0, 0])
    by_language = collections.defaultdict(lambda: [0, 0, 0, 0])  # labelled ok, labelled n, other ok, other n
    confusions = collections.Counter()
    failures = []
    for i, line in enumerate(lines):
        reply = replies.get(i, {})
        ok = passes(line["label"], reply)
        by_label[line["label"]][0] += ok
        by_label[line["label"]][1] += 1
        lang = by_language[line.get("language", "?")]
        if line["label"] == "other":
            lang[2] += ok; lang[3] += 1
        else:
            lang[0] += ok; lang[1] += 1
        if not ok:
            confusions[(line["label"], route_name(reply))] += 1
            failures.append((line, reply))

    labelled = [v for k, v in by_label.items() if k != "other"]
    accuracy = sum(v[0] for v in labelled) / max(1, sum(v[1] for v in labelled))
    other = by_label.get("other", [0, 0])
    safe = other[0] / max(1, other[1])
    result = {
        "file": args.file, "lines": len(lines), "accuracy": round(accuracy, 4), "safe_rate": round(safe, 4),
        "per_label": {k: {"correct": v[0], "total": v[1], "rate": round(v[0] / v[1], 4)} for k, v in sorted(by_label.items())},
        "per_language": {k: {"accuracy": round(v[0] / max(1, v[1]), 4), "safe_rate": round(v[2] / max(1, v[3]), 4), "lines": v[1] + v[3]} for k, v in sorted(by_language.items())},
        "confusions": [{"expected": e, "got": g, "count": c} for (e, g), c in confusions.most_common(20)],
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"{args.file}: {len(lines)} lines")
    print(f"accuracy on labelled lines: {accuracy:.3f}   safe rate on other lines: {safe:.3f} ({other[0]}/{other[1]})")
    print("\nlabel             correct  total   rate")
    for k, v in sorted(by_label.items()):
        print(f"{k:17} {v[0]:7} {v[1]:6}  {v[0]/v[1]:.3f}")
    print("\nlanguage  accuracy  safe rate  lines")
    for k, v in sorted(by_language.items()):
        print(f"{k:9} {v[0]/max(1,v[1]):8.3f}  {v[2]/max(1,v[3]):9.3f}  {v[1]+v[3]:5}")
    print("\nmost frequent confusions (expected -> got)")
    for (e, g), c in confusions.most_common(15):
        print(f"{c:5}  {e} -> {g}")
    for line, reply in failures[: args.failures]:
        print(f"FAIL [{line['label']}->{route_name(reply)} {reply.get('intent')} {reply.get('confidence')}] {line['text']}")


if __name__ == "__main__":
    main()
