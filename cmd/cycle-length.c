/* See LICENSE file for copyright and license details. */
/*
** cycle-length: per group, how long rows took from one stage to another:
** how many were won, lost and are still open, the distribution of the
** closed cycles, and with --km the Kaplan-Meier estimate that counts the
** open rows too, as censored. See cycle-length(1).
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
#include "../lib/survival.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum {
	OPT_FROM = OPT_TOOL, OPT_TO, OPT_INCLUDE_LOST, OPT_KM, OPT_UNIT,
	OPT_PARTIAL, OPT_MERGE
};

static const struct tool_option tool_options[] = {
	{ "from", "STAGE", OPT_FROM,
	    "the cycle starts at this stage (default: the first)" },
	{ "to", "STAGE", OPT_TO,
	    "the cycle ends at this stage (default: the last)" },
	{ "include-lost", NULL, OPT_INCLUDE_LOST,
	    "lost rows' cycles (up to lost_at) join the statistics" },
	{ "km", NULL, OPT_KM,
	    "add the Kaplan-Meier estimate, open rows censored at --asof" },
	{ "unit", "UNIT", OPT_UNIT, "days, hours or weeks (default days)" },
	{ "partial", NULL, OPT_PARTIAL,
	    "write the mergeable state instead of the result" },
	{ "merge", NULL, OPT_MERGE,
	    "read --partial outputs and write the result" },
	{ 0 }
};

/* 2^53: the milliseconds a double holds exactly (285,000 years). */
#define MAX_EXACT_MS 9007199254740992LL

struct unit {
	const char *name;      /* the output columns' suffix */
	double ms;             /* milliseconds in one */
};

static const struct unit units[] = {
	{ "days", MS_PER_DAY },
	{ "hours", MS_PER_DAY / 24 },
	{ "weeks", 7 * MS_PER_DAY },
};

struct config {
	const char *from, *to;          /* stage names; NULL: first, last */
	int include_lost;
	int km;
	const struct unit *unit;
	int partial, merge;
};

enum status { OUTSIDE, WON, LOST, OPEN };

static const char *const status_name[] = { "", "won", "lost", "open" };

/* Where one row stands in the cycle, as of --asof. */
struct cycle {
	enum status status;
	kpi_time start;
	kpi_time end;                   /* NO_TIME while open */
};

/*
** Per group. Every statistic is computed at the end from the sorted
** vectors, so that two states of disjoint rows (chunks of a file) merge
** exactly: counts add, vectors concatenate (tally_merge).
*/
struct tally {
	uint64_t won, lost, open;
	struct dvec closed;      /* ms each closed cycle took: won rows, and
	                            lost ones with --include-lost */
	struct dvec open_start;  /* --km: when each open row's cycle started
	                            (ms since the epoch); its censoring time
	                            is known when --asof is */
	struct dvec lost_cycle;  /* --partial, --merge: lost rows' cycles, kept
	                            apart until --include-lost is applied */
};

/*
** What reading rows builds: from all the input, or from one chunk of it
** on its own thread (--jobs). Its lead queue holds no leads (a cycle does
** not wait for the as-of time); it keeps the latest timestamp read, where
** open rows are censored without --asof.
*/
struct part {
	struct lead_part lp;            /* groups of struct tally; first */
	const struct run *run;          /* the options, read only */
};

struct run {
	struct kpi_opts o;
	struct strbuf notes;            /* warnings, printed after the result */
	struct config cfg;
	int from, to;                   /* stage indexes, from < to */
	struct part all;
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;
	size_t i;

	switch (key) {
	case OPT_FROM:
		cfg->from = arg;
		break;
	case OPT_TO:
		cfg->to = arg;
		break;
	case OPT_INCLUDE_LOST:
		cfg->include_lost = 1;
		break;
	case OPT_KM:
		cfg->km = 1;
		break;
	case OPT_PARTIAL:
		cfg->partial = 1;
		break;
	case OPT_MERGE:
		cfg->merge = 1;
		break;
	case OPT_UNIT:
		for (i = 0; i < sizeof units / sizeof units[0]; i++)
			if (strcmp(arg, units[i].name) == 0)
				break;
		if (i == sizeof units / sizeof units[0])
			usage_error("--unit: '%s' is not days, hours or weeks", arg);
		cfg->unit = &units[i];
		break;
	}
}

