/* See LICENSE file for copyright and license details. */
/*
** funnel: one row per stage (and group): how many leads reached it, its
** share of the top, the step conversion and drop-off from the stage
** before, and the median days it took. See funnel(1).
*/
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/cols.h"
#include "../lib/group.h"
#include "../lib/leads.h"
#include "../lib/opts.h"
#include "../lib/reader.h"
#include "../lib/stats.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum { OPT_LOST = OPT_TOOL, OPT_PARTIAL, OPT_MERGE };

static const struct tool_option tool_options[] = {
	{ "lost", NULL, OPT_LOST,
	    "add a column: leads lost at each stage (their highest)" },
	{ "partial", NULL, OPT_PARTIAL,
	    "write the mergeable state instead of the result" },
	{ "merge", NULL, OPT_MERGE,
	    "read --partial outputs and write the result" },
	{ 0 }
};

/* 2^53: the milliseconds a double holds exactly (285,000 years). */
#define MAX_EXACT_MS 9007199254740992LL

struct config {
	int lost;
	int partial, merge;
};

/* Per group and stage. Merges by adding counts and appending days. */
struct stage_tally {
	uint64_t reached;
	uint64_t lost;             /* lost with this as the highest stage */
	struct dvec days;          /* days from the stage before, for the median */
};

struct tally {
	struct stage_tally stage[MAX_STAGES];
};

/* What one lead adds to its group. */
struct contribution {
	struct group *group;       /* its state is a struct tally */
	int top;                   /* the highest stage it counts as reaching */
	int lost;                  /* lost, at that stage */
	double days[MAX_STAGES];   /* [s]: days from stage s-1 to s, or NAN */
};

/*
** What reading rows builds: from all the input, or from one chunk of it
** on its own thread (--jobs). Parts merge exactly.
*/
struct part {
	struct lead_part lp;           /* groups of struct tally; first */
	unsigned long out_of_order;    /* leads with a stage before the last */
	char *first_out_of_order;
};

struct run {
	struct kpi_opts o;
	struct strbuf notes;          /* warnings, printed after the result */
	struct config cfg;
	struct part all;
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	(void)arg;
	if (key == OPT_LOST)
		cfg->lost = 1;
	else if (key == OPT_PARTIAL)
		cfg->partial = 1;
	else if (key == OPT_MERGE)
		cfg->merge = 1;
}

static void
apply(void *ctx, const void *item)
{
	const struct contribution *c = item;
	struct stage_tally *st = ((struct tally *)c->group->state)->stage;

	(void)ctx;
	for (int s = 0; s <= c->top; s++) {
		st[s].reached++;
		if (!isnan(c->days[s]))
			dvec_push(&st[s].days, c->days[s]);
	}
	if (c->lost)
		st[c->top].lost++;
}

static void
tally_merge(void *into, const void *from)
{
	struct stage_tally *a = ((struct tally *)into)->stage;
	const struct stage_tally *b = ((const struct tally *)from)->stage;

	for (size_t s = 0; s < MAX_STAGES; s++) {
		a[s].reached += b[s].reached;
		a[s].lost += b[s].lost;
		dvec_append(&a[s].days, &b[s].days);
	}
}

static void
tally_free(void *state)
{
	struct tally *t = state;

	for (size_t s = 0; s < MAX_STAGES; s++)
		dvec_free(&t->stage[s].days);
}

/* Whether timestamp T counts under --asof and --window for lead D. */
static int
in_view(const struct leads *l, const struct lead *d, kpi_time t)
{
	return t != NO_TIME && (l->asof == NO_TIME || t <= l->asof) &&
	    (l->window_ms < 0 || t - d->created <= l->window_ms);
}

