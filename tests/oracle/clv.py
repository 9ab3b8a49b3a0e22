#!/usr/bin/env python3
"""An independent reference for clv's fits and predictions, for the tests.

Written from the papers' formulas, sharing no code or method with lib/btyd.c
(Python standard library only):

  - likelihoods in the papers' own form: BG/NBD and MBG/NBD as the log of
    the sum of their two terms (FHL 2005, eq. 6); Pareto/NBD's A0 term as
    the integral it stands for, int_{t_x}^{T} s beta^s (beta+tau)^-(s+1)
    (alpha+tau)^-(r+x) dtau, by Gauss-Legendre quadrature in log(alpha+tau)
    (the tool uses a hypergeometric function); Gamma-Gamma as in note 025;
  - expected purchases as the posterior mean they are, by tanh-sinh
    quadrature over the dropout probability p ~ Beta(a, b+x) (BG/NBD; the
    tool uses 2F1) or the dropout rate mu ~ Gamma(s, beta+T) (Pareto/NBD);
  - standard errors from a Hessian of the log-likelihood by central
    differences of function values, in the natural parameters (the tool
    extrapolates differences in log-parameters), to 2e-3; Pareto/NBD's,
    and every model's to 1e-5, are tests/oracle/clv_se.py's, in 30 digits.

Usage:
  clv.py fit FIT.csv SUMMARY.csv [ROLE=HEADER ...]
      for each model in the tool's --fit output: the log-likelihood at its
      parameters, that the gradient there vanishes (a maximum), and the
      standard errors.
  clv.py better FIT.csv MODEL P1,P2,... SUMMARY.csv [ROLE=HEADER ...]
      the tool's fit has a log-likelihood at least that of the given point.
  clv.py predict PRED.csv PARAMS.csv HORIZON MONTH DISCOUNT MARGIN [ROLE=HEADER ...]
      every row of the tool's --predict output: expected_purchases, p_alive,
      expected_aov and clv.
Prints one "ok ..." or "FAIL ..." line per check.
"""
import csv
import math
import sys

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


def close(got, want, rel, absolute=0.0):
    return abs(got - want) <= max(rel * abs(want), absolute)


def lbeta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def logsumexp(values):
    top = max(values)
    if top == -math.inf:
        return top
    return top + math.log(math.fsum(math.exp(v - top) for v in values))


# Gauss-Legendre nodes and weights on [-1, 1], by Newton's method on the
# Legendre polynomial (three-term recurrence).
def gauss_legendre(n):
    nodes = []
    for i in range(1, n + 1):
        x = math.cos(math.pi * (i - 0.25) / (n + 0.5))
        for _ in range(100):
            p0, p1 = 1.0, x
            for k in range(2, n + 1):
                p0, p1 = p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k
            dp = n * (x * p1 - p0) / (x * x - 1)
            step = p1 / dp
            x -= step
            if abs(step) < 1e-16:
                break
        nodes.append((x, 2 / ((1 - x * x) * dp * dp)))
    return nodes


GL = gauss_legendre(24)


def ll_bg(p, x, tx, T, modified):
    r, alpha, a, b = p
    common = math.lgamma(r + x) - math.lgamma(r) + r * math.log(alpha)
    if modified:
        terms = [lbeta(a, b + x + 1) - lbeta(a, b) - (r + x) * math.log(alpha + T),
                 lbeta(a + 1, b + x) - lbeta(a, b) - (r + x) * math.log(alpha + tx)]
    else:
        terms = [lbeta(a, b + x) - lbeta(a, b) - (r + x) * math.log(alpha + T)]
        if x > 0:
            terms.append(lbeta(a + 1, b + x - 1) - lbeta(a, b) -
                         (r + x) * math.log(alpha + tx))
    return common + logsumexp(terms)


def ll_pareto(p, x, tx, T):
    """Pareto/NBD: alive through T, or dead at some tau in (t_x, T]."""
    r, alpha, s, beta = p
    common = math.lgamma(r + x) - math.lgamma(r) + r * math.log(alpha) + s * math.log(beta)
    alive = -(r + x) * math.log(alpha + T) - s * math.log(beta + T)
    terms = [alive]
    if T > tx:
        # tau = exp(u) - alpha; 8 panels uniform in u, 24 nodes each.
        u0, u1 = math.log(alpha + tx), math.log(alpha + T)
        logs = []
        for k in range(8):
            lo = u0 + (u1 - u0) * k / 8
            hi = u0 + (u1 - u0) * (k + 1) / 8
            for node, weight in GL:
                u = (lo + hi) / 2 + (hi - lo) / 2 * node
                tau = math.exp(u) - alpha
                logs.append(math.log(weight * (hi - lo) / 2) + u + math.log(s) -
                            (s + 1) * math.log(beta + tau) - (r + x) * u)
        terms.append(logsumexp(logs))
    return common + logsumexp(terms)


