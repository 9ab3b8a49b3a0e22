/* See LICENSE file for copyright and license details. */
#ifndef KPI_BIZHOURS_H
#define KPI_BIZHOURS_H

#include "date.h"

/*
** Working time: how much of an interval falls within business hours, for
** durations that should not count nights and weekends (cycle-length
** --business-hours). One daily window [open, close) on a set of weekdays,
** the same window every working day.
**
** Time zone: kpikit has no time-zone notion (lib/date.h: every date is
** converted to UTC so that zones never leak into a result), and so the
** window is read in UTC too: a team in Berlin working 09:00-17:00 local
** time in winter writes 08:00-16:00. Holidays, breaks and overnight
** shifts are not modelled.
*/
struct bizhours {
	int64_t open_ms, close_ms;   /* the daily window, ms after midnight,
	                                0 <= open < close <= 24 h */
	unsigned char workday[7];    /* 1 for working days, Monday = 0 */
	int64_t week_ms;             /* working ms in a whole week */
	int64_t before_ms[7];        /* working ms from Monday 00:00 to the
	                                start of each day */
};

/*
** Parse SPEC, "HH:MM-HH:MM,DAY-DAY" ("09:00-17:00,mon-fri",
** "08:30-18:00,mon-sat"), into *BH. Times are 00:00 to 24:00 (24:00 only
** as the close), the close after the open; days are the English
** three-letter names (mon ... sun, any case), a range running forward
** through the week and wrapping past Sunday ("sun-thu" is Sunday to
** Thursday), or one day alone ("sat"). Returns NULL, or a constant text
** saying what is wrong (then *BH is unusable).
*/
const char *bizhours_parse(const char *spec, struct bizhours *bh);

/*
** The working milliseconds from A to B (UTC, ms since the epoch): the
** length of the part of [A, B) inside the working window of a working
** day. Negative when B is before A (the working time from B to A, with
** its sign turned), 0 when A = B or both lie outside working time with
** none between. A Friday 16:00 to Monday 10:00 under 09:00-17:00 on
** Monday to Friday is 2 h.
**
** Method, O(1) whatever the length: with W(t) the working time from a
** fixed Monday 00:00 UTC (1970-01-05) to t, the result is W(B) - W(A).
** W(t) = whole weeks x the working time of a week + the working time of
** the week's days before t's day + the part of t's day's window before
** t; weeks and days are counted with floor division, so times before
** 1970 work too. Exact (integer arithmetic) for every time kpikit reads
** (years 0001-9999).
*/
int64_t bizhours_between(const struct bizhours *bh, kpi_time a, kpi_time b);

#endif
