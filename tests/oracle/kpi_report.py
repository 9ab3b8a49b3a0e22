#!/usr/bin/env python3
"""An independent computation of kpi-report's summary.csv, for the tests.

Written from the definitions in man/kpi-report.1, from the raw tables, not
from the tools' output: Python's csv module reads them, datetime and
decimal do the arithmetic. It reuses only this directory's independent
helpers: lead_convert.py's date parsing and Wilson interval,
cycle_length.py's Kaplan-Meier quantile, and pipeline.py's deals and their
figures (its own reading of the leads, from man/pipeline.1) for the
pipeline rows. Revenue, ROI, ROAS and the pipeline rows are expected when
the leads' header has the column amount, and only then.
Usage:

    kpi_report.py [--target AMOUNT] SUMMARY.csv QUARTER FY_START LEADS SPEND [ORDERS CLV.csv]

--target is the report's --pipeline-target (coverage = open pipeline /
target, required coverage = 1 / win rate). QUARTER is the report's
(2026-Q3), FY_START the first month of the fiscal
year. Prints one "ok ..." or "FAIL ..." line per figure and column: counts
and money exactly (to the six decimals written), ratios within 5e-7 of the
exact value, a figure empty exactly when it is undefined, and the change
columns consistent with the two values they compare.
"""
import csv
import datetime as dt
import statistics
import sys
from decimal import Decimal
from fractions import Fraction

from cycle_length import km_quantile
from lead_convert import parse_args, parse_time, wilson
import pipeline

UTC = dt.timezone.utc
STAGES = ["created_at", "mql_at", "sql_at", "opportunity_at", "customer_at"]


