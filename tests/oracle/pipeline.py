#!/usr/bin/env python3
"""An independent reference implementation of pipeline, for the tests.

Written from man/pipeline.1 and kpikit(7), sharing no code with the C tools
(it reuses only this directory's lead_convert.py for reading dates,
periods and the shared options). Where the tool carries the open deals
from one period row to the next (entered less closed), this finds them
directly: a deal is open at the end of period P when it opened in P or
before and did not close in P or before. Amounts are summed as Decimals.
Usage:

    pipeline.py compare TOOL_OUTPUT.csv -- [pipeline options] FILE...

prints "ok ..." or "FAIL ..." lines: counts and amounts must match, rates
within 5e-7 (relative for velocity), a field empty exactly when undefined.
"""
import csv
import datetime as dt
import math
import statistics
import sys
from decimal import Decimal
from statistics import NormalDist

from lead_convert import parse_time, period_label, parse_args

HEADER = ["closed", "won", "lost", "win_rate", "win_rate_lo", "win_rate_hi",
          "won_amount", "closed_amount", "value_win_rate", "avg_won_amount",
          "avg_cycle_days", "open", "open_amount", "velocity"]


def read_deals(o, frm, prob_col=None):
    """Every deal as (by key, entry time, status, close time, amount, cycle
    days or None, current stage, probability), status 'won', 'lost' or
    'open' as of --asof."""
    stages = o["stages"]
    cols = ["created_at"] + [s + "_at" for s in stages[1:]]
    recs, seen = [], set()
    for path in o["files"]:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for rec in csv.DictReader(f):
                rid = rec.get("id", "")
                if o["dedup"] and rid:
                    if rid in seen:
                        continue
                    seen.add(rid)
                ts = [parse_time(rec[c]) for c in cols]
                lost = parse_time(rec.get("lost_at", "") or "")
                text = rec["amount"].strip(" \t")
                amount = Decimal(text) if text else None
                prob = None
                if prob_col and rec[prob_col].strip(" \t"):
                    prob = Decimal(rec[prob_col].strip(" \t"))
                recs.append((tuple(rec[c] for c in o["by"]), ts, lost,
                             (amount, prob)))
    asof = o["asof"]
    explicit = asof is not None
    if asof is None:
        asof = max(t for _, ts, lost, _ in recs for t in ts + [lost] if t)
    last = len(stages) - 1
    deals = []
    for key, ts, lost, (amount, prob) in recs:
        if ts[0] > asof:
            continue

        def reached(s):
            later = [t for t in ts[s:] if t is not None]
            return later and min(later) <= asof

        if not reached(frm):
            continue
        entry = ts[frm] if ts[frm] is not None else \
            min(t for t in ts[frm:] if t is not None)
        if explicit and entry > asof:
            continue
        if reached(last):
            status, end = "won", ts[last]
        elif lost is not None and lost <= asof:
            status, end = "lost", lost
        else:
            status, end = "open", None
        cycle = None
        if end is not None:
            if end < entry:
                entry = end
            elif status == "won":
                cycle = (end - entry).total_seconds() / 86400
        stage = max(s for s in range(len(stages)) if reached(s))
        deals.append((key, entry, status, end, amount, cycle, stage, prob,
                      ts))
    return deals, asof


