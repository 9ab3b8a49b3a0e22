#!/usr/bin/env python3
"""An independent reference for clv --validate tracking, for the tests.

From the order log itself (Python's csv and datetime, no code shared with
lib/rfm.c or lib/btyd.c): each customer's distinct purchase days, the
first left out, counted per period of LEN days from the earliest order;
and the expected cumulative repeat purchases sum_i E(X(k - b_i)),
b_i = max T - T_i, with E(X(t)) in the papers' closed forms:
  Pareto/NBD  r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]
  BG/NBD      (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
the 2F1 by its Maclaurin series summed to convergence (the tool uses
Pfaff's transformation and analytic continuation).

Usage:
  clv_validate.py TRACKING.csv ORDERS.csv FIT.csv CAL_END LEN
Prints one "ok ..." or "FAIL ..." line per check.
"""
import csv
import datetime
import sys


def h2f1(a, b, c, z):
    s = t = 1.0
    n = 0
    while True:
        t *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
        s += t
        n += 1
        if abs(t) < 1e-17 * abs(s) or n > 10 ** 6:
            return s


def expected(model, p, t):
    if model == "paretonbd":
        r, al, s, be = p["r"], p["alpha"], p["s"], p["beta"]
        return r * be / (al * (s - 1)) * (1 - (be / (be + t)) ** (s - 1))
    r, al, a, b = p["r"], p["alpha"], p["a"], p["b"]
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t)) ** r *
                                    h2f1(r, b, a + b - 1, t / (al + t)))


def main():
    track, orders, fitpath, cal_end, length = sys.argv[1:6]
    length = float(length)
    day = lambda s: datetime.date.fromisoformat(s[:10]).toordinal()
    cal = day(cal_end)
    days = {}
    with open(orders, newline="") as f:
        for r in csv.DictReader(f):
            days.setdefault(r["customer_id"], set()).add(day(r["date"]))
    origin = min(min(d) for d in days.values())
    fits = {}
    with open(fitpath, newline="") as f:
        for r in csv.DictReader(f):
            fits.setdefault(r["model"], {})[r["param"]] = float(r["value"])
    cohort = {c: d for c, d in days.items() if min(d) <= cal}
    T = [(cal - min(d)) / length for d in cohort.values()]
    maxT = max(T)
    rows = list(csv.DictReader(open(track, newline="")))
    actual = [0] * len(rows)
    for d in cohort.values():
        first = min(d)
        for x in d:
            if x != first:
                k = int((x - origin) // length)
                if k < len(actual):
                    actual[k] += 1
    bad = 0
    cum = 0
    for k, r in enumerate(rows):
        cum += actual[k]
        if float(r["actual"]) != actual[k] or float(r["actual_cumulative"]) != cum:
            bad += 1
            print("FAIL tracking actual of period %d: %s, %s; want %d, %d" %
                  (k + 1, r["actual"], r["actual_cumulative"], actual[k], cum))
    print(("ok " if bad == 0 else "FAIL ") + "tracking actuals of %d periods "
          "counted from the orders" % len(rows))
    for model, p in fits.items():
        bad = 0
        prev = 0
        for k, r in enumerate(rows):
            want = sum(expected(model, p, k + 1 - (maxT - t)) for t in T
                       if k + 1 - (maxT - t) > 0)
            got = float(r[model + "_cumulative"])
            inc = float(r[model + "_expected"])
            if abs(got - want) > 1e-6 * max(1, want) or \
               abs(inc - (want - prev)) > 1e-6 * max(1, want):
                bad += 1
                print("FAIL tracking %s period %d: %s, %s; want %.9f, %.9f" %
                      (model, k + 1, r[model + "_cumulative"],
                       r[model + "_expected"], want, want - prev))
            prev = want
        print(("ok " if bad == 0 else "FAIL ") + "tracking %s expected of %d "
              "periods in closed form" % (model, len(rows)))


if __name__ == "__main__":
    main()
