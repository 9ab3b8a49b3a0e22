#!/usr/bin/env python3
"""An independent reference for attribute(1), written from its man page.

    attribute.py gen SEED N [paths]       a touch log of N leads (or, with
                                          'paths', a path aggregate) on stdout
    attribute.py check OUT.csv FILE [lookback=D] [half_life=H] [order=K]
        [direct=NAME] [leads=FILE] [paths] [sep=S] [models=a,b]

check recomputes every model's credited conversions, value and share and
prints "ok ..." or "FAIL ...". Its methods differ from lib/attribution.c:
journeys are lists built per lead in a dict; the rule-based shares come
from each model's definition written as key positions; time decay is
0.5 ** (age / half-life) in days straight from the timestamps; the Markov
chain is solved in exact rational arithmetic (fractions.Fraction,
Gauss-Jordan); and the Shapley value is the coalition formula summed over
every subset of channels, not the closed form.
"""
import csv
import datetime as dt
import itertools
import math
import random
import sys
from fractions import Fraction

MODELS = ["first", "last", "last_non_direct", "linear", "position",
          "w_shaped", "full_path", "time_decay", "markov", "shapley"]


def parse_time(s):
    s = s.strip()
    if len(s) == 10:
        return dt.datetime.strptime(s, "%Y-%m-%d").replace(
            tzinfo=dt.timezone.utc)
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def gen(seed, n, paths):
    rnd = random.Random(seed)
    chans = ["direct", "email", "events", "paid_search", "paid_social",
             "referral", "webinar"][:rnd.randint(3, 7)]
    t0 = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    if paths:
        agg = {}
        for _ in range(n):
            p = " > ".join(rnd.choice(chans)
                           for _ in range(rnd.randint(1, 4)))
            c, v, u = agg.get(p, (0, 0, 0))
            conv = rnd.random() < 0.4
            agg[p] = (c + conv, v + (rnd.randint(1, 50) * 10 if conv else 0),
                      u + (not conv))
        print("path,total_conversions,total_conversion_value,total_null")
        for p, (c, v, u) in agg.items():
            print("%s,%d,%d,%d" % (p, c, v, u))
        return
    rows = []
    for i in range(n):
        lid = "U%04d" % rnd.randint(0, 10 * n)
        start = t0 + dt.timedelta(minutes=rnd.randint(0, 200000))
        k = rnd.randint(1, 5)
        times = sorted(start + dt.timedelta(minutes=rnd.randint(0, 90000))
                       for _ in range(k))
        conv = None
        if rnd.random() < 0.45:
            conv = times[-1] + dt.timedelta(minutes=rnd.randint(0, 5000))
            if rnd.random() < 0.2 and k > 1:   # a touch after it
                conv = times[-2] + dt.timedelta(minutes=1)
        amount = rnd.randint(0, 400) * 5
        for j, t in enumerate(times):
            on = conv is not None and (j == 0 or rnd.random() < 0.5)
            rows.append([lid + "-%d" % i, t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         rnd.choice(chans),
                         conv.strftime("%Y-%m-%dT%H:%M:%SZ") if on else "",
                         str(amount) if on else ""])
    rnd.shuffle(rows)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["id", "touched_at", "channel", "customer_at", "amount"])
    w.writerows(rows)


def journeys_of_touches(path, opts):
    """(channels, times, conversion time or None, value) per journey."""
    conv = {}
    touches = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            touches.setdefault(r["id"], []).append(
                (parse_time(r["touched_at"]), r["channel"]))
            if "leads" not in opts and r.get("customer_at"):
                conv[r["id"]] = (parse_time(r["customer_at"]),
                                 float(r["amount"]))
    if "leads" in opts:
        with open(opts["leads"], newline="") as f:
            seen = set()
            for r in csv.DictReader(f):
                if r["id"] in seen:     # the first row of an id wins
                    continue
                seen.add(r["id"])
                if r["customer_at"]:
                    conv[r["id"]] = (parse_time(r["customer_at"]),
                                     float(r["amount"]))
    out = []
    lookback = float(opts.get("lookback", 0))
    for lid, ts in touches.items():
        ts.sort(key=lambda x: x[0])   # stable: ties keep the file's order
        c = conv.get(lid)
        end = c[0] if c else ts[-1][0]
        keep = [(t, ch) for t, ch in ts if t <= end and
                (lookback == 0 or (end - t).total_seconds() <=
                 lookback * 86400)]
        if keep:
            out.append(([ch for _, ch in keep], [t for t, _ in keep],
                        c[0] if c else None, c[1] if c else 0.0))
    return out


