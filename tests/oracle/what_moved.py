#!/usr/bin/env python3
"""An independent computation of kpi-report's what-moved.csv, for the tests.

Written from its definition (man/kpi-report.1, WHAT MOVED), from the raw
tables, not from the tools' output: kpi_report.py's reading of the leads
(first row per id, a skipped stage reached at the next one's time),
lead_convert.py's Wilson interval, pipeline.py's deals. Kitagawa's split
is worked in exact fractions; Newcombe's interval (method 10 of Newcombe,
Statistics in Medicine 17, 1998) from the two Wilson intervals.
Usage:

    what_moved.py WHAT-MOVED.csv QUARTER LEADS SPEND PIPELINE.csv

QUARTER is the report's (2026-Q3), the fiscal year the calendar's.
PIPELINE.csv is the report's pipeline.csv, whose lever terms the velocity
parts turn into percent. Prints one "ok ..." or "FAIL ..." line per row.
"""
import csv
import datetime as dt
import math
import sys
from decimal import Decimal
from fractions import Fraction

from kpi_report import quarter_bounds, read_leads, read_rows, shift, day_of
from lead_convert import parse_args, wilson
import pipeline


def cohorts(leads, start, end):
    """Leads created in [start, end) and those of them won by end, by
    channel (None: all)."""
    last = end - dt.timedelta(milliseconds=1)
    n, x = {}, {}
    for l in leads:
        if l["ts"][0] is None or not start <= l["ts"][0] < end:
            continue
        won = l["ts"][4] is not None and l["ts"][4] <= last
        for c in (None, l["channel"]):
            n[c] = n.get(c, 0) + 1
            x[c] = x.get(c, 0) + (1 if won else 0)
    return n, x


def newcombe(x1, n1, x2, n2):
    """The 95% interval of x2/n2 - x1/n1."""
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1, 0.95)
    l2, u2 = wilson(x2, n2, 0.95)
    d = p2 - p1
    return d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2), d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)


