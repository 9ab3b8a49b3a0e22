#!/usr/bin/env python3
"""An independent reference for retention(1), written from its man page.

Where the tool keeps sorted cells per customer and walks them once, this
script asks, for every period and every customer, "what did it pay here,
and when did it last pay before?" from a plain dict, and for
subscriptions tests each subscription against the period's last day
(running at the end of the period) with calendar dates, not period
numbers. Money is decimal.Decimal, so the bridge sums are exact.

  retention.py gen orders SEED N         an order log of N customers
  retention.py gen subs SEED N           a subscription table
  retention.py check MODE OUT.csv IN.csv [opts]
      MODE bridge, rates or cohorts; OUT the tool's output (--precision
      12 for rates and cohorts); opts: subs, period=month|quarter|year,
      fy=M, window=N, by=COL, total
  retention.py boot OUT.csv              the bootstrap intervals of a
      --rates output contain their point estimates and lo <= hi
Prints ok/FAIL lines.
"""
import calendar
import csv
import datetime
import random
import sys
from decimal import Decimal, ROUND_HALF_EVEN
from statistics import NormalDist

MICRO = Decimal("0.000001")


def gen(kind, seed, n):
    rng = random.Random(seed)
    w = csv.writer(sys.stdout, lineterminator="\n")
    base = datetime.date(2023, 1, 1)
    if kind == "orders":
        w.writerow(["customer_id", "date", "amount", "channel"])
        rows = []
        for c in range(n):
            chan = rng.choice(["ads", "email", "organic"])
            first = rng.randrange(0, 600)
            day = first
            while day < 760:
                amt = rng.choice(["0", "%d.%02d" % (rng.randrange(1, 500),
                                                     rng.randrange(100)),
                                  str(rng.randrange(1, 300))])
                if rng.random() < 0.03:
                    amt = "0"
                rows.append(["C%d" % c, (base + datetime.timedelta(day))
                             .isoformat(), amt, chan])
                # Sometimes a second order within days, sometimes a gap
                # of months (reactivations), sometimes a stop.
                r = rng.random()
                if r < 0.1:
                    break
                day += rng.choice([1, 3, 20, 31, 33, 45, 70, 120, 200])
                if rng.random() < 0.3:
                    chan = rng.choice(["ads", "email", "organic"])
        rng.shuffle(rows)
        w.writerows(rows)
    else:
        w.writerow(["customer_id", "start", "end", "amount", "interval",
                    "plan"])
        for c in range(n):
            t = rng.randrange(0, 500)
            for _ in range(rng.choice([1, 1, 2, 3])):
                start = base + datetime.timedelta(t)
                r = rng.random()
                if r < 0.35:
                    end = ""
                elif r < 0.45:
                    # starts and ends in the same month, sometimes
                    end = (start + datetime.timedelta(rng.randrange(0, 10))
                           ).isoformat()
                else:
                    end = (start + datetime.timedelta(rng.randrange(20, 400))
                           ).isoformat()
                iv = rng.choice(["month", "month", "year", "Year"])
                amt = rng.choice(["0", "100", "49.99", "1200", "999.95",
                                  "%d" % rng.randrange(1, 3000)])
                w.writerow(["S%d" % c, start.isoformat(), end, amt, iv,
                            rng.choice(["basic", "pro"])])
                t += rng.randrange(0, 300)


def parse_date(s):
    s = s.strip()
    if "T" in s:
        assert s.endswith("Z"), s
        s = s[:10]
    return datetime.date.fromisoformat(s)


def month_index(d):
    return d.year * 12 + d.month - 1


