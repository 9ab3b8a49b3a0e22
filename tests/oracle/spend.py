#!/usr/bin/env python3
"""An independent reference implementation of cac and roi, for the tests.

Written from the definitions in man/cac.1, man/roi.1 and kpikit(7),
sharing no code with the C tools: Python's csv module reads both tables,
datetime parses dates and gives ISO weeks, decimal.Decimal sums money
exactly and fractions.Fraction divides it exactly. Usage:

    spend.py compare cac|roi TOOL_OUTPUT.csv -- [options] FILE...

reads the tool's output, computes the same table, and prints one "ok ..."
line, or a "FAIL ..." line per wrong row. Counts and sums of spend must be
equal as text (the tool sums money exactly); a ratio must be within
5e-7 of the exact one (the tool prints six decimals), and empty exactly
when it is undefined. With --precision P, money is rounded to P decimals
(half to even) and ratios must be within half a unit of the last.
"""
import csv
import datetime as dt
import sys
from decimal import Decimal, ROUND_HALF_EVEN
from fractions import Fraction

UTC = dt.timezone.utc
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun",
          "jul", "aug", "sep", "oct", "nov", "dec"]


def parse_time(text):
    """A date (midnight UTC) or an ISO 8601 date-time, in UTC."""
    text = text.strip()
    if len(text) == 10:
        d = dt.date.fromisoformat(text)
        return dt.datetime(d.year, d.month, d.day, tzinfo=UTC)
    t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC)


