"""--stale, read independently of the C tools, for the leads oracles.

Written from kpikit(7), "Stages": as of ASOF, a lead that exists (created
by then), is not lost by then and has not reached the last stage by then,
whose latest stage timestamp by then is more than DAYS before ASOF, is
lost at that timestamp plus DAYS.
"""
import datetime as dt
from fractions import Fraction


def stale_lost(ts, lost, asof, days):
    """The lost time of a lead with stage times TS and lost time LOST."""
    if days is None:
        return lost
    if ts[0] is not None and ts[0] > asof:
        return lost
    if lost is not None and lost <= asof:
        return lost
    if ts[-1] is not None and ts[-1] <= asof:
        return lost
    seen = [t for t in ts if t is not None and t <= asof]
    if not seen:
        return lost
    quiet = asof - max(seen)
    # Exact: whole milliseconds against a fraction of a day.
    quiet_ms = quiet // dt.timedelta(milliseconds=1)
    limit_ms = Fraction(days) * 86400000
    if quiet_ms > limit_ms:
        return max(seen) + dt.timedelta(milliseconds=round(limit_ms))
    return lost
