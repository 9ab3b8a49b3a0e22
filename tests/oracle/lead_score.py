#!/usr/bin/env python3
"""An independent reference implementation of lead-score's rules, for the
tests.

Written from man/lead-score.1, sharing no code with the C tool: Python's
csv module reads the rules and the leads, datetime parses the dates, re
stands in for POSIX regcomp (the tests' patterns use only what both read
alike: alternation, groups, classes, anchors). Usage:

    lead_score.py compare TOOL_OUTPUT.csv RULES LEADS ASOF HALF_LIFE CAP GRADES

(HALF_LIFE, CAP and GRADES may be '-' for none) checks every output row:
the input fields unchanged, score and each group's points within 5e-7 of
the value computed here (the tool prints six decimals), the grade equal;
one "ok"/"FAIL" line for the whole file.

    lead_score.py grades TOOL_OUTPUT.csv CONVERT_OUTPUT.csv

checks `lead-score ... | lead-convert --by grade` (CONVERT_OUTPUT) against
the scored rows: per grade, the leads (the first row of each id, as
lead-convert counts them) and those with a customer date.
"""
import csv
import datetime as dt
import math
import re
import sys

UTC = dt.timezone.utc


def parse_time(text, end_of_day=False):
    text = text.strip()
    if len(text) == 10:
        d = dt.date.fromisoformat(text)
        t = dt.datetime(d.year, d.month, d.day, tzinfo=UTC)
        if end_of_day:
            t += dt.timedelta(days=1) - dt.timedelta(milliseconds=1)
        return t
    t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC)


def load_rules(path, half_life, cap, grades):
    rules, groups, caps, grade_list = [], [], {}, []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            row = {k: (v or "").strip() for k, v in row.items()}
            op = row["operator"]
            if op == "cap":
                if row["group"]:
                    caps[row["group"]] = float(row["value"])
                else:
                    cap = float(row["value"])
                continue
            if op == "grade":
                name, least = row["value"].split("=")
                grade_list.append((float(least), name.strip()))
                continue
            g = row["group"]
            if g not in groups:
                groups.append(g)
            if row.get("cap"):
                caps[g] = float(row["cap"])
            value = row["value"]
            if op == "decay" and value == "":
                value = half_life
            rules.append((g, row["column"], op, value, float(row["points"])))
    if grades:
        for item in grades.split(","):
            name, least = item.split("=")
            grade_list.append((float(least), name))
    grade_list.sort(reverse=True)
    return rules, groups, caps, cap, grade_list


def points(rule, lead, asof):
    g, col, op, value, pts = rule
    v = lead[col].strip()
    if op == "=":
        return pts if v == value else 0.0
    if op == "!=":
        return pts if v != value else 0.0
    if op == "in":
        return pts if v in [x.strip() for x in value.split("|")] else 0.0
    if op == "matches":
        # POSIX's [:space:] inside a bracket is Python's whitespace.
        pattern = value.replace("[:space:]", " \\t\\n\\r\\f\\v")
        return pts if re.search(pattern, v) else 0.0
    if v == "":
        return 0.0
    if op == "decay":
        t = parse_time(v)
        if t > asof:
            return 0.0
        age = (asof - t).total_seconds() / 86400.0
        return pts * 2.0 ** (-age / float(value))
    x = float(v)
    if op == "between":
        lo, hi = (float(s) for s in value.split(".."))
        return pts if lo <= x <= hi else 0.0
    y = float(value)
    hold = {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]
    return pts if hold else 0.0


def compare(out_path, rules_path, leads_path, asof, half_life, cap, grades):
    none = lambda s: None if s == "-" else s
    asof_t = parse_time(asof, end_of_day=True) if none(asof) else None
    cap = float(cap) if none(cap) else None
    rules, groups, caps, cap, grade_list = load_rules(
        rules_path, none(half_life), cap, none(grades))
    with open(leads_path, newline="") as f:
        leads = list(csv.reader(f))
    with open(out_path, newline="") as f:
        out = list(csv.reader(f))
    header = leads[0]
    want_header = header + ["score", "grade"] + ["points_" + g for g in groups]
    bad = []
    if out[0] != want_header:
        bad.append("header %r, expected %r" % (out[0], want_header))
    if len(out) != len(leads):
        bad.append("%d rows, expected %d" % (len(out), len(leads)))
    for i, (lrow, orow) in enumerate(zip(leads[1:], out[1:]), start=2):
        lead = dict(zip(header, lrow))
        sums = {g: 0.0 for g in groups}
        for r in rules:
            sums[r[0]] += points(r, lead, asof_t)
        for g in groups:
            if g in caps:
                sums[g] = min(sums[g], caps[g])
        score = sum(sums[g] for g in groups)
        if cap is not None:
            score = min(score, cap)
        grade = ""
        for least, name in grade_list:
            if score >= least:
                grade = name
                break
        n = len(header)
        if orow[:n] != lrow:
            bad.append("row %d: the input fields changed" % i)
            continue
        got = orow[n:]
        want = [score, grade] + [sums[g] for g in groups]
        for j, (g_, w) in enumerate(zip(got, want)):
            if isinstance(w, str):
                ok = g_ == w
            else:
                ok = g_ != "" and abs(float(g_) - w) <= 5e-7 + 1e-12 * abs(w)
            if not ok:
                bad.append("row %d column %s: %r, expected %r" %
                           (i, want_header[n + j], g_, w))
    return bad


def grades(scored_path, convert_path):
    with open(scored_path, newline="") as f:
        rows = list(csv.DictReader(f))
    seen, leads, won = set(), {}, {}
    for r in rows:
        if r["id"] in seen:
            continue
        seen.add(r["id"])
        g = r["grade"]
        leads[g] = leads.get(g, 0) + 1
        won[g] = won.get(g, 0) + (1 if r["customer_at"].strip() else 0)
    with open(convert_path, newline="") as f:
        conv = list(csv.DictReader(f))
    bad = []
    got = {r["grade"]: (int(r["lead"]), int(r["customer"])) for r in conv}
    want = {g: (leads[g], won[g]) for g in leads}
    if got != want:
        bad.append("per grade (leads, customers) %r, expected %r" % (got, want))
    return bad


def main():
    if sys.argv[1] == "compare":
        bad = compare(*sys.argv[2:9])
        what = "lead-score oracle " + " ".join(sys.argv[3:9])
    else:
        bad = grades(sys.argv[2], sys.argv[3])
        what = "lead-score | lead-convert --by grade oracle"
    if bad:
        print("FAIL " + what)
        for b in bad[:10]:
            print("  " + b)
    else:
        print("ok " + what)


if __name__ == "__main__":
    main()
