/* See LICENSE file for copyright and license details. */
/*
** lead-convert: per group, the leads that reached each stage, the rate
** from each stage to the next, and the first-to-last rate with its Wilson
** interval. See lead-convert(1).
*/
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../lib/leadtool.h"
#include "../lib/stats.h"

enum { OPT_CI = OPT_TOOL };

static const struct tool_option tool_options[] = {
	{ "ci", "LEVEL", OPT_CI,
	    "confidence level of the interval (default 0.95)" },
	{ 0 }
};

struct config {
	double ci;
};

/* Per group: how many leads reached each stage. */
struct tally {
	uint64_t reached[MAX_STAGES];
};

static const struct tally_field tally_fields[] = {
	{ "reached", TALLY_STAGE_COUNTS, offsetof(struct tally, reached) },
	{ NULL, 0, 0 },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	if (key == OPT_CI) {
		cfg->ci = opt_double("ci", arg, -HUGE_VAL, HUGE_VAL);
		if (cfg->ci <= 0 || cfg->ci >= 1)
			usage_error("--ci: '%s' is not a level between 0 and 1, "
			    "such as 0.95", arg);
	}
}

/* A lead has reached every stage up to the highest it counts for; a row
** of --count-col N is N such leads (1 without). */
static void
add(const struct lead_run *run, void *tally, const struct lead *d, int top)
{
	struct tally *t = tally;

	(void)run;
	for (int s = 0; s <= top; s++)
		t->reached[s] += d->count;
}

/* Fewer leads reach a stage than the stage before: merged parts must
** show it too. */
static const char *
check(const struct lead_run *run, const void *tally, char *buf, size_t size)
{
	const struct tally *t = tally;
	const struct stages *st = &run->leads->st;

	for (size_t s = 1; s < st->n; s++)
		if (t->reached[s] > t->reached[s - 1]) {
			snprintf(buf, size, "%llu leads reached '%s' but only %llu "
			    "'%s' before it", (unsigned long long)t->reached[s],
			    st->name[s], (unsigned long long)t->reached[s - 1],
			    st->name[s - 1]);
			return buf;
		}
	return NULL;
}

static void
header(const struct lead_run *run, struct writer *w)
{
	const struct stages *st = &run->leads->st;
	const char *first = st->name[0], *last = st->name[st->n - 1];

	lead_key_header(run, w);
	for (size_t s = 0; s < st->n; s++)
		wr_str(w, st->name[s]);
	for (size_t s = 0; s + 1 < st->n; s++)
		wr_strf(w, "%s_to_%s", st->name[s], st->name[s + 1]);
	if (st->n > 2)
		wr_strf(w, "%s_to_%s", first, last);
	wr_strf(w, "%s_to_%s_lo", first, last);
	wr_strf(w, "%s_to_%s_hi", first, last);
	wr_end(w);
}

/* The counts, each step's rate, the first-to-last rate and its interval. */
static void
write_tally(const struct lead_run *run, struct writer *w, void *tally,
    const struct lead_key *key)
{
	const struct config *cfg = run->cfg;
	const struct tally *t = tally;
	size_t n = run->leads->st.n;
	double lo, hi;

	lead_key_write(key, w);
	for (size_t s = 0; s < n; s++)
		wr_int(w, (int64_t)t->reached[s]);
	for (size_t s = 0; s + 1 < n; s++)
		wr_num(w, count_ratio(t->reached[s + 1], t->reached[s]));
	if (n > 2)
		wr_num(w, count_ratio(t->reached[n - 1], t->reached[0]));
	wilson_interval(t->reached[n - 1], t->reached[0], cfg->ci, &lo, &hi);
	wr_num(w, lo);
	wr_num(w, hi);
	wr_end(w);
}

/* --annotate: the highest stage each lead reached by --asof. */
static void
annotate(const struct lead_run *run, struct writer *w, const struct lead *d,
    int placed)
{
	int top = leads_top(run->leads, d, run->leads->asof);

	(void)placed;
	wr_str(w, top >= 0 ? run->leads->st.name[top] : "");
}

static const char *const *
annotate_cols(const struct lead_run *run)
{
	static const char *const cols[] = { "reached_stage", NULL };

	(void)run;
	return cols;
}

static const struct lead_tool tool = {
	.spec = {
		"[file ...]",
		"Leads that reached each stage, and the conversion between stages.",
		OPTS_STAGES | OPTS_WINDOW | OPTS_ASOFS | OPTS_ANNOTATE |
		    OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS | OPTS_PARTS | OPTS_COUNT |
		    OPTS_JOIN,
		tool_options, handle_option, "leads",
	},
	.tally = { sizeof(struct tally), tally_fields, 0 },
	.add = add,
	.header = header,
	.write = write_tally,
	.check = check,
	.annotate_cols = annotate_cols,
	.annotate = annotate,
};

int
main(int argc, char *argv[])
{
	struct config cfg = { 0.95 };

	return lead_tool_main(&tool, &cfg, argc, argv);
}