/* The index of the stage NAME, given to option --OPT; DFLT when NAME is
** NULL (the option was not given). An unknown name is a usage error. */
static int
stage_option(const struct stages *st, const char *opt, const char *name,
    int dflt)
{
	struct strbuf list = {0};
	int s;

	if (name == NULL)
		return dflt;
	if ((s = stages_find(st, name, strlen(name))) >= 0)
		return s;
	for (size_t i = 0; i < st->n; i++)
		sb_printf(&list, "%s%s", i ? ", " : "", st->name[i]);
	usage_error("--%s: '%s' is not one of the stages (%s)", opt, name,
	    list.s);
}

/*
** The column of the first stage from S on whose own timestamp is T: where
** a reach time came from. There always is one when T is D's reach time of
** S or a later stage, or S's own timestamp.
*/
static long
column_of(const struct leads *l, const struct lead *d, int s, kpi_time t)
{
	while ((size_t)s < l->st.n && d->at[s] != t)
		s++;
	return (size_t)s < l->st.n ? l->col_at[s] : -1;
}

static int
ends_before_start(const struct part *p, struct reader *r,
    const struct row *row, const struct lead *d, const struct cycle *c,
    long endcol)
{
	const struct field *start, *end = &row->f[endcol];
	long startcol = column_of(&p->lp.leads, d, p->run->from, c->start);
	char e[ESCAPED_MAX], s[ESCAPED_MAX];

	start = &row->f[startcol];
	return rd_bad(r, row, endcol, "'%s' is before the cycle starts, at "
	    "%s '%s'", escape_text(e, sizeof e, end->s, end->len),
	    rd_header(r)->f[startcol].s,
	    escape_text(s, sizeof s, start->s, start->len));
}

/*
** Where the row D stands in the cycle as of --asof (without it, as of the
** end of the input). It is in the cycle once it has reached --from, as
** lead-convert counts reaching a stage, and its cycle has started by
** --asof. The cycle starts at --from's own timestamp or, when the row
** skipped that stage, when it passed it (the earliest later timestamp).
** It ends when the row reached --to (won) or else was lost. An end before
** the start is an error recorded on the row: returns -1.
*/
static int
classify(const struct part *p, struct reader *r, const struct row *row,
    const struct lead *d, struct cycle *c)
{
	const struct run *run = p->run;
	const struct leads *l = &p->lp.leads;
	kpi_time asof = l->asof;
	int top = leads_top(l, d, asof);
	long endcol;

	c->status = OUTSIDE;
	c->end = NO_TIME;
	if (top < run->from)
		return 0;
	c->start = d->at[run->from] != NO_TIME ? d->at[run->from] :
	    d->reach[run->from];
	if (asof != NO_TIME && c->start > asof)
		return 0;
	if (top >= run->to) {
		c->status = WON;
		c->end = d->reach[run->to];
		endcol = column_of(l, d, run->to, c->end);
	} else if (d->lost != NO_TIME && (asof == NO_TIME || d->lost <= asof)) {
		c->status = LOST;
		c->end = d->lost;
		endcol = l->col_lost;
	} else {
		c->status = OPEN;
		return 0;
	}
	if (c->end < c->start)
		return ends_before_start(p, r, row, d, c, endcol);
	return 0;
}

