"""Replaces reply dates by <date>, as PipeGoldenOutputTests.normalised does; reads stdin, writes stdin's lines sorted."""
import re, sys
months = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
pattern = re.compile("(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?" + months + " [0-9]{1,2}(?:, [0-9]{4})?")
lines = [pattern.sub("<date>", line.rstrip("\n")) for line in sys.stdin if line.strip()]
for line in sorted(lines):
    print(line)
