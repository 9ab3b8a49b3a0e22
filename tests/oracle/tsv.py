#!/usr/bin/env python3
# TSV as kpikit(7) describes it, written independently of lib/reader.c and
# lib/writer.c, with Python's csv module for the CSV side:
#
#   tsv.py to-tsv < in.csv > out.tsv     CSV to TSV: TAB, LF, CR and
#                                        backslash escaped as \t \n \r \\
#   tsv.py to-space < in.csv > out.txt   CSV to a space-aligned table with
#                                        no header line (no field may hold
#                                        a blank; empty fields refused)
#   tsv.py same A.csv B.tsv              whether the CSV and the TSV hold
#                                        the same table, field by field
#                                        (exit 0) or not (exit 1, and where)
import csv
import sys

ESC = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\"}
UNESC = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def tsv_field(s):
    return "".join(ESC.get(c, c) for c in s)


def tsv_unfield(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in UNESC:
            out.append(UNESC[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [row for row in csv.reader(f)]


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        text = f.read()
    rows = []
    for line in text.split("\n"):
        if line.endswith("\r"):
            line = line[:-1]
        if line == "":
            continue
        rows.append([tsv_unfield(x) for x in line.split("\t")])
    return rows


def main():
    cmd = sys.argv[1]
    if cmd == "to-tsv":
        for row in csv.reader(sys.stdin):
            sys.stdout.write("\t".join(tsv_field(x) for x in row) + "\n")
    elif cmd == "to-space":
        rows = list(csv.reader(sys.stdin))[1:]
        widths = [max(len(r[j]) for r in rows) for j in range(len(rows[0]))]
        for r in rows:
            if any(x == "" or " " in x or "\t" in x for x in r):
                sys.exit("to-space: a field is empty or holds a blank: %r" % r)
            sys.stdout.write(" " + "  ".join(x.ljust(w) for x, w in
                                             zip(r, widths)) + " \r\n")
    elif cmd == "same":
        a, b = read_csv(sys.argv[2]), read_tsv(sys.argv[3])
        if len(a) != len(b):
            print("%d rows against %d" % (len(a), len(b)))
            sys.exit(1)
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                print("row %d differs: %r against %r" % (i + 1, x, y))
                sys.exit(1)
        print("%d rows" % len(a))
    else:
        sys.exit("tsv.py: unknown command " + cmd)


main()
