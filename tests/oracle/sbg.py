#!/usr/bin/env python3
"""An independent computation of the sBG model (lib/sbg.c), for tests/sbg.test.

    python3 tests/oracle/sbg.py COHORTS HORIZON DISCOUNT

COHORTS is cohorts separated by ';', each its survivor counts separated by
':' (customers at the start, then alive after periods 1..n). Prints, one
per line, "name value": the maximum-likelihood alpha and beta, their
standard errors, the log-likelihood at the maximum, and for t = 1 ..
HORIZON the survival S(t) and retention r(t) with 95% intervals, and
DERL at DISCOUNT for n = 1 .. HORIZON.

Nothing is shared with lib/sbg.c. The likelihood is written with Beta
functions from math.lgamma (P(T=t) = B(a+1, b+t-1)/B(a, b), S(t) = B(a,
b+t)/B(a, b)), not the recursions; the maximum is found by Newton's method
on (ln a, ln b) with derivatives by finite differences, from a grid
search; the standard errors come from the finite-difference Hessian of
that log-likelihood; the intervals from finite-difference gradients of
logit S and logit r; DERL as the discounted sum of S(t)/S(n-1) itself,
summed until its terms vanish, not the hypergeometric closed form.
"""
import math
import sys


def lbeta(a, b):
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def log_p(a, b, t):
    return lbeta(a + 1, b + t - 1) - lbeta(a, b)


def log_s(a, b, t):
    return lbeta(a, b + t) - lbeta(a, b)


def loglik(u, cohorts):
    a, b = math.exp(u[0]), math.exp(u[1])
    total = 0.0
    for c in cohorts:
        for t in range(1, len(c)):
            d = c[t - 1] - c[t]
            if d:
                total += d * log_p(a, b, t)
        if len(c) > 1 and c[-1]:
            total += c[-1] * log_s(a, b, len(c) - 1)
    return total


def grad_hess(f, u, h=1e-4):
    g = [0.0, 0.0]
    H = [[0.0, 0.0], [0.0, 0.0]]
    f0 = f(u)
    for i in range(2):
        e = [0.0, 0.0]
        e[i] = h
        fp = f([u[0] + e[0], u[1] + e[1]])
        fm = f([u[0] - e[0], u[1] - e[1]])
        g[i] = (fp - fm) / (2 * h)
        H[i][i] = (fp - 2 * f0 + fm) / (h * h)
    fpp = f([u[0] + h, u[1] + h])
    fpm = f([u[0] + h, u[1] - h])
    fmp = f([u[0] - h, u[1] + h])
    fmm = f([u[0] - h, u[1] - h])
    H[0][1] = H[1][0] = (fpp - fpm - fmp + fmm) / (4 * h * h)
    return g, H


def inv2(H):
    det = H[0][0] * H[1][1] - H[0][1] * H[1][0]
    return [[H[1][1] / det, -H[0][1] / det], [-H[1][0] / det, H[0][0] / det]]


def fit(cohorts):
    f = lambda u: loglik(u, cohorts)
    # A coarse grid first, then Newton steps (halved until they climb).
    best = max(([x / 4.0, y / 4.0] for x in range(-16, 17) for y in range(-16, 17)),
               key=f)
    u = best
    for _ in range(200):
        g, H = grad_hess(f, u)
        C = inv2(H)
        step = [-(C[0][0] * g[0] + C[0][1] * g[1]), -(C[1][0] * g[0] + C[1][1] * g[1])]
        lam = 1.0
        while lam > 1e-8 and f([u[0] + lam * step[0], u[1] + lam * step[1]]) < f(u):
            lam /= 2
        u = [u[0] + lam * step[0], u[1] + lam * step[1]]
        if abs(step[0]) + abs(step[1]) < 1e-12:
            break
    g, H = grad_hess(f, u)
    cov = inv2([[-H[0][0], -H[0][1]], [-H[1][0], -H[1][1]]])
    return u, cov


def norm_quantile(p):
    # bisection on the normal CDF, from math.erf
    lo, hi = -10.0, 10.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def logit(p):
    return math.log(p / (1 - p))


def expit(x):
    return 1 / (1 + math.exp(-x))


def interval(fn, u, cov, z, h=1e-6):
    """fn(u) is a probability; its 95% interval by the delta method on logit."""
    g = []
    for i in range(2):
        e = [0.0, 0.0]
        e[i] = h
        g.append((logit(fn([u[0] + e[0], u[1] + e[1]])) -
                  logit(fn([u[0] - e[0], u[1] - e[1]]))) / (2 * h))
    var = sum(g[i] * cov[i][j] * g[j] for i in range(2) for j in range(2))
    l = logit(fn(u))
    return expit(l - z * math.sqrt(var)), expit(l + z * math.sqrt(var))


def derl(a, b, d, n):
    total, t = 0.0, n
    base = log_s(a, b, n - 1)
    while True:
        term = math.exp(log_s(a, b, t) - base) / (1 + d) ** (t - n)
        total += term
        if term < 1e-17 * total:
            return total
        t += 1


def main():
    cohorts = [[float(x) for x in c.split(":")] for c in sys.argv[1].split(";")]
    horizon, d = int(sys.argv[2]), float(sys.argv[3])
    u, cov = fit(cohorts)
    a, b = math.exp(u[0]), math.exp(u[1])
    z = norm_quantile(0.975)
    print("alpha %.12g" % a)
    print("beta %.12g" % b)
    print("se_alpha %.12g" % (a * math.sqrt(cov[0][0])))
    print("se_beta %.12g" % (b * math.sqrt(cov[1][1])))
    print("loglik %.12g" % loglik(u, cohorts))
    for t in range(1, horizon + 1):
        s = lambda v, t=t: math.exp(log_s(math.exp(v[0]), math.exp(v[1]), t))
        r = lambda v, t=t: math.exp(log_s(math.exp(v[0]), math.exp(v[1]), t) -
                                    log_s(math.exp(v[0]), math.exp(v[1]), t - 1))
        print("S%d %.12g %.12g %.12g" % ((t, s(u)) + interval(s, u, cov, z)))
        print("r%d %.12g %.12g %.12g" % ((t, r(u)) + interval(r, u, cov, z)))
        print("derl%d %.12g" % (t, derl(a, b, d, t)))


if __name__ == "__main__":
    main()
