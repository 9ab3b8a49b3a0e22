#!/usr/bin/env python3
"""An independent reference for clv --refunds net, for the tests.

Written from the rule in clv(1) (REFUNDS), sharing no code or method with
lib/rfm.c (Python standard library only). Amounts are exact fractions
(Fraction of the decimal text), not micro-units; a customer's days are
kept in a dict and walked afresh, not held on a stack; and the summary is
computed from the list of purchase days, not accumulated row by row.

The rule, per customer, day by day in date order:
  - a day with refunds nets them against its orders; a net > 0 makes it
    a purchase of the net, else it is no purchase and the rest of its
    refunds is taken from the earlier purchase days, the latest first,
    each down to 0 at most; a day taken down to 0 is no purchase any more
    (a day of orders summing to 0 gives nothing and stays one);
  - a day without refunds is a purchase of its orders' sum, 0 included;
  - refunds that the purchases so far cannot cover are an error at the
    first refund row (in file order) of that day, for the first customer
    (in the order customers first appear) that has one.
Days are UTC calendar days of plain YYYY-MM-DD dates. Rows after the
observation end (default: the last row's date, refunds included) are
left out; with a calibration end, the netted purchase days up to it make
the summary and those after it the holdout columns.

Usage:
  refunds.py check TOOL.csv ORDERS.csv [weeks] [cal=DATE] [obs=DATE]
      every row and column of clv --summary --refunds net's output
      (frequency, recency, T, monetary_value and, with cal=, the holdout
      columns) against this computation, to 1e-9; prints ok/FAIL lines.
  refunds.py summary ORDERS.csv [weeks] [cal=DATE] [obs=DATE]
      the summary as CSV (customer_id,frequency,recency,T,monetary_value).
  refunds.py error ORDERS.csv
      the message clv must give for refunds that cannot be netted, up to
      its first ';' ("FILE:LINE: column 'amount': customer 'ID': the
      refunds up to DATE exceed the purchases up to then by X"), or
      "none".
  refunds.py gen SEED CUSTOMERS [exceed]
      a random order log with refunds on purchase days, on other days,
      whole and partial returns, zero amounts, rows shuffled; with
      "exceed", some customers' refunds exceed their purchases.
"""
import csv
import datetime
import random
import sys
from fractions import Fraction

failures = 0


def report(ok, name, detail=""):
    global failures
    if ok:
        print("ok " + name)
    else:
        failures += 1
        print("FAIL %s: %s" % (name, detail))


def day_number(text):
    return datetime.date.fromisoformat(text.strip()).toordinal()


def read_orders(path):
    """[(customer, day, amount, line)], line the physical line (header 1)."""
    rows = []
    with open(path, newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            rows.append((row["customer_id"], day_number(row["date"]),
                         Fraction(row["amount"].strip()), i + 2))
    return rows


def net(rows, obs=None):
    """Per customer, the purchase days after netting: {id: {day: amount}};
    or raises ValueError(customer, first refund line, day, excess)."""
    if obs is None:
        obs = max(d for _, d, _, _ in rows)
    order, orders, refunds, first_refund = [], {}, {}, {}
    for cust, day, amount, line in rows:
        if day > obs:
            continue
        if cust not in orders:
            order.append(cust)
            orders[cust], refunds[cust] = {}, {}
        if amount < 0:
            refunds[cust][day] = refunds[cust].get(day, 0) - amount
            first_refund.setdefault((cust, day), line)
        else:
            orders[cust][day] = orders[cust].get(day, 0) + amount
    result = {}
    for cust in order:
        days = sorted(set(orders[cust]) | set(refunds[cust]))
        remaining = {}          # purchase day -> what is left of it
        for day in days:
            o = orders[cust].get(day, Fraction(0))
            if day not in refunds[cust]:
                remaining[day] = o
                continue
            r = refunds[cust][day]
            if o - r > 0:
                remaining[day] = o - r
                continue
            excess = r - o
            for earlier in sorted((d for d in remaining if d < day), reverse=True):
                if excess == 0:
                    break
                if remaining[earlier] == 0:
                    continue    # nothing to take; it stays a purchase
                take = min(remaining[earlier], excess)
                remaining[earlier] -= take
                excess -= take
                if remaining[earlier] == 0:
                    del remaining[earlier]      # returned whole
            if excess > 0:
                raise ValueError(cust, first_refund[(cust, day)], day, excess)
        result[cust] = remaining
    return result, obs


def summarise(rows, unit, cal, obs):
    days_per_unit = 7 if unit == "weeks" else 1
    purchases, obs = net(rows, obs)
    out = {}
    for cust, days in purchases.items():
        calib = sorted(d for d in days if cal is None or d <= cal)
        hold = sorted(d for d in days if cal is not None and d > cal)
        if not calib:
            continue
        first, last = calib[0], calib[-1]
        end = cal if cal is not None else obs
        x = len(calib) - 1
        s = {
            "frequency": Fraction(x),
            "recency": Fraction(last - first, days_per_unit),
            "T": Fraction(end - first, days_per_unit),
            "monetary_value": sum((days[d] for d in calib[1:]), Fraction(0)) / x if x else Fraction(0),
        }
        if cal is not None:
            s["frequency_holdout"] = Fraction(len(hold))
            s["monetary_value_holdout"] = (sum((days[d] for d in hold), Fraction(0)) / len(hold)
                                           if hold else Fraction(0))
            s["duration_holdout"] = Fraction(obs - cal, days_per_unit)
        out[cust] = s
    return out


def options(args):
    unit, cal, obs = "days", None, None
    for a in args:
        if a == "weeks":
            unit = a
        elif a.startswith("cal="):
            cal = day_number(a[4:])
        elif a.startswith("obs="):
            obs = day_number(a[4:])
        else:
            sys.exit("unknown option " + a)
    return unit, cal, obs


def check(tool_path, orders_path, args):
    want = summarise(read_orders(orders_path), *options(args))
    with open(tool_path, newline="") as f:
        got = list(csv.DictReader(f))
    report(sorted(r["customer_id"] for r in got) == sorted(want),
           "refunds oracle: the same %d customers" % len(want),
           "tool %s, oracle %s" % (sorted(r["customer_id"] for r in got), sorted(want)))
    values = bad = 0
    for row in got:
        w = want.get(row["customer_id"])
        if w is None:
            continue
        for col, v in w.items():
            values += 1
            g = float(row[col])
            if abs(g - float(v)) > 1e-9 * max(1.0, abs(float(v))):
                bad += 1
                report(False, "refunds oracle %s %s" % (row["customer_id"], col),
                       "tool %s, oracle %.12g" % (row[col], float(v)))
    report(bad == 0 and values > 0, "refunds oracle: %d values to 1e-9" % values,
           "%d differ" % bad)


def fmt(v):
    s = "%.12f" % float(v)
    return s.rstrip("0").rstrip(".") if "." in s else s


def summary(orders_path, args):
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["customer_id", "frequency", "recency", "T", "monetary_value"])
    for cust, s in sorted(summarise(read_orders(orders_path), *options(args)).items(),
                          key=lambda kv: kv[0].encode()):
        w.writerow([cust] + [fmt(s[k]) for k in ("frequency", "recency", "T", "monetary_value")])