def ll_gg(p, x, m):
    pp, q, v = p
    return (math.lgamma(pp * x + q) - math.lgamma(pp * x) - math.lgamma(q) +
            q * math.log(v) + (pp * x - 1) * math.log(m) + pp * x * math.log(x) -
            (pp * x + q) * math.log(x * m + v))


def total_ll(model, p, rows):
    if model == "ggamma":
        return math.fsum(w * ll_gg(p, x, m) for (x, tx, T, m), w in rows if x > 0 and m > 0)
    if model == "paretonbd":
        return math.fsum(w * ll_pareto(p, x, tx, T) for (x, tx, T, m), w in rows)
    modified = model == "mbgnbd"
    return math.fsum(w * ll_bg(p, x, tx, T, modified) for (x, tx, T, m), w in rows)


def solve_inverse(h):
    """The inverse of a small matrix, Gauss-Jordan with partial pivoting."""
    n = len(h)
    a = [row[:] + [1.0 if i == j else 0.0 for j in range(n)] for i, row in enumerate(h)]
    for c in range(n):
        piv = max(range(c, n), key=lambda i: abs(a[i][c]))
        a[c], a[piv] = a[piv], a[c]
        d = a[c][c]
        a[c] = [v / d for v in a[c]]
        for i in range(n):
            if i != c:
                f = a[i][c]
                a[i] = [vi - f * vc for vi, vc in zip(a[i], a[c])]
    return [row[n:] for row in a]


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def read_summary(path, mapping):
    def col(role):
        return mapping.get(role, role)
    patterns = {}
    for row in read_csv(path):
        m = float(row[col("monetary_value")]) if col("monetary_value") in row else 0.0
        key = (float(row[col("frequency")]), float(row[col("recency")]), float(row[col("T")]), m)
        patterns[key] = patterns.get(key, 0) + 1
    return list(patterns.items())


def read_params(path):
    params, extra = {}, {}
    for row in read_csv(path):
        if row["param"] in ("loglik", "customers"):
            extra[(row["model"], row["param"])] = float(row["value"])
            continue
        params.setdefault(row["model"], {})[row["param"]] = (
            float(row["value"]), float(row["std_error"]) if row.get("std_error") else None)
    return {m: [v[n][0] for n in PARAMS[m]] for m, v in params.items()}, params, extra


def check_fit(fit_path, summary_path, maps):
    mapping = dict(m.split("=", 1) for m in maps)
    rows = read_summary(summary_path, mapping)
    params, full, extra = read_params(fit_path)
    for model, p in params.items():
        ll = total_ll(model, p, rows)
        want = extra[(model, "loglik")]
        report(close(ll, want, 0, 1e-9 * abs(want) + 2e-6),
               "%s log-likelihood %.6f" % (model, want), "oracle %.9f" % ll)
        n = len(p)
        # d LL / d log(theta): zero at the maximum. The printed parameters
        # are rounded to 6 decimals, which leaves about 1e-3; a parameter
        # off in its 4th significant digit gives 0.1 and more.
        for j in range(n):
            h = 1e-5
            up = p[:]
            up[j] *= math.exp(h)
            down = p[:]
            down[j] *= math.exp(-h)
            g = (total_ll(model, up, rows) - total_ll(model, down, rows)) / (2 * h)
            report(abs(g) <= 0.01,
                   "%s d loglik / d log %s = 0" % (model, PARAMS[model][j]), "%.6g" % g)
        if model == "paretonbd":
            continue
        # The observed information in natural parameters, by differences.
        steps = [1e-4 * v for v in p]
        f0 = total_ll(model, p, rows)
        hess = [[0.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i, n):
                def f(di, dj):
                    q = p[:]
                    q[i] += di * steps[i]
                    q[j] += dj * steps[j]
                    return total_ll(model, q, rows)
                if i == j:
                    v = (f(1, 0) - 2 * f0 + f(-1, 0)) / steps[i] ** 2
                else:
                    v = (f(1, 1) - f(1, -1) - f(-1, 1) + f(-1, -1)) / (4 * steps[i] * steps[j])
                hess[i][j] = hess[j][i] = -v
        cov = solve_inverse(hess)
        for j, name in enumerate(PARAMS[model]):
            se = math.sqrt(cov[j][j])
            got = full[model][name][1]
            report(got is not None and close(got, se, 2e-3, 2e-6),
                   "%s std_error of %s %s" % (model, name, got), "oracle %.6g" % se)


# tanh-sinh quadrature of f over (0, 1); f gets (x, 1 - x) so that both ends
# keep their digits.
def tanh_sinh(f, h=1 / 64, span=3.6):
    total = []
    k = -int(span / h)
    while k * h <= span:
        t = k * h
        u = math.pi / 2 * math.sinh(t)
        e = math.exp(-2 * abs(u))
        small = e / (1 + e)                   # the nearer end's distance
        x, y = (small, 1 - small) if u < 0 else (1 - small, small)
        weight = h * math.pi / 2 * math.cosh(t) / (2 * math.cosh(u) ** 2)
        if 0 < x < 1:
            total.append(weight * f(x, y))
        k += 1
    return math.fsum(total)


def expected_bg(p, t, x, tx, T, modified):
    """P(alive) times E[(1 - e^(-lambda p t)) / p] over the posterior."""
    r, alpha, a, b = p
    bb = b + x + (1 if modified else 0)
    if modified:
        alive = 1 / (1 + a / (b + x) * ((alpha + T) / (alpha + tx)) ** (r + x))
    elif x > 0:
        alive = 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))
    else:
        alive = 1.0
    k = r + x
    lb = lbeta(a, bb)

    def integrand(q, one_minus_q):
        # E over lambda ~ Gamma(r+x, alpha+T) of 1 - e^(-lambda q t)
        gain = -math.expm1(-k * math.log1p(q * t / (alpha + T)))
        return gain / q * math.exp((a - 1) * math.log(q) + (bb - 1) * math.log(one_minus_q) - lb)
    return alive * tanh_sinh(integrand), alive


