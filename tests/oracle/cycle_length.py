#!/usr/bin/env python3
"""An independent reference implementation of cycle-length, for the tests.

Written from the definitions in man/cycle-length.1, sharing no code with the
C tools: Python's csv module reads the input, datetime parses dates and
subtracts them, durations are exact fractions of a day (fractions.Fraction),
statistics.quantiles(method="inclusive") gives the type-7 quantiles and
statistics.stdev the sample standard deviation, and the Kaplan-Meier curve
is computed in exact rational arithmetic, so that "S equals 1 - p exactly"
needs no tolerance here. Dates and periods come from lead_convert.py, the
oracle of lead-convert. Usage:

    cycle_length.py compare TOOL_OUTPUT.csv -- [cycle-length options] FILE...

reads the tool's output (aggregate or --annotate), computes the same, and
prints one "ok ..." line, or a "FAIL ..." line per wrong row; counts must be
equal, durations within 5.01e-7 (the tool prints six decimals), and a value
must be empty exactly when it is undefined here.
"""
import csv
import datetime as dt
import math
import os
import statistics
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lead_convert import parse_time, period_label  # noqa: E402
from stale import stale_lost  # noqa: E402

UNITS = {"days": Fraction(1), "hours": Fraction(1, 24), "weeks": Fraction(7)}
TOLERANCE = 5.01e-7


def parse_args(args):
    o = {"by": [], "period": None, "asof": None, "fy": 1,
         "stages": "lead,mql,sql,opportunity,customer", "from": None,
         "to": None, "km": False, "include_lost": False, "unit": "days",
         "total": False, "dedup": True, "annotate": False, "stale": None,
         "files": []}
    i = 0
    while i < len(args):
        a = args[i]
        value = args[i + 1] if i + 1 < len(args) else None
        if a == "--by":
            o["by"] += value.split(","); i += 1
        elif a == "--period":
            o["period"] = value; i += 1
        elif a == "--asof":
            t = parse_time(value)
            if len(value) == 10:      # a day means its end
                t += dt.timedelta(days=1) - dt.timedelta(milliseconds=1)
            o["asof"] = t; i += 1
        elif a == "--fiscal-year-start":
            o["fy"] = int(value); i += 1
        elif a in ("--stages", "--from", "--to", "--unit"):
            o[a[2:]] = value; i += 1
        elif a == "--stale":
            o["stale"] = Fraction(value); i += 1
        elif a == "--km":
            o["km"] = True
        elif a == "--include-lost":
            o["include_lost"] = True
        elif a == "--total":
            o["total"] = True
        elif a == "--no-dedup":
            o["dedup"] = False
        elif a == "--annotate":
            o["annotate"] = True
        else:
            o["files"].append(a)
        i += 1
    stages = [s.lower() for s in o["stages"].split(",")]
    o["stages"] = stages
    o["from"] = stages.index(o["from"].lower()) if o["from"] else 0
    o["to"] = stages.index(o["to"].lower()) if o["to"] else len(stages) - 1
    return o


def days(a, b):
    """Exact days from datetime a to datetime b."""
    d = b - a
    return Fraction(d.days) + Fraction(d.seconds, 86400) + \
        Fraction(d.microseconds, 86400 * 10**6)


def place(o, ts, lost):
    """(status, start, end) of one row in the cycle; status None: outside."""
    asof = o["asof"]

    def reached(s):
        later = [t for t in ts[s:] if t is not None]
        if not later:
            return None
        when = min(later)
        return when if asof is None or when <= asof else None

    if asof is not None and ts[0] > asof:
        return None, None, None
    if reached(o["from"]) is None:
        return None, None, None
    start = ts[o["from"]] if ts[o["from"]] is not None else reached(o["from"])
    if asof is not None and start > asof:
        return None, None, None
    end = reached(o["to"])
    if end is not None:
        status = "won"
    elif lost is not None and (asof is None or lost <= asof):
        status, end = "lost", lost
    else:
        return "open", start, None
    if end < start:
        return status, start, None     # dates go back: no duration
    return status, start, end


def read_rows(o):
    """Every row as (record, key, status, start, end), and the latest time."""
    stages = o["stages"]
    columns = ["created_at"] + [s + "_at" for s in stages[1:]]
    seen, rows, latest = set(), [], None
    for path in o["files"]:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for rec in csv.DictReader(f):
                ts = [parse_time(rec[c]) for c in columns]
                lost = parse_time(rec.get("lost_at", "") or "")
                lost = stale_lost(ts, lost, o["asof"], o["stale"])
                status, start, end = place(o, ts, lost)
                rid = rec.get("id", "")
                duplicate = o["dedup"] and rid and rid in seen
                seen.add(rid)
                if not duplicate:
                    for t in ts + [lost]:
                        if t is not None and (latest is None or t > latest):
                            latest = t
                key = tuple(rec[c] for c in o["by"])
                if o["period"] and start is not None:
                    key += (period_label(start, o["period"], o["fy"]),)
                rows.append((rec, key, status, start, end, duplicate))
    return rows, latest


def km_quantile(events, censored, p):
    """R's quantile.survfit rule, in exact arithmetic."""
    level = 1 - Fraction(p)
    times = sorted(set(events))
    last = max(events + censored)
    surv, hit = Fraction(1), None
    for t in times:
        at_risk = sum(1 for x in events + censored if x >= t)
        surv *= 1 - Fraction(events.count(t), at_risk)
        if hit is not None:
            return (hit + t) / 2       # the end of a flat at the level
        if surv < level:
            return t
        if surv == level:
            hit = t
    return (hit + last) / 2 if hit is not None else None