def figures(closing, open_deals):
    won = [d for d in closing if d[2] == "won"]
    lost = [d for d in closing if d[2] == "lost"]
    n = len(won) + len(lost)
    rate = len(won) / n if n else None
    lo = hi = None
    if n:
        z = NormalDist().inv_cdf(0.975)
        p = rate
        den = 1 + z * z / n
        c = (p + z * z / (2 * n)) / den
        h = z / den * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        lo, hi = max(0.0, c - h), min(1.0, c + h)
        if len(won) == 0:
            lo = 0.0
        if len(won) == n:
            hi = 1.0
    priced = [d[4] for d in won if d[4] is not None]
    won_amount = sum(priced, Decimal(0))
    closed_amount = won_amount + sum((d[4] for d in lost if d[4] is not None),
                                     Decimal(0))
    # Undefined, not 1 (or 0), when one side's deals carry no amount.
    lost_priced = [d for d in lost if d[4] is not None]
    value = float(won_amount / closed_amount) if closed_amount else None
    if (won and not priced) or (lost and not lost_priced):
        value = None
    size = float(won_amount) / len(priced) if priced else None
    cycles = [d[5] for d in won if d[5] is not None]
    cycle = sum(cycles) / len(cycles) if cycles else None
    nopen = len(open_deals)
    open_priced = [d[4] for d in open_deals if d[4] is not None]
    # Unknown (empty), not 0, when deals are open and none has an amount.
    open_amount = (sum(open_priced, Decimal(0))
                   if open_priced or not open_deals else None)
    velocity = None
    if rate is not None and size is not None and cycle:
        velocity = nopen * rate * size / cycle
    return [str(n), str(len(won)), str(len(lost)), rate, lo, hi,
            won_amount, closed_amount, value, size, cycle, str(nopen),
            open_amount, ("v", velocity)]


def coverage(row, target):
    """--target's columns of ROW: open_amount / target, 1 / win_rate."""
    return [float(row[12] / target) if row[12] is not None else None,
            1 / row[3] if row[3] else None]


LEVERS = ["dln_velocity", "lever_open", "lever_win_rate", "lever_deal_size",
          "lever_cycle", "share_open", "share_win_rate", "share_deal_size",
          "share_cycle"]


def lever_row(prev, cur):
    """The --levers columns of row CUR after row PREV of its group (None:
    the first): velocity's ratio and each factor's, through logarithms."""
    if prev is None:
        return [None] * 9

    def factors(r):
        return [float(r[11]), r[3], r[9], r[10]]

    a, b = factors(prev), factors(cur)
    if any(x is None or x <= 0 for x in a + b):
        return [None] * 9
    va = a[0] * a[1] * a[2] / a[3]
    vb = b[0] * b[1] * b[2] / b[3]
    terms = [math.log(b[0] / a[0]), math.log(b[1] / a[1]),
             math.log(b[2] / a[2]), math.log(a[3] / b[3])]
    total = math.log(vb / va)
    if abs(total) < 1e-9:
        return [0.0] + terms + [None] * 4
    return [total] + terms + [t / total for t in terms]


def median(xs):
    return statistics.median(xs) if xs else None


def aging_rows(o, frm, deals, asof, stale):
    """--aging's rows: per stage, the open deals there and their days in
    it at ASOF; the deals that left it for a later stage, having entered
    it at its own timestamp, and the days they spent there."""
    rows = []
    for s in range(frm, len(o["stages"]) - 1):
        waiting = []
        for d in deals:
            if d[2] == "open" and d[6] == s:
                ts = d[8]
                since = ts[s] if ts[s] is not None else \
                    min(t for t in ts[s:] if t is not None)
                waiting.append((asof - since).total_seconds() / 86400)
        moved = []
        for d in deals:
            ts = d[8]
            if d[6] > s and ts[s] is not None:
                nxt = min(t for t in ts[s + 1:] if t is not None)
                if nxt >= ts[s]:
                    moved.append((nxt - ts[s]).total_seconds() / 86400)
        rows.append([o["stages"][s], str(len(waiting)), median(waiting),
                     str(len(moved)), median(moved),
                     None if stale is None else
                     str(sum(1 for x in waiting if x > stale))])
    return rows


