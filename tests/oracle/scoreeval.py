#!/usr/bin/env python3
"""An independent computation of lib/scoreeval.c, for tests/scoreeval.test.

    python3 tests/oracle/scoreeval.py [-g GROUPS] [-l HLGROUPS] FILE
    python3 tests/oracle/scoreeval.py --gen KIND N SEED

The first form reads what tests/tools/scoreeval-run reads (a header, then
"score,outcome" or "score_a,score_b,outcome" lines) and prints the same
lines it prints (see that file): the AUC with its DeLong standard error and
logit interval, the DeLong test of two scores, the gains table, KS, the
Brier score, the Hosmer-Lemeshow test and its calibration table. The
second writes a generated data set of N leads of the given KIND (see
generate()) from a seeded random stream.

Nothing is shared with the C, and the methods differ where they can:
- the placement values come from every (positive, negative) pair, O(mn),
  not from tie blocks of a sort; the variances by statistics.variance();
  the DeLong test from the 2x2 covariance matrices S10 and S01 (DeLong et
  al. 1988, eq. for the contrast L S L'), not the variance of differences;
- groups: each lead's rank by descending score, its group ceil(r G / N) in
  integer arithmetic, and each tie block moved to the group of its
  smallest rank;
- KS from the two empirical distribution functions evaluated by bisection
  at every distinct score;
- Hosmer-Lemeshow as a Pearson chi-square over both columns (converted and
  not), its p-value from the closed forms of the chi-square tail for whole
  degrees of freedom (a Poisson sum for even df, erfc and a finite series
  for odd), not the incomplete gamma function;
- normal quantile and tails from statistics.NormalDist and math.erfc.
"""
import bisect
import math
import random
import statistics
import sys

Z975 = statistics.NormalDist().inv_cdf(0.975)
NAN = float("nan")


def fmt(x):
    if isinstance(x, str):
        return x
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(float(x))


def psi(x, y):
    return 1.0 if x > y else 0.5 if x == y else 0.0


def placements(s, y):
    """V10 per positive, V01 per negative, by every pair."""
    pos = [s[i] for i in range(len(s)) if y[i]]
    neg = [s[i] for i in range(len(s)) if not y[i]]
    v10 = [sum(psi(x, z) for z in neg) / len(neg) for x in pos]
    v01 = [sum(psi(x, z) for x in pos) / len(pos) for z in neg]
    return v10, v01


def expit(t):
    return 1 / (1 + math.exp(-t))


def auc_line(tag, s, y):
    m = sum(y)
    n = len(y) - m
    if m == 0 or n == 0:
        return [tag, -1, NAN, NAN, NAN, NAN, m, n]
    v10, v01 = placements(s, y)
    auc = sum(v10) / m
    if m < 2 or n < 2:
        return [tag, 0, auc, NAN, NAN, NAN, m, n]
    se = math.sqrt(statistics.variance(v10) / m + statistics.variance(v01) / n)
    lo = hi = NAN
    if se > 0:
        lg = math.log(auc / (1 - auc))
        sl = se / (auc * (1 - auc))
        lo, hi = expit(lg - Z975 * sl), expit(lg + Z975 * sl)
    return [tag, 0, auc, se, lo, hi, m, n]


def cov(u, v):
    mu, mv = sum(u) / len(u), sum(v) / len(v)
    return sum((a - mu) * (b - mv) for a, b in zip(u, v)) / (len(u) - 1)


def cmp_line(a, b, y):
    m = sum(y)
    n = len(y) - m
    if m == 0 or n == 0:
        return ["cmp", -1] + [NAN] * 8
    a10, a01 = placements(a, y)
    b10, b01 = placements(b, y)
    auc_a, auc_b = sum(a10) / m, sum(b10) / m
    diff = auc_a - auc_b
    if m < 2 or n < 2:
        return ["cmp", 0, auc_a, auc_b, diff] + [NAN] * 5
    # S = S10 / m + S01 / n as 2x2 matrices; Var(L theta) = L S L', L = (1, -1).
    s = [[cov(u10, v10) / m + cov(u01, v01) / n
          for (v10, v01) in ((a10, a01), (b10, b01))]
         for (u10, u01) in ((a10, a01), (b10, b01))]
    var = s[0][0] + s[1][1] - s[0][1] - s[1][0]
    se = math.sqrt(max(var, 0.0))
    # The C's S10 of the differences is exactly 0 when they are all equal;
    # the matrix form leaves rounding there. Below 1e-12 of the variances
    # it is 0.
    if var <= 1e-12 * (s[0][0] + s[1][1]):
        return ["cmp", 0, auc_a, auc_b, diff, 0.0, NAN, NAN, NAN, NAN]
    z = diff / se
    return ["cmp", 0, auc_a, auc_b, diff, se, diff - Z975 * se,
            diff + Z975 * se, z, math.erfc(abs(z) / math.sqrt(2))]