/*
** The days from each stage to the next, for leads with both timestamps in
** view. A stage dated before the one before it (data entered out of order)
** gives no duration: the lead still counts, and the first such row is
** reported at the end rather than bending the median.
*/
static void
stage_days(struct part *run, const struct reader *r, const struct row *row,
    const struct lead *d, struct contribution *c)
{
	const struct leads *l = &run->lp.leads;
	int backwards = 0;

	c->days[0] = NAN;
	for (size_t s = 1; s < l->st.n; s++) {
		c->days[s] = NAN;
		if (!in_view(l, d, d->at[s - 1]) || !in_view(l, d, d->at[s]))
			continue;
		if (d->at[s] < d->at[s - 1]) {
			backwards = 1;
			continue;
		}
		c->days[s] = days_between(d->at[s - 1], d->at[s]);
	}
	if (backwards && run->out_of_order++ == 0) {
		struct strbuf msg = {0};

		sb_printf(&msg, "%s:%lu", rd_name(r), row->line);
		run->first_out_of_order = msg.s;
	}
}

static int
count_row(void *ctx, struct reader *r, const struct row *row)
{
	struct part *run = ctx;
	struct leads *l = &run->lp.leads;
	const struct strbuf *key;
	struct contribution c;
	struct lead d;
	enum admit admit;

	if (leads_decode(l, r, row, &d) < 0)
		return -1;
	if (leads_duplicate(l, r, row, &d))
		return 0;
	lq_see(&run->lp.waiting, d.latest);
	if ((admit = leads_admit(l, &d, &c.top)) == ADMIT_NEVER)
		return 0;
	key = grouping_key(&run->lp.grouping, row, d.created);
	c.group = gt_get(run->lp.groups, key->s, key->len, NULL);
	c.lost = d.lost != NO_TIME && (l->asof == NO_TIME || d.lost <= l->asof);
	stage_days(run, r, row, &d, &c);
	if (admit == ADMIT_NOW)
		apply(NULL, &c);
	else
		lq_push(&run->lp.waiting, d.created, &c);
	return 0;
}

static void
part_init(struct part *p, const struct kpi_opts *o)
{
	memset(p, 0, sizeof *p);
	lead_part_init(&p->lp, o, sizeof(struct tally),
	    sizeof(struct contribution), apply);
}

static void
part_free(struct part *p)
{
	lead_part_free(&p->lp, tally_free);
	free(p->first_out_of_order);
}

/* --jobs: a part per chunk (see leads_read_parts()). */
static void *
chunk_start(void *ctx)
{
	struct part *p = xmalloc(sizeof *p);

	part_init(p, &((struct run *)ctx)->o);
	return p;
}

/* A stage out of order is told with its line: read again on one thread. */
static int
chunk_clean(const void *state)
{
	return ((const struct part *)state)->out_of_order == 0;
}

static void
chunk_free(void *state)
{
	part_free(state);
	free(state);
}

/*
** Read the input into run->all: on --jobs threads when it can be. The
** durations of the chunks are appended in input order, so the medians are
** those of one pass.
*/
static void
read_input(struct run *run)
{
	const struct lead_part_tool tool = { chunk_start, count_row,
	    chunk_clean, chunk_free, tally_merge, run };

	leads_read_parts(&run->o, &run->all.lp, &tool, &run->notes);
}

static void
write_header(struct writer *w, const struct run *run)
{
	grouping_write_header(&run->all.lp.grouping, w);
	wr_str(w, "stage");
	wr_str(w, "count");
	wr_str(w, "share_of_top");
	wr_str(w, "step_conversion");
	wr_str(w, "drop_off");
	wr_str(w, "median_days_from_previous");
	if (run->cfg.lost)
		wr_str(w, "lost");
	wr_end(w);
}

static double
ratio(uint64_t a, uint64_t b)
{
	return b ? (double)a / (double)b : NAN;
}

/* The rows of one group: KEY writes its key columns (NULL: none). */
static void
write_stages(struct writer *w, const struct run *run, struct tally *t,
    void (*key)(struct writer *, const void *), const void *arg)
{
	const struct stage_tally *st = t->stage;

	for (size_t s = 0; s < run->all.lp.leads.st.n; s++) {
		struct dvec *days = &t->stage[s].days;

		if (key != NULL)
			key(w, arg);
		wr_str(w, run->all.lp.leads.st.name[s]);
		wr_int(w, (int64_t)st[s].reached);
		wr_num(w, ratio(st[s].reached, st[0].reached));
		if (s == 0) {
			wr_empty(w);
			wr_empty(w);
		} else {
			wr_num(w, ratio(st[s].reached, st[s - 1].reached));
			wr_int(w, (int64_t)st[s - 1].reached - (int64_t)st[s].reached);
		}
		sort_doubles(days->v, days->n);
		wr_num(w, quantile7(days->v, days->n, 0.5));
		if (run->cfg.lost)
			wr_int(w, (int64_t)st[s].lost);
		wr_end(w);
	}
}

