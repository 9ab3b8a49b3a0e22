#!/usr/bin/env python3
"""Rewrite the ids of a leads table so that duplicates lie everywhere.

    scatter_ids.py POOL [crlf] <leads.csv >scattered.csv

Row n (from 1) gets id "D" + str(n * 7919 % POOL): with POOL well below
the row count, every id comes back many times, spread over the whole
file, each time with the row's own stages and channel, so which row wins
changes the counts. Then, on stderr, what one reading of the result in
input order finds (the first row of an id wins):

    DUPLICATES FIRST_LINE ID

FIRST_LINE being the physical line where the first repeated row starts
(notes may hold line breaks). Python's csv module does the reading and the
writing; no code is shared with the tools.
"""
import csv
import sys

pool = int(sys.argv[1])
eol = "\r\n" if len(sys.argv) > 2 and sys.argv[2] == "crlf" else "\n"
rows = list(csv.reader(sys.stdin))
out = csv.writer(sys.stdout, lineterminator=eol)
out.writerow(rows[0])
line = 2
seen, dups, first = set(), 0, None
for n, row in enumerate(rows[1:], 1):
    row[0] = "D%d" % (n * 7919 % pool)
    if row[0] in seen:
        dups += 1
        if first is None:
            first = (line, row[0])
    seen.add(row[0])
    out.writerow(row)
    line += 1 + sum(field.count("\n") for field in row)
sys.stderr.write("%d %d %s\n" % (dups, first[0], first[1]))
