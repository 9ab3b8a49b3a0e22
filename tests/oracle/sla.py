#!/usr/bin/env python3
"""An independent reference for cycle-length --sla and --business-hours.

Written from man/cycle-length.1, sharing no code with the C tools. Which
rows are in the cycle, won, lost or open, and when they started and ended,
comes from cycle_length.py (the oracle of the other columns, itself written
from the man page). From there this computes every column of a group's row:

  - durations: end - start, or with --business-hours the working time,
    counted the slow obvious way: minute by minute from the start to the
    end, each minute of the clock that lies on a working day inside the
    daily window adding the part of it within [start, end) (the windows
    are whole minutes, so a minute is all in or all out); UTC throughout.
    Spans over 20 days (months-old open leads of the example company)
    take each whole day inside them as the minute-by-minute total of its
    weekday, counted once and reused, so that a run takes seconds, not
    minutes; the generated table of tests/sla.test has none that long;
  - the cycle columns from them (cycle_length.figures(): type-7
    quantiles, exact fractions), and the Kaplan-Meier columns
    (km_within.km_within(), exact fractions, Greenwood, R's log interval);
  - --sla: won with a duration <= SLA within, > SLA breached (won rows
    whose dates go back have no duration and are left out); every lost row
    breached; open rows aged (working time from start to --asof, or the
    latest timestamp) > SLA breached, else pending. eligible = within +
    breached; sla_rate = within / eligible and its Wilson score interval
    (z = NormalDist().inv_cdf(0.975)); sla_km = the KM chance of reaching
    --to within the SLA, as a --within column at the SLA.

Usage:

    sla.py compare TOOL_OUTPUT.csv -- [cycle-length options] FILE...

--sla D (24h, 2d, 90m, 1w), --business-hours HH:MM-HH:MM,DAY[-DAY],
--within, --km, --include-lost, --by, --period, --total, --asof, --unit,
--stages, --from, --to are understood; --jobs N is ignored. Prints one
"ok ..." line, or a "FAIL ..." line per wrong row; counts must be equal,
other values within 5.01e-7 and empty exactly when undefined here.
"""
import csv
import datetime as dt
import math
import os
import re
import statistics
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cycle_length import UNITS, figures, parse_args, read_rows  # noqa: E402
from km_within import km_within  # noqa: E402

TOLERANCE = 5.01e-7
Z = statistics.NormalDist().inv_cdf(0.975)
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MS_PER_DAY = 86400000
SUFFIX_MS = {"m": 60000, "h": 3600000, "d": MS_PER_DAY, "w": 7 * MS_PER_DAY}


def parse_hours(spec):
    """(open minute, close minute, set of weekdays, Monday 0)."""
    m = re.fullmatch(r"(\d\d):(\d\d)-(\d\d):(\d\d),(\w{3})(?:-(\w{3}))?",
                     spec)
    opens = int(m.group(1)) * 60 + int(m.group(2))
    closes = int(m.group(3)) * 60 + int(m.group(4))
    first = DAYS.index(m.group(5).lower())
    last = DAYS.index((m.group(6) or m.group(5)).lower())
    days = {first}
    d = first
    while d != last:
        d = (d + 1) % 7
        days.add(d)
    return opens, closes, days


def ms(t):
    """Milliseconds since the epoch of an aware datetime."""
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return (t - epoch) // dt.timedelta(milliseconds=1)


def working_ms(hours, a, b):
    """Working ms in [a, b), a <= b in ms, minute by minute."""
    opens, closes, days = hours
    total = 0
    minute = a // 60000
    while minute * 60000 < b:
        day = minute // 1440
        weekday = (day + 3) % 7          # 1970-01-01 was a Thursday
        of_day = minute % 1440
        if weekday in days and opens <= of_day < closes:
            lo = max(minute * 60000, a)
            hi = min(minute * 60000 + 60000, b)
            total += hi - lo
        minute += 1
    return total