struct keyed {
	const struct grouping *grouping;
	const struct group *group;
};

static void
write_group_key(struct writer *w, const void *arg)
{
	const struct keyed *k = arg;

	grouping_write_key(k->grouping, w, k->group);
}

static void
write_total_key(struct writer *w, const void *arg)
{
	grouping_write_total(arg, w);
}

static void
print_groups(struct run *run)
{
	struct group **v = gt_sorted(run->all.lp.groups);
	size_t n = gt_count(run->all.lp.groups);
	struct tally total;
	struct writer w;

	memset(&total, 0, sizeof total);
	wr_init(&w, stdout, run->o.precision);
	write_header(&w, run);
	for (size_t i = 0; i < n; i++) {
		struct tally *t = v[i]->state;
		struct keyed k = { &run->all.lp.grouping, v[i] };

		if (t->stage[0].reached == 0)
			continue;
		write_stages(&w, run, t, write_group_key, &k);
		if (run->o.total)
			tally_merge(&total, t);
	}
	if (!grouping_active(&run->all.lp.grouping) && n == 0)
		write_stages(&w, run, &total, NULL, NULL);
	if (run->o.total)
		write_stages(&w, run, &total, write_total_key, &run->all.lp.grouping);
	tally_free(&total);
	free(v);
}

/*
** --partial: the state of this part of the input, as CSV, for --merge:
**     part,BY...,[period,]STAGE...,created,top,lost
** Per group, a "reached" and a "lost" row hold the counts of each stage,
** and "days" rows the durations from the stage before (in ms; the i-th
** row holds each stage's i-th, empty when it has fewer). A "wait" row is
** a lead whose counting waits for the as-of time of the whole input
** (--window without --asof): its durations, creation time (ms since 1970,
** UTC), highest stage and whether it was lost. A "latest" row holds the
** latest timestamp seen.
*/
struct partial_out {
	struct writer *w;
	const struct run *run;
};

/* DAYS (a duration that days_between() gave) as the ms it came from. */
static long long
days_ms(double days)
{
	return llround(days * MS_PER_DAY);
}

static void
write_partial_key(const struct partial_out *po, const char *part,
    const struct group *grp)
{
	wr_str(po->w, part);
	grouping_write_key(&po->run->all.lp.grouping, po->w, grp);
}

static void
write_waiting(void *ctx, kpi_time created, const void *item)
{
	const struct partial_out *po = ctx;
	const struct contribution *c = item;

	write_partial_key(po, "wait", c->group);
	for (size_t s = 0; s < po->run->all.lp.leads.st.n; s++)
		if (isnan(c->days[s]))
			wr_empty(po->w);
		else
			wr_int(po->w, days_ms(c->days[s]));
	wr_int(po->w, created);
	wr_int(po->w, c->top);
	wr_int(po->w, c->lost);
	wr_end(po->w);
}

static void
write_partial_group(const struct partial_out *po, const struct group *grp)
{
	const struct stage_tally *st = ((const struct tally *)grp->state)->stage;
	size_t nst = po->run->all.lp.leads.st.n, rows = 0;

	write_partial_key(po, "reached", grp);
	for (size_t s = 0; s < nst; s++)
		wr_int(po->w, (int64_t)st[s].reached);
	for (int i = 0; i < 3; i++)
		wr_empty(po->w);
	wr_end(po->w);
	write_partial_key(po, "lost", grp);
	for (size_t s = 0; s < nst; s++) {
		wr_int(po->w, (int64_t)st[s].lost);
		if (st[s].days.n > rows)
			rows = st[s].days.n;
	}
	for (int i = 0; i < 3; i++)
		wr_empty(po->w);
	wr_end(po->w);
	for (size_t i = 0; i < rows; i++) {
		write_partial_key(po, "days", grp);
		for (size_t s = 0; s < nst; s++)
			if (i < st[s].days.n)
				wr_int(po->w, days_ms(st[s].days.v[i]));
			else
				wr_empty(po->w);
		for (int k = 0; k < 3; k++)
			wr_empty(po->w);
		wr_end(po->w);
	}
}