def expected_pareto(p, t, x, tx, T):
    r, alpha, s, beta = p
    ll = ll_pareto(p, x, tx, T)
    alive = math.exp(math.lgamma(r + x) - math.lgamma(r) + r * math.log(alpha) +
                     s * math.log(beta) - (r + x) * math.log(alpha + T) -
                     s * math.log(beta + T) - ll)
    # E over mu ~ Gamma(s, beta+T) of (1 - e^(-mu t)) / mu, mu = y / (1 - y).
    c = beta + T

    def integrand(y, one_minus_y):
        mu = y / one_minus_y
        dens = math.exp(s * math.log(c) + (s - 1) * math.log(mu) - c * mu - math.lgamma(s))
        return -math.expm1(-mu * t) / mu * dens / one_minus_y ** 2
    return alive * (r + x) / (alpha + T) * tanh_sinh(integrand), alive


def check_predict(pred_path, params_path, horizon, month, discount, margin, maps):
    col = dict(m.split("=", 1) for m in maps)
    params, _, _ = read_params(params_path)
    purchase = [m for m in params if m != "ggamma"][0]
    p, g = params[purchase], params.get("ggamma")

    def expected(t, x, tx, T):
        if t == 0:
            return 0.0, None
        if purchase == "paretonbd":
            return expected_pareto(p, t, x, tx, T)
        return expected_bg(p, t, x, tx, T, purchase == "mbgnbd")

    for i, row in enumerate(read_csv(pred_path)):
        x, tx, T = (float(row[col.get(k, k)]) for k in ("frequency", "recency", "T"))
        m = float(row.get(col.get("monetary_value", "monetary_value")) or 0)
        e, alive = expected(horizon, x, tx, T)
        name = "predict row %d (%s)" % (i + 1, row.get(col.get("customer", "customer_id"), ""))
        report(close(float(row["expected_purchases"]), e, 1e-6, 1.5e-6),
               name + " expected_purchases", "tool %s, oracle %.9g" % (row["expected_purchases"], e))
        report(close(float(row["p_alive"]), alive, 0, 1.5e-6),
               name + " p_alive", "tool %s, oracle %.9g" % (row["p_alive"], alive))
        if g is None:
            report(row["expected_aov"] == "" and row["clv"] == "", name + " no spend model")
            continue
        pp, q, v = g
        aov = pp * (v + x * m) / (pp * x + q - 1)
        report(close(float(row["expected_aov"]), aov, 1e-7, 1.5e-6),
               name + " expected_aov", "tool %s, oracle %.9g" % (row["expected_aov"], aov))
        clv, prev, k = [], 0.0, 1
        while True:
            t = min(k * month, horizon)
            cur = expected(t, x, tx, T)[0]
            clv.append(margin * aov * (cur - prev) / (1 + discount) ** (t / month))
            prev = cur
            if t >= horizon:
                break
            k += 1
        clv = math.fsum(clv)
        report(close(float(row["clv"]), clv, 1e-6, 1.5e-6),
               name + " clv", "tool %s, oracle %.9g" % (row["clv"], clv))


def check_better(fit_path, model, published, summary_path, maps):
    """The tool's maximum is at least as high as a published point's."""
    rows = read_summary(summary_path, dict(m.split("=", 1) for m in maps))
    params, _, _ = read_params(fit_path)
    ours = total_ll(model, params[model], rows)
    theirs = total_ll(model, [float(v) for v in published.split(",")], rows)
    report(ours >= theirs - 1e-9, "%s loglik %.6f at the fit >= %.6f at %s" %
           (model, ours, theirs, published))


def main(argv):
    if len(argv) >= 5 and argv[0] == "better":
        check_better(argv[1], argv[2], argv[3], argv[4], argv[5:])
    elif len(argv) >= 3 and argv[0] == "fit":
        check_fit(argv[1], argv[2], argv[3:])
    elif len(argv) >= 7 and argv[0] == "predict":
        check_predict(argv[1], argv[2], *map(float, argv[3:7]), argv[7:])
    else:
        sys.exit(__doc__)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
