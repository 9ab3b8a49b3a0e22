#!/usr/bin/env python3
"""The tables of tests/join.test: a leads table split by id, and joined back.

Written from kpikit(7), JOIN, sharing no code with lib/join.c: Python's csv
module reads and writes, a dict keyed by id does the join. Usage:

    join.py split ALL.csv MAIN.csv DEALS.csv SEGMENTS.csv
        MAIN gets every row of ALL, without the columns sql_at to lost_at
        and segment; DEALS those times of the first row of each id that
        has any, in reverse order, and three ids no lead has; SEGMENTS the
        segment of the first row of each id, every third one left out.
    join.py join MAIN.csv OUT.csv JOINED.csv...
        OUT is MAIN with the columns of the JOINED files added, each row
        with the values of its id (empty for an id no joined row has); a
        value already in MAIN stands, and the first joined file with a
        value fills an empty one.
    join.py unmatched MAIN.csv JOINED.csv
        prints how many rows of JOINED have an id no row of MAIN has.
"""
import csv
import sys

MOVED = ["sql_at", "opportunity_at", "customer_at", "lost_at"]


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        return header, [row for row in r]


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def split(src, main, deals, segs):
    header, rows = read(src)
    col = {h: i for i, h in enumerate(header)}
    keep = [h for h in header if h not in MOVED and h != "segment"]
    write(main, keep, [[r[col[h]] for h in keep] for r in rows])
    first = {}
    for r in rows:
        first.setdefault(r[col["id"]], r)
    d = [[i] + [r[col[h]] for h in MOVED] for i, r in first.items()
         if any(r[col[h]] for h in MOVED)]
    d.reverse()
    d += [["X900001", "", "", "2026-01-05", ""],
          ["X900002", "2026-02-01", "", "", ""],
          ["X900003", "", "", "", "2026-03-01"]]
    write(deals, ["id"] + MOVED, d)
    s = [[i, r[col["segment"]]] for n, (i, r) in enumerate(first.items())
         if n % 3 != 2]
    write(segs, ["id", "segment"], s)


def join(main, out, joined):
    header, rows = read(main)
    extra, values = [], []
    for path in joined:
        h, jr = read(path)
        ix = h.index("id")
        names = [c for c in h if c != "id"]
        table = {}
        for r in jr:
            table[r[ix]] = {c: r[h.index(c)] for c in names}
        extra += [c for c in names if c not in header and c not in extra]
        values.append(table)
    idc = header.index("id")
    outrows = []
    for r in rows:
        got = {}
        for table in values:
            for c, v in table.get(r[idc], {}).items():
                if v and not got.get(c):
                    got[c] = v
        outrows.append(r + [got.get(c, "") for c in extra])
    write(out, header + extra, outrows)


def unmatched(main, path):
    header, rows = read(main)
    ids = {r[header.index("id")] for r in rows}
    h, jr = read(path)
    print(sum(1 for r in jr if r[h.index("id")] not in ids))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "split":
        split(*args)
    elif cmd == "join":
        join(args[0], args[1], args[2:])
    elif cmd == "unmatched":
        unmatched(*args)
    else:
        sys.exit("usage: join.py split|join|unmatched ...")