def error(orders_path):
    try:
        net(read_orders(orders_path))
    except ValueError as e:
        cust, line, day, excess = e.args
        x = "%.6f" % float(excess)
        print("%s:%d: column 'amount': customer '%s': the refunds up to %s exceed "
              "the purchases up to then by %s" % (orders_path, line, cust,
                                                  datetime.date.fromordinal(day).isoformat(),
                                                  x.rstrip("0").rstrip(".")))
        return
    print("none")


def gen(seed, n, exceed):
    """Amounts in whole cents; refunds never exceed what the customer has
    left to return (purchases less refunds so far) unless EXCEED."""
    rng = random.Random(seed)
    base = datetime.date(2023, 1, 1).toordinal()
    rows = []
    for c in range(n):
        cust = "c%03d" % c
        days = sorted(rng.sample(range(0, 365), rng.randint(1, 8)))
        avail = 0
        for day in days:
            cents = rng.choice([0, rng.randint(1, 20000), rng.randint(1, 20000)])
            half = cents // 2
            parts = [cents] if rng.random() < 0.7 or cents < 2 else [half, cents - half]
            for p in parts:
                rows.append((cust, day, p))
            avail += cents
            kind = rng.random()
            if kind < 0.15 and cents > 0:       # a refund on the purchase day
                r = cents if rng.random() < 0.5 else rng.randint(1, cents)
                rows.append((cust, day, -r))
                avail -= r
            elif kind < 0.4:                    # a return on a later day
                later = day + rng.randint(1, 20)
                if later >= 365 or later in days:
                    continue
                left = max(avail, 0)
                r = min(cents, left) if rng.random() < 0.5 else rng.randint(0, left)
                if exceed and c % 7 == 3:
                    r = avail + rng.randint(1, 500)
                if r > 0:
                    rows.append((cust, later, -r))
                    avail -= r
    rng.shuffle(rows)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["customer_id", "date", "amount"])
    for cust, day, cents in rows:
        sign = "-" if cents < 0 else ""
        w.writerow([cust, datetime.date.fromordinal(base + day).isoformat(),
                    "%s%d.%02d" % (sign, abs(cents) // 100, abs(cents) % 100)])


def main(argv):
    if len(argv) >= 3 and argv[0] == "check":
        check(argv[1], argv[2], argv[3:])
    elif len(argv) >= 2 and argv[0] == "summary":
        summary(argv[1], argv[2:])
    elif len(argv) == 2 and argv[0] == "error":
        error(argv[1])
    elif len(argv) in (3, 4) and argv[0] == "gen":
        gen(int(argv[1]), int(argv[2]), len(argv) == 4)
    else:
        sys.exit(__doc__)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