def label(t, period, fy):
    """The period holding T; fiscal years are named by their last year."""
    if period == "day":
        return t.strftime("%Y-%m-%d")
    if period == "week":
        year, week, _ = t.date().isocalendar()
        return "%04d-W%02d" % (year, week)
    if period == "month":
        return "%04d-%02d" % (t.year, t.month)
    months_in = (t.month - fy) % 12
    year = t.year + (1 if fy > 1 and t.month >= fy else 0)
    if period == "year":
        return "%04d" % year
    return "%04d-Q%d" % (year, months_in // 3 + 1)


def parse_args(tool, args):
    o = {"tool": tool, "spend": [], "spend_col": {}, "col": {}, "by": [],
         "period": "quarter", "fy": 1, "mrr": None, "margin": None,
         "total": False, "kind": "all", "dedup": True,
         "stages": "lead,mql,sql,opportunity,customer", "precision": 6,
         "files": []}
    i = 0
    while i < len(args):
        a = args[i]
        value = args[i + 1] if i + 1 < len(args) else None
        if a in ("--spend-col", "--col"):
            role, header = value.split("=", 1)
            o["spend_col" if a == "--spend-col" else "col"][role] = header
        elif a == "--by":
            o["by"] += value.split(",")
        elif a == "--fiscal-year-start":
            o["fy"] = (MONTHS.index(value[:3].lower()) + 1
                       if value[:1].isalpha() else int(value))
        elif a == "--margin":
            o["margin"] = Fraction(value)
        elif a == "--precision":
            o["precision"] = int(value)
        elif a == "--mrr-col":
            o["mrr"] = value
        elif a == "--spend":
            o["spend"].append(value)    # several: one table, in order
        elif a in ("--period", "--kind", "--stages"):
            o[a[2:]] = value
        elif a == "--total":
            o["total"] = True
            i -= 1
        elif a == "--no-dedup":
            o["dedup"] = False
            i -= 1
        else:
            o["files"].append(a)
            i -= 1
        i += 2
    o["stages"] = o["stages"].split(",")
    return o


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def spend_cells(o, cells):
    """Add the spend table to CELLS: key -> [marketing, sales, n, value]."""
    col = lambda role: o["spend_col"].get(role, role)
    for rec in (r for path in o["spend"] for r in read_rows(path)):
        day = rec[col("date")].strip()
        if len(day) == 7:
            t = dt.datetime(int(day[:4]), int(day[5:]), 1, tzinfo=UTC)
        else:
            t = parse_time(day)
        kind = rec.get(col("kind"), "").strip().lower()
        amount = Decimal(rec[col("amount")].strip())
        key = (label(t, o["period"], o["fy"]),) + \
            tuple(rec[col(b)] for b in o["by"])
        cell = cells.setdefault(key, [Decimal(0), Decimal(0), 0, Decimal(0)])
        cell[1 if kind == "sales" else 0] += amount


def customer_cells(o, cells):
    """Add every customer of the leads to CELLS, the first row of an id."""
    won_role = o["stages"][-1]
    won_col = o["col"].get(won_role, won_role + "_at")
    if o["tool"] == "roi":
        value_col = o["col"].get("amount", "amount")
    else:
        value_col = o["col"].get("mrr", o["mrr"]) if o["mrr"] else None
    seen = set()
    for path in o["files"]:
        for rec in read_rows(path):
            rid = rec.get(o["col"].get("id", "id"), "")
            if o["dedup"] and rid:
                if rid in seen:
                    continue
                seen.add(rid)
            if not rec[won_col].strip():
                continue
            t = parse_time(rec[won_col])
            key = (label(t, o["period"], o["fy"]),) + \
                tuple(rec[b] for b in o["by"])
            cell = cells.setdefault(key, [Decimal(0), Decimal(0), 0, Decimal(0)])
            cell[2] += 1
            if value_col:
                cell[3] += Decimal(rec[value_col].strip())


PRECISION = [6]


def money(x):
    """X as the tool writes money: rounded half to even at --precision
    decimals (six at most: money has no more), zeros dropped."""
    step = Decimal(1).scaleb(-min(PRECISION[0], 6))
    s = format(Decimal(x).quantize(step, ROUND_HALF_EVEN), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def ratio(a, b):
    return None if b == 0 else Fraction(a) / Fraction(b)


def expected_row(o, cell):
    """The columns after the key, each a string (exact) or a Fraction or
    None (a ratio: empty when None)."""
    m, s, n, value = cell
    if o["tool"] == "cac":
        row = [money(m), money(s), str(n), ratio(m, n), ratio(m + s, n)]
        if o["mrr"]:
            payback = None
            if n and value:
                payback = Fraction(m + s) / (Fraction(value) * o["margin"])
            row += [ratio(value, n), payback]
        return row
    spend = {"all": m + s, "marketing": m, "sales": s}[o["kind"]]
    back = Fraction(value) * (o["margin"] if o["margin"] else 1)
    return [money(spend), back if o["margin"] else money(value), str(n),
            ratio(back - Fraction(spend), spend), ratio(back, spend)]


def header(o):
    key = ["period"] + o["by"]
    if o["tool"] == "cac":
        return key + ["marketing_spend", "sales_spend", "new_customers",
                      "cac_marketing", "cac_fully_loaded"] + \
            (["mrr_per_customer", "payback_months"] if o["mrr"] else [])
    return key + ["spend", "gross_profit" if o["margin"] else "revenue",
                  "customers", "roi", "roas"]


def same(got, want):
    if isinstance(want, str):
        return got == want
    if want is None:
        return got == ""
    return got != "" and abs(Fraction(got) - want) <= \
        Fraction(5, 10 ** (PRECISION[0] + 1)) + abs(want) / 10**12


def main(argv):
    if len(argv) < 5 or argv[1] != "compare" or argv[2] not in ("cac", "roi") \
            or argv[4] != "--":
        sys.exit(__doc__)
    o = parse_args(argv[2], argv[5:])
    PRECISION[0] = o["precision"]
    label_text = "%s %s" % (argv[2], " ".join(argv[5:]))
    cells = {}
    spend_cells(o, cells)
    customer_cells(o, cells)
    want = [(k, expected_row(o, cells[k])) for k in sorted(cells)]
    if o["total"]:
        total = [sum(c[i] for c in cells.values()) for i in range(4)]
        want.append((("(all)",) * (1 + len(o["by"])), expected_row(o, total)))

    with open(argv[3], newline="") as f:
        table = list(csv.reader(f))
    if table[0] != header(o):
        print("FAIL oracle [%s]: header %s, want %s" % (label_text, table[0],
              header(o)))
        return 1
    rows = table[1:]
    nkey = 1 + len(o["by"])
    if [tuple(r[:nkey]) for r in rows] != [k for k, _ in want]:
        print("FAIL oracle [%s]: rows %s, want %s" % (label_text,
              [tuple(r[:nkey]) for r in rows], [k for k, _ in want]))
        return 1
    failures = 0
    for r, (key, w) in zip(rows, want):
        got = r[nkey:]
        if len(got) != len(w) or not all(same(g, x) for g, x in zip(got, w)):
            failures += 1
            print("FAIL oracle [%s] %s: got %s, want %s" % (label_text, key,
                  got, [x if isinstance(x, (str, type(None))) else float(x)
                        for x in w]))
    if not failures:
        print("ok oracle %s (%d rows)" % (label_text, len(rows)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