def waterfall_row(deals, start, end):
    """--waterfall's row of DEALS from START to END: each step found from
    the deals' times alone, the balance not assumed."""
    def open_at(d, t):
        return d[1] <= t and (d[3] is None or d[3] > t)

    steps = [
        [d for d in deals if open_at(d, start)],
        [d for d in deals if start < d[1] <= end],
        [d for d in deals if d[2] == "won" and start < d[3] <= end],
        [d for d in deals if d[2] == "lost" and start < d[3] <= end],
        [d for d in deals if open_at(d, end)],
    ]
    def amount(x):
        priced = [d[4] for d in x if d[4] is not None]
        # Deals and none priced: not known (empty), not 0.
        return sum(priced, Decimal(0)) if priced or not x else None
    return [str(len(x)) for x in steps] + [amount(x) for x in steps]


def stage_rows(o, frm, deals, prob):
    """--stages-table's rows of one group's DEALS."""
    z = NormalDist().inv_cdf(0.975)
    rows, total_w = [], 0.0

    def row(name, reach, open_deals, weighted):
        won = sum(1 for d in reach if d[2] == "won")
        lost = sum(1 for d in reach if d[2] == "lost")
        n = won + lost
        p = lo = hi = None
        if n:
            p = won / n
            den = 1 + z * z / n
            c = (p + z * z / (2 * n)) / den
            h = z / den * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
            lo = 0.0 if won == 0 else c - h
            hi = 1.0 if won == n else c + h
        priced = [d[4] for d in open_deals if d[4] is not None]
        amount = sum(priced, Decimal(0))
        if weighted is None and amount == 0:
            weighted = 0.0
        elif weighted is None and p is not None:
            weighted = float(amount) * p
        if open_deals and not priced:
            # Deals open here, none with an amount: unknown, not 0.
            amount = weighted = None
        return [name, str(len(reach)), str(won), str(lost), p, lo, hi,
                str(len(open_deals)), amount, weighted], weighted

    for s in range(frm, len(o["stages"]) - 1):
        reach = [d for d in deals if d[6] >= s]
        here = [d for d in deals if d[6] == s and d[2] == "open"]
        w = None
        if prob:
            w = float(sum((d[4] * d[7] for d in here if d[4] is not None),
                          Decimal(0)))
        r, w = row(o["stages"][s], reach, here, w)
        rows.append(r)
        total_w = None if total_w is None or w is None else total_w + w
    r, _ = row("(all)", deals, [d for d in deals if d[2] == "open"], total_w)
    rows.append(r)
    return rows


def same(got, want):
    if isinstance(want, tuple):
        want = want[1]
        if want is None:
            return got == ""
        return got != "" and abs(float(got) - want) <= 5e-7 + 1e-9 * abs(want)
    if want is None:
        return got == ""
    if isinstance(want, str):
        return got == want
    if isinstance(want, Decimal):
        return got != "" and abs(Decimal(got) - want) <= Decimal("5e-7")
    return got != "" and abs(float(got) - want) <= 5e-7 + 1e-12


