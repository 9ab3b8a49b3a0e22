/* See LICENSE file for copyright and license details. */
#ifndef KPI_SLA_H
#define KPI_SLA_H

#include <stddef.h>
#include <stdint.h>

/*
** A service-level agreement on a duration: "every lead handled within
** 24 hours" (cycle-length --sla). Rows are judged by what is known at an
** as-of time:
**   handled (reached the end stage) in at most the SLA   within
**   handled in more than the SLA                          breached
**   lost before it was handled (never reached the end)    breached
**   still open, older than the SLA                        breached
**   still open, at most the SLA old                       pending
** A pending row is neither a success nor a breach yet: it is counted, but
** left out of the rate. A lost row is a breach whenever it was lost: the
** SLA promises every row is handled in time, a lost row never was, and
** counting it otherwise would let a team raise its rate by disqualifying
** the rows it had not answered.
*/

/*
** Parse a duration such as 24h, 2d, 90m, 1w, 1.5h (a plain decimal, as
** num_parse() reads it, then one of m minutes, h hours, d days of 24 h,
** w weeks of 7 d) into *MS, whole milliseconds (rounded to nearest).
** It must be more than 0 ms (after rounding) and at most 10,000 days.
** Returns NULL, or a constant text saying what is wrong.
*/
const char *sla_parse_duration(const char *s, int64_t *ms);

struct sla_counts {
	uint64_t within;     /* handled in <= the SLA */
	uint64_t breached;   /* handled late, lost, or open past the SLA */
	uint64_t pending;    /* open, not past the SLA yet */
	double rate;         /* within / (within + breached); NaN over 0 */
	double lo, hi;       /* its Wilson interval at LEVEL; NaN over 0 */
};

/*
** Judge the rows against SLA (in the unit of the durations, ms say): the
** NHANDLED durations HANDLED of the rows that reached the end stage, the
** NLOST rows lost before it, and the NOPEN ages OPEN_AGES (as-of time -
** start) of the rows still open; any order. A duration or age equal to
** the SLA is within it (handled in exactly 24 h meets a 24 h SLA; an open
** row exactly 24 h old is still pending). rate and its Wilson score
** interval at LEVEL (lib/stats.h, 0.95 for 95%) are over within +
** breached. Time O(NHANDLED + NOPEN).
*/
void sla_count(struct sla_counts *c, double sla, const double *handled,
    size_t nhandled, uint64_t nlost, const double *open_ages, size_t nopen,
    double level);

#endif
