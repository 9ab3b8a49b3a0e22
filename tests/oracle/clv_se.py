#!/usr/bin/env python3
"""Standard errors of clv's fits in high precision, for the tests.

Independent of lib/btyd.c and lib/optim.c in everything but the data:

  - the log-likelihoods in the papers' own forms, in mpmath at 40
    digits: BG/NBD and MBG/NBD as the log of the sum of their two terms
    (FHL 2005, eq. 6; BDF 2007); Pareto/NBD as Fader and Hardie's note
    009 writes it, with the 2F1 of its A0 term taken directly by
    mpmath.hyp2f1 at the argument (|alpha - beta|)/(max + t) (the tool
    uses a Pfaff transform and its own series and continuation);
    Gamma-Gamma as note 025;
  - the observed information by central differences of values with
    steps of 1e-9 (relative), whose truncation error (1e-18) and
    rounding (1e-40 / 1e-18) are far below the 1e-3 asked; the matrix
    inverted by mpmath in 40 digits;
  - in two parameterisations: the natural parameters theta directly, and
    u = ln theta with se(theta) = theta se(u) (the delta method, exact
    at the maximum), and at two step sizes (1e-9 and 1e-7).

Usage:
  clv_se.py FIT.csv SUMMARY.csv TOL [ROLE=HEADER ...]
FIT.csv is clv --fit output (use --precision 10: the parameters as
printed are where the oracle looks); ROLE=HEADER maps frequency, recency,
T and monetary_value to the summary's columns. For each model and
parameter: the oracle's se in theta, the relative difference of the
se in u from it, of the other step size, and of the tool's, each of
which must be within TOL. Prints one "ok ..." or "FAIL ..." line per
check, and "se MODEL PARAM tool oracle rel" lines for the record.
"""
import csv
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 30

PARAMS = {
    "bgnbd": ["r", "alpha", "a", "b"],
    "mbgnbd": ["r", "alpha", "a", "b"],
    "paretonbd": ["r", "alpha", "s", "beta"],
    "ggamma": ["p", "q", "v"],
}

failures = 0


def report(ok, name, detail=""):
    global failures
    if ok:
        print("ok " + name)
    else:
        failures += 1
        print("FAIL %s: %s" % (name, detail))


def lbeta(a, b):
    return mpmath.loggamma(a) + mpmath.loggamma(b) - mpmath.loggamma(a + b)


def total_ll(model, p, rows):
    """The log-likelihood of the (pattern, count) ROWS under MODEL at P.
    What depends on x alone (log-gammas, log-betas) is computed once per
    x, and Pareto/NBD's 2F1 terms once per (x, t): T takes a few dozen
    values, so most customers share theirs."""
    if model == "ggamma":
        return total_gg(p, rows)
    if model == "paretonbd":
        return total_pareto(p, rows)
    return total_bg(p, rows, model == "mbgnbd")


def total_bg(p, rows, modified):
    """FHL 2005 eq. 6 (BG/NBD): L = G(r+x) alpha^r / G(r) [B(a, b+x)/B(a,b)
    (alpha+T)^-(r+x) + [x>0] B(a+1, b+x-1)/B(a,b) (alpha+t_x)^-(r+x)];
    MBG/NBD (BDF 2007) with b+x+1 and b+x, and the second term at x = 0
    too."""
    r, alpha, a, b = p
    sh = 1 if modified else 0
    levels = {}
    total = []
    for (x, tx, T, m), w in rows:
        if x not in levels:
            common = mpmath.loggamma(r + x) - mpmath.loggamma(r) + \
                r * mpmath.log(alpha) - lbeta(a, b)
            second = lbeta(a + 1, b + x - 1 + sh) if x > 0 or modified else None
            levels[x] = (common, lbeta(a, b + x + sh), second)
        common, first, second = levels[x]
        value = mpmath.exp(first - (r + x) * mpmath.log(alpha + T))
        if second is not None:
            value += mpmath.exp(second - (r + x) * mpmath.log(alpha + tx))
        total.append(w * (common + mpmath.log(value)))
    return mpmath.fsum(total)


