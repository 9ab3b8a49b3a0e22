/* See LICENSE file for copyright and license details. */
/*
** funnel: one row per stage (and group): how many leads reached it, its
** share of the top, the step conversion and drop-off from the stage
** before, and the median days it took. See funnel(1).
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

enum { OPT_LOST = OPT_TOOL };

static const struct tool_option tool_options[] = {
	{ "lost", NULL, OPT_LOST,
	    "add a column: leads lost at each stage (their highest)" },
	{ 0 }
};

struct config {
	int lost;
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
	struct tally *tally;
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
}

static void
apply(void *ctx, const void *item)
{
	const struct contribution *c = item;
	struct stage_tally *st = c->tally->stage;

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
	c.tally = gt_get(run->lp.groups, key->s, key->len, NULL)->state;
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
	part_init(&run.all, &run.o);
	read_input(&run);
	leads_report(&run.all.lp.leads);
	if (run.all.out_of_order > 0)
		note(&run.notes, "%lu lead%s a stage dated before the stage before it; "
		    "those steps are left out of median_days_from_previous; "
		    "the first: %s", run.all.out_of_order,
		    run.all.out_of_order == 1 ? " has" : "s have",
		    run.all.first_out_of_order);
	print_groups(&run);
	part_free(&run.all);
	notes_print(&run.notes);
	sb_free(&run.notes);
	opts_free(&run.o);
	return close_stdout();
}
