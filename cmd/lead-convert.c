/* See LICENSE file for copyright and license details. */
/*
** lead-convert: per group, the leads that reached each stage, the rate
** from each stage to the next, and the first-to-last rate with its Wilson
** interval. See lead-convert(1).
*/
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cols.h"
#include "../lib/group.h"
#include "../lib/num.h"
#include "../lib/leads.h"
#include "../lib/opts.h"
#include "../lib/reader.h"
#include "../lib/stats.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum { OPT_CI = OPT_TOOL, OPT_PARTIAL, OPT_MERGE };

static const struct tool_option tool_options[] = {
	{ "ci", "LEVEL", OPT_CI,
	    "confidence level of the interval (default 0.95)" },
	{ "partial", NULL, OPT_PARTIAL,
	    "write the mergeable state instead of the result" },
	{ "merge", NULL, OPT_MERGE,
	    "read --partial outputs and write the result" },
	{ 0 }
};

struct config {
	double ci;
	int partial, merge;
};

/* Per group: how many leads reached each stage. Merges by adding. */
struct tally {
	uint64_t reached[MAX_STAGES];
};

/* What a lead adds to its group, when it waits for the as-of time. */
struct pending {
	struct group *group;        /* its state is a struct tally */
	int top;
};

struct run {
	struct kpi_opts o;
	struct strbuf notes;          /* warnings, printed after the result */
	struct config cfg;
	struct lead_part all;         /* groups of struct tally */
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
	} else if (key == OPT_PARTIAL) {
		cfg->partial = 1;
	} else if (key == OPT_MERGE) {
		cfg->merge = 1;
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
	tally_add(p->group->state, p->top);
}