def figures(o, closed, open_ages):
    """The statistics of a group: closed cycles (days), open rows' ages."""
    x = sorted(closed)
    out = []
    if not x:
        out += [None] * 8
    else:
        if len(x) == 1:
            q = [x[0]] * 4
        else:
            quartiles = statistics.quantiles(x, n=4, method="inclusive")
            deciles = statistics.quantiles(x, n=10, method="inclusive")
            q = [quartiles[1], quartiles[0], quartiles[2], deciles[8]]
        sd = statistics.stdev(x) if len(x) > 1 else None
        out += [statistics.mean(x)] + q + [x[0], x[-1], sd]
    if o["km"]:
        out += [km_quantile(x, open_ages, 0.5) if x else None,
                km_quantile(x, open_ages, 0.75) if x else None]
    unit = UNITS[o["unit"]]
    return [None if v is None else v / unit for v in out]


def aggregate(o, rows, latest):
    asof = o["asof"] if o["asof"] is not None else latest
    groups = {}
    for rec, key, status, start, end, duplicate in rows:
        if duplicate or status is None:
            continue
        g = groups.setdefault(key, {"won": 0, "lost": 0, "open": 0,
                                    "closed": [], "ages": []})
        g[status] += 1
        if end is not None and (status == "won" or
                                (status == "lost" and o["include_lost"])):
            g["closed"].append(days(start, end))
        if status == "open":
            g["ages"].append(days(start, asof))
    return groups


def expected_row(o, g):
    counts = [g["won"], g["lost"], g["open"]]
    values = figures(o, g["closed"], g["ages"])
    if o["km"]:
        return counts, values, [len(g["closed"])]
    return counts, values, []


def close(got, want):
    if want is None:
        return got == ""
    return got != "" and abs(float(got) - float(want)) <= TOLERANCE


def compare_aggregate(o, table, label):
    rows, latest = read_rows(o)
    groups = aggregate(o, rows, latest)
    u = o["unit"]
    nkey = len(o["by"]) + (1 if o["period"] else 0)
    want_header = o["by"] + (["period"] if o["period"] else []) + \
        ["won", "lost", "open"] + \
        ["%s_%s" % (s, u) for s in ("mean", "median", "p25", "p75", "p90",
                                    "min", "max", "stddev")] + \
        (["km_median_" + u, "km_p75_" + u, "km_events"] if o["km"] else [])
    header, body = table[0], table[1:]
    if header != want_header:
        print("FAIL oracle cycle-length [%s]: header %s, want %s"
              % (label, header, want_header))
        return 1
    want_keys = sorted(groups)
    if o["total"]:
        total = {"won": 0, "lost": 0, "open": 0, "closed": [], "ages": []}
        for g in groups.values():
            for k in total:
                total[k] += g[k]
        groups[("(all)",) * nkey] = total
        want_keys.append(("(all)",) * nkey)
    if nkey == 0 and not groups:
        groups[()] = {"won": 0, "lost": 0, "open": 0, "closed": [], "ages": []}
        want_keys = [()]
    got_keys = [tuple(r[:nkey]) for r in body]
    if got_keys != want_keys:
        print("FAIL oracle cycle-length [%s]: groups %s, want %s"
              % (label, got_keys, want_keys))
        return 1
    failures = 0
    for r in body:
        key = tuple(r[:nkey])
        counts, values, events = expected_row(o, groups[key])
        got = r[nkey:]
        ok = len(got) == len(counts) + len(values) + len(events) and \
            [int(v) for v in got[:3]] == counts and \
            all(close(g, w) for g, w in zip(got[3:], values)) and \
            (not events or int(got[-1]) == events[0])
        if not ok:
            failures += 1
            print("FAIL oracle cycle-length [%s] %s: got %s, want %s %s %s"
                  % (label, key, got, counts,
                     [None if v is None else float(v) for v in values], events))
    if not failures:
        print("ok oracle cycle-length %s (%d rows)" % (label, len(body)))
    return 1 if failures else 0


def compare_annotate(o, table, label):
    rows, _ = read_rows(o)
    name = "cycle_" + o["unit"]
    header, body = table[0], table[1:]
    if header[-2:] != [name, "cycle_status"] or len(body) != len(rows):
        print("FAIL oracle cycle-length [%s]: header %s, %d rows, want %d"
              % (label, header[-2:], len(body), len(rows)))
        return 1
    failures = 0
    for n, (r, (rec, _, status, start, end, _)) in enumerate(zip(body, rows)):
        if status in ("won", "lost") and end is not None:
            want = days(start, end) / UNITS[o["unit"]]
        elif status in ("won", "lost"):
            want = None
        elif status == "open" and o["asof"] is not None:
            want = days(start, o["asof"]) / UNITS[o["unit"]]
        else:
            want = None
        if r[:-2] != list(rec.values()) or r[-1] != (status or "") or \
                not close(r[-2], want):
            failures += 1
            if failures <= 5:
                print("FAIL oracle cycle-length [%s] row %d: got %s, want %s %s"
                      % (label, n + 1, r[-2:], want and float(want), status))
    if not failures:
        print("ok oracle cycle-length %s (%d rows)" % (label, len(body)))
    return 1 if failures else 0


def main(argv):
    if len(argv) < 4 or argv[1] != "compare" or argv[3] != "--":
        sys.exit(__doc__)
    o = parse_args(argv[4:])
    label = " ".join(argv[4:])
    with open(argv[2], newline="") as f:
        table = list(csv.reader(f))
    if o["annotate"]:
        return compare_annotate(o, table, label)
    return compare_aggregate(o, table, label)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
