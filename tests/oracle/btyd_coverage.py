#!/usr/bin/env python3
"""Coverage of clv --interval by simulation (tests/clv-interval.test).

Usage: btyd_coverage.py params|total R CUSTOMERS DRAWS SEED [JOBS]

R data sets of CUSTOMERS customers drawn here from BG/NBD with known
parameters (the CDNOW fit of Fader, Hardie and Lee 2005: r 0.24,
alpha 4.41, a 0.79, b 2.43, in weeks): lambda ~ Gamma(r, alpha) and
p ~ Beta(a, b) per customer, purchases a Poisson process at rate lambda,
dropout with probability p after each; each observed for T whole weeks,
uniform on 27..39 (a quarter's cohort at the end of the next), and t_x
to the day (as a summary of daily orders has it; so that customers
share (x, t_x, T) and clv's work stays small), and each one's
purchases over the next 39 weeks drawn too (a customer alive at T goes
on from T, the process being memoryless).

params: two probes are added, a new customer (0, 0, 0) and a repeat
buyer (x 2, t_x 30.43, T 38.86); clv --predict --fit bgnbd --interval
0.95 --draws DRAWS; a hit is a probe's expected_purchases interval
holding its expectation under the true parameters (FHL 2005 eq. 10, eq. 9
for the new customer), computed here by the 2F1's series, independently
of clv.

total: clv --predict --fit bgnbd --interval 0.95 --total; a hit is the
(all) row's interval holding the cohort's realised purchases over the 39
weeks: the interval of a prediction, the parameters' uncertainty and the
customers' own randomness together.

random.Random(SEED) draws the data sets in order; clv's --seed is the
data set's number; JOBS (default 2) clv runs at a time do not change the
counts. Plain Python 3. Prints "truth NAME VALUE" and "coverage NAME
HITS R mean-width W" lines, and "failed REP MESSAGE" for a clv run that
failed (a fit that does not converge, say), which the test counts.
"""
import concurrent.futures
import os
import random
import subprocess
import sys
import tempfile

R_, ALPHA, A, B = 0.24, 4.41, 0.79, 2.43
PROBES = [("new", 0, 0.0, 0.0), ("repeat", 2, 30.43, 38.86)]
H = 39.0


def hyp2f1(a, b, c, z):
    """Gauss's series, 0 <= z < 1, to 1e-15 relative (the terms fall
    as z^k k^(a + b - c - 1): a few hundred at z = 0.9)."""
    term, total, k = 1.0, 1.0, 0
    while True:
        term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
        total += term
        k += 1
        if abs(term) < 1e-15 * abs(total) or k > 100000:
            return total


def palive(x, tx, T):
    if x == 0:
        return 1.0
    return 1 / (1 + A / (B + x - 1) * ((ALPHA + T) / (ALPHA + tx)) ** (R_ + x))


def expected(x, tx, T, t):
    """FHL 2005 eq. 10, the 2F1 by its series at z = t / (alpha + T + t)
    directly (clv takes Pfaff's form)."""
    z = t / (ALPHA + T + t)
    f = hyp2f1(R_ + x, B + x, A + B + x - 1, z)
    return (A + B + x - 1) / (A - 1) * (
        1 - ((ALPHA + T) / (ALPHA + T + t)) ** (R_ + x) * f) * palive(x, tx, T)


def future(rng, lam, p, h):
    """Purchases in the next h weeks of a customer alive now."""
    u, n = 0.0, 0
    while True:
        u += rng.expovariate(lam)
        if u > h:
            return n
        n += 1
        if rng.random() < p:
            return n


def customer(rng):
    lam = rng.gammavariate(R_, 1 / ALPHA)
    p = rng.betavariate(A, B)
    T = rng.randint(27, 39)
    t, x, tx, alive = 0.0, 0, 0.0, True
    while True:
        t += rng.expovariate(lam)
        if t > T:
            break
        x, tx = x + 1, t
        if rng.random() < p:
            alive = False
            break
    return x, tx, T, future(rng, lam, p, H) if alive else 0


def run_clv(path, args, rep):
    try:
        out = subprocess.run(
            ["clv", "--predict", "--fit", "bgnbd", "--unit", "weeks",
             "--horizon", "%g" % H, "--interval", "0.95", "--seed", str(rep)]
            + args + [path], check=True, capture_output=True,
            text=True).stdout
    except subprocess.CalledProcessError as e:
        out = "failed: " + e.stderr.strip()
    os.unlink(path)
    return out


def main():
    mode, reps, n, draws, seed = (sys.argv[1], int(sys.argv[2]),
                                  int(sys.argv[3]), sys.argv[4],
                                  int(sys.argv[5]))
    jobs = int(sys.argv[6]) if len(sys.argv) > 6 else 2
    rng = random.Random(seed)
    truth = {}
    if mode == "params":
        for name, x, tx, T in PROBES:
            truth[name] = expected(x, tx, T, H)
            print("truth %s %.6f" % (name, truth[name]))
    names = list(truth) if mode == "params" else ["total"]
    args = ["--draws", draws] + (["--total"] if mode == "total" else [])
    hits = dict.fromkeys(names, 0)
    widths = dict.fromkeys(names, 0.0)
    tmp = tempfile.mkdtemp()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        runs = []
        for rep in range(1, reps + 1):
            realised = 0
            path = os.path.join(tmp, "%d.csv" % rep)
            with open(path, "w") as f:
                f.write("customer_id,frequency,recency,T\n")
                for i in range(n):
                    x, tx, T, fut = customer(rng)
                    realised += fut
                    # t_x to the day, as a summary of daily orders
                    # has it: customers then share (x, t_x, T) too.
                    f.write("%d,%d,%.6f,%d\n" % (i + 1, x,
                                                 round(tx * 7) / 7, T))
                if mode == "params":
                    for name, x, tx, T in PROBES:
                        f.write("%s,%d,%g,%g\n" % (name, x, tx, T))
            runs.append((rep, realised, pool.submit(run_clv, path, args, rep)))
        for rep, realised, fut in runs:
            out = fut.result()
            if out.startswith("failed"):
                print("failed %d %s" % (rep, out))
                continue
            lines = out.splitlines()
            lo = lines[0].split(",").index("expected_purchases_lo")
            for line in lines[1:]:
                v = line.split(",")
                if v[0] == "(all)":
                    name, want = "total", realised
                elif v[0] in truth:
                    name, want = v[0], truth[v[0]]
                else:
                    continue
                l, hi = float(v[lo]), float(v[lo + 1])
                hits[name] += l <= want <= hi
                widths[name] += hi - l
    os.rmdir(tmp)
    for name in names:
        print("coverage %s %d %d mean-width %.4f" % (name, hits[name], reps,
                                                     widths[name] / reps))


main()