def check_annotate(argv, args):
    """--annotate: every input row in order, with deal_status,
    current_stage, days_in_stage and stale recomputed row by row."""
    stale = None
    if "--stale-after" in args:
        i = args.index("--stale-after")
        stale = float(args[i + 1])
        del args[i:i + 2]
    frm_name = None
    if "--from" in args:
        i = args.index("--from")
        frm_name = args[i + 1]
        del args[i:i + 2]
    o = parse_args([a for a in args if a != "--annotate"])
    o["dedup"] = False
    stages = [x.lower() for x in o["stages"]]
    frm = stages.index(frm_name.lower()) if frm_name else \
        (stages.index("opportunity") if "opportunity" in stages else 0)
    asof = o["asof"]
    cols = ["created_at"] + [x + "_at" for x in o["stages"][1:]]
    want = []
    for path in o["files"]:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for rec in csv.DictReader(f):
                ts = [parse_time(rec[c]) for c in cols]
                lost = parse_time(rec.get("lost_at", "") or "")
                reach = [min([t for t in ts[x:] if t is not None] or [None],
                             key=lambda t: t) if any(ts[x:]) else None
                         for x in range(len(ts))]
                top = max([x for x in range(len(ts)) if reach[x] is not None
                           and reach[x] <= asof] or [-1])
                row = [None, None, None, None]
                if ts[0] <= asof and top >= frm:
                    entry = ts[frm] if ts[frm] is not None else reach[frm]
                    if entry <= asof:
                        if top == len(ts) - 1:
                            row[0] = "won"
                        elif lost is not None and lost <= asof:
                            row[0] = "lost"
                        else:
                            since = ts[top] if ts[top] is not None \
                                else reach[top]
                            days = (asof - since).total_seconds() / 86400
                            row = ["open", o["stages"][top], days,
                                   None if stale is None else
                                   str(int(days > stale))]
                want.append([x if x is not None else None for x in row])
    with open(argv[2], newline="") as f:
        table = list(csv.reader(f))
    label = " ".join(argv[4:])
    got = [r[-4:] for r in table[1:]]
    if table[0][-4:] != ["deal_status", "current_stage", "days_in_stage",
                         "stale"] or len(got) != len(want):
        print("FAIL oracle pipeline [%s]: header %s, %d rows, want %d" %
              (label, table[0][-4:], len(got), len(want)))
        return 1
    bad = 0
    for g, w in zip(got, want):
        w = ["" if w[0] is None else w[0]] + w[1:]
        if not all(same(a, b) for a, b in zip(g, w)):
            bad += 1
            if bad <= 5:
                print("FAIL oracle pipeline [%s]: got %s, want %s" %
                      (label, g, w))
    if not bad:
        print("ok oracle pipeline %s (%d rows)" % (label, len(got)))
    return 1 if bad else 0