def label(mi, period, fy):
    """The label of the period holding month index MI."""
    y, m = divmod(mi, 12)
    m += 1
    if period == "month":
        return "%04d-%02d" % (y, m)
    # months since the fiscal year's start; the year named by its end
    k = (m - fy) % 12
    fyear = y if fy == 1 else (y + 1 if m >= fy else y)
    if period == "quarter":
        return "%04d-Q%d" % (fyear, k // 3 + 1)
    return "%04d" % fyear


def last_day(mi):
    y, m = divmod(mi, 12)
    return datetime.date(y, m + 1, calendar.monthrange(y, m + 1)[1])


class Data:
    def __init__(self, path, opts):
        self.period = opts.get("period", "month")
        self.fy = int(opts.get("fy", 1))
        self.subs = "subs" in opts
        by = opts.get("by")
        rows = list(csv.DictReader(open(path, newline="")))
        # the periods, as lists of month indexes, in order
        dates = []
        first_row = {}          # customer -> (date, index, by value)
        if self.subs:
            self.subscriptions = []
            for i, r in enumerate(rows):
                s = parse_date(r["start"])
                e = parse_date(r["end"]) if r["end"].strip() else None
                a = Decimal(r["amount"])
                if r["interval"].lower() == "year":
                    a = (a / 12).quantize(MICRO, rounding=ROUND_HALF_EVEN)
                self.subscriptions.append((r["customer_id"], s, e, a))
                dates.append(s)
                if e:
                    dates.append(e)
                key = (s, i)
                if r["customer_id"] not in first_row or \
                        key < first_row[r["customer_id"]][:2]:
                    first_row[r["customer_id"]] = (s, i, r.get(by))
        else:
            self.orders = []
            for i, r in enumerate(rows):
                d = parse_date(r["date"])
                self.orders.append((r["customer_id"], d,
                                    Decimal(r["amount"])))
                dates.append(d)
                key = (d, i)
                if r["customer_id"] not in first_row or \
                        key < first_row[r["customer_id"]][:2]:
                    first_row[r["customer_id"]] = (d, i, r.get(by))
        self.group = {c: (v[2] if by else "") for c, v in first_row.items()}
        lastm = month_index(max(dates))
        firstm = month_index(min(dates)) - 12
        self.labels = []        # period labels in order
        self.months = {}        # label -> its month indexes
        for mi in range(firstm, lastm + 1):
            lab = label(mi, self.period, self.fy)
            if lab not in self.months:
                self.labels.append(lab)
                self.months[lab] = []
            self.months[lab].append(mi)
        self.last = label(lastm, self.period, self.fy)
        self.labels = self.labels[:self.labels.index(self.last) + 1]
        # amount[(customer, label)]
        self.amount = {}
        if self.subs:
            for lab in self.labels:
                # MRR at the end of the period: its last month's last day
                # (for the data's last period, too: a running subscription
                # runs on)
                endday = last_day(self.months[lab][-1])
                if self.months[lab][-1] > lastm:
                    endday = last_day(self.months[lab][-1])
                for c, s, e, a in self.subscriptions:
                    if s <= endday and (e is None or e > endday):
                        k = (c, lab)
                        self.amount[k] = self.amount.get(k, 0) + a
        else:
            for c, d, a in self.orders:
                k = (c, label(month_index(d), self.period, self.fy))
                self.amount[k] = self.amount.get(k, 0) + a
        self.amount = {k: v for k, v in self.amount.items() if v > 0}
        paying = sorted({lab for (_, lab) in self.amount},
                        key=self.labels.index)
        self.labels = self.labels[self.labels.index(paying[0]):]
        self.customers = sorted(first_row)

    def amt(self, c, i):
        return self.amount.get((c, self.labels[i]), Decimal(0)) if i >= 0 \
            else Decimal(0)


def bridge(data, window):
    """{(label, group): dict of columns}, with lists of per-customer
    parts for the rates."""
    out = {}
    for i, lab in enumerate(data.labels):
        for c in data.customers:
            g = data.group[c]
            prev, cur = data.amt(c, i - 1), data.amt(c, i)
            earlier = [j for j in range(i) if data.amt(c, j) > 0]
            for key in ((lab, g), (lab, None)):
                row = out.setdefault(key, dict(
                    start=Decimal(0), new=Decimal(0), expansion=Decimal(0),
                    contraction=Decimal(0), churn=Decimal(0),
                    reactivation=Decimal(0), end=Decimal(0),
                    customers_start=0, new_customers=0, churned_customers=0,
                    reactivated_customers=0, customers_end=0, active=False))
                if prev > 0:
                    row["start"] += prev
                    row["customers_start"] += 1
                if cur > 0:
                    row["end"] += cur
                    row["customers_end"] += 1
                if prev > 0 or cur > 0:
                    row["active"] = True
                if prev == 0 and cur > 0:
                    gap = i - earlier[-1] - 1 if earlier else None
                    if gap is None or (window is not None and gap > window):
                        row["new"] += cur
                        row["new_customers"] += 1
                    else:
                        row["reactivation"] += cur
                        row["reactivated_customers"] += 1
                elif prev > 0 and cur == 0:
                    row["churn"] += prev
                    row["churned_customers"] += 1
                elif prev > 0 and cur > prev:
                    row["expansion"] += cur - prev
                elif prev > 0 and cur < prev:
                    row["contraction"] += prev - cur
    return out


def group_first(data):
    """The first period index of each group (and None: all)."""
    first = {}
    for (c, lab) in data.amount:
        i = data.labels.index(lab)
        for g in (data.group[c], None):
            first[g] = min(first.get(g, i), i)
    return first


def wilson(k, n):
    if n == 0:
        return None, None
    z = NormalDist().inv_cdf(0.975)
    p = k / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z / den * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5
    return max(0.0, centre - half), min(1.0, centre + half)


def ratio(a, b):
    return None if b == 0 else float(a) / float(b)


def expected(mode, data, opts):
    window = int(opts["window"]) if "window" in opts else None
    groups = sorted({data.group[c] for c in data.customers})
    if "by" not in opts:
        groups = [""]
    keys = groups + ([None] if "total" in opts else [])
    rows = []
    if mode in ("bridge", "rates"):
        b = bridge(data, window)
        first = group_first(data)
        py = {"month": 12, "quarter": 4, "year": 1}[data.period]
        # Group by group (the total last), each by period, as the tool.
        for g in keys:
            for i, lab in enumerate(data.labels):
                gk = g if g != "" else ""
                if i < first[g if "by" in opts else None]:
                    continue
                r = b[(lab, g if "by" in opts else None)] if g is not None \
                    else b[(lab, None)]
                row = {"period": lab}
                if "by" in opts:
                    row[opts["by"]] = "(all)" if g is None else gk
                if mode == "bridge":
                    for k in ("start", "new", "expansion", "contraction",
                              "churn", "reactivation", "end",
                              "customers_start", "new_customers",
                              "churned_customers", "reactivated_customers",
                              "customers_end"):
                        row[k] = r[k]
                else:
                    down = r["contraction"] + r["churn"]
                    lo, hi = wilson(r["churned_customers"],
                                    r["customers_start"])
                    ago = Decimal(0)
                    if i - py >= 0:
                        ago = b[(data.labels[i - py],
                                 g if "by" in opts else None)]["end"]
                    row.update(
                        customers_start=r["customers_start"],
                        churned_customers=r["churned_customers"],
                        logo_churn=ratio(r["churned_customers"],
                                         r["customers_start"]),
                        logo_churn_lo=lo, logo_churn_hi=hi,
                        grr=ratio(r["start"] - down, r["start"]),
                        nrr=ratio(r["start"] + r["expansion"] - down,
                                  r["start"]),
                        quick_ratio=ratio(r["new"] + r["expansion"], down),
                        quick_ratio_reactivation=ratio(
                            r["new"] + r["reactivation"] + r["expansion"],
                            down),
                        growth=ratio(r["end"] - r["start"], r["start"]),
                        growth_yoy=ratio(r["end"] - ago, ago))
                rows.append(row)
    else:
        cohort = {}
        for (c, lab) in data.amount:
            i = data.labels.index(lab)
            cohort[c] = min(cohort.get(c, i), i)
        for g in keys:
            for ci, coh in enumerate(data.labels):
                members = [c for c in data.customers
                           if (g is None or "by" not in opts or
                               data.group[c] == g) and
                           cohort.get(c) == ci]
                if not members:
                    continue
                rev0 = sum(data.amt(c, ci) for c in members)
                for a in range(len(data.labels) - ci):
                    ret = [c for c in members if data.amt(c, ci + a) > 0]
                    rev = sum((data.amt(c, ci + a) for c in members),
                              Decimal(0))
                    lo, hi = wilson(len(ret), len(members))
                    row = {"cohort": coh}
                    if "by" in opts:
                        row[opts["by"]] = "(all)" if g is None else g
                    row.update(age=a, customers=len(members),
                               retained=len(ret),
                               rate=len(ret) / len(members),
                               rate_lo=lo, rate_hi=hi, revenue=rev,
                               revenue_retained=ratio(rev, rev0))
                    rows.append(row)
    return rows


def same(want, got):
    if want is None:
        return got == ""
    if isinstance(want, Decimal):
        return got != "" and Decimal(got) == want.normalize()
    if isinstance(want, int):
        return got == str(want)
    if isinstance(want, float):
        return got != "" and abs(float(got) - want) <= 1e-9 * max(1, abs(want))
    return got == str(want)


def check(mode, outpath, inpath, opts):
    data = Data(inpath, opts)
    want = expected(mode, data, opts)
    got = list(csv.DictReader(open(outpath, newline="")))
    name = "%s %s" % (mode, " ".join("%s=%s" % kv if kv[1] is not True
                                      else kv[0] for kv in opts.items()))
    if len(want) != len(got):
        print("FAIL %s: %d rows, oracle %d" % (name, len(got), len(want)))
        return
    bad = 0
    for w, g in zip(want, got):
        for k, v in w.items():
            if k not in g or not same(v, g[k]):
                if bad < 5:
                    print("  %s row %s: %s = %r, oracle %r" % (
                        name, w.get("period", w.get("cohort")), k,
                        g.get(k), v))
                bad += 1
    if bad:
        print("FAIL %s: %d values differ" % (name, bad))
    else:
        print("ok %s: %d rows, %d values" % (name, len(want),
                                              sum(len(w) for w in want)))


def boot(outpath):
    rows = list(csv.DictReader(open(outpath, newline="")))
    bad = n = 0
    for r in rows:
        for s in ("grr", "nrr", "quick_ratio", "quick_ratio_reactivation"):
            if r[s] == "":
                if r[s + "_lo"] != "" or r[s + "_hi"] != "":
                    bad += 1
                continue
            n += 1
            lo, hi, x = float(r[s + "_lo"]), float(r[s + "_hi"]), float(r[s])
            if not (lo <= x + 1e-9 and x <= hi + 1e-9):
                if bad < 5:
                    print("  %s %s: %s not in [%s, %s]" % (
                        r["period"], s, x, lo, hi))
                bad += 1
    print("%s bootstrap intervals hold their estimates: %d intervals%s" % (
        "FAIL" if bad or n == 0 else "ok", n,
        ", %d bad" % bad if bad else ""))


def main():
    a = sys.argv[1:]
    if a[0] == "gen":
        gen(a[1], int(a[2]), int(a[3]))
    elif a[0] == "check":
        opts = {}
        for o in a[4:]:
            k, _, v = o.partition("=")
            opts[k] = v if v else True
        check(a[1], a[2], a[3], opts)
    elif a[0] == "boot":
        boot(a[1])


main()
