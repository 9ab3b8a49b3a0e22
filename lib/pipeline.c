/* See LICENSE file for copyright and license details. */
#include <math.h>

#include "date.h"
#include "pipeline.h"
#include "stats.h"

void
pipe_figures(const struct pipe_sums *s, double level, struct pipe_figures *f)
{
	uint64_t closed = s->won + s->lost;

	f->win_rate = closed > 0 ? (double)s->won / (double)closed : NAN;
	if (closed == 0 || wilson_interval(s->won, closed, level, &f->win_lo,
	    &f->win_hi) < 0)
		f->win_lo = f->win_hi = NAN;
	f->value_win_rate = s->closed_amount > 0 ?
	    (double)s->won_amount / (double)s->closed_amount : NAN;
	f->avg_won_amount = s->won_priced > 0 ? (double)s->won_amount /
	    MICROS_PER_UNIT / (double)s->won_priced : NAN;
	f->avg_cycle_days = s->cycles > 0 ? (double)s->cycle_ms /
	    (double)s->cycles / MS_PER_DAY : NAN;
	if (f->avg_cycle_days > 0)
		f->velocity = (double)s->open * f->win_rate * f->avg_won_amount /
		    f->avg_cycle_days;
	else
		f->velocity = NAN;
}

int
pipe_levers(const double a[LEVERS], const double b[LEVERS],
    double dln[LEVERS], double *dlnv, double share[LEVERS])
{
	double size = 0;
	int ok = 1;

	for (int i = 0; i < LEVERS; i++)
		if (!(a[i] > 0) || !(b[i] > 0) || !isfinite(a[i]) ||
		    !isfinite(b[i]))
			ok = 0;
	*dlnv = ok ? 0 : NAN;
	for (int i = 0; i < LEVERS; i++) {
		dln[i] = ok ? log(b[i] / a[i]) : NAN;
		if (i == LEVER_CYCLE)
			dln[i] = -dln[i];
		*dlnv += dln[i];
	}
	/* Terms that cancel leave round-off, not a change to share out. */
	for (int i = 0; i < LEVERS; i++)
		size += ok ? fabs(dln[i]) : 0;
	if (ok && fabs(*dlnv) <= 1e-12 * size)
		*dlnv = 0;
	for (int i = 0; i < LEVERS; i++)
		share[i] = ok && *dlnv != 0 ? dln[i] / *dlnv : NAN;
	return ok ? 0 : -1;
}