static void
print_partial(struct run *run)
{
	const struct lead_part *a = &run->all.lp;
	size_t nst = a->leads.st.n, nkey = grouping_width(&a->grouping);
	struct writer w;
	struct partial_out po = { &w, run };
	struct group **v;

	/* Count what is already old enough before writing the counts. */
	lq_settle(&run->all.lp.waiting, NULL, NULL);
	v = gt_sorted(a->groups);
	wr_init(&w, stdout, run->o.precision);
	wr_str(&w, "part");
	grouping_write_header(&a->grouping, &w);
	for (size_t s = 0; s < nst; s++)
		wr_str(&w, a->leads.st.name[s]);
	wr_str(&w, "created");
	wr_str(&w, "top");
	wr_str(&w, "lost");
	wr_end(&w);
	for (size_t i = 0; i < gt_count(a->groups); i++)
		write_partial_group(&po, v[i]);
	lq_settle(&run->all.lp.waiting, write_waiting, &po);
	if (a->waiting.latest != NO_TIME) {
		wr_str(&w, "latest");
		for (size_t i = 0; i < nkey + nst; i++)
			wr_empty(&w);
		wr_int(&w, a->waiting.latest);
		wr_empty(&w);
		wr_empty(&w);
		wr_end(&w);
	}
	free(v);
}

/*
** The NST durations of a "days" or "wait" row, in ms from column FIRST
** on, into DAYS as days_between() gives them (NAN where empty). -1 after
** rd_bad().
*/
static int
partial_days(struct reader *r, const struct row *row, size_t first,
    size_t nst, double *days)
{
	for (size_t s = 0; s < nst; s++) {
		long long ms;

		days[s] = NAN;
		if (row->f[first + s].len == 0)
			continue;
		if (cols_partial_int(r, row, first + s, 0, MAX_EXACT_MS, &ms) < 0)
			return -1;
		days[s] = days_between(0, ms);
	}
	return 0;
}

/* One row of a --partial output into the groups, the queue or the time. */
static void
merge_row(struct run *run, struct reader *r, const struct row *row)
{
	struct lead_part *a = &run->all.lp;
	size_t nst = a->leads.st.n, first = 1 + grouping_width(&a->grouping);
	const char *part = row->f[0].s;
	const struct strbuf *key = grouping_key_read(&a->grouping, row, 1);
	struct contribution c;
	long long v[3];

	if (strcmp(part, "reached") == 0 || strcmp(part, "lost") == 0) {
		long long n[MAX_STAGES];
		struct stage_tally *st;

		for (size_t s = 0; s < nst; s++)
			if (cols_partial_int(r, row, first + s, 0, LLONG_MAX, &n[s]) < 0)
				return;
		st = ((struct tally *)gt_get(a->groups, key->s, key->len,
		    NULL)->state)->stage;
		for (size_t s = 0; s < nst; s++)
			if (part[0] == 'l')
				st[s].lost += (uint64_t)n[s];
			else
				st[s].reached += (uint64_t)n[s];
	} else if (strcmp(part, "days") == 0) {
		struct stage_tally *st;

		if (partial_days(r, row, first, nst, c.days) < 0)
			return;
		st = ((struct tally *)gt_get(a->groups, key->s, key->len,
		    NULL)->state)->stage;
		for (size_t s = 0; s < nst; s++)
			if (!isnan(c.days[s]))
				dvec_push(&st[s].days, c.days[s]);
	} else if (strcmp(part, "wait") == 0) {
		if (partial_days(r, row, first, nst, c.days) < 0 ||
		    cols_partial_int(r, row, first + nst, -MAX_EXACT_MS, MAX_EXACT_MS,
		    &v[0]) < 0 ||
		    cols_partial_int(r, row, first + nst + 1, 0, (long long)nst - 1,
		    &v[1]) < 0 ||
		    cols_partial_int(r, row, first + nst + 2, 0, 1, &v[2]) < 0)
			return;
		c.group = gt_get(a->groups, key->s, key->len, NULL);
		c.top = (int)v[1];
		c.lost = (int)v[2];
		lq_push(&a->waiting, v[0], &c);
	} else if (strcmp(part, "latest") == 0) {
		if (cols_partial_int(r, row, first + nst, -MAX_EXACT_MS, MAX_EXACT_MS,
		    &v[0]) == 0)
			lq_see(&a->waiting, v[0]);
	} else {
		rd_bad(r, row, 0, "'%s' is not a part of funnel --partial", part);
	}
}

