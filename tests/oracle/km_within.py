#!/usr/bin/env python3
"""An independent reference for cycle-length --within, for the tests.

Written from man/cycle-length.1 and from R's survival package's
definitions, sharing no code with the C tools. Which rows are in the cycle,
won, lost or open, and for how long, comes from cycle_length.py (the
oracle of the other columns, itself written from the man page); from
those durations this computes, per group and for the --total row:

  - the Kaplan-Meier curve in exact rational arithmetic (fractions): the
    events are the closed cycles (won; lost too with --include-lost), the
    open rows are censored at their age at --asof, lost rows are otherwise
    left out; at each event time u, n = every duration >= u (a censoring
    at u is still at risk), d = the events at u, S *= 1 - d / n;
  - Greenwood's variance of log S, the sum of d / (n (n - d)) over the
    event times up to D (infinite once d = n), in floating point;
  - R's conf.type = "log" interval: exp(log S -+ z se), the upper bound
    clipped to 1, z = statistics.NormalDist().inv_cdf(0.975);
  - the columns: within = 1 - S(D), lo = 1 - upper, hi = 1 - lower; S(D)
    = 0: within 1, lo and hi empty (R's NA); D past the longest duration
    observed in the group (event or censored), or no duration at all: all
    three empty (summary.survfit(times = D), extend = FALSE, leaves D out).

Usage:

    km_within.py compare TOOL_OUTPUT.csv -- [cycle-length options] FILE...

The options are cycle-length's (--within D[,D...] among them; --jobs N is
ignored). Prints one "ok ..." line, or "FAIL ..." lines; a value must be
within 5.01e-7 (six decimals printed), and empty exactly when it is
undefined here. Only the --within columns are checked here: the tests
give the rest, cut off, to cycle_length.py.

Without R or lifelines on this machine (checked: neither is installed),
the reference for the definitions themselves is R's own saved output for
the aml data set, which tests/cycle-length.test compares the tool with.
"""
import bisect
import csv
import math
import os
import statistics
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cycle_length import UNITS, aggregate, parse_args, read_rows  # noqa: E402

TOLERANCE = 5.01e-7
Z = statistics.NormalDist().inv_cdf(0.975)


def km_within(events, censored, t):
    """(1 - S(t), lower, upper) on the reaching scale, None where empty."""
    everything = sorted(events + censored)
    if not everything or t > everything[-1]:
        return None, None, None
    surv, greenwood = Fraction(1), 0.0
    for u in sorted(set(events)):
        if u > t:
            break
        n = len(everything) - bisect.bisect_left(everything, u)
        d = events.count(u)
        surv *= 1 - Fraction(d, n)
        greenwood = math.inf if d == n else greenwood + d / (n * (n - d))
    if surv == 0:
        return Fraction(1), None, None
    se = math.sqrt(greenwood)
    lower = math.exp(math.log(surv) - Z * se)
    upper = min(1.0, math.exp(math.log(surv) + Z * se))
    return 1 - surv, 1 - upper, 1 - lower


def close(got, want):
    if want is None:
        return got == ""
    return got != "" and abs(float(got) - float(want)) <= TOLERANCE


def main(argv):
    if len(argv) < 4 or argv[1] != "compare" or argv[3] != "--":
        sys.exit(__doc__)
    args, within = [], []
    i = 4
    while i < len(argv):
        if argv[i] == "--within":
            within += argv[i + 1].split(",")
            i += 2
        elif argv[i] == "--jobs":
            i += 2
        else:
            args.append(argv[i])
            i += 1
    label = " ".join(argv[4:])
    o = parse_args(args)
    unit = UNITS[o["unit"]]
    suffix = o["unit"][0]
    with open(argv[2], newline="") as f:
        table = list(csv.reader(f))
    header, body = table[0], table[1:]
    names = []
    for d in within:
        name = "within_%s%s" % (format(float(d), ".15g"), suffix)
        names += [name, name + "_lo", name + "_hi"]
    if header[len(header) - len(names):] != names:
        print("FAIL oracle km-within [%s]: header ends %s, want %s"
              % (label, header[len(header) - len(names):], names))
        return 1

    rows, latest = read_rows(o)
    groups = aggregate(o, rows, latest)
    nkey = len(o["by"]) + (1 if o["period"] else 0)
    if o["total"]:
        total = {"closed": [], "ages": []}
        for g in groups.values():
            total["closed"] += g["closed"]
            total["ages"] += g["ages"]
        groups[("(all)",) * nkey] = total
    failures = 0
    for r in body:
        key = tuple(r[:nkey])
        g = groups.get(key, {"closed": [], "ages": []})
        want = []
        for d in within:
            want += km_within(g["closed"], g["ages"], Fraction(d) * unit)
        got = r[len(r) - len(names):]
        if not all(close(a, b) for a, b in zip(got, want)):
            failures += 1
            print("FAIL oracle km-within [%s] %s: got %s, want %s"
                  % (label, key, got,
                     [None if v is None else round(float(v), 7) for v in want]))
    if not body:
        failures += 1
        print("FAIL oracle km-within [%s]: no rows" % label)
    if not failures:
        print("ok oracle km-within %s (%d rows)" % (label, len(body)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