def working_ms_long(hours, a, b):
    """working_ms() for spans of months: the same minute-by-minute count,
    with each whole day between the first and the last taken as the
    minute-by-minute total of its weekday (counted once, then reused)."""
    first_end = (a // MS_PER_DAY + 1) * MS_PER_DAY
    last_start = (b // MS_PER_DAY) * MS_PER_DAY
    if first_end >= last_start:
        return working_ms(hours, a, b)
    total = working_ms(hours, a, first_end) + \
        working_ms(hours, last_start, b)
    for day in range(first_end // MS_PER_DAY, last_start // MS_PER_DAY):
        weekday = (day + 3) % 7
        if weekday not in WHOLE_DAY:
            WHOLE_DAY[weekday] = working_ms(hours, day * MS_PER_DAY,
                                            (day + 1) * MS_PER_DAY)
        total += WHOLE_DAY[weekday]
    return total


WHOLE_DAY = {}


def duration(o, a, b):
    """Days (a Fraction) from datetime a to datetime b."""
    if o["hours"] is None:
        return Fraction(ms(b) - ms(a), MS_PER_DAY)
    a, b = ms(a), ms(b)
    if b - a <= 20 * MS_PER_DAY:
        return Fraction(working_ms(o["hours"], a, b), MS_PER_DAY)
    return Fraction(working_ms_long(o["hours"], a, b), MS_PER_DAY)


def wilson(k, n):
    if n == 0:
        return None, None, None
    p = Fraction(k, n)
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z / (1 + Z * Z / n) * math.sqrt(p * (1 - p) / n +
                                           Z * Z / (4 * n * n))
    return p, centre - half, centre + half


def close(got, want):
    if want is None:
        return got == ""
    return got != "" and abs(float(got) - float(want)) <= TOLERANCE


def main(argv):
    if len(argv) < 4 or argv[1] != "compare" or argv[3] != "--":
        sys.exit(__doc__)
    args, within, sla, hours = [], [], None, None
    i = 4
    while i < len(argv):
        a = argv[i]
        if a == "--within":
            within += argv[i + 1].split(",")
            i += 2
        elif a == "--sla":
            m = re.fullmatch(r"([0-9.]+)([mhdw])", argv[i + 1])
            sla = round(Fraction(m.group(1)) * SUFFIX_MS[m.group(2)])
            i += 2
        elif a == "--business-hours":
            hours = parse_hours(argv[i + 1])
            i += 2
        elif a == "--jobs":
            i += 2
        else:
            args.append(a)
            i += 1
    label = " ".join(argv[4:])
    o = parse_args(args)
    o["hours"] = hours
    unit = UNITS[o["unit"]]
    u = o["unit"]

    rows, latest = read_rows(o)
    asof = o["asof"] if o["asof"] is not None else latest
    nkey = len(o["by"]) + (1 if o["period"] else 0)
    groups = {}

    def group(key):
        return groups.setdefault(key, {"won": 0, "lost": 0, "open": 0,
                                       "closed": [], "handled": [],
                                       "ages": []})
    for rec, key, status, start, end, duplicate in rows:
        if duplicate or status is None:
            continue
        gs = [group(key)] + ([group(("(all)",) * nkey)] if o["total"] and nkey
                              else [])
        for g in gs:
            g[status] += 1
            if status == "open":
                g["ages"].append(duration(o, start, asof))
            elif end is not None:
                d = duration(o, start, end)
                if status == "won":
                    g["handled"].append(d)
                if status == "won" or o["include_lost"]:
                    g["closed"].append(d)
    if nkey == 0 and not groups:
        group(())

    want_header = o["by"] + (["period"] if o["period"] else []) + \
        ["won", "lost", "open"] + \
        ["%s_%s" % (s, u) for s in ("mean", "median", "p25", "p75", "p90",
                                    "min", "max", "stddev")] + \
        (["km_median_" + u, "km_p75_" + u, "km_events"] if o["km"] else [])
    for d in within:
        name = "within_%s%s" % (format(float(d), ".15g"), u[0])
        want_header += [name, name + "_lo", name + "_hi"]
    if sla is not None:
        want_header += ["eligible", "within_sla", "breached", "pending",
                        "sla_rate", "sla_rate_lo", "sla_rate_hi", "sla_km",
                        "sla_km_lo", "sla_km_hi"]
    with open(argv[2], newline="") as f:
        table = list(csv.reader(f))
    header, body = table[0], table[1:]
    if header != want_header:
        print("FAIL oracle sla [%s]: header %s, want %s"
              % (label, header, want_header))
        return 1
    got_keys = [tuple(r[:nkey]) for r in body]
    want_keys = sorted(k for k in groups if k != ("(all)",) * nkey or
                       nkey == 0)
    if o["total"] and nkey:
        want_keys.append(("(all)",) * nkey)
    if got_keys != want_keys:
        print("FAIL oracle sla [%s]: groups %s, want %s"
              % (label, got_keys, want_keys))
        return 1

    failures = 0
    for r in body:
        g = groups[tuple(r[:nkey])]
        counts = [g["won"], g["lost"], g["open"]]
        values = figures(o, g["closed"], g["ages"])
        if o["km"]:
            counts_km = len(g["closed"])
        for d in within:
            values += list(km_within(g["closed"], g["ages"],
                                     Fraction(d) * unit))
        sla_counts = []
        if sla is not None:
            limit = Fraction(sla, MS_PER_DAY)
            inside = sum(1 for d in g["handled"] if d <= limit)
            breached = len(g["handled"]) - inside + g["lost"] + \
                sum(1 for a in g["ages"] if a > limit)
            pending = sum(1 for a in g["ages"] if a <= limit)
            sla_counts = [inside + breached, inside, breached, pending]
            values += list(wilson(inside, inside + breached))
            values += list(km_within(g["closed"], g["ages"], limit))
        got = r[nkey:]
        want_ints = counts + ([counts_km] if o["km"] else []) + sla_counts
        got_ints = got[:3] + (got[13:14] if o["km"] else [])
        if sla is not None:
            got_ints += got[len(got) - 10:len(got) - 6]
        got_values = got[3:]
        if o["km"]:
            got_values = got_values[:10] + got_values[11:]
        if sla is not None:
            got_values = got_values[:len(got_values) - 10] + \
                got_values[len(got_values) - 6:]
        ok = [int(v) for v in got_ints] == want_ints and \
            len(got_values) == len(values) and \
            all(close(a, b) for a, b in zip(got_values, values))
        if not ok:
            failures += 1
            print("FAIL oracle sla [%s] %s: got %s, want %s %s"
                  % (label, r[:nkey], got, want_ints,
                     [None if v is None else round(float(v), 7)
                      for v in values]))
    if not body:
        failures += 1
        print("FAIL oracle sla [%s]: no rows" % label)
    if not failures:
        print("ok oracle sla %s (%d rows)" % (label, len(body)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