def main(argv):
    moved_path, label, leads_path, spend_path, pipe_path = argv[1:6]
    before = shift(label, -1)
    leads = read_leads(leads_path)
    want = {}

    def share(fig, x1, n1, x2, n2):
        lo, hi = newcombe(x1, n1, x2, n2)
        d = Fraction(x2, n2) - Fraction(x1, n1)
        want[(fig, "total")] = {"before": Fraction(x1, n1), "now": Fraction(x2, n2),
                                "change": d, "change_pct": 100 * d / Fraction(x1, n1) if x1 else None,
                                "change_lo": lo, "change_hi": hi,
                                "verdict": "real" if lo > 0 or hi < 0 else "within noise"}

    def plain(fig, part, b, n):
        want[(fig, part)] = {"before": b, "now": n, "change": n - b,
                             "change_pct": 100 * (n - b) / abs(b) if b else None}

    (s1, e1), (s2, e2) = quarter_bounds(before, 1), quarter_bounds(label, 1)
    n1, x1 = cohorts(leads, s1, e1)
    n2, x2 = cohorts(leads, s2, e2)
    share("lead_to_customer", x1[None], n1[None], x2[None], n2[None])
    mix = rates = Fraction(0)
    for c in set(n1) | set(n2):
        if c is None:
            continue
        w1, w2 = Fraction(n1.get(c, 0), n1[None]), Fraction(n2.get(c, 0), n2[None])
        r1 = Fraction(x1[c], n1[c]) if c in n1 else None
        r2 = Fraction(x2[c], n2[c]) if c in n2 else None
        r1, r2 = r1 if r1 is not None else r2, r2 if r2 is not None else r1
        mix += (w2 - w1) * (r1 + r2) / 2
        rates += (r2 - r1) * (w1 + w2) / 2
    if mix + rates != want[("lead_to_customer", "total")]["change"]:
        print("FAIL what-moved oracle: Kitagawa's parts do not add up")
    want[("lead_to_customer", "channel_mix")] = {"change": mix}
    want[("lead_to_customer", "channel_rates")] = {"change": rates}

    # The channels over the four quarters to the quarter against the four
    # before, each span as of its own end.
    a, _ = quarter_bounds(shift(label, -7), 1)
    b, _ = quarter_bounds(shift(label, -3), 1)
    nb, xb = cohorts(leads, a, b)
    nn, xn = cohorts(leads, b, e2)
    for c in nn:
        if c is not None and c in nb:
            share("lead_to_customer:" + c, xb[c], nb[c], xn[c], nn[c])

    # CAC = spend / customers won; revenue = customers x average deal.
    spend = read_rows(spend_path)
    figs = {}
    for q, (s, e) in ((before, (s1, e1)), (label, (s2, e2))):
        won = [l for l in leads if l["ts"][4] is not None and s <= l["ts"][4] < e]
        total = sum((Decimal(r["amount"]) for r in spend if s <= day_of(r["date"]) < e), Decimal(0))
        rev = sum((Decimal(l["amount"]) for l in won), Decimal(0))
        figs[q] = (Fraction(total), Fraction(len(won)), Fraction(rev))
    (S1, C1, R1), (S2, C2, R2) = figs[before], figs[label]
    plain("cac_fully_loaded", "total", S1 / C1, S2 / C2)
    plain("cac_fully_loaded", "spend", S1, S2)
    plain("cac_fully_loaded", "customers", C1, C2)
    plain("revenue", "total", R1, R2)
    plain("revenue", "customers", C1, C2)
    plain("revenue", "average_deal", R1 / C1, R2 / C2)

    # The win rate: deals won of those closed in each quarter, as of its
    # end; the velocity, pipeline.py's; its levers' terms pipeline's own
    # (checked by pipeline's tests), here only their effect in percent.
    wins, velocity = {}, {}
    for q, (s, e) in ((before, (s1, e1)), (label, (s2, e2))):
        last = (e - dt.timedelta(days=1)).strftime("%Y-%m-%d")
        o = parse_args(["--period", "quarter", "--asof", last, leads_path])
        stages = [x.lower() for x in o["stages"]]
        deals, _ = pipeline.read_deals(o, stages.index("opportunity"))
        closing = [d for d in deals if d[2] != "open" and s <= d[3] < e]
        wins[q] = (sum(1 for d in closing if d[2] == "won"), len(closing))
        velocity[q] = pipeline.figures(closing, [d for d in deals if d[2] == "open"])[13][1]
    share("win_rate", wins[before][0], wins[before][1], wins[label][0], wins[label][1])
    plain("sales_velocity", "total", Fraction(velocity[before]), Fraction(velocity[label]))
    row = [r for r in read_rows(pipe_path) if r["period"] == label][0]
    for part, col in (("open_deals", "lever_open"), ("win_rate", "lever_win_rate"),
                      ("deal_size", "lever_deal_size"), ("cycle", "lever_cycle")):
        t = float(row[col])
        want[("sales_velocity", part)] = {"change": t, "change_pct": 100 * (math.exp(t) - 1)}
    sys.exit(1 if compare(moved_path, want) else 0)


def compare(moved_path, want):
    rows = read_rows(moved_path)
    got = {(r["figure"], r["part"]): r for r in rows}
    bad = 0
    for key, w in want.items():
        r = got.get(key)
        if r is None:
            print("FAIL what-moved oracle: no row %s %s" % key)
            bad += 1
            continue
        for col, v in w.items():
            if col == "verdict":
                ok = r[col] == v
            elif v is None:
                ok = r[col] == ""
            else:
                ok = r[col] != "" and abs(Fraction(r[col]) - Fraction(v)) <= Fraction(5, 10**7) * max(1, abs(Fraction(v)))
            if not ok:
                print("FAIL what-moved oracle: %s %s %s is '%s', want %s" % (key[0], key[1], col, r[col], v))
                bad += 1
                break
        else:
            print("ok what-moved oracle: %s %s" % key)
    extra = set(got) - set(want)
    if extra:
        print("FAIL what-moved oracle: rows not expected: %s" % sorted(extra))
        bad += 1
    return bad


if __name__ == "__main__":
    main(sys.argv)