/* One row into part P; -1 after rd_bad(). */
static int
count_row(void *part, struct reader *r, const struct row *row)
{
	struct part *p = part;
	const struct strbuf *key;
	struct tally *t;
	struct lead d;
	struct cycle c;

	if (leads_decode(&p->lp.leads, r, row, &d) < 0 ||
	    classify(p, r, row, &d, &c) < 0)
		return -1;
	if (leads_duplicate(&p->lp.leads, r, row, &d))
		return 0;
	lq_see(&p->lp.waiting, d.latest);
	if (c.status == OUTSIDE)
		return 0;
	key = grouping_key(&p->lp.grouping, row, c.start);
	t = gt_get(p->lp.groups, key->s, key->len, NULL)->state;
	switch (c.status) {
	case WON:
		t->won++;
		dvec_push(&t->closed, (double)(c.end - c.start));
		break;
	case LOST:
		t->lost++;
		if (p->run->cfg.include_lost)
			dvec_push(&t->closed, (double)(c.end - c.start));
		if (p->run->cfg.partial)
			dvec_push(&t->lost_cycle, (double)(c.end - c.start));
		break;
	case OPEN:
		t->open++;
		if (p->run->cfg.km)
			dvec_push(&t->open_start, (double)c.start);
		break;
	case OUTSIDE:
		break;
	}
	return 0;
}

static void
tally_merge(void *into, const void *from)
{
	struct tally *a = into;
	const struct tally *b = from;

	a->won += b->won;
	a->lost += b->lost;
	a->open += b->open;
	dvec_append(&a->closed, &b->closed);
	dvec_append(&a->open_start, &b->open_start);
	dvec_append(&a->lost_cycle, &b->lost_cycle);
}

static void
tally_free(void *state)
{
	struct tally *t = state;

	dvec_free(&t->closed);
	dvec_free(&t->open_start);
	dvec_free(&t->lost_cycle);
}

static void
write_header(struct writer *w, const struct run *run)
{
	static const char *const stat[] = {
		"mean", "median", "p25", "p75", "p90", "min", "max", "stddev",
	};
	const char *unit = run->cfg.unit->name;
	struct strbuf name = {0};

	grouping_write_header(&run->all.lp.grouping, w);
	wr_str(w, "won");
	wr_str(w, "lost");
	wr_str(w, "open");
	for (size_t i = 0; i < sizeof stat / sizeof stat[0]; i++) {
		sb_reset(&name);
		sb_printf(&name, "%s_%s", stat[i], unit);
		wr_str(w, name.s);
	}
	if (run->cfg.km) {
		sb_reset(&name);
		sb_printf(&name, "km_median_%s", unit);
		wr_str(w, name.s);
		sb_reset(&name);
		sb_printf(&name, "km_p75_%s", unit);
		wr_str(w, name.s);
		wr_str(w, "km_events");
	}
	wr_end(w);
	sb_free(&name);
}

/*
** The Kaplan-Meier columns: the closed cycles (sorted) are the events,
** the open rows are censored at --asof, or without it at the latest
** timestamp of the input.
*/
static void
write_km(struct writer *w, const struct run *run, const struct tally *t)
{
	kpi_time asof = run->all.lp.leads.asof != NO_TIME ?
	    run->all.lp.leads.asof : run->all.lp.waiting.latest;
	double unit = run->cfg.unit->ms;
	struct dvec censored = {0};
	struct km km;

	for (size_t i = 0; i < t->open_start.n; i++)
		dvec_push(&censored, (double)asof - t->open_start.v[i]);
	if (censored.n > 0)     /* qsort() must not see the NULL of none */
		sort_doubles(censored.v, censored.n);
	km_estimate(&km, t->closed.v, t->closed.n, censored.v, censored.n);
	wr_num(w, km_quantile(&km, 0.5) / unit);
	wr_num(w, km_quantile(&km, 0.75) / unit);
	wr_int(w, (int64_t)km.events);
	km_free(&km);
	dvec_free(&censored);
}

/* One group's figures (its vector of cycles gets sorted). */
static void
write_tally(struct writer *w, const struct run *run, struct tally *t)
{
	double unit = run->cfg.unit->ms;
	const double *v = t->closed.v;
	size_t n = t->closed.n;
	struct moments m = {0};

	if (n > 0)              /* qsort() must not see the NULL of none */
		sort_doubles(t->closed.v, n);
	for (size_t i = 0; i < n; i++)
		moments_add(&m, v[i]);
	wr_int(w, (int64_t)t->won);
	wr_int(w, (int64_t)t->lost);
	wr_int(w, (int64_t)t->open);
	wr_num(w, n ? m.mean / unit : NAN);
	wr_num(w, quantile7(v, n, 0.5) / unit);
	wr_num(w, quantile7(v, n, 0.25) / unit);
	wr_num(w, quantile7(v, n, 0.75) / unit);
	wr_num(w, quantile7(v, n, 0.9) / unit);
	wr_num(w, n ? v[0] / unit : NAN);
	wr_num(w, n ? v[n - 1] / unit : NAN);
	wr_num(w, moments_stddev(&m) / unit);
	if (run->cfg.km)
		write_km(w, run, t);
	wr_end(w);
}

