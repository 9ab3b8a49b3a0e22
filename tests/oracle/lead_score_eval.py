#!/usr/bin/env python3
"""Check lead-score --evaluate's output against tests/oracle/scoreeval.py.

    lead_score_eval.py DATA.csv OUTCOME SCORE[,SCORE2] GROUPS SUMMARY GAINS CALIB

DATA is what the tool read; SUMMARY, GAINS and CALIB are the tool's three
outputs (summary, --gains, --calibration; CALIB '-' when the scores are
not probabilities) with --groups GROUPS. The oracle (written
independently of lib/scoreeval.c, see its docstring) gets the scores and
the outcome of each row and prints its figures; every figure the tool
printed must be the oracle's within 5e-7 (six decimals), an empty field
exactly where the oracle's is undefined. One ok/FAIL line.
"""
import csv
import math
import os
import subprocess
import sys

data, outcome, scores, groups, summary, gains, calib = sys.argv[1:8]
scores = scores.split(",")
rows = list(csv.DictReader(open(data, newline="")))
here = os.path.dirname(os.path.abspath(__file__))
bad = []


def oracle(cols, g, l):
    path = summary + ".oracle-in"
    with open(path, "w") as f:
        f.write(",".join(cols + ["outcome"]) + "\n")
        for r in rows:
            f.write(",".join([r[c] for c in cols] + [r[outcome]]) + "\n")
    out = subprocess.run([sys.executable, os.path.join(here, "scoreeval.py"),
                          "-g", str(g), "-l", str(l), path],
                         capture_output=True, text=True, check=True).stdout
    return [line.split(",") for line in out.splitlines()]


def near(name, got, want):
    want = float(want)
    if got == "" or math.isnan(want) or math.isinf(want):
        if not (got == "" and (math.isnan(want) or math.isinf(want))):
            bad.append("%s: %r, expected %r" % (name, got, want))
        return
    if abs(float(got) - want) > 5e-7 + 1e-9 * abs(want):
        bad.append("%s: %s, expected %.9g" % (name, got, want))


summ = {}
for r in csv.DictReader(open(summary, newline="")):
    summ[(r["score"], r["statistic"])] = r["value"]
gain_rows = list(csv.DictReader(open(gains, newline="")))
calib_rows = list(csv.DictReader(open(calib, newline=""))) if calib != "-" else []
for s in scores:
    o10 = oracle([s], 10, groups)
    og = oracle([s], groups, groups)
    get = lambda lines, tag: [l for l in lines if l[0] == tag]
    auc = get(o10, "auc")[0]
    ys = [int(r[outcome]) for r in rows]
    near(s + " leads", summ[(s, "leads")], len(ys))
    near(s + " converted", summ[(s, "converted")], sum(ys))
    for i, name in enumerate(["auc", "auc_se", "auc_lo", "auc_hi"]):
        near(s + " " + name, summ[(s, name)], auc[2 + i])
    near(s + " ks", summ[(s, "ks")], get(o10, "ks")[0][1])
    hl = get(og, "hl")
    probs = all(0 <= float(r[s]) <= 1 for r in rows)
    near(s + " brier", summ[(s, "brier")], get(o10, "brier")[0][1] if probs else "nan")
    if probs and hl:
        near(s + " hl_chi2", summ[(s, "hl_chi2")], hl[0][2])
        near(s + " hl_p", summ[(s, "hl_p")], hl[0][3])
        near(s + " hl_df", summ[(s, "hl_df")], hl[0][4])
        near(s + " hl_groups", summ[(s, "hl_groups")], hl[0][5])
    else:
        for name in ["hl_chi2", "hl_p", "hl_df", "hl_groups"]:
            near(s + " " + name, summ[(s, name)], "nan")
    near(s + " top_lift", summ[(s, "top_lift")], get(o10, "gains")[0][6])
    # gains: oracle columns K,LEADS,CONVERTED,RATE,CUM_CAPTURED,LIFT,MIN,MAX,MEAN,CUM_LIFT
    mine = [r for r in gain_rows if r["score"] == s]
    theirs = get(og, "gains")
    if len(mine) != len(theirs):
        bad.append("%s: %d gains rows, expected %d" % (s, len(mine), len(theirs)))
    for m, t in zip(mine, theirs):
        for col, idx in [("group", 1), ("leads", 2), ("converted", 3), ("rate", 4),
                         ("cum_captured", 5), ("lift", 6), ("min_score", 7),
                         ("max_score", 8), ("cum_lift", 10)]:
            near("%s gains %s %s" % (s, t[1], col), m[col], t[idx])
    if calib != "-":
        mine = [r for r in calib_rows if r["score"] == s]
        theirs = get(og, "calib")
        if len(mine) != len(theirs):
            bad.append("%s: %d calibration rows, expected %d" % (s, len(mine), len(theirs)))
        for m, t in zip(mine, theirs):
            for col, idx in [("group", 1), ("leads", 2), ("converted", 3), ("rate", 4),
                             ("min_score", 7), ("max_score", 8), ("mean_score", 9)]:
                near("%s calib %s %s" % (s, t[1], col), m[col], t[idx])
if len(scores) == 2:
    cmp_ = [l for l in oracle(scores, 10, groups) if l[0] == "cmp"][0]
    pair = "%s-%s" % tuple(scores)
    for i, name in enumerate(["auc_diff", "auc_diff_se", "auc_diff_lo",
                              "auc_diff_hi", "z", "p"]):
        near(pair + " " + name, summ[(pair, name)], cmp_[4 + i])
print(("FAIL " if bad else "ok ") + "lead-score --evaluate %s --groups %s: the scoreeval oracle" % (",".join(scores), groups))
for b in bad[:10]:
    print("  " + b)