def groups_of(s, G):
    """Lists of lead indices, one per non-empty group, highest first."""
    n = len(s)
    if n == 0 or G == 0:
        return []
    order = sorted(range(n), key=lambda i: -s[i])
    first_rank = {}
    for r, i in enumerate(order, 1):
        first_rank.setdefault(s[i], r)
    out = {}
    for i in order:
        r = first_rank[s[i]]
        g = -(-r * G // n)           # ceil(r G / n)
        out.setdefault(g, []).append(i)
    return [out[g] for g in sorted(out)]


def table(tag, s, y, groups):
    n, m = len(s), sum(y)
    rows = []
    cum_leads = cum_conv = 0
    for k, g in enumerate(groups, 1):
        leads = len(g)
        conv = sum(y[i] for i in g)
        cum_leads += leads
        cum_conv += conv
        rate = conv / leads
        base = m / n
        rows.append([tag, k, leads, conv, rate,
                     cum_conv / m if m else NAN,
                     rate / base if m else NAN,
                     min(s[i] for i in g), max(s[i] for i in g),
                     math.fsum(s[i] for i in g) / leads,
                     (cum_conv / cum_leads) / base if m else NAN])
    return rows


def ks(s, y):
    pos = sorted(s[i] for i in range(len(s)) if y[i])
    neg = sorted(s[i] for i in range(len(s)) if not y[i])
    if not pos or not neg:
        return NAN
    return max(abs(bisect.bisect_right(pos, t) / len(pos) -
                   bisect.bisect_right(neg, t) / len(neg)) for t in set(s))


def brier(p, y):
    if not p or any(not (0 <= x <= 1) for x in p):
        return NAN
    return math.fsum((x - t) ** 2 for x, t in zip(p, y)) / len(p)


def chi2_tail(x, df):
    """P(chi-square with whole df > x), by the closed forms."""
    if math.isinf(x):
        return 0.0
    h = x / 2
    if df % 2 == 0:
        term, total = 1.0, 0.0
        for k in range(df // 2):
            total += term
            term *= h / (k + 1)
        return math.exp(-h) * total
    total = math.erfc(math.sqrt(h))
    for j in range(1, (df - 1) // 2 + 1):
        total += math.exp((j - 0.5) * math.log(h) - h - math.lgamma(j + 0.5)) \
            if h > 0 else 0.0
    return total


def hl(p, y, G):
    groups = groups_of(p, G)
    if not groups:
        return ["hl", -1, NAN, NAN, 0, 0], []
    chi2 = 0.0
    for g in groups:
        ng = len(g)
        o = sum(y[i] for i in g)
        e = math.fsum(p[i] for i in g)
        for obs, exp_ in ((o, e), (ng - o, ng - e)):
            if exp_ > 0:
                chi2 += (obs - exp_) ** 2 / exp_
            elif obs != exp_:
                chi2 = math.inf
    k = len(groups)
    rows = table("calib", p, y, groups)
    if k < 3:
        return ["hl", -1, NAN, NAN, k - 2, k], rows
    return ["hl", 0, chi2, chi2_tail(chi2, k - 2), k - 2, k], rows


def evaluate(path, G, L):
    a, b, y = [], [], []
    ncols = 0
    with open(path) as f:
        next(f)
        for line in f:
            v = line.strip().split(",")
            ncols = len(v)
            a.append(float(v[0]))
            b.append(float(v[1]) if ncols == 3 else 0.0)
            y.append(int(float(v[-1])))
    out = [auc_line("auc", a, y)]
    if ncols == 3:
        out.append(auc_line("auc_b", b, y))
        out.append(cmp_line(a, b, y))
    out.append(["ks", ks(a, y)])
    out.append(["brier", brier(a, y)])
    out += table("gains", a, y, groups_of(a, G))
    if all(0 <= x <= 1 for x in a):
        line, rows = hl(a, y, L)
        out.append(line)
        out += rows
    for row in out:
        print(",".join(fmt(x) for x in row))


def generate(kind, n, seed):
    """Print a data set: a header and n lines.

    mixed:      p = logistic score rounded to 2 places (ties, in [0, 1]);
                y ~ Bernoulli(p); b = a noisy 0..10 point score of the same
                leads (heavy ties), correlated with p
    distinct:   continuous scores, no ties; b another continuous score
    tied:       every score 0.5
    onepos:     a single converted lead
    perfect:    the converted leads all score above the others
    grades:     three grades 0.2, 0.5, 0.8 (three groups at most)
    wrong:      a score whose probabilities are far off (HL rejects)
    """
    rnd = random.Random(seed)
    print("a,b,y")
    for i in range(n):
        u = rnd.gauss(0, 1.3) - 0.8
        p = 1 / (1 + math.exp(-u))
        y = 1 if rnd.random() < p else 0
        if kind == "mixed":
            a = round(p, 2)
            b = max(0, min(10, round(5 + 2 * u + rnd.gauss(0, 2))))
        elif kind == "distinct":
            a = p
            b = u + rnd.gauss(0, 1.5)
        elif kind == "tied":
            a, b = 0.5, 1
        elif kind == "onepos":
            y = 1 if i == n // 2 else 0
            a, b = round(p, 1), rnd.randint(0, 3)
        elif kind == "perfect":
            a = 0.6 + 0.4 * rnd.random() if y else 0.5 * rnd.random()
            b = rnd.randint(0, 3)
        elif kind == "grades":
            a = (0.2, 0.5, 0.8)[rnd.randint(0, 2)]
            y = 1 if rnd.random() < a else 0
            b = rnd.randint(0, 5)
        elif kind == "wrong":
            a = round(min(1.0, 2.5 * p), 3)
            b = round(p, 3)
        else:
            sys.exit("scoreeval.py: unknown kind " + kind)
        print(f"{a!r},{b!r},{y}")


def main(argv):
    if argv[:1] == ["--gen"]:
        generate(argv[1], int(argv[2]), int(argv[3]))
        return
    G = L = 10
    while len(argv) > 1 and argv[0] in ("-g", "-l"):
        if argv[0] == "-g":
            G = int(argv[1])
        else:
            L = int(argv[1])
        argv = argv[2:]
    evaluate(argv[0], G, L)


if __name__ == "__main__":
    main(sys.argv[1:])
