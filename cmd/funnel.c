/* See LICENSE file for copyright and license details. */
/*
** funnel: one row per stage (and group): how many leads reached it, its
** share of the top, the step conversion and drop-off from the stage
** before, and the median days it took. See funnel(1).
*/
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../lib/leadtool.h"
#include "../lib/stats.h"

enum { OPT_LOST = OPT_TOOL };

static const struct tool_option tool_options[] = {
	{ "lost", NULL, OPT_LOST,
	    "add a column: leads lost at each stage (their highest)" },
	{ 0 }
};

struct config {
	int lost;
};

/*
** Per group, one of these for each stage: stage-major (lib/tally.h), so
** that a group takes only as many as the run has stages, 64 bytes each,
** not MAX_STAGES of them: a million --by values of 5 stages need 320 MB
** less than 1 GB.
*/
struct step {
	uint64_t reached;
	uint64_t lost;             /* lost with this as the highest stage */
	struct dvec days;          /* days from the stage before */
	struct dvec weight;        /* --count-col: the leads each of days
	                              stands for (its row's count, 1 to 2^53);
	                              empty without */
};

struct tally {
	struct step step[MAX_STAGES];
};

static const struct tally_field tally_fields[] = {
	{ "reached", TALLY_STAGE_COUNTS, offsetof(struct step, reached) },
	{ "lost", TALLY_STAGE_COUNTS, offsetof(struct step, lost) },
	{ "days", TALLY_STAGE_VALUES, offsetof(struct step, days) },
	{ "weight", TALLY_STAGE_VALUES, offsetof(struct step, weight) },
	{ NULL, 0, 0 },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	(void)arg;
	if (key == OPT_LOST)
		cfg->lost = 1;
}

/* Whether timestamp T counts under --asof and --window for lead D. */
static int
in_view(const struct leads *l, const struct lead *d, kpi_time t)
{
	return t != NO_TIME && (l->asof == NO_TIME || t <= l->asof) &&
	    (l->window_ms < 0 || t - d->created <= l->window_ms);
}

/*
** A lead adds to each stage it reached; its days from a stage to the next
** count towards the median when both stages have their own timestamps in
** view and are in order (a step back in time, data entered out of order,
** is left out rather than bend the median; the driver says how many); it
** is lost at its highest stage when lost by --asof. A row of --count-col N
** is N leads alike: N to each count, and its duration once with weight N
** (the median of the weighted durations is that of N copies of it, see
** quantile7_weighted()), so that memory stays a value a row.
*/
static void
add(const struct lead_run *run, void *tally, const struct lead *d, int top)
{
	const struct leads *l = run->leads;
	struct tally *t = tally;

	for (int s = 0; s <= top; s++) {
		t->step[s].reached += d->count;
		if (s > 0 && in_view(l, d, d->at[s - 1]) &&
		    in_view(l, d, d->at[s]) && d->at[s] >= d->at[s - 1]) {
			dvec_push(&t->step[s].days, days_between(d->at[s - 1], d->at[s]));
			if (l->ncount)
				dvec_push(&t->step[s].weight, (double)d->count);
		}
	}
	if (d->lost != NO_TIME && (l->asof == NO_TIME || d->lost <= l->asof))
		t->step[top].lost += d->count;
}

/*
** With --count-col, each duration has its weight, a whole number from 1
** to 2^53, and the weights add up (to *SUM): 0; else -1. Without, no
** weights and *SUM is the number of durations.
*/
static int
check_weights(const struct lead_run *run, const struct tally *t, size_t s,
    uint64_t *sum)
{
	const struct dvec *w = &t->step[s].weight;

	*sum = t->step[s].days.n;
	if (!run->leads->ncount)
		return w->n == 0 ? 0 : -1;
	if (w->n != t->step[s].days.n)
		return -1;
	*sum = 0;
	for (size_t i = 0; i < w->n; i++) {
		if (!(w->v[i] >= 1 && w->v[i] <= (double)COUNT_MAX &&
		    w->v[i] == floor(w->v[i])) ||
		    *sum > (uint64_t)INT64_MAX - (uint64_t)w->v[i])
			return -1;
		*sum += (uint64_t)w->v[i];
	}
	return 0;
}