def total_pareto(p, rows):
    """Note 009: L = G(r+x) alpha^r beta^s / G(r) [(alpha+T)^-(r+x)
    (beta+T)^-s + s/(r+s+x) A0], A0 = F(t_x) - F(T) with
    F(y) = 2F1(r+s+x, k; r+s+x+1; (M-m)/(M+y)) / (M+y)^(r+s+x), M and m
    the larger and smaller of alpha and beta, k = s+1 if alpha >= beta
    and r+x otherwise."""
    r, alpha, s, beta = p
    if alpha >= beta:
        big, small, kx = alpha, beta, lambda x: s + 1
    else:
        big, small, kx = beta, alpha, lambda x: r + x
    cache, levels, total = {}, {}, []

    def f(x, y):
        if (x, y) not in cache:
            rsx = r + s + x
            cache[(x, y)] = mpmath.hyp2f1(rsx, kx(x), rsx + 1,
                                          (big - small) / (big + y)) / (big + y) ** rsx
        return cache[(x, y)]
    for (x, tx, T, m), w in rows:
        if x not in levels:
            levels[x] = mpmath.loggamma(r + x) - mpmath.loggamma(r) + \
                r * mpmath.log(alpha) + s * mpmath.log(beta)
        alive = 1 / ((alpha + T) ** (r + x) * (beta + T) ** s)
        a0 = f(x, tx) - f(x, T)
        total.append(w * (levels[x] + mpmath.log(alive + s / (r + s + x) * a0)))
    return mpmath.fsum(total)


def total_gg(p, rows):
    """Note 025, per customer with x > 0 repeat purchases of mean m > 0."""
    pp, q, v = p
    total = []
    for (x, tx, T, m), w in rows:
        if x > 0 and m > 0:
            total.append(w * (
                mpmath.loggamma(pp * x + q) - mpmath.loggamma(pp * x) -
                mpmath.loggamma(q) + q * mpmath.log(v) +
                (pp * x - 1) * mpmath.log(m) + pp * x * mpmath.log(x) -
                (pp * x + q) * mpmath.log(x * m + v)))
    return mpmath.fsum(total)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def read_summary(path, mapping):
    """Distinct (x, t_x, T, m) with their counts, each number the double
    the tool reads from its text."""
    def col(role):
        return mapping.get(role, role)
    patterns = {}
    for row in read_csv(path):
        m = float(row[col("monetary_value")]) if col("monetary_value") in row else 0.0
        key = (float(row[col("frequency")]), float(row[col("recency")]),
               float(row[col("T")]), m)
        patterns[key] = patterns.get(key, 0) + 1
    return [(tuple(mpf(v) for v in k), w) for k, w in patterns.items()]


def standard_errors(model, theta, rows, step, logs):
    """se of theta from -Hessian^-1 of the log-likelihood by central
    differences of values, in theta (LOGS false, steps STEP theta_i) or
    in u = ln theta (steps STEP, se = theta se(u))."""
    n = len(theta)
    base = [mpmath.log(t) for t in theta] if logs else list(theta)
    steps = [mpf(step)] * n if logs else [mpf(step) * t for t in theta]

    def f(point):
        p = [mpmath.exp(v) for v in point] if logs else point
        return total_ll(model, p, rows)
    f0 = f(base)
    hess = mpmath.matrix(n, n)
    for i in range(n):
        for j in range(i, n):
            def at(di, dj):
                q = list(base)
                q[i] += di * steps[i]
                q[j] += dj * steps[j]
                return f(q)
            if i == j:
                v = (at(1, 0) - 2 * f0 + at(-1, 0)) / steps[i] ** 2
            else:
                v = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / \
                    (4 * steps[i] * steps[j])
            hess[i, j] = hess[j, i] = -v
    cov = mpmath.inverse(hess)
    return [(theta[j] if logs else 1) * mpmath.sqrt(cov[j, j]) for j in range(n)]


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    fit_path, summary_path, tol = argv[0], argv[1], float(argv[2])
    rows = read_summary(summary_path, dict(m.split("=", 1) for m in argv[3:]))
    fits = {}
    for row in read_csv(fit_path):
        if row["param"] in ("loglik", "customers"):
            continue
        fits.setdefault(row["model"], {})[row["param"]] = (
            row["value"], row["std_error"])
    for model, got in fits.items():
        names = PARAMS[model]
        theta = [mpf(float(got[k][0])) for k in names]
        se_theta = standard_errors(model, theta, rows, 1e-7, False)
        se_log = standard_errors(model, theta, rows, 1e-7, True)
        se_wide = standard_errors(model, theta, rows, 1e-6, False)
        for j, k in enumerate(names):
            want = se_theta[j]
            tool = float(got[k][1])
            for what, value in (("in ln theta (delta method)", se_log[j]),
                                ("at step 1e-6", se_wide[j]),
                                ("of the tool", mpf(tool))):
                rel = abs(value - want) / want
                report(rel <= tol, "%s se(%s) %s within %g of the oracle's in "
                       "theta" % (model, k, what, tol),
                       "%s, oracle %s, relative %.3g" %
                       (mpmath.nstr(value, 12), mpmath.nstr(want, 12), float(rel)))
            print("se %s %s tool %s oracle %s ln-theta %s rel %.2e" % (
                model, k, got[k][1], mpmath.nstr(want, 12),
                mpmath.nstr(se_log[j], 12), float((tool - want) / want)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