static int
count_row(void *ctx, struct reader *r, const struct row *row)
{
	struct lead_part *run = ctx;
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
	p.group = gt_get(run->groups, key->s, key->len, NULL);
	switch (leads_admit(l, &d, &p.top)) {
	case ADMIT_NOW:
		tally_add(p.group->state, p.top);
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
part_init(struct lead_part *p, const struct kpi_opts *o)
{
	lead_part_init(p, o, sizeof(struct tally), sizeof(struct pending),
	    apply_pending);
}

/* --jobs: a part per chunk (see leads_read_parts()). */
static void *
chunk_start(void *ctx)
{
	struct lead_part *p = xcalloc(1, sizeof *p);

	part_init(p, &((struct run *)ctx)->o);
	return p;
}

static int
chunk_clean(const void *state)
{
	(void)state;
	return 1;       /* no warning of lead-convert's is per row */
}

static void
chunk_free(void *state)
{
	lead_part_free(state, NULL);
	free(state);
}

/* Read the input into run->all: on --jobs threads when it can be. */
static void
read_input(struct run *run)
{
	const struct lead_part_tool tool = { chunk_start, count_row,
	    chunk_clean, chunk_free, tally_merge, run };

	leads_read_parts(&run->o, &run->all, &tool, &run->notes);
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
	const struct stages *st = &run->all.leads.st;
	const char *first = st->name[0], *last = st->name[st->n - 1];
	struct strbuf name = {0};

	grouping_write_header(&run->all.grouping, w);
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
	size_t n = run->all.leads.st.n;

	for (size_t s = 0; s < n; s++)
		wr_int(w, (int64_t)t->reached[s]);
	write_rates(w, t, n, run->cfg.ci);
	wr_end(w);
}

static void
print_groups(struct run *run)
{
	struct group **v = gt_sorted(run->all.groups);
	size_t n = gt_count(run->all.groups);
	struct tally total = {0}, empty = {0};
	struct writer w;

	wr_init(&w, stdout, run->o.precision);
	write_header(&w, run);
	for (size_t i = 0; i < n; i++) {
		const struct tally *t = v[i]->state;

		/* A group whose leads were all too young shows no row. */
		if (t->reached[0] == 0)
			continue;
		grouping_write_key(&run->all.grouping, &w, v[i]);
		write_tally(&w, run, t);
		tally_merge(&total, t);
	}
	/* Without groups there is always the one row, zeros and all. */
	if (!grouping_active(&run->all.grouping) && total.reached[0] == 0)
		write_tally(&w, run, &empty);
	if (run->o.total) {
		grouping_write_total(&run->all.grouping, &w);
		write_tally(&w, run, &total);
	}
	free(v);
}

/*
** --partial: the state of this part of the input, as CSV, for --merge:
**     part,BY...,[period,]STAGE...,created,top
** "group" rows hold a group's counts; "wait" rows a lead whose counting
** waits for the as-of time of the whole input (--window without --asof),
** with its creation time (ms since 1970, UTC) and highest stage; a
** "latest" row the latest timestamp seen.
*/
struct partial_out {
	struct writer *w;
	const struct run *run;
};

static void
write_partial_header(struct writer *w, const struct run *run)
{
	wr_str(w, "part");
	grouping_write_header(&run->all.grouping, w);
	for (size_t s = 0; s < run->all.leads.st.n; s++)
		wr_str(w, run->all.leads.st.name[s]);
	wr_str(w, "created");
	wr_str(w, "top");
	wr_end(w);
}

static void
write_waiting(void *ctx, kpi_time created, const void *item)
{
	const struct partial_out *po = ctx;
	const struct pending *p = item;

	wr_str(po->w, "wait");
	grouping_write_key(&po->run->all.grouping, po->w, p->group);
	for (size_t s = 0; s < po->run->all.leads.st.n; s++)
		wr_empty(po->w);
	wr_int(po->w, created);
	wr_int(po->w, p->top);
	wr_end(po->w);
}

static void
print_partial(struct run *run)
{
	struct group **v;
	size_t n = gt_count(run->all.groups), nkey;
	struct writer w;
	struct partial_out po = { &w, run };

	/* Count what is already old enough before writing the counts. */
	lq_settle(&run->all.waiting, NULL, NULL);
	v = gt_sorted(run->all.groups);
	wr_init(&w, stdout, run->o.precision);
	write_partial_header(&w, run);
	for (size_t i = 0; i < n; i++) {
		const struct tally *t = v[i]->state;

		wr_str(&w, "group");
		grouping_write_key(&run->all.grouping, &w, v[i]);
		for (size_t s = 0; s < run->all.leads.st.n; s++)
			wr_int(&w, (int64_t)t->reached[s]);
		wr_empty(&w);
		wr_empty(&w);
		wr_end(&w);
	}
	lq_settle(&run->all.waiting, write_waiting, &po);
	if (run->all.waiting.latest != NO_TIME) {
		nkey = grouping_width(&run->all.grouping);
		wr_str(&w, "latest");
		for (size_t i = 0; i < nkey + run->all.leads.st.n; i++)
			wr_empty(&w);
		wr_int(&w, run->all.waiting.latest);
		wr_empty(&w);
		wr_end(&w);
	}
	free(v);
}

/*
** --merge: read --partial outputs (several may follow each other in one
** stream, each with its header) into run->all, then settle the waiting
** leads at the latest time of them all.
*/
static void
merge_partials(struct run *run)
{
	struct lead_part *a = &run->all;
	size_t nkey = grouping_width(&a->grouping);
	size_t nst = a->leads.st.n, ncol = 1 + nkey + nst + 2;

	for (size_t i = 0; i < run->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(run->o.files[i], &run->o.rd);
		const struct row *h = rd_header(r), *row;
		int rc;

		/* The partial's columns must be those this merge would write. */
		if (h->n != ncol || strcmp(h->f[0].s, "part") != 0)
			die(EX_DATAERR, "%s:%lu: not the output of lead-convert "
			    "--partial with these --by, --period and --stages",
			    rd_name(r), h->line);
		if (grouping_check_header(&a->grouping, r, h, 1) < 0)
			rd_die(r);
		if (leads_check_stage_header(&a->leads, r, h, 1 + nkey) < 0)
			rd_die(r);
		while ((rc = rd_next(r, &row)) > 0) {
			const char *part = row->f[0].s;
			const struct strbuf *key;
			struct group *g = NULL;
			long long v;

			if (strcmp(part, "part") == 0)
				continue;       /* the header of the next partial */
			key = grouping_key_read(&a->grouping, row, 1);
			if (strcmp(part, "group") == 0) {
				struct tally t = {0};
				int bad = 0;

				for (size_t s = 0; s < nst && !bad; s++)
					if (cols_partial_int(r, row, 1 + nkey + s, 0,
					    LLONG_MAX, &v) < 0)
						bad = 1;
					else
						t.reached[s] = (uint64_t)v;
				if (!bad) {
					g = gt_get(a->groups, key->s, key->len, NULL);
					tally_merge(g->state, &t);
				}
			} else if (strcmp(part, "wait") == 0) {
				struct pending p;
				long long created;

				if (cols_partial_int(r, row, ncol - 2, LLONG_MIN + 1,
				    LLONG_MAX, &created) == 0 &&
				    cols_partial_int(r, row, ncol - 1, 0,
				    (long long)nst - 1, &v) == 0) {
					p.group = gt_get(a->groups, key->s, key->len, NULL);
					p.top = (int)v;
					lq_push(&a->waiting, created, &p);
				}
			} else if (strcmp(part, "latest") == 0) {
				if (cols_partial_int(r, row, ncol - 2, LLONG_MIN + 1,
				    LLONG_MAX, &v) == 0)
					lq_see(&a->waiting, v);
			} else {
				rd_bad(r, row, 0, "'%s' is not a part of lead-convert "
				    "--partial", part);
			}
		}
		if (rc < 0)
			rd_die(r);
		rd_close(r);
	}
	lq_finish(&a->waiting);
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

		if (leads_bind(&run->all.leads, r, NULL) < 0)
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

			if (leads_decode(&run->all.leads, r, row, &d) < 0)
				continue;
			top = leads_top(&run->all.leads, &d, run->all.leads.asof);
			for (size_t c = 0; c < row->n; c++)
				wr_field(&w, row->f[c].s, row->f[c].len);
			wr_str(&w, top >= 0 ? run->all.leads.st.name[top] : "");
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
		    OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS,
		tool_options, handle_option, "leads",
	};
	struct run run = { .cfg = { .ci = 0.95 } };

	opts_parse(&run.o, &spec, &run.cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	run.o.rd.notes = &run.notes;
	if (run.cfg.partial + run.cfg.merge + run.o.annotate > 1)
		usage_error("--partial, --merge and --annotate go alone");
	/*
	 * A part cannot know the ids of the others: --partial counts every
	 * row, so that where the input is cut never changes the result.
	 */
	if (run.cfg.partial)
		run.o.dedup = 0;
	part_init(&run.all, &run.o);
	if (run.o.annotate) {
		if (run.o.nby > 0 || run.o.period != PERIOD_NONE || run.o.total)
			usage_error("--annotate writes rows, not groups: --by, "
			    "--period and --total do not apply");
		annotate(&run);
	} else if (run.cfg.merge) {
		merge_partials(&run);
		print_groups(&run);
	} else if (run.cfg.partial) {
		leads_read(&run.o, &run.all.leads, &run.all.grouping, count_row,
		    &run.all);
		print_partial(&run);
	} else {
		read_input(&run);
		leads_report(&run.all.leads);
		print_groups(&run);
	}
	lead_part_free(&run.all, NULL);
	notes_print(&run.notes);
	sb_free(&run.notes);
	opts_free(&run.o);
	return close_stdout();
}
