#!/usr/bin/env python3
"""Put a repeated id across every chunk border of --jobs J.

    border_pairs.py J <leads.csv >paired.csv

Gives row n (from 1) the id "D%06d" % n, all ids the same length, then cuts
the file as lib/parallel.c does for J jobs: border k (k = 1 .. J-1) is
the start of the first line after byte
data + floor((size - data) * k / J), data being where the first row
starts. The row that starts at each border takes the id of the row just
before it: a repeat whose first row lies in the chunk before. Ids keep
their length, so the borders do not move. Rows must be one line each (no
line breaks in fields).
"""
import sys

jobs = int(sys.argv[1])
lines = sys.stdin.buffer.read().split(b"\n")
if lines[-1] == b"":
    lines.pop()
rows = [lines[0]] + [b"D%06d" % n + line[line.index(b","):]
                     for n, line in enumerate(lines[1:], 1)]
starts, at = [], 0
for line in rows:
    starts.append(at)
    at += len(line) + 1
data, size = starts[1], at
for k in range(1, jobs):
    target = data + int((size - data) * k / jobs)
    i = next(i for i, s in enumerate(starts) if s > target)
    if 1 < i < len(rows):
        prev = rows[i - 1][:rows[i - 1].index(b",")]
        rows[i] = prev + rows[i][rows[i].index(b","):]
sys.stdout.buffer.write(b"".join(line + b"\n" for line in rows))
