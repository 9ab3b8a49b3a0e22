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

/* Per group, for each stage. */
struct tally {
	uint64_t reached[MAX_STAGES];
	uint64_t lost[MAX_STAGES];      /* lost with this as the highest stage */
	struct dvec days[MAX_STAGES];   /* days from the stage before */
	struct dvec weight[MAX_STAGES]; /* --count-col: the leads each of days
	                                   stands for (its row's count, 1 to
	                                   2^53); empty without */
};

static const struct tally_field tally_fields[] = {
	{ "reached", TALLY_STAGE_COUNTS, offsetof(struct tally, reached) },
	{ "lost", TALLY_STAGE_COUNTS, offsetof(struct tally, lost) },
	{ "days", TALLY_STAGE_VALUES, offsetof(struct tally, days) },
	{ "weight", TALLY_STAGE_VALUES, offsetof(struct tally, weight) },
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
		t->reached[s] += d->count;
		if (s > 0 && in_view(l, d, d->at[s - 1]) &&
		    in_view(l, d, d->at[s]) && d->at[s] >= d->at[s - 1]) {
			dvec_push(&t->days[s], days_between(d->at[s - 1], d->at[s]));
			if (l->ncount)
				dvec_push(&t->weight[s], (double)d->count);
		}
	}
	if (d->lost != NO_TIME && (l->asof == NO_TIME || d->lost <= l->asof))
		t->lost[top] += d->count;
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
	const struct dvec *w = &t->weight[s];

	*sum = t->days[s].n;
	if (!run->leads->ncount)
		return w->n == 0 ? 0 : -1;
	if (w->n != t->days[s].n)
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
		if (s > 0 && t->reached[s] > t->reached[s - 1])
			snprintf(buf, size, "%llu leads reached '%s' but only %llu "
			    "'%s' before it", (unsigned long long)t->reached[s],
			    st->name[s], (unsigned long long)t->reached[s - 1],
			    st->name[s - 1]);
		else if (t->lost[s] > t->reached[s])
			snprintf(buf, size, "%llu leads were lost at '%s' but only "
			    "%llu reached it", (unsigned long long)t->lost[s],
			    st->name[s], (unsigned long long)t->reached[s]);
		else if (check_weights(run, t, s, &ndays) < 0)
			snprintf(buf, size, "the %zu durations to '%s' come with "
			    "%zu weights: with --count-col one each, a whole "
			    "number from 1 to 2^53, and none without",
			    t->days[s].n, st->name[s], t->weight[s].n);
		else if (ndays > t->reached[s])
			snprintf(buf, size, "%llu durations to '%s' but only %llu "
			    "leads reached it", (unsigned long long)ndays,
			    st->name[s], (unsigned long long)t->reached[s]);
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
		struct dvec *days = &t->days[s];

		lead_key_write(key, w);
		wr_str(w, run->leads->st.name[s]);
		wr_int(w, (int64_t)t->reached[s]);
		wr_num(w, count_ratio(t->reached[s], t->reached[0]));
		if (s == 0) {
			wr_empty(w);
			wr_empty(w);
		} else {
			wr_num(w, count_ratio(t->reached[s], t->reached[s - 1]));
			wr_int(w, (int64_t)t->reached[s - 1] -
			    (int64_t)t->reached[s]);
		}
		if (run->leads->ncount) {
			sort_weighted(days->v, t->weight[s].v, days->n);
			wr_num(w, quantile7_weighted(days->v, t->weight[s].v,
			    days->n, 0.5));
		} else {
			sort_doubles(days->v, days->n);
			wr_num(w, quantile7(days->v, days->n, 0.5));
		}
		if (cfg->lost)
			wr_int(w, (int64_t)t->lost[s]);
		wr_end(w);
	}
}

static const struct lead_tool tool = {
	.spec = {
		"[file ...]",
		"The funnel: leads at each stage, conversion and drop-off between "
		"stages, and the days each step takes.",
		OPTS_STAGES | OPTS_WINDOW | OPTS_ASOF | OPTS_STALE | OPTS_TOTAL |
		    OPTS_DEDUP | OPTS_JOBS | OPTS_PARTS | OPTS_COUNT | OPTS_JOIN,
		tool_options, handle_option, "leads",
	},
	.tally = { sizeof(struct tally), tally_fields },
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