static void
print_groups(struct run *run)
{
	const struct grouping *g = &run->all.lp.grouping;
	struct group **v = gt_sorted(run->all.lp.groups);
	size_t n = gt_count(run->all.lp.groups);
	struct tally total = {0};
	struct writer w;

	wr_init(&w, stdout, run->o.precision);
	write_header(&w, run);
	for (size_t i = 0; i < n; i++) {
		grouping_write_key(g, &w, v[i]);
		write_tally(&w, run, v[i]->state);
		if (run->o.total)
			tally_merge(&total, v[i]->state);
	}
	/* Without groups there is always the one row, zeros and all. */
	if (!grouping_active(g) && n == 0)
		write_tally(&w, run, &total);
	if (run->o.total) {
		grouping_write_total(g, &w);
		write_tally(&w, run, &total);
	}
	tally_free(&total);
	free(v);
}

/* Whether header row H has the fields that KEY holds (see key_add()). */
static int
same_header(const struct strbuf *key, const struct row *h)
{
	struct strbuf k = {0};
	int same;

	for (size_t c = 0; c < h->n; c++)
		key_add(&k, h->f[c].s, h->f[c].len);
	same = k.len == key->len && memcmp(k.s, key->s, k.len) == 0;
	sb_free(&k);
	return same;
}

/*
** --annotate: each row as it came, plus its cycle and status. An open
** row's cycle so far needs the as-of time, which without --asof is known
** only at the end of the input: then it is left empty.
*/
static void
annotate(struct run *run)
{
	const struct unit *unit = run->cfg.unit;
	struct leads *l = &run->all.lp.leads;
	kpi_time asof = l->asof;
	struct strbuf name = {0};
	const char *added[2] = { NULL, "cycle_status" };
	struct strbuf header = {0};
	char *first = NULL;
	struct writer w;

	sb_printf(&name, "cycle_%s", unit->name);
	added[0] = name.s;
	wr_init(&w, stdout, run->o.precision);
	for (size_t i = 0; i < run->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(run->o.files[i], &run->o.rd);
		const struct row *h = rd_header(r), *row;
		int rc;

		if (leads_bind(l, r, NULL) < 0)
			rd_die(r);
		for (size_t c = 0; c < 2; c++)
			if (rd_col(r, added[c]) != RD_NO_COLUMN)
				die(EX_DATAERR, "%s:%lu: the input already has a "
				    "column '%s'", rd_name(r), h->line, added[c]);
		if (i == 0) {
			for (size_t c = 0; c < h->n; c++)
				wr_field(&w, h->f[c].s, h->f[c].len);
			wr_str(&w, added[0]);
			wr_str(&w, added[1]);
			wr_end(&w);
			first = xstrdup(rd_name(r));
			for (size_t c = 0; c < h->n; c++)
				key_add(&header, h->f[c].s, h->f[c].len);
		} else if (!same_header(&header, h)) {
			die(EX_DATAERR, "%s:%lu: the header differs from %s's; "
			    "annotated rows must line up under one header",
			    rd_name(r), h->line, first);
		}
		while ((rc = rd_next(r, &row)) > 0) {
			struct lead d;
			struct cycle c;

			if (leads_decode(l, r, row, &d) < 0 ||
			    classify(&run->all, r, row, &d, &c) < 0)
				continue;
			for (size_t f = 0; f < row->n; f++)
				wr_field(&w, row->f[f].s, row->f[f].len);
			if (c.status == WON || c.status == LOST)
				wr_num(&w, (double)(c.end - c.start) / unit->ms);
			else if (c.status == OPEN && asof != NO_TIME)
				wr_num(&w, (double)(asof - c.start) / unit->ms);
			else
				wr_empty(&w);
			wr_str(&w, status_name[c.status]);
			wr_end(&w);
		}
		if (rc < 0)
			rd_die(r);
		rd_close(r);
	}
	sb_free(&name);
	sb_free(&header);
	free(first);
}

