#!/usr/bin/env python3
"""Lists evaluation lines that also appear in training examples (after normalising case, punctuation,
spacing and digits). Exit 1 when there is any. Usage: Benchmarks/routing/check_overlap.py [--remove]
--remove deletes the overlapping lines from the training files (the evaluation set stays untouched)."""
import glob, json, os, re, sys, unicodedata

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")

def norm(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"\d+", "0", text)
    return re.sub(r"[\W_]+", " ", text).strip()

evaluation = {}
for path in glob.glob(os.path.join(root, "Benchmarks/routing/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            evaluation.setdefault(norm(json.loads(line)["text"]), os.path.basename(path))
files = glob.glob(os.path.join(root, "Skills/*/examples/*/*.txt")) + glob.glob(os.path.join(root, "Sources/StewardRuntime/Intents/*/*.txt"))
found = 0
for path in sorted(files):
    kept = []
    lines = open(path, encoding="utf-8").read().splitlines()
    for line in lines:
        stripped = line.strip()
        if stripped and not (stripped.startswith("#") and not stripped[1:2].isdigit()) and norm(stripped) in evaluation:
            found += 1
            print(f"{os.path.relpath(path, root)}: {stripped!r} is in {evaluation[norm(stripped)]}")
            continue
        kept.append(line)
    if "--remove" in sys.argv and len(kept) != len(lines):
        open(path, "w", encoding="utf-8").write("\n".join(kept) + "\n")
print(f"{found} overlapping lines", file=sys.stderr)
sys.exit(1 if found and "--remove" not in sys.argv else 0)
