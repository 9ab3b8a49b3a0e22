#!/usr/bin/env python3
"""An independent reference implementation of funnel, for the tests.

Written from man/funnel.1 and kpikit(7), sharing no code with the C tools
(it reuses only this directory's lead_convert.py for reading dates and
periods, itself independent of the C code). Usage:

    funnel.py compare TOOL_OUTPUT.csv -- [funnel options] FILE...

prints "ok ..." or "FAIL ..." lines: counts and drop-offs must be equal,
shares, rates and medians within 5e-7, and a field empty exactly when it is
undefined.
"""
import csv
import datetime as dt
import statistics
import sys

from lead_convert import parse_time, period_label, parse_args
from stale import stale_lost


def compute(o, lost_column):
    stages = o["stages"]
    columns = ["created_at"] + [s + "_at" for s in stages[1:]]
    rows = []
    seen = set()
    for path in o["files"]:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for rec in csv.DictReader(f):
                rid = rec.get("id", "")
                if o["dedup"] and rid:
                    if rid in seen:
                        continue
                    seen.add(rid)
                ts = [parse_time(rec[c]) for c in columns]
                lost = parse_time(rec.get("lost_at", "") or "")
                lost = stale_lost(ts, lost, o["asof"], o["stale"])
                key = tuple(rec[c] for c in o["by"])
                if o["period"]:
                    key += (period_label(ts[0], o["period"], o["fy"]),)
                rows.append((key, ts, lost))
    asof = o["asof"]
    if asof is None:
        asof = max(t for _, ts, lost in rows for t in ts + [lost] if t)
    window = dt.timedelta(days=o["window"]) if o["window"] is not None else None

    def in_view(t, created):
        return t is not None and (o["asof"] is None or t <= asof) and \
            (window is None or t - created <= window)

    groups = {}
    for key, ts, lost in rows:
        created = ts[0]
        if created > asof or (window is not None and created > asof - window):
            continue
        g = groups.setdefault(key, {"count": [0] * len(stages),
                                    "lost": [0] * len(stages),
                                    "days": [[] for _ in stages]})
        top = -1
        for s in range(len(stages)):
            later = [t for t in ts[s:] if t is not None]
            if later and in_view(min(later), created):
                g["count"][s] += 1
                top = s
        for s in range(1, len(stages)):
            a, b = ts[s - 1], ts[s]
            if in_view(a, created) and in_view(b, created) and b >= a:
                g["days"][s].append((b - a).total_seconds() / 86400)
        if lost is not None and (o["asof"] is None or lost <= asof):
            g["lost"][top] += 1
    return groups


def expected_rows(g, n, lost_column):
    c = g["count"]
    out = []
    for s in range(n):
        row = [str(c[s]), c[s] / c[0] if c[0] else None,
               (c[s] / c[s - 1] if c[s - 1] else None) if s else None,
               str(c[s - 1] - c[s]) if s else "",
               statistics.median(g["days"][s]) if g["days"][s] else None]
        if lost_column:
            row.append(str(g["lost"][s]))
        out.append(row)
    return out


def same(got, want):
    if want is None:
        return got == ""
    if isinstance(want, str):
        return got == want
    # Half a unit of the sixth decimal, and the float error of a tie
    # such as 0.3046875, printed 0.304688.
    return got != "" and abs(float(got) - want) <= 5e-7 + 1e-12


def main(argv):
    if len(argv) < 4 or argv[1] != "compare" or argv[3] != "--":
        sys.exit(__doc__)
    args = argv[4:]
    lost_column = "--lost" in args
    o = parse_args([a for a in args if a != "--lost"])
    label = " ".join(args)
    groups = compute(o, lost_column)
    stages = o["stages"]
    nkey = len(o["by"]) + (1 if o["period"] else 0)
    if o["total"]:
        total = {"count": [0] * len(stages), "lost": [0] * len(stages),
                 "days": [[] for _ in stages]}
        for g in groups.values():
            for s in range(len(stages)):
                total["count"][s] += g["count"][s]
                total["lost"][s] += g["lost"][s]
                total["days"][s] += g["days"][s]
    with open(argv[2], newline="") as f:
        table = list(csv.reader(f))
    want_header = o["by"] + (["period"] if o["period"] else []) + \
        ["stage", "count", "share_of_top", "step_conversion", "drop_off",
         "median_days_from_previous"] + (["lost"] if lost_column else [])
    if table[0] != want_header:
        print("FAIL oracle funnel [%s]: header %s" % (label, table[0]))
        return 1
    want = []
    for key in sorted(k for k, g in groups.items() if g["count"][0] > 0):
        for s, row in enumerate(expected_rows(groups[key], len(stages), lost_column)):
            want.append(list(key) + [stages[s]] + row)
    if nkey == 0 and not groups:
        empty = {"count": [0] * len(stages), "lost": [0] * len(stages),
                 "days": [[] for _ in stages]}
        for s, row in enumerate(expected_rows(empty, len(stages), lost_column)):
            want.append([stages[s]] + row)
    if o["total"]:
        for s, row in enumerate(expected_rows(total, len(stages), lost_column)):
            want.append(["(all)"] * nkey + [stages[s]] + row)
    got = table[1:]
    bad = 0
    if len(got) != len(want):
        print("FAIL oracle funnel [%s]: %d rows, want %d" % (label, len(got), len(want)))
        return 1
    for g, w in zip(got, want):
        if len(g) != len(w) or not all(same(a, b) for a, b in zip(g, w)):
            bad += 1
            print("FAIL oracle funnel [%s]: got %s, want %s" % (label, g, w))
    if not bad:
        print("ok oracle funnel %s (%d rows)" % (label, len(got)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