static void
part_init(struct part *p, const struct run *run)
{
	lead_part_init(&p->lp, &run->o, sizeof(struct tally), 0, NULL);
	p->run = run;
}

/* --jobs: a part per chunk (see leads_read_parts()). */
static void *
chunk_start(void *ctx)
{
	struct part *p = xcalloc(1, sizeof *p);

	part_init(p, ctx);
	return p;
}

static int
chunk_clean(const void *state)
{
	(void)state;
	return 1;       /* no warning of cycle-length's is per row */
}

static void
chunk_free(void *state)
{
	lead_part_free(state, tally_free);
	free(state);
}

/*
** Read the input into run->all: on --jobs threads when it can be. The
** cycles of the chunks are appended in input order and sorted at the end,
** so every statistic is that of one pass.
*/
static void
read_input(struct run *run)
{
	const struct lead_part_tool tool = { chunk_start, count_row,
	    chunk_clean, chunk_free, tally_merge, run };

	leads_read_parts(&run->o, &run->all.lp, &tool, &run->notes);
}

/*
** --partial: the state of this part of the input, as CSV, for --merge:
**     part,BY...,[period,]won,lost,open,ms_FROM_TO
** A "group" row holds a group's counts; a "won" or "lost" row one closed
** cycle of the group, in milliseconds; an "open" row when an open row's
** cycle started (ms since 1970, UTC); a "latest" row the latest timestamp
** read. Every cycle is written, lost and open ones too, so that --merge
** applies --include-lost, --km and --unit itself.
*/
static void
partial_header(struct strbuf *last, const struct run *run)
{
	const struct stages *st = &run->all.lp.leads.st;

	sb_printf(last, "ms_%s_%s", st->name[run->from], st->name[run->to]);
}

static void
write_partial_row(struct writer *w, const char *part,
    const struct grouping *g, const struct group *grp, size_t nkey,
    double ms)
{
	wr_str(w, part);
	if (grp != NULL)
		grouping_write_key(g, w, grp);
	else
		for (size_t k = 0; k < nkey; k++)
			wr_empty(w);
	for (int i = 0; i < 3; i++)
		wr_empty(w);
	wr_int(w, (int64_t)ms);
	wr_end(w);
}

static void
print_partial(struct run *run)
{
	const struct grouping *g = &run->all.lp.grouping;
	struct group **v = gt_sorted(run->all.lp.groups);
	size_t n = gt_count(run->all.lp.groups);
	size_t nkey = grouping_width(g);
	struct strbuf last = {0};
	struct writer w;

	wr_init(&w, stdout, run->o.precision);
	wr_str(&w, "part");
	grouping_write_header(g, &w);
	wr_str(&w, "won");
	wr_str(&w, "lost");
	wr_str(&w, "open");
	partial_header(&last, run);
	wr_str(&w, last.s);
	wr_end(&w);
	for (size_t i = 0; i < n; i++) {
		const struct tally *t = v[i]->state;

		wr_str(&w, "group");
		grouping_write_key(g, &w, v[i]);
		wr_int(&w, (int64_t)t->won);
		wr_int(&w, (int64_t)t->lost);
		wr_int(&w, (int64_t)t->open);
		wr_empty(&w);
		wr_end(&w);
		for (size_t j = 0; j < t->closed.n; j++)
			write_partial_row(&w, "won", g, v[i], nkey, t->closed.v[j]);
		for (size_t j = 0; j < t->lost_cycle.n; j++)
			write_partial_row(&w, "lost", g, v[i], nkey,
			    t->lost_cycle.v[j]);
		for (size_t j = 0; j < t->open_start.n; j++)
			write_partial_row(&w, "open", g, v[i], nkey,
			    t->open_start.v[j]);
	}
	if (run->all.lp.waiting.latest != NO_TIME)
		write_partial_row(&w, "latest", g, NULL, nkey,
		    (double)run->all.lp.waiting.latest);
	sb_free(&last);
	free(v);
}

