/* See LICENSE file for copyright and license details. */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "stats.h"
#include "survival.h"
#include "util.h"

void
km_estimate(struct km *km, const double *events, size_t nevents,
    const double *censored, size_t ncensored)
{
	size_t distinct = 0, i = 0, c = 0;
	uint64_t at_risk = (uint64_t)nevents + (uint64_t)ncensored;
	double surv = 1;

	km->step = NULL;
	km->n = 0;
	km->events = nevents;
	km->censored = ncensored;
	km->last_time = NAN;
	if (nevents > 0)
		km->last_time = events[nevents - 1];
	if (ncensored > 0 && !(censored[ncensored - 1] <= km->last_time))
		km->last_time = censored[ncensored - 1];

	for (size_t j = 0; j < nevents; j++)
		if (j == 0 || events[j] != events[j - 1])
			distinct++;
	if (distinct == 0)
		return;
	km->step = xreallocarray(NULL, distinct, sizeof *km->step);

	/*
	 * Walk the event times in order; before each, drop from the risk set
	 * the censorings strictly earlier (one at the same time is still at
	 * risk) and the events of the previous steps.
	 */
	while (i < nevents) {
		double t = events[i];
		uint64_t d = 0;

		while (c < ncensored && censored[c] < t) {
			c++;
			at_risk--;
		}
		while (i < nevents && events[i] == t) {
			i++;
			d++;
		}
		surv *= 1 - (double)d / (double)at_risk;
		km->step[km->n++] = (struct km_step){ t, at_risk, d, surv };
		at_risk -= d;
	}
}

double
km_surv(const struct km *km, double t)
{
	double surv = 1;

	for (size_t j = 0; j < km->n && km->step[j].time <= t; j++)
		surv = km->step[j].surv;
	return surv;
}

double
km_quantile(const struct km *km, double p)
{
	const double tol = sqrt(DBL_EPSILON);
	double level = 1 - p;
	size_t first, past;

	if (!(p > 0 && p < 1))
		return NAN;
	/* The first step down to the level, or within tolerance of it. */
	for (first = 0; first < km->n; first++)
		if (km->step[first].surv < level + tol)
			break;
	if (first == km->n)
		return NAN;
	/* The first step clearly below it. */
	for (past = first; past < km->n; past++)
		if (km->step[past].surv < level - tol)
			break;
	if (past == first)
		return km->step[first].time;
	/* S equals the level from step FIRST on: the midpoint of the flat. */
	if (past < km->n)
		return (km->step[first].time + km->step[past].time) / 2;
	return (km->step[first].time + km->last_time) / 2;
}

void
km_free(struct km *km)
{
	free(km->step);
	km->step = NULL;
	km->n = 0;
}

void
km_estimate_at(struct km *km, const double *events, size_t nevents,
    const double *starts, size_t nstarts, double asof)
{
	double *censored = xreallocarray(NULL, nstarts ? nstarts : 1,
	    sizeof *censored);

	for (size_t i = 0; i < nstarts; i++)
		censored[i] = asof - starts[i];
	sort_doubles(censored, nstarts);
	km_estimate(km, events, nevents, censored, nstarts);
	free(censored);
}

int
km_at(const struct km *km, double t, double level, struct km_point *p)
{
	double z = norm_quantile(1 - (1 - level) / 2);
	double var = 0;

	p->surv = p->se_log = p->lo = p->hi = NAN;
	if (!(t <= km->last_time))
		return -1;
	p->surv = 1;
	for (size_t j = 0; j < km->n && km->step[j].time <= t; j++) {
		const struct km_step *s = &km->step[j];

		p->surv = s->surv;
		if (s->events < s->at_risk)
			var += (double)s->events / ((double)s->at_risk *
			    (double)(s->at_risk - s->events));
		else
			var = INFINITY;
	}
	p->se_log = sqrt(var);
	if (p->surv > 0) {
		p->lo = exp(log(p->surv) - z * p->se_log);
		p->hi = fmin(1, exp(log(p->surv) + z * p->se_log));
	}
	return 0;
}
