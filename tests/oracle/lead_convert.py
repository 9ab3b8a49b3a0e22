#!/usr/bin/env python3
"""An independent reference implementation of lead-convert, for the tests.

Written from the definitions in man/lead-convert.1 and kpikit(7), sharing no
code with the C tools: Python's csv module reads the input, datetime parses
dates, date.isocalendar() gives ISO weeks, statistics.NormalDist gives the
normal quantile. Usage:

    lead_convert.py compare TOOL_OUTPUT.csv -- [lead-convert options] FILE...

reads the tool's output, computes the same table, and prints one "ok ..." or
"FAIL ..." line per output row; counts must be equal, rates within 5e-7
(the tool prints six decimals), and a rate must be empty exactly when its
denominator is zero.
"""
import csv
import datetime as dt
import math
import sys
from statistics import NormalDist

UTC = dt.timezone.utc


def parse_time(text):
    text = text.strip()
    if not text:
        return None
    if len(text) == 10:
        d = dt.date.fromisoformat(text)
        return dt.datetime(d.year, d.month, d.day, tzinfo=UTC)
    t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC)


def period_label(t, period, fy_start):
    if period == "day":
        return t.strftime("%Y-%m-%d")
    if period == "week":
        year, week, _ = t.date().isocalendar()
        return "%04d-W%02d" % (year, week)
    if period == "month":
        return t.strftime("%Y-%m")
    fiscal_year = t.year + (1 if fy_start > 1 and t.month >= fy_start else 0)
    if period == "year":
        return "%04d" % fiscal_year
    quarter = ((t.month - fy_start) % 12) // 3 + 1
    return "%04d-Q%d" % (fiscal_year, quarter)


def wilson(x, n, level):
    if n == 0:
        return None, None
    z = NormalDist().inv_cdf(1 - (1 - level) / 2)
    p = x / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def parse_args(args):
    o = {"by": [], "period": None, "window": None, "asof": None, "fy": 1,
         "stages": "lead,mql,sql,opportunity,customer", "ci": 0.95,
         "total": False, "dedup": True, "stale": None, "files": []}
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--by":
            o["by"] += args[i + 1].split(","); i += 1
        elif a == "--period":
            o["period"] = args[i + 1]; i += 1
        elif a == "--window":
            o["window"] = int(args[i + 1]); i += 1
        elif a == "--asof":
            v = args[i + 1]; i += 1
            t = parse_time(v)
            if len(v) == 10:      # a day means its end
                t += dt.timedelta(days=1) - dt.timedelta(milliseconds=1)
            o["asof"] = t
        elif a == "--fiscal-year-start":
            o["fy"] = int(args[i + 1]); i += 1
        elif a == "--stages":
            o["stages"] = args[i + 1]; i += 1
        elif a == "--stale":      # funnel's and cycle-length's
            o["stale"] = args[i + 1]; i += 1
        elif a == "--ci":
            o["ci"] = float(args[i + 1]); i += 1
        elif a == "--total":
            o["total"] = True
        elif a == "--no-dedup":
            o["dedup"] = False
        else:
            o["files"].append(a)
        i += 1
    o["stages"] = o["stages"].split(",")
    return o


def compute(o):
    stages = o["stages"]
    columns = ["created_at"] + [s + "_at" for s in stages[1:]]
    leads = []
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
                key = tuple(rec[c] for c in o["by"])
                if o["period"]:
                    key += (period_label(ts[0], o["period"], o["fy"]),)
                leads.append((key, ts, lost))

    asof = o["asof"]
    if asof is None:
        asof = max(t for _, ts, lost in leads for t in ts + [lost] if t)
    window = dt.timedelta(days=o["window"]) if o["window"] is not None else None

    groups = {}
    for key, ts, _ in leads:
        created = ts[0]
        if created > asof:
            continue
        if window is not None and created > asof - window:
            continue
        # Each stage on its own: reached when s or a later stage has a
        # timestamp, at the earliest of them.
        counts = groups.setdefault(key, [0] * len(stages))
        for s in range(len(stages)):
            later = [t for t in ts[s:] if t is not None]
            if not later:
                continue
            when = min(later)
            if o["asof"] is not None and when > asof:
                continue
            if window is not None and when - created > window:
                continue
            counts[s] += 1
    return groups


def rates(counts, level):
    n = len(counts)
    out = []
    for s in range(n - 1):
        out.append(counts[s + 1] / counts[s] if counts[s] else None)
    if n > 2:
        out.append(counts[-1] / counts[0] if counts[0] else None)
    out += list(wilson(counts[-1], counts[0], level))
    return out


def close(got, want):
    if want is None:
        return got == ""
    # Half a unit of the sixth decimal, and the float error of a tie
    # such as 0.3046875, printed 0.304688.
    return got != "" and abs(float(got) - want) <= 5e-7 + 1e-12


def main(argv):
    if len(argv) < 4 or argv[1] != "compare" or argv[3] != "--":
        sys.exit(__doc__)
    o = parse_args(argv[4:])
    label = " ".join(argv[4:])
    groups = compute(o)
    nkey = len(o["by"]) + (1 if o["period"] else 0)
    with open(argv[2], newline="") as f:
        table = list(csv.reader(f))
    header, rows = table[0], table[1:]
    st = o["stages"]
    want_header = o["by"] + (["period"] if o["period"] else []) + st + \
        ["%s_to_%s" % (a, b) for a, b in zip(st, st[1:])] + \
        (["%s_to_%s" % (st[0], st[-1])] if len(st) > 2 else []) + \
        ["%s_to_%s_lo" % (st[0], st[-1]), "%s_to_%s_hi" % (st[0], st[-1])]
    if header != want_header:
        print("FAIL oracle [%s]: header %s, want %s" % (" ".join(argv[4:]),
              header, want_header))
        return 1
    want_keys = sorted(k for k, c in groups.items() if c[0] > 0)
    got_keys = [tuple(r[:nkey]) for r in rows if r[:nkey] != ["(all)"] * nkey or nkey == 0]
    failures = 0
    if nkey > 0 and sorted(got_keys) != want_keys:
        print("FAIL oracle [%s]: groups %s, want %s" % (label, got_keys, want_keys))
        return 1
    if o["total"]:
        total = [0] * len(o["stages"])
        for c in groups.values():
            total = [a + b for a, b in zip(total, c)]
        groups[("(all)",) * nkey] = total
    for r in rows:
        key = tuple(r[:nkey])
        counts = groups.get(key, [0] * len(o["stages"]))
        want = counts + rates(counts, o["ci"])
        got = r[nkey:]
        ok = len(got) == len(want) and all(
            (g == str(w)) if i < len(counts) else close(g, w)
            for i, (g, w) in enumerate(zip(got, want)))
        if not ok:
            failures += 1
            print("FAIL oracle [%s] %s: got %s, want %s" % (label, key, got, want))
    if not failures:
        print("ok oracle lead-convert %s (%d rows)" % (label, len(rows)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