def paths_of_aggregate(path, opts):
    sep = opts.get("sep", " > ")
    out = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            chs = [c.strip() for c in r["path"].split(sep)]
            out.append((chs, float(r["total_conversions"]),
                        float(r.get("total_conversion_value") or 0),
                        float(r.get("total_null") or 0)))
    return out


def rule_shares(model, chs, direct):
    n = len(chs)
    if model == "first":
        return [1.0] + [0.0] * (n - 1)
    if model == "last":
        return [0.0] * (n - 1) + [1.0]
    if model == "last_non_direct":
        idx = [i for i, c in enumerate(chs) if c != direct]
        at = idx[-1] if idx else n - 1
        return [1.0 if i == at else 0.0 for i in range(n)]
    if model == "linear":
        return [1.0 / n] * n
    if model == "position":
        keys, key, rest = [0, n - 1], 0.4, 0.2
    elif model == "w_shaped":
        keys, key, rest = [0, (n - 1) // 2, n - 1], 0.3, 0.1
    elif model == "full_path":
        keys, key, rest = [0, (n - 1) // 3, 2 * (n - 1) // 3, n - 1], \
            0.225, 0.1
    keys = sorted(set(keys))
    if model == "position" and n == 2:
        return [0.5, 0.5]
    if n <= len(keys) and model != "position":
        return [1.0 / n] * n
    if n == 1:
        return [1.0]
    return [key if i in keys else rest / (n - len(keys)) for i in range(n)]


def markov_re(paths, k):
    """Removal effects by exact rational Gauss-Jordan."""
    trans, start = {}, {}
    for chs, conv, value, nul in paths:
        w = Fraction(conv) + Fraction(nul)
        if w == 0:
            continue
        states = [tuple(chs[max(0, i + 1 - k):i + 1]) for i in range(len(chs))]
        start[states[0]] = start.get(states[0], 0) + w
        for a, b in zip(states, states[1:]):
            trans.setdefault(a, {})
            trans[a][b] = trans[a].get(b, 0) + w
        last = trans.setdefault(states[-1], {})
        last["conv"] = last.get("conv", 0) + Fraction(conv)
        last["null"] = last.get("null", 0) + Fraction(nul)

    def p_conv(removed):
        live = [s for s in trans if removed is None or removed not in s]
        ix = {s: i for i, s in enumerate(live)}
        n = len(live)
        a = [[Fraction(0)] * (n + 1) for _ in range(n)]
        for s in live:
            i = ix[s]
            tot = sum(trans[s].values())
            a[i][i] += 1
            for t, w in trans[s].items():
                if t == "conv":
                    a[i][n] += w / tot
                elif t != "null" and t in ix:
                    a[i][ix[t]] -= w / tot
        for c in range(n):
            piv = next(r for r in range(c, n) if a[r][c] != 0)
            a[c], a[piv] = a[piv], a[c]
            pv = a[c][c]
            a[c] = [x / pv for x in a[c]]
            for r in range(n):
                if r != c and a[r][c] != 0:
                    f = a[r][c]
                    a[r] = [x - f * y for x, y in zip(a[r], a[c])]
        tot = sum(start.values())
        return sum(w * a[ix[s]][n] for s, w in start.items() if s in ix) / tot

    chans = sorted({c for chs, *_ in paths for c in chs})
    p = p_conv(None)
    return {c: (1 - p_conv(c) / p) if p > 0 else 0 for c in chans}


def shapley(paths, chans):
    """The coalition formula, summed over every subset."""
    n = len(chans)
    setval = {}
    for chs, conv, value, _ in paths:
        key = frozenset(chs)
        c, v = setval.get(key, (0, 0))
        setval[key] = (c + conv, v + value)

    def v(s, j):
        return sum(cv[j] for t, cv in setval.items() if t <= s)
    out = {}
    for c in chans:
        others = [x for x in chans if x != c]
        phi = [0.0, 0.0]
        for size in range(n):
            f = math.factorial(size) * math.factorial(n - size - 1) / \
                math.factorial(n)
            for s in itertools.combinations(others, size):
                s = frozenset(s)
                for j in (0, 1):
                    phi[j] += f * (v(s | {c}, j) - v(s, j))
        out[c] = phi
    return out


def expected(file, opts):
    direct = opts.get("direct", "direct")
    h = float(opts.get("half_life", 7))
    k = int(opts.get("order", 1))
    if "paths" in opts:
        paths = paths_of_aggregate(file, opts)
        journeys = None
    else:
        journeys = journeys_of_touches(file, opts)
        paths = [(chs, 1.0 if c else 0.0, v if c else 0.0,
                  0.0 if c else 1.0) for chs, ts, c, v in journeys]
    chans = sorted({c for chs, *_ in paths for c in chs})
    models = opts["models"].split(",") if "models" in opts else \
        [m for m in MODELS if not ("paths" in opts and m == "time_decay")]
    res = {}
    tconv = sum(p[1] for p in paths)
    tval = sum(p[2] for p in paths)
    for m in models:
        cr = {c: [0.0, 0.0] for c in chans}
        if m == "markov":
            re = markov_re(paths, k)
            s = sum(re.values())
            for c in chans:
                cr[c] = [float(tconv * re[c] / s) if s else 0.0,
                         float(tval * re[c] / s) if s else 0.0]
        elif m == "shapley":
            cr = shapley(paths, chans)
        elif m == "time_decay":
            for chs, ts, c, v in journeys:
                if c is None:
                    continue
                w = [0.5 ** ((c - t).total_seconds() / 86400 / h) for t in ts]
                for ch, x in zip(chs, w):
                    cr[ch][0] += x / sum(w)
                    cr[ch][1] += v * x / sum(w)
        else:
            for chs, conv, value, nul in paths:
                for ch, x in zip(chs, rule_shares(m, chs, direct)):
                    cr[ch][0] += conv * x
                    cr[ch][1] += value * x
        for c in chans:
            res[(m, c)] = (cr[c][0], cr[c][1],
                           cr[c][0] / tconv if tconv else None)
    return res


def close(a, b, tol):
    return abs(a - b) <= tol * max(1.0, abs(b))


def check(out, file, opts):
    want = expected(file, opts)
    got = {}
    with open(out, newline="") as f:
        for r in csv.DictReader(f):
            got[(r["model"], r["channel"])] = r
    tag = " ".join("%s=%s" % kv for kv in sorted(opts.items()))
    bad = []
    if set(got) != set(want):
        bad.append("rows %s, want %s" % (sorted(got), sorted(want)))
    for key, (c, v, s) in want.items():
        r = got.get(key)
        if r is None:
            continue
        if not close(float(r["conversions"]), c, 1e-9):
            bad.append("%s conversions %s, want %r" % (key, r["conversions"], c))
        if not close(float(r["value"]), v, 1e-9):
            bad.append("%s value %s, want %r" % (key, r["value"], v))
        if (r["share"] == "") != (s is None) or \
                (s is not None and not close(float(r["share"]), s, 1e-9)):
            bad.append("%s share %s, want %r" % (key, r["share"], s))
    n = len(want)
    if bad:
        print("FAIL %s: %d of %d rows against the reference (%s)" % (
            tag or "defaults", len(bad), n, "; ".join(bad[:5])))
    else:
        print("ok %s: %d rows (conversions, value, share) against the "
              "reference" % (tag or "defaults", n))


def main():
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]), "paths" in sys.argv[4:])
        return
    opts = {}
    for a in sys.argv[4:]:
        key, _, val = a.partition("=")
        opts[key] = val
    check(sys.argv[2], sys.argv[3], opts)


main()
