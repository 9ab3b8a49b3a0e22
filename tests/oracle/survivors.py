#!/usr/bin/env python3
"""Survivor counts of an order log, as retention --project defines them,
for tests/retention-project.test: an independent reading of retention(1).

    python3 tests/oracle/survivors.py FILE PERIOD [BY [total]]
    python3 tests/oracle/survivors.py gen SEED CUSTOMERS

FILE is an order log (customer_id, date, amount, and the column BY);
PERIOD month, quarter or year (calendar). For each group (BY's value of
the customer's earliest order; "(all)" over every customer with
"total") it prints one line

    GROUP<TAB>COHORTS<TAB>OBSERVED

COHORTS as tests/oracle/sbg.py reads them (cohorts by first paying
period, oldest first, ';' between them, each its survivor counts ':'
separated: customers, then those who paid in every period from their
first through 1, 2, ... periods later, up to the data's last period),
OBSERVED the pooled observed survival for t = 1, 2, ... up to the
longest observed age, ':' separated, as fractions of integers.

Nothing is shared with lib/: the dates are read with datetime, a
customer's paying periods are a Python set of (year, index) pairs turned
into consecutive numbers, its run of consecutive periods counted from
the first by set membership.

"gen" writes a seeded order log of CUSTOMERS customers over 2023-01 ..
2024-12 with channel and amount, each customer's lifetime drawn from an
sBG by inversion, some gaps after the churn (returns that must not count)
and some orders of 0 (which pay nothing), in shuffled row order.
"""
import csv
import datetime
import random
import sys
from fractions import Fraction


def period_of(s, period):
    d = datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    if d.tzinfo is not None:
        d = d.astimezone(datetime.timezone.utc)
    per_year = {"month": 12, "quarter": 4, "year": 1}[period]
    return d.year * per_year + (d.month - 1) * per_year // 12


def survivors(path, period, by=None, total=False):
    paid = {}        # customer -> set of periods with amount > 0
    first = {}       # customer -> (date string as datetime, group)
    last = None
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            p = period_of(row["date"], period)
            last = p if last is None or p > last else last
            when = datetime.datetime.fromisoformat(row["date"].replace("Z", "+00:00"))
            cid = row["customer_id"]
            g = row[by] if by else ""
            if cid not in first or when < first[cid][0]:
                first[cid] = (when, g)
            if Fraction(row["amount"]) > 0:
                paid.setdefault(cid, set()).add(p)
    groups = {}
    for cid, ps in paid.items():
        c = min(ps)
        life = 0
        while c + life in ps:
            life += 1
        keys = [first[cid][1]] + (["(all)"] if total else [])
        for k in keys:
            groups.setdefault(k, {}).setdefault(c, []).append(life)
    out = []
    for k in sorted(g for g in groups if g != "(all)") + \
            (["(all)"] if "(all)" in groups else []):
        cohorts = []
        for c in sorted(groups[k]):
            n = last - c
            cohorts.append([sum(1 for L in groups[k][c] if L > a)
                            for a in range(n + 1)])
        maxage = max(len(x) - 1 for x in cohorts)
        obs = []
        for t in range(1, maxage + 1):
            seen = [x for x in cohorts if len(x) - 1 >= t]
            obs.append("%d/%d" % (sum(x[t] for x in seen), sum(x[0] for x in seen)))
        out.append("%s\t%s\t%s" % (k, ";".join(":".join(map(str, x)) for x in cohorts),
                                   ":".join(obs)))
    return out


def gen(seed, n):
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        ch = rng.choice(["ads", "email"])
        a, b = (0.7, 1.2) if ch == "ads" else (0.7, 3.8)
        start = rng.randrange(0, 20)
        theta = rng.betavariate(a, b)
        life = 1
        while rng.random() > theta and start + life < 24:
            life += 1
        months = list(range(start, start + life))
        if rng.random() < 0.2 and start + life + 1 < 24:
            months.append(rng.randrange(start + life + 1, 24))   # a return
        for m in months:
            amount = "0" if rng.random() < 0.03 else "%d.%02d" % (rng.randrange(10, 500), rng.randrange(100))
            rows.append("c%04d,%04d-%02d-%02dT%02d:00:00Z,%s,%s" % (
                i, 2023 + m // 12, m % 12 + 1, rng.randrange(1, 29),
                rng.randrange(24), amount, ch))
            if amount == "0":    # a zero order is no payment: pay that month too, or not
                if rng.random() < 0.5:
                    rows.append("c%04d,%04d-%02d-28T12:00:00Z,5,%s" % (i, 2023 + m // 12, m % 12 + 1, ch))
    rng.shuffle(rows)
    print("customer_id,date,amount,channel")
    print("\n".join(rows))


def main():
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]))
        return
    by = sys.argv[3] if len(sys.argv) > 3 else None
    total = len(sys.argv) > 4 and sys.argv[4] == "total"
    print("\n".join(survivors(sys.argv[1], sys.argv[2], by, total)))


if __name__ == "__main__":
    main()