/* Check that header H is that of --partial with this run's options. */
static void
check_partial_header(const struct run *run, struct reader *r,
    const struct row *h, size_t nkey)
{
	struct strbuf last = {0};

	partial_header(&last, run);
	if (h->n != nkey + 5 || strcmp(h->f[0].s, "part") != 0)
		die(EX_DATAERR, "%s:%lu: not the output of cycle-length "
		    "--partial with these --by and --period", rd_name(r),
		    h->line);
	if (grouping_check_header(&run->all.lp.grouping, r, h, 1) < 0)
		rd_die(r);
	if (strcmp(h->f[nkey + 4].s, last.s) != 0)
		die(EX_DATAERR, "%s:%lu: column '%s' is not '%s': the cycles "
		    "were measured between other stages (--from, --to, "
		    "--stages)", rd_name(r), h->line, h->f[nkey + 4].s, last.s);
	sb_free(&last);
}

/* One row of a --partial output into its group's tally, or the latest
** time. */
static void
merge_row(struct run *run, struct reader *r, const struct row *row,
    size_t nkey)
{
	static const char *const kinds[] = { "group", "won", "lost", "open" };
	const char *part = row->f[0].s;
	size_t kind, col = nkey + 4;
	const struct strbuf *key;
	struct tally *t;
	long long v[3];

	if (strcmp(part, "latest") == 0) {
		if (cols_partial_int(r, row, col, -MAX_EXACT_MS, MAX_EXACT_MS,
		    v) == 0)
			lq_see(&run->all.lp.waiting, v[0]);
		return;
	}
	for (kind = 0; kind < 4; kind++)
		if (strcmp(part, kinds[kind]) == 0)
			break;
	if (kind == 4) {
		rd_bad(r, row, 0, "'%s' is not a part of cycle-length "
		    "--partial", part);
		return;
	}
	if (kind == 0) {
		for (int i = 0; i < 3; i++)
			if (cols_partial_int(r, row, nkey + 1 + (size_t)i, 0,
			    LLONG_MAX, &v[i]) < 0)
				return;
	} else if (cols_partial_int(r, row, col, kind == 3 ? -MAX_EXACT_MS : 0,
	    MAX_EXACT_MS, v) < 0) {
		return;
	}
	key = grouping_key_read(&run->all.lp.grouping, row, 1);
	t = gt_get(run->all.lp.groups, key->s, key->len, NULL)->state;
	switch (kind) {
	case 0:
		t->won += (uint64_t)v[0];
		t->lost += (uint64_t)v[1];
		t->open += (uint64_t)v[2];
		break;
	case 1:
		dvec_push(&t->closed, (double)v[0]);
		break;
	case 2:
		dvec_push(&t->lost_cycle, (double)v[0]);
		break;
	case 3:
		dvec_push(&t->open_start, (double)v[0]);
		break;
	}
}

/* G's key as messages show it, in BUF of SIZE bytes: its parts joined
** with commas, escaped, cut short if need be. */
static const char *
group_name(char *buf, size_t size, const struct group *g)
{
	char esc[ESCAPED_MAX];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t at = 0; at < g->keylen && used < size; at +=
	    strlen(g->key + at) + 1) {
		const char *part = g->key + at;
		int n = snprintf(buf + used, size - used, "%s%s", at ? "," : "",
		    escape_text(esc, sizeof esc, part, strlen(part)));

		used += n > 0 ? (size_t)n : 0;
	}
	return buf;
}

