/* See LICENSE file for copyright and license details. */
#ifndef KPI_UNITS_H
#define KPI_UNITS_H

/*
** Units of time, one table for every tool that reports a duration or
** counts time in units (cycle-length --unit, clv --unit), so that a week
** or a month means the same everywhere:
**   hours   1/24 day
**   days    1 day (86,400,000 ms)
**   weeks   7 days
**   months  the mean Gregorian month, 365.2425 / 12 = 30.436875 days
**           (numpy's and pandas' month)
** A name may be given in the singular (day, week) too.
*/

/* Which tools take a unit: as a duration, or as the BTYD models' time. */
enum { UNITS_DURATION = 1 << 0, UNITS_BTYD = 1 << 1 };

struct unit {
	const char *name;      /* plural: the output columns' suffix */
	double ms;             /* milliseconds in one */
	double days;           /* days in one */
	unsigned kinds;        /* UNITS_* that take it */
};

/* The unit called NAME (plural or singular) among those of KINDS, or
** NULL. */
const struct unit *unit_find(const char *name, unsigned kinds);

#endif
