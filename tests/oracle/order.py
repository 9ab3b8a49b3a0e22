#!/usr/bin/env python3
"""Dates that go back, read independently, for tests/order.test.

Written from kpikit(7), "Stages", sharing no code with the C tools: a
lead's dates go back when a stage's own timestamp is before that of the
nearest earlier stage that has one, or when it is lost, not at the last
stage, and lost_at is before the latest timestamp of its stages (without
--asof, which these tests do not give: everything is in view). Python's csv
module reads the table (no line breaks in fields: a record's line is its
line). Usage:

    order.py scramble < IN > OUT   every 53rd lead with an mql_at gets its
                                   created_at and mql_at swapped; every
                                   61st lost lead that is not a customer
                                   and reached a stage after the first
                                   gets lost_at 2000-01-01
    order.py count FILE...         "N FIRST": how many leads have dates
                                   that go back, and the first as the note
                                   tells it: FILE:LINE: column 'X': 'V' is
                                   before Y 'W'
    order.py drop FILE > OUT       FILE without those leads
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lead_convert import parse_time  # noqa: E402

STAGES = ["created_at", "mql_at", "sql_at", "opportunity_at", "customer_at"]


def goes_back(rec):
    """None, or (late column, early column) of the first case."""
    prev = None
    for c in STAGES:
        t = parse_time(rec[c])
        if t is None:
            continue
        if prev is not None and t < parse_time(rec[prev]):
            return c, prev
        prev = c
    lost = parse_time(rec["lost_at"])
    if lost is None or rec["customer_at"].strip():
        return None
    if lost < parse_time(rec[prev]):
        return "lost_at", prev
    return None


def scramble():
    r = csv.reader(sys.stdin)
    w = csv.writer(sys.stdout, lineterminator="\n")
    header = next(r)
    w.writerow(header)
    ix = {h: i for i, h in enumerate(header)}
    nmql = nlost = 0
    for row in r:
        if row[ix["mql_at"]]:
            nmql += 1
            if nmql % 53 == 0:
                a, b = ix["created_at"], ix["mql_at"]
                row[a], row[b] = row[b], row[a]
        if row[ix["lost_at"]] and not row[ix["customer_at"]] and \
                any(row[ix[c]] for c in STAGES[1:]):
            nlost += 1
            if nlost % 61 == 0:
                row[ix["lost_at"]] = "2000-01-01"
        w.writerow(row)


def count(paths):
    n, first = 0, None
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for line, rec in enumerate(csv.DictReader(f), start=2):
                case = goes_back(rec)
                if case is None:
                    continue
                n += 1
                if first is None:
                    late, early = case
                    first = "%s:%d: column '%s': '%s' is before %s '%s'" % (
                        path, line, late, rec[late], early, rec[early])
    print(n, first or "")


def drop(path):
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        header = next(r)
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(header)
        for row in r:
            if goes_back(dict(zip(header, row))) is None:
                w.writerow(row)


def main(argv):
    if len(argv) >= 2 and argv[1] == "scramble":
        scramble()
    elif len(argv) >= 3 and argv[1] == "count":
        count(argv[2:])
    elif len(argv) == 3 and argv[1] == "drop":
        drop(argv[2])
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
