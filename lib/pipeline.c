/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stddef.h>
#include <string.h>

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
	if (s->closed_amount == 0 || (s->won > 0 && s->won_priced == 0) ||
	    (s->lost > 0 && s->lost_priced == 0))
		f->value_win_rate = NAN;
	else
		f->value_win_rate = (double)s->won_amount /
		    (double)s->closed_amount;
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

void
pipe_classify(const struct lead *d, int top, int from, int last,
    kpi_time asof, struct pipe_deal *c)
{
	c->status = PIPE_OUTSIDE;
	c->entry = NO_TIME;
	c->end = NO_TIME;
	c->forward = 0;
	if (top < from)
		return;
	c->entry = pipe_entered(d, from);
	if (asof != NO_TIME && c->entry > asof)
		return;
	if (top >= last) {
		c->status = PIPE_WON;
		c->end = d->reach[last];
	} else if (d->lost != NO_TIME && (asof == NO_TIME || d->lost <= asof)) {
		c->status = PIPE_LOST;
		c->end = d->lost;
	} else {
		c->status = PIPE_OPEN;
		return;
	}
	c->forward = c->end >= c->entry;
	if (!c->forward)
		c->entry = c->end;
}

kpi_time
pipe_entered(const struct lead *d, int s)
{
	return d->at[s] != NO_TIME ? d->at[s] : d->reach[s];
}

void
pipe_add_deal(struct pipe_tally *t, int placing, const struct pipe_deal *c,
    int64_t amount)
{
	uint64_t micros = amount < 0 ? 0 : (uint64_t)amount;

	if (placing == 0) {
		t->entered++;
		t->entered_priced += amount >= 0;
		t->entered_micros += micros;
	} else if (c->status == PIPE_WON) {
		t->won++;
		t->won_priced += amount >= 0;
		t->won_micros += micros;
		if (c->forward) {
			t->cycles++;
			t->cycle_ms += (uint64_t)(c->end - c->entry);
		}
	} else {
		t->lost++;
		t->lost_priced += amount >= 0;
		t->lost_micros += micros;
	}
}

uint64_t
pipe_weighted(uint64_t micros, uint64_t prob)
{
	return (uint64_t)(((unsigned __int128)micros * prob +
	    MICROS_PER_UNIT / 2) / MICROS_PER_UNIT);
}

void
pipe_add_stages(struct pipe_tally *t, int from, int top,
    const struct pipe_deal *c, int64_t amount, int64_t prob)
{
	for (int s = from; s <= top; s++) {
		t->reached[s]++;
		t->reached_won[s] += c->status == PIPE_WON;
		t->reached_lost[s] += c->status == PIPE_LOST;
	}
	if (c->status != PIPE_OPEN)
		return;
	t->at[top]++;
	if (amount < 0)
		return;
	t->at_priced[top]++;
	t->at_micros[top] += (uint64_t)amount;
	if (prob >= 0)
		t->at_weighted[top] += pipe_weighted((uint64_t)amount,
		    (uint64_t)prob);
}

void
pipe_p_win(uint64_t won, uint64_t lost, double level, double *p, double *lo,
    double *hi)
{
	if (wilson_interval(won, won + lost, level, lo, hi) < 0)
		*lo = *hi = NAN;
	*p = won + lost > 0 ? (double)won / (double)(won + lost) : NAN;
}

double
pipe_stage_weighted(uint64_t micros, uint64_t won, uint64_t lost)
{
	if (micros == 0)
		return 0;
	if (won + lost == 0)
		return NAN;
	return (double)micros * (double)won / (double)(won + lost);
}

void
pipe_waterfall_steps(const struct pipe_deal *c, kpi_time f, int steps[WF_N])
{
	steps[WF_START] = c->entry <= f && (c->status == PIPE_OPEN ||
	    c->end > f);
	steps[WF_CREATED] = c->entry > f;
	steps[WF_WON] = c->status == PIPE_WON && c->end > f;
	steps[WF_LOST] = c->status == PIPE_LOST && c->end > f;
	steps[WF_END] = c->status == PIPE_OPEN;
}

void
pipe_add_waterfall(struct pipe_tally *t, const struct pipe_deal *c,
    kpi_time f, int64_t amount)
{
	int steps[WF_N];

	pipe_waterfall_steps(c, f, steps);
	for (int i = 0; i < WF_N; i++)
		if (steps[i]) {
			t->wf[i]++;
			if (amount >= 0) {
				t->wf_priced[i]++;
				t->wf_micros[i] += (uint64_t)amount;
			}
		}
}

int
pipe_waterfall_adds_up(const struct pipe_tally *t)
{
	const uint64_t *n = t->wf, *m = t->wf_micros;

	return n[WF_START] + n[WF_CREATED] == n[WF_WON] + n[WF_LOST] +
	    n[WF_END] && m[WF_START] + m[WF_CREATED] == m[WF_WON] +
	    m[WF_LOST] + m[WF_END];
}