/* Fewer leads reach a stage than the stage before, and no stage loses
** more than reached it: merged parts must show it too. */
static const char *
check(const struct lead_run *run, const void *tally, char *buf, size_t size)
{
	const struct tally *t = tally;
	const struct stages *st = &run->leads->st;
	uint64_t ndays;

	for (size_t s = 0; s < st->n; s++) {
		if (s > 0 && t->step[s].reached > t->step[s - 1].reached)
			snprintf(buf, size, "%llu leads reached '%s' but only %llu "
			    "'%s' before it", (unsigned long long)t->step[s].reached,
			    st->name[s], (unsigned long long)t->step[s - 1].reached,
			    st->name[s - 1]);
		else if (t->step[s].lost > t->step[s].reached)
			snprintf(buf, size, "%llu leads were lost at '%s' but only "
			    "%llu reached it", (unsigned long long)t->step[s].lost,
			    st->name[s], (unsigned long long)t->step[s].reached);
		else if (check_weights(run, t, s, &ndays) < 0)
			snprintf(buf, size, "the %zu durations to '%s' come with "
			    "%zu weights: with --count-col one each, a whole "
			    "number from 1 to 2^53, and none without",
			    t->step[s].days.n, st->name[s], t->step[s].weight.n);
		else if (ndays > t->step[s].reached)
			snprintf(buf, size, "%llu durations to '%s' but only %llu "
			    "leads reached it", (unsigned long long)ndays,
			    st->name[s], (unsigned long long)t->step[s].reached);
		else
			continue;
		return buf;
	}
	return NULL;
}

static void
header(const struct lead_run *run, struct writer *w)
{
	const struct config *cfg = run->cfg;

	lead_key_header(run, w);
	wr_str(w, "stage");
	wr_str(w, "count");
	wr_str(w, "share_of_top");
	wr_str(w, "step_conversion");
	wr_str(w, "drop_off");
	wr_str(w, "median_days_from_previous");
	if (cfg->lost)
		wr_str(w, "lost");
	wr_end(w);
}

/* One row per stage. */
static void
write_tally(const struct lead_run *run, struct writer *w, void *tally,
    const struct lead_key *key)
{
	const struct config *cfg = run->cfg;
	struct tally *t = tally;

	for (size_t s = 0; s < run->leads->st.n; s++) {
		struct dvec *days = &t->step[s].days;

		lead_key_write(key, w);
		wr_str(w, run->leads->st.name[s]);
		wr_int(w, (int64_t)t->step[s].reached);
		wr_num(w, count_ratio(t->step[s].reached, t->step[0].reached));
		if (s == 0) {
			wr_empty(w);
			wr_empty(w);
		} else {
			wr_num(w, count_ratio(t->step[s].reached, t->step[s - 1].reached));
			wr_int(w, (int64_t)t->step[s - 1].reached -
			    (int64_t)t->step[s].reached);
		}
		if (run->leads->ncount) {
			sort_weighted(days->v, t->step[s].weight.v, days->n);
			wr_num(w, quantile7_weighted(days->v, t->step[s].weight.v,
			    days->n, 0.5));
		} else {
			sort_doubles(days->v, days->n);
			wr_num(w, quantile7(days->v, days->n, 0.5));
		}
		if (cfg->lost)
			wr_int(w, (int64_t)t->step[s].lost);
		wr_end(w);
	}
}

static const struct lead_tool tool = {
	.spec = {
		"[file ...]",
		"The funnel: leads at each stage, conversion and drop-off between "
		"stages, and the days each step takes.",
		OPTS_STAGES | OPTS_WINDOW | OPTS_ASOFS | OPTS_STALE | OPTS_TOTAL |
		    OPTS_DEDUP | OPTS_JOBS | OPTS_PARTS | OPTS_COUNT | OPTS_JOIN,
		tool_options, handle_option, "leads",
	},
	.tally = { sizeof(struct tally), tally_fields, sizeof(struct step) },
	.add = add,
	.header = header,
	.write = write_tally,
	.check = check,
	.backwards_note = "its steps back in time are left out of "
	    "median_days_from_previous",
};

int
main(int argc, char *argv[])
{
	struct config cfg = { 0 };

	return lead_tool_main(&tool, &cfg, argc, argv);
}