def quarter_bounds(label, fy):
    """The first moment of the quarter and of the next one."""
    year, n = int(label[:4]), int(label[-1])
    month0 = (year - (1 if fy > 1 else 0)) * 12 + (fy - 1) + 3 * (n - 1)
    start = dt.datetime(month0 // 12, month0 % 12 + 1, 1, tzinfo=UTC)
    month1 = month0 + 3
    end = dt.datetime(month1 // 12, month1 % 12 + 1, 1, tzinfo=UTC)
    return start, end


def shift(label, by):
    index = int(label[:4]) * 4 + int(label[-1]) - 1 + by
    return "%04d-Q%d" % (index // 4, index % 4 + 1)


def read_leads(path):
    leads, seen = [], set()
    with open(path, newline="", encoding="utf-8-sig") as f:
        for rec in csv.DictReader(f):
            if rec["id"]:
                if rec["id"] in seen:
                    continue
                seen.add(rec["id"])
            ts = [parse_time(rec[c]) for c in STAGES]
            # reached a stage: its own time or the earliest of a later one
            reach = []
            for s in range(len(STAGES)):
                later = [t for t in ts[s:] if t is not None]
                reach.append(min(later) if later else None)
            reach[0] = ts[0]
            leads.append({"ts": ts, "reach": reach, "lost": parse_time(rec["lost_at"]),
                          "channel": rec["channel"], "amount": rec.get("amount")})
    return leads


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def day_of(text):
    t = parse_time(text)
    return t


def pipeline_figures(label, fy, path, target):
    """The pipeline rows of the quarter: the deals closed in it and open
    at its end, as of the end of its last day."""
    start, end = quarter_bounds(label, fy)
    last = (end - dt.timedelta(days=1)).strftime("%Y-%m-%d")
    o = parse_args(["--period", "quarter", "--asof", last, path])
    stages = [x.lower() for x in o["stages"]]
    deals, _ = pipeline.read_deals(o, stages.index("opportunity"))
    closing = [d for d in deals if d[2] != "open" and start <= d[3] < end]
    row = pipeline.figures(closing, [d for d in deals if d[2] == "open"])
    names = ["win_rate", "win_rate_lo", "win_rate_hi", "value_win_rate", "avg_won_deal",
             "avg_cycle_days", "open_deals", "open_pipeline", "sales_velocity"]
    values = [row[3], row[4], row[5], row[8], row[9], row[10], row[11], row[12], row[13][1]]
    if target is not None:
        names += ["coverage", "required_coverage"]
        values += [Fraction(row[12]) / target if row[12] is not None else None,
                   1 / Fraction(row[3]) if row[3] else None]
    return {k: (None if v is None else Fraction(v)) for k, v in zip(names, values)}


def figures(label, fy, leads, spend, orders, clv_mean, pipe=None):
    start, end = quarter_bounds(label, fy)
    last = end - dt.timedelta(milliseconds=1)      # the end of the last day

    def within(t):
        return t is not None and start <= t < end

    out = {}
    for name, s in (("leads", 0), ("mql", 1), ("sql", 2), ("opportunities", 3),
                    ("customers", 4)):
        out[name] = Fraction(sum(1 for l in leads if within(l["reach"][s])))
    cohort = [l for l in leads if within(l["ts"][0])]
    won = sum(1 for l in cohort if l["ts"][4] is not None and l["ts"][4] <= last)
    if cohort:
        out["lead_to_customer"] = Fraction(won, len(cohort))
        lo, hi = wilson(won, len(cohort), 0.95)
        out["lead_to_customer_lo"], out["lead_to_customer_hi"] = lo, hi
    else:
        out["lead_to_customer"] = out["lead_to_customer_lo"] = out["lead_to_customer_hi"] = None

    # The sales cycle of the opportunities opened in the quarter.
    events, censored = [], []
    for l in leads:
        t0 = l["reach"][3]
        if not within(t0):
            continue
        win = l["ts"][4]
        if win is not None and win <= last:
            events.append(Fraction((win - t0).total_seconds()) / 86400)
        elif l["lost"] is not None and l["lost"] <= last:
            continue
        else:
            censored.append(Fraction((last - t0) // dt.timedelta(milliseconds=1), 86400000))
    out["sales_cycle_median_days"] = statistics.median(events) if events else None
    km = km_quantile(events, censored, 0.5) if events else None
    out["sales_cycle_km_median_days"] = km

    kinds = {"marketing": Decimal(0), "sales": Decimal(0)}
    by_channel = {}
    for r in spend:
        t = day_of(r["date"])
        if not within(t):
            continue
        kind = (r.get("kind") or "marketing").strip().lower() or "marketing"
        kinds[kind] += Decimal(r["amount"])
        by_channel[r["channel"]] = by_channel.get(r["channel"], Decimal(0)) + Decimal(r["amount"])
    customers = [l for l in leads if within(l["ts"][4])]
    n = len(customers)
    total = kinds["marketing"] + kinds["sales"]
    out["marketing_spend"] = Fraction(kinds["marketing"])
    out["sales_spend"] = Fraction(kinds["sales"])
    out["cac_marketing"] = Fraction(kinds["marketing"]) / n if n else None
    out["cac_fully_loaded"] = Fraction(total) / n if n else None
    if pipe is not None:        # the leads have amounts
        revenue = sum((Decimal(l["amount"]) for l in customers), Decimal(0))
        out["revenue"] = Fraction(revenue)
        out["roi"] = Fraction(revenue - total) / Fraction(total) if total else None
        out["roas"] = Fraction(revenue) / Fraction(total) if total else None
    if orders is not None:
        out["order_revenue"] = Fraction(sum((Decimal(r["amount"]) for r in orders
                                             if within(day_of(r["date"]))), Decimal(0)))
        out["clv_12m"] = clv_mean
    if pipe is not None:
        out.update(pipeline_figures(label, fy, pipe[0], pipe[1]))
    wins = {}
    for l in customers:
        wins[l["channel"]] = wins.get(l["channel"], 0) + 1
    for c in set(by_channel) | set(wins):
        k = wins.get(c, 0)
        out["cac_fully_loaded:" + c] = Fraction(by_channel.get(c, Decimal(0))) / k if k else None
    return out


def close(got, want, tol=Fraction(5, 10**7)):
    if want is None:
        return got == ""
    if got == "":
        return False
    return abs(Fraction(got) - Fraction(want)) <= tol


def main(argv):
    target = None
    if len(argv) > 2 and argv[1] == "--target":
        target = Fraction(Decimal(argv[2]))
        argv = argv[:1] + argv[3:]
    summary_path, label, fy, leads_path, spend_path = argv[1:6]
    fy = int(fy)
    orders = read_rows(argv[6]) if len(argv) > 6 else None
    clv_mean = None
    if len(argv) > 7:
        rows = read_rows(argv[7])
        clv_mean = sum(Fraction(r["clv"]) for r in rows) / len(rows) if rows else None
        # every customer with an order by the quarter's end has a prediction
        _, end = quarter_bounds(label, fy)
        buyers = {r["customer_id"] for r in orders if day_of(r["date"]) < end}
        ok = buyers == {r["customer_id"] for r in rows}
        print("%s kpi-report oracle: clv.csv predicts for the %d customers with an order by %s's end"
              % ("ok" if ok else "FAIL", len(buyers), label))
    leads = read_leads(leads_path)
    spend = read_rows(spend_path)
    columns = {"this_quarter": label, "previous_quarter": shift(label, -1),
               "year_ago": shift(label, -4)}
    with open(leads_path, newline="", encoding="utf-8-sig") as f:
        header = [x.strip(" \t") for x in next(csv.reader(f))]
    pipe = (leads_path, target) if "amount" in header else None
    want = {col: figures(q, fy, leads, spend, orders, clv_mean if col == "this_quarter" else None,
                         pipe)
            for col, q in columns.items()}
    got = read_rows(summary_path)
    names = [r["kpi"] for r in got]
    expected = [k for k in want["this_quarter"] if not k.startswith("cac_fully_loaded:")]
    channels = sorted({k for col in want.values() for k in col if k.startswith("cac_fully_loaded:")},
                      key=lambda s: s.encode())
    same = names == expected + channels
    print("%s kpi-report oracle: summary.csv has the rows %s" % ("ok" if same else "FAIL", " ".join(expected + channels)))
    if not same:
        print("  got: " + " ".join(names))
    for r in got:
        k = r["kpi"]
        for col, q in columns.items():
            if k == "clv_12m" and col != "this_quarter":
                continue           # the fit of other quarters is clv.py's to check
            w = want[col].get(k)
            if not close(r[col], w):
                print("FAIL kpi-report oracle: %s %s (%s) is '%s', want %s"
                      % (k, col, q, r[col], "empty" if w is None else float(w)))
                break
        else:
            a, b = r["this_quarter"], r["previous_quarter"]
            ok = True
            if a == "" or b == "" or k.endswith("_lo") or k.endswith("_hi"):
                ok = r["change"] == "" and r["change_pct"] == ""
            else:
                ok = close(r["change"], Fraction(a) - Fraction(b), Fraction(1, 10**6))
                if Fraction(b) == 0:
                    ok = ok and r["change_pct"] == ""
                else:
                    ok = ok and close(r["change_pct"], 100 * (Fraction(a) - Fraction(b)) / abs(Fraction(b)),
                                      Fraction(1, 10**6))
            print("%s kpi-report oracle: %s" % ("ok" if ok else "FAIL", k))
            if not ok:
                print("  change '%s', change_pct '%s' for %s against %s" % (r["change"], r["change_pct"], a, b))


if __name__ == "__main__":
    main(sys.argv)