void
pipe_add_aging(struct pipe_tally *t, int from, const struct lead *d, int top,
    const struct pipe_deal *c)
{
	if (c->status == PIPE_OPEN)
		dvec_push(&t->age_since[top], (double)pipe_entered(d, top));
	for (int s = from; s < top; s++)
		if (d->at[s] != NO_TIME && d->reach[s + 1] >= d->at[s])
			dvec_push(&t->moved_ms[s], (double)(d->reach[s + 1] -
			    d->at[s]));
}

void
pipe_aging(struct dvec *open, struct dvec *moved, double asof,
    double stale_after, struct pipe_aging *a)
{
	a->stale = 0;
	for (size_t i = 0; i < open->n; i++) {
		open->v[i] = (asof - open->v[i]) / MS_PER_DAY;
		a->stale += open->v[i] > stale_after;
	}
	if (stale_after < 0)
		a->stale = 0;
	sort_doubles(open->v, open->n);
	sort_doubles(moved->v, moved->n);
	a->open = open->n;
	a->open_days = open->n ? quantile7(open->v, open->n, 0.5) : NAN;
	a->moved = moved->n;
	a->moved_days = moved->n ? quantile7(moved->v, moved->n, 0.5) /
	    MS_PER_DAY : NAN;
}

void
pipe_open(struct pipe_carry *k, const struct pipe_tally *t, uint64_t *open,
    uint64_t *priced, uint64_t *micros)
{
	uint64_t n = t->entered, p = t->entered_priced, m = t->entered_micros;

	if (k != NULL) {
		n += k->open;
		p += k->open_priced;
		m += k->open_micros;
	}
	*open = n - t->won - t->lost;
	*priced = p - t->won_priced - t->lost_priced;
	*micros = m - t->won_micros - t->lost_micros;
	if (k != NULL) {
		k->open = *open;
		k->open_priced = *priced;
		k->open_micros = *micros;
	}
}

void
pipe_carry_levers(struct pipe_carry *k, const struct pipe_sums *s,
    const struct pipe_figures *f, double dln[LEVERS], double *dlnv,
    double share[LEVERS])
{
	double now[LEVERS];

	now[LEVER_OPEN] = (double)s->open;
	now[LEVER_WIN_RATE] = f->win_rate;
	now[LEVER_SIZE] = f->avg_won_amount;
	now[LEVER_CYCLE] = f->avg_cycle_days;
	*dlnv = NAN;
	if (k != NULL && k->has_factor)
		pipe_levers(k->factor, now, dln, dlnv, share);
	else
		for (int i = 0; i < LEVERS; i++)
			dln[i] = share[i] = NAN;
	if (k != NULL) {
		memcpy(k->factor, now, sizeof now);
		k->has_factor = 1;
	}
}

const struct tally_field pipe_tally_fields[] = {
	{ "entered", TALLY_COUNT, offsetof(struct pipe_tally, entered) },
	{ "entered_priced", TALLY_COUNT, offsetof(struct pipe_tally,
	    entered_priced) },
	{ "entered_micros", TALLY_COUNT, offsetof(struct pipe_tally,
	    entered_micros) },
	{ "won", TALLY_COUNT, offsetof(struct pipe_tally, won) },
	{ "lost", TALLY_COUNT, offsetof(struct pipe_tally, lost) },
	{ "won_priced", TALLY_COUNT, offsetof(struct pipe_tally, won_priced) },
	{ "won_micros", TALLY_COUNT, offsetof(struct pipe_tally, won_micros) },
	{ "lost_priced", TALLY_COUNT, offsetof(struct pipe_tally,
	    lost_priced) },
	{ "lost_micros", TALLY_COUNT, offsetof(struct pipe_tally,
	    lost_micros) },
	{ "cycles", TALLY_COUNT, offsetof(struct pipe_tally, cycles) },
	{ "cycle_ms", TALLY_COUNT, offsetof(struct pipe_tally, cycle_ms) },
	{ "reached", TALLY_STAGE_COUNTS, offsetof(struct pipe_tally, reached) },
	{ "reached_won", TALLY_STAGE_COUNTS, offsetof(struct pipe_tally,
	    reached_won) },
	{ "reached_lost", TALLY_STAGE_COUNTS, offsetof(struct pipe_tally,
	    reached_lost) },
	{ "at", TALLY_STAGE_COUNTS, offsetof(struct pipe_tally, at) },
	{ "at_priced", TALLY_STAGE_COUNTS, offsetof(struct pipe_tally,
	    at_priced) },
	{ "at_micros", TALLY_STAGE_COUNTS, offsetof(struct pipe_tally,
	    at_micros) },
	{ "at_weighted", TALLY_STAGE_COUNTS, offsetof(struct pipe_tally,
	    at_weighted) },
	{ "wf_start", TALLY_COUNT, offsetof(struct pipe_tally, wf[WF_START]) },
	{ "wf_created", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf[WF_CREATED]) },
	{ "wf_won", TALLY_COUNT, offsetof(struct pipe_tally, wf[WF_WON]) },
	{ "wf_lost", TALLY_COUNT, offsetof(struct pipe_tally, wf[WF_LOST]) },
	{ "wf_end", TALLY_COUNT, offsetof(struct pipe_tally, wf[WF_END]) },
	{ "wf_start_priced", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_priced[WF_START]) },
	{ "wf_created_priced", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_priced[WF_CREATED]) },
	{ "wf_won_priced", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_priced[WF_WON]) },
	{ "wf_lost_priced", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_priced[WF_LOST]) },
	{ "wf_end_priced", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_priced[WF_END]) },
	{ "wf_start_micros", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_micros[WF_START]) },
	{ "wf_created_micros", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_micros[WF_CREATED]) },
	{ "wf_won_micros", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_micros[WF_WON]) },
	{ "wf_lost_micros", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_micros[WF_LOST]) },
	{ "wf_end_micros", TALLY_COUNT, offsetof(struct pipe_tally,
	    wf_micros[WF_END]) },
	{ "age_since", TALLY_STAGE_VALUES, offsetof(struct pipe_tally,
	    age_since) },
	{ "moved_ms", TALLY_STAGE_VALUES, offsetof(struct pipe_tally,
	    moved_ms) },
	{ NULL, 0, 0 },
};

