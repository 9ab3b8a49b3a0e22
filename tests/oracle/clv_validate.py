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

The frequency table's expectations, sum_i P(X(T_i) = n), in FHL 2005's
eq. 8 for BG/NBD, and for Pareto/NBD as the mixture over the lifetime u
(Lomax, density s beta^s (beta+u)^-(s+1)) of the NBD count of u, by
Simpson's rule in u itself on 20000 intervals (the tool integrates in the
survival probability).

Usage:
  clv_validate.py TRACKING.csv ORDERS.csv FIT.csv CAL_END LEN
  clv_validate.py frequency FREQ.csv SUMMARY.csv FIT.csv
Prints one "ok ..." or "FAIL ..." line per check.
"""
import csv
import datetime
import math
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


def lnb(r, al, t, x):
    if t == 0:
        return 0.0 if x == 0 else float("-inf")
    return (math.lgamma(r + x) - math.lgamma(r) - math.lgamma(x + 1) +
            r * math.log(al / (al + t)) + x * math.log(t / (al + t)))


def lbeta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def pmf(model, p, t, x):
    r, al = p["r"], p["alpha"]
    if model == "bgnbd":
        a, b = p["a"], p["b"]
        v = math.exp(lbeta(a, b + x) - lbeta(a, b) + lnb(r, al, t, x))
        if x > 0:
            v += math.exp(lbeta(a + 1, b + x - 1) - lbeta(a, b)) * \
                (1 - sum(math.exp(lnb(r, al, t, j)) for j in range(x)))
        return v
    s_, be = p["s"], p["beta"]
    n = 20000
    h = t / n
    tot = 0.0
    for i in range(n + 1):
        u = i * h
        f = math.exp(lnb(r, al, u, x)) * s_ * be ** s_ * (be + u) ** -(s_ + 1)
        tot += (1 if i in (0, n) else 4 if i % 2 else 2) * f
    return math.exp(lnb(r, al, t, x)) * (be / (be + t)) ** s_ + tot * h / 3


def frequency(freq, summary, fitpath):
    fits = {}
    with open(fitpath, newline="") as f:
        for r in csv.DictReader(f):
            fits.setdefault(r["model"], {})[r["param"]] = float(r["value"])
    obs = [0] * 8
    ages = {}
    n = 0
    with open(summary, newline="") as f:
        for r in csv.DictReader(f):
            x = int(float(r["frequency"]))
            obs[min(x, 7)] += 1
            ages[float(r["T"])] = ages.get(float(r["T"]), 0) + 1
            n += 1
    rows = list(csv.DictReader(open(freq, newline="")))
    bad = 0
    for k, r in enumerate(rows):
        if float(r["observed"]) != obs[k]:
            bad += 1
            print("FAIL frequency observed %s: %s, want %d" % (r["frequency"], r["observed"], obs[k]))
    for model, p in fits.items():
        want = [sum(w * pmf(model, p, T, x) for T, w in ages.items()) for x in range(7)]
        want.append(n - sum(want))
        for k, r in enumerate(rows):
            got = float(r[model])
            if abs(got - want[k]) > 1e-5 * max(1, want[k]):
                bad += 1
                print("FAIL frequency %s of %s: %s, want %.6f" % (model, r["frequency"], r[model], want[k]))
    print(("ok " if bad == 0 else "FAIL ") + "frequency table: observed and %s "
          "expected counts" % ",".join(sorted(fits)))


def main():
    if sys.argv[1] == "frequency":
        frequency(*sys.argv[2:5])
        return
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
