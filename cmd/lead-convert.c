/* See LICENSE file for copyright and license details. */
/*
** lead-convert: per group, the leads that reached each stage, the rate
** from each stage to the next, and the first-to-last rate with its Wilson
** interval. See lead-convert(1).
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/group.h"
#include "../lib/leads.h"
#include "../lib/opts.h"
#include "../lib/reader.h"
#include "../lib/stats.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum { OPT_CI = OPT_TOOL };

static const struct tool_option tool_options[] = {
	{ "ci", "LEVEL", OPT_CI,
	    "confidence level of the interval (default 0.95)" },
	{ 0 }
};

struct config {
	double ci;
};

/* Per group: how many leads reached each stage. Merges by adding. */
struct tally {
	uint64_t reached[MAX_STAGES];
};

/* What a lead adds to its group, when it waits for the as-of time. */
struct pending {
	struct tally *tally;
	int top;
};

struct run {
	struct kpi_opts o;
	struct strbuf notes;          /* warnings, printed after the result */
	struct config cfg;
	struct leads leads;
	struct grouping grouping;
	struct group_table *groups;
	struct lead_queue waiting;    /* leads whose fate waits for --asof */
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

static void
tally_add(struct tally *t, int top)
{
	for (int s = 0; s <= top; s++)
		t->reached[s]++;
}

static void
tally_merge(void *into, const void *from)
{
	struct tally *a = into;
	const struct tally *b = from;

	for (size_t s = 0; s < MAX_STAGES; s++)
		a->reached[s] += b->reached[s];
}

static void
apply_pending(void *ctx, const void *item)
{
	const struct pending *p = item;

	(void)ctx;
	tally_add(p->tally, p->top);
}

static int
count_row(void *ctx, struct reader *r, const struct row *row)
{
	struct run *run = ctx;
	struct leads *l = &run->leads;
	const struct strbuf *key;
	struct pending p;
	struct lead d;

	if (leads_decode(l, r, row, &d) < 0)
		return -1;
	if (leads_duplicate(l, r, row, &d))
		return 0;
	lq_see(&run->waiting, d.latest);
	key = grouping_key(&run->grouping, row, d.created);
	p.tally = gt_get(run->groups, key->s, key->len, NULL)->state;
	switch (leads_admit(l, &d, &p.top)) {
	case ADMIT_NOW:
		tally_add(p.tally, p.top);
		break;
	case ADMIT_LATER:
		lq_push(&run->waiting, d.created, &p);
		break;
	case ADMIT_NEVER:
		break;
	}
	return 0;
}

static void
write_rates(struct writer *w, const struct tally *t, size_t nstages, double ci)
{
	double lo, hi;

	for (size_t s = 0; s + 1 < nstages; s++)
		wr_num(w, t->reached[s] ? (double)t->reached[s + 1] /
		    (double)t->reached[s] : NAN);
	if (nstages > 2)
		wr_num(w, t->reached[0] ? (double)t->reached[nstages - 1] /
		    (double)t->reached[0] : NAN);
	wilson_interval(t->reached[nstages - 1], t->reached[0], ci, &lo, &hi);
	wr_num(w, lo);
	wr_num(w, hi);
}

static void
write_header(struct writer *w, const struct run *run)
{
	const struct stages *st = &run->leads.st;
	const char *first = st->name[0], *last = st->name[st->n - 1];
	struct strbuf name = {0};

	grouping_write_header(&run->grouping, w);
	for (size_t s = 0; s < st->n; s++)
		wr_str(w, st->name[s]);
	for (size_t s = 0; s + 1 < st->n; s++) {
		sb_reset(&name);
		sb_printf(&name, "%s_to_%s", st->name[s], st->name[s + 1]);
		wr_str(w, name.s);
	}
	if (st->n > 2) {
		sb_reset(&name);
		sb_printf(&name, "%s_to_%s", first, last);
		wr_str(w, name.s);
	}
	sb_reset(&name);
	sb_printf(&name, "%s_to_%s_lo", first, last);
	wr_str(w, name.s);
	sb_reset(&name);
	sb_printf(&name, "%s_to_%s_hi", first, last);
	wr_str(w, name.s);
	wr_end(w);
	sb_free(&name);
}

static void
write_tally(struct writer *w, const struct run *run, const struct tally *t)
{
	size_t n = run->leads.st.n;

	for (size_t s = 0; s < n; s++)
		wr_int(w, (int64_t)t->reached[s]);
	write_rates(w, t, n, run->cfg.ci);
	wr_end(w);
}

static void
print_groups(struct run *run)
{
	struct group **v = gt_sorted(run->groups);
	size_t n = gt_count(run->groups);
	struct tally total = {0}, empty = {0};
	struct writer w;

	wr_init(&w, stdout, run->o.precision);
	write_header(&w, run);
	for (size_t i = 0; i < n; i++) {
		const struct tally *t = v[i]->state;

		/* A group whose leads were all too young shows no row. */
		if (t->reached[0] == 0)
			continue;
		grouping_write_key(&run->grouping, &w, v[i]);
		write_tally(&w, run, t);
		tally_merge(&total, t);
	}
	/* Without groups there is always the one row, zeros and all. */
	if (!grouping_active(&run->grouping) && total.reached[0] == 0)
		write_tally(&w, run, &empty);
	if (run->o.total) {
		grouping_write_total(&run->grouping, &w);
		write_tally(&w, run, &total);
	}
	free(v);
}

/* --annotate: each row as it came, plus the highest stage it reached. */
static void
annotate(struct run *run)
{
	const struct row *header = NULL, *row;
	struct writer w;
	struct lead d;

	wr_init(&w, stdout, run->o.precision);
	for (size_t i = 0; i < run->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(run->o.files[i], &run->o.rd);
		const struct row *h = rd_header(r);
		int rc;

		if (leads_bind(&run->leads, r, NULL) < 0)
			rd_die(r);
		if (rd_col(r, "reached_stage") != RD_NO_COLUMN)
			die(EX_DATAERR, "%s:%lu: the input already has a column "
			    "'reached_stage'", rd_name(r), h->line);
		if (header == NULL) {
			for (size_t c = 0; c < h->n; c++)
				wr_field(&w, h->f[c].s, h->f[c].len);
			wr_str(&w, "reached_stage");
			wr_end(&w);
			header = h;
		}
		while ((rc = rd_next(r, &row)) > 0) {
			int top;

			if (leads_decode(&run->leads, r, row, &d) < 0)
				continue;
			top = leads_top(&run->leads, &d, run->leads.asof);
			for (size_t c = 0; c < row->n; c++)
				wr_field(&w, row->f[c].s, row->f[c].len);
			wr_str(&w, top >= 0 ? run->leads.st.name[top] : "");
			wr_end(&w);
		}
		if (rc < 0)
			rd_die(r);
		rd_close(r);
	}
}

int
main(int argc, char *argv[])
{
	static const struct tool_spec spec = {
		"[file ...]",
		"Leads that reached each stage, and the conversion between stages.",
		OPTS_STAGES | OPTS_WINDOW | OPTS_ASOF | OPTS_ANNOTATE |
		    OPTS_TOTAL | OPTS_DEDUP,
		tool_options, handle_option, "leads",
	};
	struct run run = { .cfg = { .ci = 0.95 } };

	opts_parse(&run.o, &spec, &run.cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	run.o.rd.notes = &run.notes;
	leads_init(&run.leads, &run.o, NULL, 0);
	if (run.o.annotate) {
		if (run.o.nby > 0 || run.o.period != PERIOD_NONE || run.o.total)
			usage_error("--annotate writes rows, not groups: --by, "
			    "--period and --total do not apply");
		annotate(&run);
		notes_print(&run.notes);
		leads_free(&run.leads);
		opts_free(&run.o);
		return close_stdout();
	}

	grouping_init(&run.grouping, &run.o);
	run.groups = gt_new(sizeof(struct tally));
	lq_init(&run.waiting, &run.leads, sizeof(struct pending), apply_pending,
	    NULL);
	leads_read(&run.o, &run.leads, &run.grouping, count_row, &run);
	lq_finish(&run.waiting);
	leads_report(&run.leads);
	print_groups(&run);

	gt_free(run.groups, NULL);
	grouping_free(&run.grouping);
	leads_free(&run.leads);
	lq_free(&run.waiting);
	notes_print(&run.notes);
	sb_free(&run.notes);
	opts_free(&run.o);
	return close_stdout();
}
