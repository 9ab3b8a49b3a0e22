#!/usr/bin/env python3
"""An independent logistic regression, for the tests of lead-score --fit.

Written from the textbook definitions, sharing no code with lib/logit.c:
Python's csv module reads the data, the fit is Newton-Raphson with the
normal equations solved by Gauss-Jordan elimination (not Cholesky), the
covariance is the Gauss-Jordan inverse of the (penalised) information
matrix, the p-values come from math.erfc and the 95% quantile from
statistics.NormalDist. Usage:

    logit.py compare COEFS.csv STATS.csv DATA.csv OUTCOME X,... FACTOR,... L2

(X or FACTOR '-' for none) reads the tool's coefficient table and its
--fit-stats table, fits DATA (rows with a value that does not read are
left out, as --skip-bad does) and prints one ok/FAIL line; figures must
agree within 5e-6 relatively or 2e-6 absolutely (six decimals printed).
"""
import csv
import math
import sys
from statistics import NormalDist


def solve_inverse(a):
    n = len(a)
    m = [row[:] + [1.0 if i == j else 0.0 for j in range(n)]
         for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        d = m[c][c]
        m[c] = [v / d for v in m[c]]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [v - f * w for v, w in zip(m[r], m[c])]
    return [row[n:] for row in m]


def fit(rows, y, l2):
    p = len(rows[0])
    b = [0.0] * p
    for _ in range(100):
        h = [[0.0] * p for _ in range(p)]
        g = [0.0] * p
        for x, yi in zip(rows, y):
            eta = sum(u * v for u, v in zip(x, b))
            mu = 1 / (1 + math.exp(-eta))
            w = mu * (1 - mu)
            for j in range(p):
                g[j] += x[j] * (yi - mu)
                for k in range(p):
                    h[j][k] += w * x[j] * x[k]
        for j in range(1, p):
            h[j][j] += l2
            g[j] -= l2 * b[j]
        inv = solve_inverse(h)
        step = [sum(inv[j][k] * g[k] for k in range(p)) for j in range(p)]
        b = [u + v for u, v in zip(b, step)]
        if max(abs(s) for s in step) < 1e-13:
            break
    # the covariance at the estimates
    h = [[0.0] * p for _ in range(p)]
    dev = 0.0
    for x, yi in zip(rows, y):
        eta = sum(u * v for u, v in zip(x, b))
        mu = 1 / (1 + math.exp(-eta))
        dev -= 2 * (math.log(mu) if yi else math.log(1 - mu))
        for j in range(p):
            for k in range(p):
                h[j][k] += mu * (1 - mu) * x[j] * x[k]
    for j in range(1, p):
        h[j][j] += l2
    return b, solve_inverse(h), dev


def main():
    coefs, stats, data, outcome, xs, factors, l2 = sys.argv[2:9]
    xs = [] if xs == "-" else xs.split(",")
    factors = [] if factors == "-" else factors.split(",")
    l2 = float(l2)
    with open(data, newline="") as f:
        recs = list(csv.DictReader(f))
    good = []
    for r in recs:
        try:
            yv = r[outcome].strip()
            assert yv in ("0", "1")
            nums = [float(r[c]) for c in xs]
            assert all(r[c].strip() for c in factors)
        except (ValueError, AssertionError):
            continue
        good.append((int(yv), nums, [r[c].strip() for c in factors]))
    levels = [sorted({g[2][j] for g in good}) for j in range(len(factors))]
    terms = ["(Intercept)"] + xs + [f + lv for j, f in enumerate(factors)
                                    for lv in levels[j][1:]]
    rows = []
    for yv, nums, levs in good:
        row = [1.0] + nums
        for j in range(len(factors)):
            row += [1.0 if levs[j] == lv else 0.0 for lv in levels[j][1:]]
        rows.append(row)
    y = [g[0] for g in good]
    b, cov, dev = fit(rows, y, l2)
    n, k = len(y), sum(y)
    ybar = k / n
    null = -2 * (k * math.log(ybar) + (n - k) * math.log(1 - ybar))
    z95 = NormalDist().inv_cdf(0.975)
    want = [["term", "estimate", "std_error", "z", "p", "odds_ratio",
             "or_lo", "or_hi"]]
    for j, t in enumerate(terms):
        se = math.sqrt(cov[j][j])
        z = b[j] / se
        want.append([t, b[j], se, z, math.erfc(abs(z) / math.sqrt(2)),
                     math.exp(b[j]), math.exp(b[j] - z95 * se),
                     math.exp(b[j] + z95 * se)])
    p = len(terms)
    want_stats = {"rows": n, "outcome_1": k, "terms": p, "deviance": dev,
                  "df_residual": n - p, "null_deviance": null,
                  "df_null": n - 1, "aic": dev + 2 * p, "l2": l2}
    bad = []
    with open(coefs, newline="") as f:
        got = list(csv.reader(f))
    if len(got) != len(want) or got[0] != want[0]:
        bad.append("coefficient table shape or header: %r" % got[:1])
    else:
        for g, w in zip(got[1:], want[1:]):
            if g[0] != w[0]:
                bad.append("term %r, expected %r" % (g[0], w[0]))
            for col, gv, wv in zip(want[0][1:], g[1:], w[1:]):
                if abs(float(gv) - wv) > max(2e-6, 5e-6 * abs(wv)):
                    bad.append("%s %s: %s, expected %.9g" % (w[0], col, gv, wv))
    with open(stats, newline="") as f:
        got_stats = {r["statistic"]: float(r["value"]) for r in csv.DictReader(f)}
    for name, wv in want_stats.items():
        gv = got_stats.get(name)
        if gv is None or abs(gv - wv) > max(2e-6, 5e-6 * abs(wv)):
            bad.append("%s: %s, expected %.9g" % (name, gv, wv))
    what = "logit oracle " + " ".join(sys.argv[4:9])
    if bad:
        print("FAIL " + what)
        for x in bad[:10]:
            print("  " + x)
    else:
        print("ok " + what)


main()