/*
** After --merge: each group must have as many cycles as its counts say (a
** truncated partial would not); then --include-lost and --km apply.
*/
static void
settle_merged(struct run *run)
{
	struct group **v = gt_sorted(run->all.lp.groups);
	size_t n = gt_count(run->all.lp.groups);

	for (size_t i = 0; i < n; i++) {
		struct tally *t = v[i]->state;

		if (t->closed.n != t->won || t->lost_cycle.n != t->lost ||
		    t->open_start.n != t->open) {
			char name[4 * ESCAPED_MAX];

			group_name(name, sizeof name, v[i]);
			free(v);    /* die() does not return: nothing leaks */
			die(EX_DATAERR, "the --partial outputs do not add up: "
			    "group '%s' counts %llu won, %llu lost and %llu open "
			    "rows but has %zu, %zu and %zu cycles (is one cut "
			    "short?)", name, (unsigned long long)t->won,
			    (unsigned long long)t->lost,
			    (unsigned long long)t->open, t->closed.n,
			    t->lost_cycle.n, t->open_start.n);
		}
		if (run->cfg.include_lost)
			dvec_append(&t->closed, &t->lost_cycle);
		dvec_free(&t->lost_cycle);
		t->lost_cycle = (struct dvec){0};
		if (!run->cfg.km) {
			dvec_free(&t->open_start);
			t->open_start = (struct dvec){0};
		}
	}
	free(v);
}

/*
** --merge: read --partial outputs (several may follow each other in one
** stream, each with its header) into run->all.
*/
static void
merge_partials(struct run *run)
{
	size_t nkey = grouping_width(&run->all.lp.grouping);

	for (size_t i = 0; i < run->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(run->o.files[i], &run->o.rd);
		const struct row *row;
		int rc;

		check_partial_header(run, r, rd_header(r), nkey);
		while ((rc = rd_next(r, &row)) > 0) {
			/* A "part" row is the header of the next partial. */
			if (strcmp(row->f[0].s, "part") != 0)
				merge_row(run, r, row, nkey);
		}
		if (rc < 0)
			rd_die(r);
		rd_close(r);
	}
	settle_merged(run);
}

int
main(int argc, char *argv[])
{
	static const struct tool_spec spec = {
		"[file ...]",
		"How long rows take from one stage to another, open ones counted.",
		OPTS_STAGES | OPTS_ASOF | OPTS_ANNOTATE | OPTS_TOTAL | OPTS_DEDUP |
		    OPTS_JOBS,
		tool_options, handle_option, "leads",
	};
	struct run run = { .cfg = { .unit = &units[0] } };
	const struct stages *st;

	opts_parse(&run.o, &spec, &run.cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	run.o.rd.notes = &run.notes;
	if (run.cfg.partial + run.cfg.merge + run.o.annotate > 1)
		usage_error("--partial, --merge and --annotate go alone");
	/*
	 * A part cannot know the ids of the others: --partial counts every
	 * row, so that where the input is cut never changes the result. It
	 * keeps every cycle, lost and open ones apart: --merge applies
	 * --include-lost and --km.
	 */
	if (run.cfg.partial) {
		run.o.dedup = 0;
		run.cfg.include_lost = 0;
		run.cfg.km = 1;
	}
	if (run.o.stage_col != NULL)
		usage_error("--stage-col has no timestamps, and a cycle needs "
		    "them: give one column per stage");
	part_init(&run.all, &run);
	st = &run.all.lp.leads.st;
	run.from = stage_option(st, "from", run.cfg.from, 0);
	run.to = stage_option(st, "to", run.cfg.to, (int)st->n - 1);
	if (run.from >= run.to)
		usage_error("--from %s must come before --to %s in the stages",
		    st->name[run.from], st->name[run.to]);

	if (run.o.annotate) {
		if (run.o.nby > 0 || run.o.period != PERIOD_NONE ||
		    run.o.total || run.cfg.km || run.cfg.include_lost)
			usage_error("--annotate writes rows, not groups: --by, "
			    "--period, --total, --km and --include-lost do not "
			    "apply");
		annotate(&run);
	} else if (run.cfg.merge) {
		merge_partials(&run);
		print_groups(&run);
	} else if (run.cfg.partial) {
		read_input(&run);
		print_partial(&run);
	} else {
		read_input(&run);
		leads_report(&run.all.lp.leads);
		print_groups(&run);
	}
	lead_part_free(&run.all.lp, tally_free);
	notes_print(&run.notes);
	sb_free(&run.notes);
	opts_free(&run.o);
	return close_stdout();
}