/* A + B, both micro-units, into *SUM; -1 past money's range. */
static int
add_amounts(uint64_t a, uint64_t b, money *sum)
{
	if (a > (uint64_t)INT64_MAX || b > (uint64_t)INT64_MAX - a)
		return -1;
	*sum = (money)(a + b);
	return 0;
}

/* One stage's row: the figures of its counts and amounts; the weighted
** amount unknown (NAN) when deals are open but none of them is priced. */
static int
stage_row(uint64_t reached, uint64_t won, uint64_t lost, uint64_t open,
    uint64_t priced, uint64_t micros, double weighted, struct pipe_stage *r)
{
	r->reached = reached;
	r->won = won;
	r->lost = lost;
	pipe_p_win(won, lost, 0.95, &r->p_win, &r->p_lo, &r->p_hi);
	r->open = open;
	r->open_priced = priced;
	if (isnan(weighted))
		weighted = micros == 0 ? 0 : (double)micros * r->p_win;
	if (open > 0 && priced == 0)
		weighted = NAN;
	r->weighted = weighted;
	return add_amounts(micros, 0, &r->open_amount);
}

int
pipe_stages(const struct pipe_tally *t, int from, int last, int weigh,
    struct pipe_stage row[MAX_STAGES])
{
	uint64_t open = 0, priced = 0;
	money micros = 0;
	double weighted = 0;

	for (int s = from; s < last; s++) {
		uint64_t won = t->reached_won[s], lost = t->reached_lost[s];
		double wt = weigh ? (double)t->at_weighted[s] :
		    pipe_stage_weighted(t->at_micros[s], won, lost);

		if (stage_row(t->reached[s], won, lost, t->at[s],
		    t->at_priced[s], t->at_micros[s], wt, &row[s]) < 0 ||
		    add_amounts((uint64_t)micros, t->at_micros[s], &micros) < 0)
			return -1;
		open += t->at[s];
		priced += t->at_priced[s];
		weighted += row[s].weighted;
	}
	return stage_row(t->reached[from], t->reached_won[from],
	    t->reached_lost[from], open, priced, (uint64_t)micros, weighted,
	    &row[last]);
}

int
pipe_sums_of(const struct pipe_tally *t, struct pipe_carry *k,
    struct pipe_sums *s)
{
	uint64_t open_micros;

	s->won = t->won;
	s->lost = t->lost;
	s->won_priced = t->won_priced;
	s->lost_priced = t->lost_priced;
	s->cycles = t->cycles;
	s->cycle_ms = t->cycle_ms;
	if (add_amounts(t->won_micros, 0, &s->won_amount) < 0 ||
	    add_amounts(t->won_micros, t->lost_micros, &s->closed_amount) < 0)
		return -1;
	pipe_open(k, t, &s->open, &s->open_priced, &open_micros);
	return add_amounts(open_micros, 0, &s->open_amount);
}

void
pipe_coverage(const struct pipe_sums *s, const struct pipe_figures *f,
    money target, double *coverage, double *required)
{
	*coverage = s->open > 0 && s->open_priced == 0 ? NAN :
	    (double)s->open_amount / (double)target;
	*required = f->win_rate > 0 ? 1 / f->win_rate : NAN;
}

double
pipe_days_in_stage(const struct lead *d, int top, kpi_time asof)
{
	return (double)(asof - pipe_entered(d, top)) / MS_PER_DAY;
}