/*
** --merge: read --partial outputs (several may follow each other in one
** stream, each with its header) into run->all, then count the waiting
** leads at the latest time of them all.
*/
static void
merge_partials(struct run *run)
{
	struct lead_part *a = &run->all.lp;
	size_t nkey = grouping_width(&a->grouping), nst = a->leads.st.n;

	for (size_t i = 0; i < run->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(run->o.files[i], &run->o.rd);
		const struct row *h = rd_header(r), *row;
		int rc;

		/* The partial's columns must be those this merge would write. */
		if (h->n != 1 + nkey + nst + 3 || strcmp(h->f[0].s, "part") != 0)
			die(EX_DATAERR, "%s:%lu: not the output of funnel "
			    "--partial with these --by, --period and --stages",
			    rd_name(r), h->line);
		if (grouping_check_header(&a->grouping, r, h, 1) < 0 ||
		    leads_check_stage_header(&a->leads, r, h, 1 + nkey) < 0)
			rd_die(r);
		while ((rc = rd_next(r, &row)) > 0) {
			/* A "part" row is the header of the next partial. */
			if (strcmp(row->f[0].s, "part") != 0)
				merge_row(run, r, row);
		}
		if (rc < 0)
			rd_die(r);
		rd_close(r);
	}
	lq_finish(&a->waiting);
}

int
main(int argc, char *argv[])
{
	static const struct tool_spec spec = {
		"[file ...]",
		"The funnel: leads at each stage, conversion and drop-off between "
		"stages, and the days each step takes.",
		OPTS_STAGES | OPTS_WINDOW | OPTS_ASOF | OPTS_TOTAL | OPTS_DEDUP |
		    OPTS_JOBS,
		tool_options, handle_option, "leads",
	};
	struct run run = {0};

	opts_parse(&run.o, &spec, &run.cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	run.o.rd.notes = &run.notes;
	if (run.cfg.partial && run.cfg.merge)
		usage_error("--partial and --merge go alone");
	/*
	 * A part cannot know the ids of the others: --partial counts every
	 * row, so that where the input is cut never changes the result.
	 */
	if (run.cfg.partial)
		run.o.dedup = 0;
	part_init(&run.all, &run.o);
	if (run.cfg.merge) {
		merge_partials(&run);
		print_groups(&run);
	} else {
		/* A partial keeps the leads still waiting: one pass, no
		 * settling at its end. */
		if (run.cfg.partial)
			leads_read(&run.o, &run.all.lp.leads,
			    &run.all.lp.grouping, count_row, &run.all);
		else
			read_input(&run);
		leads_report(&run.all.lp.leads);
		if (run.all.out_of_order > 0)
			note(&run.notes, "%lu lead%s a stage dated before the stage "
			    "before it; those steps are left out of "
			    "median_days_from_previous; the first: %s",
			    run.all.out_of_order,
			    run.all.out_of_order == 1 ? " has" : "s have",
			    run.all.first_out_of_order);
		if (run.cfg.partial)
			print_partial(&run);
		else
			print_groups(&run);
	}
	part_free(&run.all);
	notes_print(&run.notes);
	sb_free(&run.notes);
	opts_free(&run.o);
	return close_stdout();
}