def main(argv):
    if len(argv) < 4 or argv[1] != "compare" or argv[3] != "--":
        sys.exit(__doc__)
    args = list(argv[4:])
    if "--annotate" in args:
        return check_annotate(argv, args)
    levers = "--levers" in args
    table_mode = "--stages-table" in args
    waterfall = "--waterfall" in args
    aging = "--aging" in args
    args = [a for a in args if a not in
            ("--levers", "--stages-table", "--waterfall", "--aging")]
    frm_name = prob_col = target = start = stale = None
    if "--stale-after" in args:
        i = args.index("--stale-after")
        stale = float(args[i + 1])
        del args[i:i + 2]
    if "--from-date" in args:
        i = args.index("--from-date")
        start = parse_time(args[i + 1])
        if len(args[i + 1]) == 10:      # a day means its end
            start += dt.timedelta(days=1) - dt.timedelta(milliseconds=1)
        del args[i:i + 2]
    if "--prob-col" in args:
        i = args.index("--prob-col")
        prob_col = args[i + 1]
        del args[i:i + 2]
    if "--target" in args:
        i = args.index("--target")
        target = Decimal(args[i + 1])
        del args[i:i + 2]
    if "--from" in args:
        i = args.index("--from")
        frm_name = args[i + 1]
        del args[i:i + 2]
    o = parse_args(args)
    label = " ".join(argv[4:])
    stages = [s.lower() for s in o["stages"]]
    if frm_name is not None:
        frm = stages.index(frm_name.lower())
    else:
        frm = stages.index("opportunity") if "opportunity" in stages else 0
    deals, asof = read_deals(o, frm, prob_col)
    per = o["period"]

    def lab(t):
        return period_label(t, per, o["fy"])

    want = []
    blank = [None] * 9
    if aging:
        groups = {}
        for d in deals:
            groups.setdefault(d[0], []).append(d)
        for by in sorted(groups):
            for r in aging_rows(o, frm, groups[by], asof, stale):
                want.append(list(by) + r)
        if not o["by"] and not deals:
            want += aging_rows(o, frm, [], asof, stale)
        if o["total"]:
            for r in aging_rows(o, frm, deals, asof, stale):
                want.append(["(all)"] * len(o["by"]) + r)
    elif waterfall:
        rows = {}
        for d in deals:
            rows.setdefault(d[0], []).append(d)
        for by in sorted(rows):
            r = waterfall_row(rows[by], start, o["asof"])
            if any(x != "0" for x in r[:5]):
                want.append(list(by) + r)
        if not o["by"] and not want:
            want.append(waterfall_row([], start, o["asof"]))
        if o["total"]:
            want.append(["(all)"] * len(o["by"]) +
                        waterfall_row(deals, start, o["asof"]))
    elif table_mode:
        for by in sorted(set(d[0] for d in deals)):
            for r in stage_rows(o, frm, [d for d in deals if d[0] == by],
                                prob_col):
                want.append(list(by) + r)
        if not o["by"] and not deals:
            want += stage_rows(o, frm, [], prob_col)
        if o["total"]:
            for r in stage_rows(o, frm, deals, prob_col):
                want.append(["(all)"] * len(o["by"]) + r)
    elif per:
        keys = set()
        for d in deals:
            keys.add(d[0] + (lab(d[1]),))
            if d[3] is not None:
                keys.add(d[0] + (lab(d[3]),))
        for key in sorted(keys):
            by, p = key[:-1], key[-1]
            mine = [d for d in deals if d[0] == by]
            closing = [d for d in mine if d[3] is not None and lab(d[3]) == p]
            still = [d for d in mine if lab(d[1]) <= p and
                     (d[3] is None or lab(d[3]) > p)]
            row = figures(closing, still)
            if target is not None:
                row += coverage(row, target)
            if levers:
                prev = want[-1] if want and tuple(want[-1][:len(by)]) == by \
                    else None
                row += lever_row(prev[len(key):] if prev else None, row)
            want.append(list(key) + row)
    else:
        for by in sorted(set(d[0] for d in deals)):
            mine = [d for d in deals if d[0] == by]
            row = figures([d for d in mine if d[3] is not None],
                          [d for d in mine if d[3] is None])
            want.append(list(by) + row + (coverage(row, target)
                                          if target is not None else []))
        if not o["by"] and not deals:
            want.append(figures([], []))
    if o["total"] and not table_mode and not waterfall and not aging:
        nkey = len(o["by"]) + (1 if per else 0)
        row = figures([d for d in deals if d[3] is not None],
                      [d for d in deals if d[3] is None])
        want.append(["(all)"] * nkey + row + (coverage(row, target)
                    if target is not None else []) + (blank if levers else []))

    with open(argv[2], newline="") as f:
        table = list(csv.reader(f))
    head = o["by"] + (["period"] if per else []) + HEADER + \
        (["coverage", "required_coverage"] if target is not None else []) + \
        (LEVERS if levers else [])
    if aging:
        head = o["by"] + ["stage", "open", "median_days_in_stage", "moved_on",
                          "median_days_to_move_on", "stale"]
    if waterfall:
        head = o["by"] + ["open_start", "created", "won", "lost", "open_end",
                          "open_start_amount", "created_amount", "won_amount",
                          "lost_amount", "open_end_amount"]
    if table_mode:
        head = o["by"] + ["stage", "reached", "won", "lost", "p_win",
                          "p_win_lo", "p_win_hi", "open", "open_amount",
                          "weighted_amount"]
    if table[0] != head:
        print("FAIL oracle pipeline [%s]: header %s" % (label, table[0]))
        return 1
    got = table[1:]
    if len(got) != len(want):
        print("FAIL oracle pipeline [%s]: %d rows, want %d" %
              (label, len(got), len(want)))
        return 1
    bad = 0
    for g, w in zip(got, want):
        if len(g) != len(w) or not all(same(a, b) for a, b in zip(g, w)):
            bad += 1
            print("FAIL oracle pipeline [%s]: got %s, want %s" % (label, g, w))
    if not bad:
        print("ok oracle pipeline %s (%d rows)" % (label, len(got)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
