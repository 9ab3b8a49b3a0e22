/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asof.h"
#include "join.h"
#include "num.h"
#include "leadtool.h"
#include "parallel.h"
#include "part.h"
#include "util.h"

/* The most --asof dates one pass takes (OPTS_ASOFS). */
#define MAX_VIEWS 16

/*
** What reading rows builds: from all the input, or from one chunk of it
** on its own thread (--jobs).
*/
struct lead_part {
	struct lead_driver *d;
	struct leads leads;
	struct grouping grouping;
	struct group_table *groups[MAX_VIEWS];  /* of the tool's tallies, a
	                                           table per view */
	struct asof_queue waiting;      /* of struct waiting */
	struct strbuf log;              /* --partial: leads --merge counts */
	size_t logged;
};

/*
** The figures as of one of several --asof dates (OPTS_ASOFS): the tool's
** functions see RUN, whose leads are the driver's with that as-of time.
** With one date or none there is one view, whose run is the driver's.
*/
struct lead_view {
	struct leads leads;             /* a copy of the settings, read only */
	struct lead_run run;
	const char *label;              /* the date as given: the asof column */
};

struct lead_driver {
	struct lead_run run;
	struct lead_view view[MAX_VIEWS];
	size_t nview;
	struct kpi_opts o;
	struct strbuf notes;            /* printed once the result is formed */
	struct part_options popts;      /* what a part must have been made with */
	struct lead_part all;
	struct join *join;              /* --join: the joined tables, or NULL */
};

/* A lead waiting for the as-of time, and the group it goes to. */
struct waiting {
	struct group *group;
	int top;
	struct lead lead;
};

/* A lead in a part's log: this, then the times of its stages and its
** lost time (one kpi_time each, as many as there are stages, plus one),
** then its id: a few dozen bytes a lead. */
struct logged {
	struct group *group;            /* NULL: a lead that counts nowhere */
	int top;
	uint32_t idlen;
	uint64_t count;                 /* the leads it stands for */
};

void
lead_key_header(const struct lead_run *run, struct writer *w)
{
	if (run->o->nasof > 1)
		wr_str(w, "asof");
	grouping_write_header(run->grouping, w);
}

void
lead_key_write(const struct lead_key *key, struct writer *w)
{
	if (key->asof != NULL)
		wr_str(w, key->asof);
	if (key->total)
		grouping_write_total(key->grouping, w);
	else if (key->group != NULL)
		grouping_write_key(key->grouping, w, key->group);
}

static void
apply_waiting(void *ctx, const void *item)
{
	const struct lead_part *p = ctx;
	const struct waiting *w = item;

	p->d->run.tool->add(&p->d->run, w->group->state, &w->lead, w->top);
}

static void
part_init(struct lead_part *p, struct lead_driver *d)
{
	const struct kpi_opts *o = &d->o;

	memset(p, 0, sizeof *p);
	p->d = d;
	leads_init(&p->leads, &o->leads, &o->cols, &o->dates,
	    o->group.period != PERIOD_NONE, d->run.tool->extra,
	    d->run.tool->nextra);
	/* One policy for dates that go back: --skip-bad skips them. */
	p->leads.order_bad = 1;
	grouping_init(&p->grouping, &o->group);
	for (size_t v = 0; v < d->nview; v++)
		p->groups[v] = gt_new(tally_size(&d->run.tool->tally,
		    p->leads.st.n));
	asof_init(&p->waiting, p->leads.window_ms, sizeof(struct waiting),
	    apply_waiting, p);
	if (d->join != NULL)
		leads_set_join(&p->leads, join_view_new(d->join));
}

/* The stages of D's run, which size its tallies (tally_size()). */
static size_t
nstages(const struct lead_driver *d)
{
	return d->all.leads.st.n;
}

static void
free_tally(void *driver, void *state)
{
	const struct lead_driver *d = driver;

	tally_free(&d->run.tool->tally, nstages(d), state);
}

static void
part_free(struct lead_part *p)
{
	for (size_t v = 0; v < p->d->nview; v++) {
		gt_each(p->groups[v], free_tally, p->d);
		gt_free(p->groups[v], NULL);
	}
	grouping_free(&p->grouping);
	leads_free(&p->leads);
	asof_free(&p->waiting);
	sb_free(&p->log);
}

/*
** Count lead D into view V, in the group with key KEY: now, or once the
** as-of time is known, or never (see leads_admit()).
*/
static void
count_lead(struct lead_part *p, size_t v, const struct strbuf *key,
    const struct lead *d)
{
	const struct lead_run *run = &p->d->view[v].run;
	/* One view: the part's own leads, bound to what it reads. */
	const struct leads *l = p->d->nview > 1 ? run->leads : &p->leads;
	struct waiting w;
	struct group *g;
	int top;

	switch (leads_admit(l, d, &top)) {
	case ADMIT_NEVER:
		return;
	case ADMIT_NOW:
		g = gt_get(p->groups[v], key->s, key->len, NULL);
		run->tool->add(run, g->state, d, top);
		return;
	case ADMIT_LATER:
		/* Only without --asof: one view. */
		w.group = gt_get(p->groups[v], key->s, key->len, NULL);
		w.top = top;
		w.lead = *d;
		w.lead.id = NULL;       /* it points into a row long gone */
		w.lead.idlen = 0;
		asof_push(&p->waiting, d->created, &w);
		return;
	}
}

/* --partial: keep lead D (of group G, or none) for the part's lead rows. */
static void
log_lead(struct lead_part *p, struct group *g, const struct lead *d)
{
	struct logged e = { g, d->top, (uint32_t)d->idlen, d->count };

	sb_add(&p->log, &e, sizeof e);
	sb_add(&p->log, d->at, p->leads.st.n * sizeof d->at[0]);
	sb_add(&p->log, &d->lost, sizeof d->lost);
	sb_add(&p->log, d->id, d->idlen);
	p->logged++;
}

/* Whether D has an id that --merge must compare across parts. */
static int
has_id(const struct lead_part *p, const struct lead *d)
{
	return p->leads.dedup && d->id != NULL && d->idlen > 0;
}

/*
** read_row() with several --asof dates: lead D, decoded by the leads
** library, into each view. The tool decodes and places it once per view
** (both may depend on the as-of time); a row one of them finds bad is a
** bad row. The id and the joined rows are the row's, once. No --partial,
** no waiting leads (every as-of time is known), no --annotate.
*/
static int
read_row_views(struct lead_part *p, struct reader *r, const struct row *row,
    const struct lead *decoded)
{
	const struct lead_driver *dr = p->d;
	const struct lead_tool *t = dr->run.tool;
	const struct strbuf *key;
	struct lead d[MAX_VIEWS];
	kpi_time when[MAX_VIEWS];
	int placed[MAX_VIEWS];

	for (size_t v = 0; v < dr->nview; v++) {
		const struct lead_run *run = &dr->view[v].run;

		d[v] = *decoded;
		if (t->decode != NULL && t->decode(run, r, row,
		    p->leads.col_extra, &d[v]) < 0)
			return -1;
		when[v] = d[v].created;
		placed[v] = 1;
		if (t->place != NULL &&
		    (placed[v] = t->place(run, r, row, &d[v], &when[v])) < 0)
			return -1;
	}
	if (decoded->count == 0)
		return 0;
	if (p->leads.join != NULL)
		join_keep(p->leads.join);
	if (leads_duplicate(&p->leads, r, row, &d[0]))
		return 0;
	asof_see(&p->waiting, decoded->latest);
	for (size_t v = 0; v < dr->nview; v++) {
		if (!placed[v])
			continue;
		key = p->leads.join != NULL ? grouping_key_fields(&p->grouping,
		    join_by(p->leads.join), when[v]) :
		    grouping_key(&p->grouping, row, when[v]);
		count_lead(p, v, key, &d[v]);
		if (t->place_again != NULL &&
		    t->place_again(&dr->view[v].run, &d[v], &when[v])) {
			d[v].placing = 1;
			key = p->leads.join != NULL ?
			    grouping_key_fields(&p->grouping,
			    join_by(p->leads.join), when[v]) :
			    grouping_key(&p->grouping, row, when[v]);
			count_lead(p, v, key, &d[v]);
		}
	}
	return 0;
}

/* One row of the leads table into part P; -1 after rd_bad(). */
static int
read_row(void *state, struct reader *r, const struct row *row)
{
	struct lead_part *p = state;
	const struct lead_run *run = &p->d->run;
	const struct lead_tool *t = run->tool;
	const struct strbuf *key;
	kpi_time when;
	struct lead d;
	int placed = 1, top;

	if (leads_decode(&p->leads, r, row, &d) < 0)
		return -1;
	d.value[0] = d.value[1] = 0;
	d.placing = 0;
	if (p->d->nview > 1)
		return read_row_views(p, r, row, &d);
	if (t->decode != NULL && t->decode(run, r, row, p->leads.col_extra,
	    &d) < 0)
		return -1;
	when = d.created;
	if (t->place != NULL && (placed = t->place(run, r, row, &d, &when)) < 0)
		return -1;
	/* A count of 0 is no lead: as if the row were not there, its id
	 * not taken either (lib/leads.h), nor its joined rows matched. */
	if (d.count == 0)
		return 0;
	if (p->leads.join != NULL)
		join_keep(p->leads.join);
	if (leads_duplicate(&p->leads, r, row, &d))
		return 0;
	key = !placed ? NULL : p->leads.join != NULL ?
	    grouping_key_fields(&p->grouping, join_by(p->leads.join), when) :
	    grouping_key(&p->grouping, row, when);
	if (run->partial && has_id(p, &d)) {
		/* Only --merge knows whether another part had it first. */
		log_lead(p, key != NULL ? gt_get(p->groups[0], key->s, key->len,
		    NULL) : NULL, &d);
		return 0;
	}
	asof_see(&p->waiting, d.latest);
	if (key == NULL)
		return 0;
	if (run->partial && leads_admit(&p->leads, &d, &top) == ADMIT_LATER) {
		/* The as-of time is that of all the parts. */
		log_lead(p, gt_get(p->groups[0], key->s, key->len, NULL), &d);
		return 0;
	}
	count_lead(p, 0, key, &d);
	if (t->place_again != NULL && t->place_again(run, &d, &when)) {
		d.placing = 1;
		/* Grouped by the same --by values as the first time: with
		 * --join, those a joined file filled in. */
		count_lead(p, 0, p->leads.join != NULL ?
		    grouping_key_fields(&p->grouping, join_by(p->leads.join),
		    when) : grouping_key(&p->grouping, row, when), &d);
	}
	return 0;
}

static int
bind_part(void *state, struct reader *r, unsigned char *want)
{
	struct lead_part *p = state;

	/* With --join, leads_bind() finds the --by columns: a joined file
	 * may have them instead. */
	return leads_bind(&p->leads, r, want) < 0 || (p->leads.join == NULL &&
	    grouping_bind(&p->grouping, r, want) < 0) ? -1 : 0;
}

/* Under --partial, a part that says it failed with message WHY: without
** it, --merge would add up the other parts and never know. */
static void
write_failed(struct lead_part *p, const char *why)
{
	if (p->d->run.partial)
		part_write_failed(stdout, &p->grouping, &p->d->popts, why);
}

/* Read every input file into P in one pass. */
static void
read_files(struct lead_part *p)
{
	const struct kpi_opts *o = &p->d->o;

	for (size_t i = 0; i < o->nfiles; i++) {
		const char *path = o->files[i] ? o->files[i] : "<stdin>";
		struct reader *r = rd_open(o->files[i], &o->rd);
		char why[1024];

		if (r == NULL) {
			snprintf(why, sizeof why, "%s: %s", path, strerror(errno));
			write_failed(p, why);
			die(EX_NOINPUT, "%s", why);
		}
		if (rd_each(r, bind_part, read_row, p) < 0) {
			write_failed(p, rd_error(r));
			rd_die(r);
		}
		rd_close(r);
	}
}

/* --jobs: a part per chunk (lib/parallel.h). */
static void *
chunk_start(void *ctx)
{
	struct lead_part *p = xmalloc(sizeof *p);

	part_init(p, ctx);
	return p;
}

/* The chunk's lines start LINES below where its reader counted from. */
static void
chunk_shift(void *state, unsigned long lines)
{
	leads_shift(&((struct lead_part *)state)->leads, lines);
}

static struct leads *
chunk_leads(void *state)
{
	return &((struct lead_part *)state)->leads;
}

/* Chunk K, read again when a chunk before it had some of its ids first. */
static void *
chunk_settle(void *ctx, void *const *states, size_t k)
{
	return leads_settle(states, k, chunk_leads, chunk_start, ctx);
}

static void
chunk_free(void *state)
{
	part_free(state);
	free(state);
}

static void
merge_tally(void *driver, void *into, const void *from)
{
	const struct lead_driver *d = driver;

	/* Counts of rows read in memory cannot pass 2^63. */
	(void)tally_merge(&d->run.tool->tally, nstages(d), into, from);
}

/*
** --count-col: whether the counts of the N chunks' rows, added, stay
** within INT64_MAX, as one pass's must (leads_decode()): then no tally
** merged from the chunks can overflow.
*/
static int
counts_fit(void *const *parts, size_t n)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < n; i++) {
		uint64_t c = ((const struct lead_part *)parts[i])->leads.counted;

		if (sum > (uint64_t)INT64_MAX - c)
			return 0;
		sum += c;
	}
	return 1;
}

/*
** Read the input into d->all: on --jobs threads when it can be, else in
** one pass. Chunks merge in input order, so every tally is that of one
** pass; then the leads still waiting are counted at the latest timestamp
** of the whole input.
*/
static void
read_input(struct lead_driver *d)
{
	const struct par_tool pt = { chunk_start, bind_part, read_row,
	    chunk_shift, chunk_settle, chunk_free, d };
	const struct kpi_opts *o = &d->o;
	struct par_report how;
	kpi_time latest = NO_TIME;
	void **parts = NULL;
	size_t n = 0;

	if (d->run.partial) {
		/* A part keeps its waiting leads for --merge. */
		read_files(&d->all);
		return;
	}
	if (o->jobs > 1) {
		n = par_read(o, (size_t)o->jobs, &pt, &parts, &how);
		par_explain(o, &how, &d->notes);
	}
	if (n > 0 && !counts_fit(parts, n)) {
		/* One pass finds the row that goes past, and names it. */
		for (size_t i = 0; i < n; i++)
			chunk_free(parts[i]);
		free(parts);
		n = 0;
		if (o->rd.progress != NULL)
			progress_rewind(o->rd.progress);
	}
	if (n == 0) {
		read_files(&d->all);
		asof_finish(&d->all.waiting, NO_TIME);
		return;
	}
	par_explain_columns(o, &pt);
	for (size_t i = 0; i < n; i++) {
		kpi_time t = ((struct lead_part *)parts[i])->waiting.latest;

		if (t != NO_TIME && (latest == NO_TIME || t > latest))
			latest = t;
	}
	for (size_t i = 0; i < n; i++) {
		struct lead_part *p = parts[i];

		asof_finish(&p->waiting, latest);
		leads_merge_notes(&d->all.leads, &p->leads);
		for (size_t v = 0; v < d->nview; v++)
			gt_merge(d->all.groups[v], p->groups[v], merge_tally, d);
		chunk_free(p);
	}
	asof_see(&d->all.waiting, latest);
	free(parts);
}

/* Whether tally T (NSTAGES stages) holds nothing at all. */
static int
tally_is_empty(const struct tally_layout *l, size_t nstages, void *t)
{
	for (const struct tally_field *f = l->field; f->name != NULL; f++)
		for (size_t s = 0; s < nstages; s++) {
			if (s > 0 && !tally_staged(f))
				break;
			if (f->kind == TALLY_COUNT || f->kind == TALLY_STAGE_COUNTS
			    ? *tally_count(l, f, t, s) != 0
			    : tally_values(l, f, t, s)->n != 0)
				return 0;
		}
	return 1;
}

/* The rows of view V (the whole output with one view) to W. */
static void
print_view(struct lead_driver *d, size_t view, struct writer *w)
{
	const struct lead_tool *t = d->run.tool;
	const struct lead_run *run = &d->view[view].run;
	struct group **v = gt_sorted(d->all.groups[view]);
	size_t n = gt_count(d->all.groups[view]), shown = 0;
	void *total = xcalloc(1, tally_size(&t->tally, nstages(d)));
	struct lead_key key = { &d->all.grouping, NULL, 0,
	    d->nview > 1 ? d->view[view].label : NULL };

	/* The total first: merged parts may hold counts no row can print,
	 * and then nothing is printed. */
	for (size_t i = 0; d->o.total && i < n; i++)
		if (tally_merge(&t->tally, nstages(d), total, v[i]->state) < 0)
			die(EX_DATAERR, "the counts of the --total row add up past "
			    "2^63 - 1");
	/* A group whose leads were all too young shows no row, nor has a
	 * say in the order (a --merge of parts never sees it). */
	for (size_t i = 0; i < n; i++)
		if (!tally_is_empty(&t->tally, nstages(d), v[i]->state))
			v[shown++] = v[i];
	groups_order(v, shown, 0, d->all.grouping.nby);
	for (size_t i = 0; i < shown; i++) {
		key.group = v[i];
		t->write(run, w, v[i]->state, &key);
	}
	/* Without groups there is always the one row, zeros and all. */
	key.group = NULL;
	if (!grouping_active(&d->all.grouping) && shown == 0)
		t->write(run, w, total, &key);
	if (d->o.total) {
		key.total = 1;
		t->write(run, w, total, &key);
	}
	tally_free(&t->tally, nstages(d), total);
	free(total);
	free(v);
}

/* The result: the header, then each view's rows, in the order of the
** --asof dates, once the latest time of the input is known. */
static void
print_groups(struct lead_driver *d)
{
	struct writer w;

	for (size_t v = 0; v < d->nview; v++)
		d->view[v].run.latest = d->run.latest;
	opts_writer(&d->o, &w);
	d->run.tool->header(&d->run, &w);
	for (size_t v = 0; v < d->nview; v++)
		print_view(d, v, &w);
}

/*
** A lead as a part's lead row holds it: each stage's own timestamp and
** the lost date, in ms since 1970 UTC ("-" for none), then the index of
** the highest stage it reached (with --stage-col: its current stage).
*/
static void
lead_times(char *buf, size_t size, const struct leads *l, kpi_time *at,
    kpi_time lost, int top)
{
	size_t used = 0;

	for (size_t s = 0; s <= l->st.n; s++) {
		kpi_time t = s < l->st.n ? at[s] : lost;

		if (t == NO_TIME)
			used += (size_t)snprintf(buf + used, size - used, "- ");
		else
			used += (size_t)snprintf(buf + used, size - used, "%" PRId64
			    " ", t);
	}
	snprintf(buf + used, size - used, "%d", top);
}

static void
write_log(struct lead_driver *d, struct part_writer *pw)
{
	const struct lead_part *p = &d->all;
	char times[(MAX_STAGES + 3) * 24], *id = NULL;
	size_t at = 0, idcap = 0;

	size_t ntimes = p->leads.st.n;

	for (size_t i = 0; i < p->logged; i++) {
		kpi_time t[MAX_STAGES], lost;
		struct logged e;

		memcpy(&e, p->log.s + at, sizeof e);
		at += sizeof e;
		memcpy(t, p->log.s + at, ntimes * sizeof t[0]);
		at += ntimes * sizeof t[0];
		memcpy(&lost, p->log.s + at, sizeof lost);
		at += sizeof lost;
		if (e.idlen + 1 > idcap) {
			idcap = e.idlen + 1;
			id = xrealloc(id, idcap);
		}
		memcpy(id, p->log.s + at, e.idlen);
		id[e.idlen] = '\0';
		at += e.idlen;
		lead_times(times, sizeof times, &p->leads, t, lost, e.top);
		if (p->leads.ncount)    /* --count-col: the count last */
			snprintf(times + strlen(times), sizeof times - strlen(times),
			    " %llu", (unsigned long long)e.count);
		part_write(pw, e.group != NULL ? "lead" : "seen", e.group, id,
		    times);
	}
	free(id);
}

/* A note of a part: NAME, the count N of its cases, then FIRST_NAME, where
** the first was met; nothing when N is 0. */
static void
write_note(struct part_writer *pw, const char *name, unsigned long n,
    const char *first_name, const struct place *first)
{
	char num[32], *where;

	if (n == 0)
		return;
	snprintf(num, sizeof num, "%lu", n);
	where = place_text(first);
	part_write(pw, "note", NULL, name, num);
	part_write(pw, "note", NULL, first_name, where ? where : "");
	free(where);
}

/* --partial: what --merge needs of this input (lib/part.h). */
static void
print_partial(struct lead_driver *d)
{
	const struct lead_tool *t = d->run.tool;
	struct group **v = gt_sorted(d->all.groups[0]);
	size_t n = gt_count(d->all.groups[0]);
	struct part_writer pw;
	char num[32];

	part_write_begin(&pw, stdout, &d->all.grouping, &d->popts);
	for (size_t i = 0; i < n; i++)
		if (!tally_is_empty(&t->tally, nstages(d), v[i]->state))
			part_write_tally(&pw, v[i], &t->tally, &d->all.leads.st,
			    v[i]->state);
	write_log(d, &pw);
	if (d->all.waiting.latest != NO_TIME) {
		snprintf(num, sizeof num, "%" PRId64, d->all.waiting.latest);
		part_write(&pw, "latest", NULL, "latest", num);
	}
	/* After the leads: a repeat --merge finds of an id of an earlier part
	 * is told before one this part found within itself. */
	write_note(&pw, "duplicates", d->all.leads.duplicates,
	    "first_duplicate", &d->all.leads.first_duplicate);
	write_note(&pw, "backwards", d->all.leads.backwards,
	    "first_backwards", &d->all.leads.first_backwards);
	part_write_end(&pw);
	free(v);
}

/* The earliest and latest times a part may hold: those of the dates
** date_parse() takes, 1900-01-01T00:00Z to the end of 2200 (UTC, offsets
** applied; lib/date.h). A --stale lost time lies before --asof, itself
** such a date. A time beyond them (a latest in the year 5138, which
** would count every waiting lead as out of its --window) was written by
** no --partial. */
#define PART_TIME_MIN (-2208988800000LL)   /* 1900-01-01T00:00:00.000Z */
#define PART_TIME_MAX 7289654399999LL      /* 2200-12-31T23:59:59.999Z */

/* --count-col: the count after a lead row's times, " N" at *S, 1 to
** COUNT_MAX (a row of count 0 is never logged) into *N, moving *S past
** it; -1 when it is not there. */
static int
read_count(const char **s, uint64_t *n)
{
	size_t len;
	char tok[32];
	long long v;

	if (**s != ' ')
		return -1;
	len = strcspn(++*s, " ");
	if (len == 0 || len >= sizeof tok)
		return -1;
	memcpy(tok, *s, len);
	tok[len] = '\0';
	if (num_parse_int(tok, 1, (long long)COUNT_MAX, &v) != NULL)
		return -1;
	*n = (uint64_t)v;
	*s += len;
	return 0;
}

/* Read the times of a lead row (see lead_times()) into D; -1 after
** rd_bad(). */
static int
read_times(struct part_reader *pr, const struct part_record *rec,
    const struct leads *l, struct lead *d)
{
	const char *s = rec->value->s;
	long col = (long)(rec->value - rec->row->f);
	char esc[ESCAPED_MAX];

	for (size_t i = 0; i <= l->st.n + 1; i++) {
		size_t len = strcspn(s, " ");
		char tok[32];
		long long v;

		if (len == 0 || len >= sizeof tok)
			goto bad;
		memcpy(tok, s, len);
		tok[len] = '\0';
		if (i <= l->st.n && strcmp(tok, "-") == 0) {
			v = NO_TIME;
		} else if (num_parse_int(tok, i <= l->st.n ? PART_TIME_MIN : -1,
		    i <= l->st.n ? PART_TIME_MAX : (long long)l->st.n - 1,
		    &v) != NULL) {
			goto bad;
		}
		if (i < l->st.n)
			d->at[i] = v;
		else if (i == l->st.n)
			d->lost = v;
		else
			d->top = (int)v;
		s += len;
		if (i <= l->st.n && *s++ != ' ')
			goto bad;
	}
	d->count = 1;
	if (l->ncount && read_count(&s, &d->count) < 0)
		goto bad;
	/* Only a --stage-col table may lack the created column. */
	if (*s != '\0' || (d->at[0] == NO_TIME && l->stage_col == NULL))
		goto bad;
	d->created = d->at[0];
	leads_set_id(l, d, rec->name->s, rec->name->len);
	leads_derive(l, d);
	return 0;
bad:
	return rd_bad(pr->r, rec->row, col, "'%s' is not the times of a lead "
	    "of %s --partial", escape_text(esc, sizeof esc, rec->value->s,
	    rec->value->len), tool_name());
}

/* One record of a part into d->all. */
static void
merge_record(struct lead_driver *d, struct part_reader *pr,
    const struct part_record *rec)
{
	struct lead_part *a = &d->all;
	struct leads *l = &a->leads;
	const struct lead_tool *t = d->run.tool;
	struct lead lead;
	long long v;

	switch (rec->kind) {
	case PART_COUNT:
	case PART_VALUE:
		part_read_tally(pr, rec, &t->tally, &l->st,
		    gt_get(a->groups[0], rec->key->s, rec->key->len, NULL)->state);
		break;
	case PART_LEAD:
	case PART_SEEN:
		if (read_times(pr, rec, l, &lead) < 0 ||
		    leads_count_add(l, pr->r, rec->row, (long)(rec->value -
		    rec->row->f), lead.count) < 0)
			break;
		if (l->join != NULL)
			join_keep_id(l->join, lead.id, lead.idlen);
		if (leads_duplicate(l, pr->r, rec->row, &lead))
			break;
		asof_see(&a->waiting, lead.latest);
		if (rec->kind == PART_LEAD)
			count_lead(a, 0, rec->key, &lead);
		break;
	case PART_LATEST:
		if (part_int(pr, rec, rec->value, PART_TIME_MIN, PART_TIME_MAX,
		    &v) == 0)
			asof_see(&a->waiting, v);
		break;
	case PART_NOTE:
		if (strcmp(rec->name->s, "duplicates") == 0) {
			if (part_int(pr, rec, rec->value, 1, LONG_MAX, &v) == 0)
				l->duplicates += (unsigned long)v;
		} else if (strcmp(rec->name->s, "first_duplicate") == 0) {
			place_keep_text(&l->first_duplicate, rec->value->s);
		} else if (strcmp(rec->name->s, "backwards") == 0) {
			if (part_int(pr, rec, rec->value, 1, LONG_MAX, &v) == 0)
				l->backwards += (unsigned long)v;
		} else if (strcmp(rec->name->s, "first_backwards") == 0) {
			place_keep_text(&l->first_backwards, rec->value->s);
		}
		break;
	}
}

/*
** Whether every count of tally T (layout L, NSTAGES stages) is within
** INT64_MAX. Parts' tallies are merged within it, and their leads' counts
** add up within it (leads_count_add()), so a merged count never wraps;
** but the two together may pass it.
*/
static int
counts_in_range(const struct tally_layout *l, size_t nstages, void *t)
{
	for (const struct tally_field *f = l->field; f->name != NULL; f++)
		for (size_t s = 0; s < nstages; s++) {
			if (f->kind != TALLY_COUNT && f->kind != TALLY_STAGE_COUNTS)
				break;
			if (s > 0 && f->kind == TALLY_COUNT)
				break;
			if (*tally_count(l, f, t, s) > (uint64_t)INT64_MAX)
				return 0;
		}
	return 1;
}

/*
** The first merged tally the tool's check() refuses: NULL, or the message
** (in BUF) naming its group and why.
*/
static const char *
check_merged(struct lead_driver *d, char *buf, size_t size)
{
	const struct lead_tool *t = d->run.tool;
	struct group **v;
	size_t n = gt_count(d->all.groups[0]);
	const char *bad = NULL;
	char why[512];

	if (t->check == NULL)
		return NULL;
	v = gt_sorted(d->all.groups[0]);
	for (size_t i = 0; i < n && bad == NULL; i++) {
		char name[4 * ESCAPED_MAX], esc[ESCAPED_MAX];
		size_t used = 0;

		if (!counts_in_range(&t->tally, nstages(d), v[i]->state))
			snprintf(why, sizeof why, "its counts add up past 2^63 - 1");
		else if (t->check(&d->run, v[i]->state, why, sizeof why) == NULL)
			continue;
		name[0] = '\0';
		for (const char *k = v[i]->key; k != NULL && used < sizeof name;
		    k = key_next(k, v[i]->key + v[i]->keylen))
			used += (size_t)snprintf(name + used, sizeof name - used,
			    "%s%s", used ? "," : "", escape_text(esc, sizeof esc,
			    k, strlen(k)));
		snprintf(buf, size, "the parts do not add up: group '%s': %s",
		    name, why);
		bad = buf;
	}
	free(v);
	return bad;
}

int
lead_tool_merge(struct lead_driver *d, struct reader *r)
{
	struct part_reader pr;
	struct part_record rec;
	int rc = -1;

	if (part_read_begin(&pr, r, &d->all.grouping, &d->popts) == 0)
		while ((rc = part_next(&pr, &rec)) > 0)
			merge_record(d, &pr, &rec);
	part_read_end(&pr);
	return rc < 0 ? -1 : 0;
}

const char *
lead_tool_merged(struct lead_driver *d, char *buf, size_t size)
{
	d->run.latest = asof_finish(&d->all.waiting, NO_TIME);
	return check_merged(d, buf, size);
}

/*
** --merge: read the parts (several may follow each other in one stream)
** into d->all, then count the waiting leads at the latest time of them
** all.
*/
static void
merge_parts(struct lead_driver *d)
{
	struct rd_opts ro = d->o.rd;
	char why[1024];

	/* Parts are always CSV as the part writer makes them: -d and a
	 * --preset are for the tables the parts were made from. */
	ro.delim = 0;
	ro.filter = NULL;
	ro.header = NULL;      /* parts have their header line */
	ro.nheader = 0;
	/* A bad record of a part is no row to skip: the part is broken. */
	ro.skip_bad = 0;
	for (size_t i = 0; i < d->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(d->o.files[i], &ro);

		if (lead_tool_merge(d, r) < 0)
			rd_die(r);
		rd_close(r);
	}
	if (lead_tool_merged(d, why, sizeof why) != NULL)
		die(EX_DATAERR, "%s", why);
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
** --annotate: each row as it came, plus the tool's columns. Rows stream
** out as they are read (kpikit(7), ANNOTATE): a bad row stops the tool
** with the rows before it written. Every file must have the first one's
** header, so that the rows line up under the one header written.
*/
static void
annotate(struct lead_driver *d)
{
	const struct lead_tool *t = d->run.tool;
	const char *const *cols = t->annotate_cols(&d->run);
	struct leads *l = &d->all.leads;
	struct strbuf header = {0};
	char *first = NULL;
	struct writer w;

	opts_writer(&d->o, &w);
	for (size_t i = 0; i < d->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(d->o.files[i], &d->o.rd);
		const struct row *h = rd_header(r), *row;
		int rc;

		if (leads_bind(l, r, NULL) < 0)
			rd_die(r);
		if (t->annotate_bind != NULL)
			t->annotate_bind(&d->run, r);
		for (const char *const *c = cols; *c != NULL; c++)
			if (rd_col(r, *c) != RD_NO_COLUMN) {
				/* No line for --header's names (line 0). */
				rd_fail(r, EX_DATAERR, h->line, "the input already "
				    "has a column '%s'", *c);
				rd_die(r);
			}
		if (i == 0) {
			for (size_t c = 0; c < h->n; c++) {
				wr_field(&w, h->f[c].s, h->f[c].len);
				key_add(&header, h->f[c].s, h->f[c].len);
			}
			for (const char *const *c = cols; *c != NULL; c++)
				wr_str(&w, *c);
			wr_end(&w);
			first = xstrdup(rd_name(r));
		} else if (!same_header(&header, h)) {
			char name[ESCAPED_MAX];

			escape_text(name, sizeof name, first, strlen(first));
			free(first);
			sb_free(&header);
			die(EX_DATAERR, "%s:%lu: the header differs from %s's; "
			    "annotated rows must line up under one header",
			    rd_name(r), h->line, name);
		}
		while ((rc = rd_next(r, &row)) > 0) {
			kpi_time when;
			struct lead ld;
			int placed = 1;

			if (leads_decode(l, r, row, &ld) < 0 || (t->place != NULL &&
			    (placed = t->place(&d->run, r, row, &ld, &when)) < 0))
				continue;
			if (l->join != NULL)
				join_keep(l->join);
			for (size_t f = 0; f < row->n; f++)
				wr_field(&w, row->f[f].s, row->f[f].len);
			t->annotate(&d->run, &w, &ld, placed);
			wr_end(&w);
		}
		if (rc < 0) {
			free(first);
			sb_free(&header);
			rd_die(r);
		}
		rd_close(r);
	}
	sb_free(&header);
	free(first);
}

/* The options a part records (lib/part.h): those that change what it
** holds. */
static void
part_options(struct lead_driver *d)
{
	const struct kpi_opts *o = &d->o;
	const struct leads *l = &d->all.leads;
	struct part_options *po = &d->popts;
	char buf[64], *s;

	s = stages_join(&l->st, ",");
	part_option_add(po, "stages", s);
	free(s);
	part_option_add(po, "stage-col", l->stage_col);
	if (l->stage_map.n > 0) {
		struct strbuf map = {0};

		for (size_t i = 0; i < l->stage_map.n; i++)
			sb_printf(&map, "%s%s=%s", i ? "," : "",
			    l->stage_map.value[i],
			    l->st.name[l->stage_map.stage[i]]);
		part_option_add(po, "stage-map", map.s);
		sb_free(&map);
	}
	if (l->window_ms >= 0)
		snprintf(buf, sizeof buf, "%lld", o->leads.window_days);
	part_option_add(po, "window", l->window_ms >= 0 ? buf : NULL);
	part_option_add(po, "asof", l->asof != NO_TIME ?
	    date_format_iso(buf, l->asof) : NULL);
	/* Only when given, so that the parts made without it stay as they
	 * were. A part holds its stale leads' lost times already. */
	if (l->stale_ms >= 0) {
		snprintf(buf, sizeof buf, "%.17g", o->leads.stale_days);
		part_option_add(po, "stale", buf);
	}
	{
		struct strbuf by = {0};

		for (size_t i = 0; i < o->group.nby; i++)
			sb_printf(&by, "%s%s", i ? "," : "", o->group.by[i]);
		part_option_add(po, "by", by.s);
		sb_free(&by);
	}
	part_option_add(po, "period", o->group.period != PERIOD_NONE ?
	    period_name(o->group.period) : NULL);
	snprintf(buf, sizeof buf, "%d", o->group.fy_start);
	part_option_add(po, "fiscal-year-start", buf);
	part_option_add(po, "dedup", l->dedup ? "yes" : "no");
	/* Only with one, so that a part without is as it always was. */
	if (l->ncount)
		part_option_add(po, "count-col", l->roles[l->nroles - 1].header);
	/* Parts made with --join hold the joined values; --merge takes the
	 * same --join, to tell the joined ids that no part has. Only then:
	 * parts made without are as they were. */
	if (o->njoin > 0)
		part_option_add(po, "join", "yes");
	if (d->run.tool->options != NULL)
		d->run.tool->options(&d->run, po);
}

/* A joined table that cannot be read fails a part too. */
static void
join_failed(void *ctx, const char *why)
{
	write_failed(ctx, why);
}

/*
** --join: read the joined tables, before the main table, and have the
** leads read through them (lib/join.h).
*/
static void
open_join(struct lead_driver *d)
{
	d->join = join_open(&d->o, &d->all.leads, join_failed, &d->all);
}

struct lead_driver *
lead_tool_open(const struct lead_tool *tool, void *cfg, int argc, char **argv)
{
	struct lead_driver *d = xcalloc(1, sizeof *d);
	struct kpi_opts *o = &d->o;

	opts_parse(o, &tool->spec, cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	o->rd.notes = &d->notes;
	if (o->partial + o->merge + o->annotate > 1)
		usage_error("%s go alone", tool->spec.families & OPTS_ANNOTATE ?
		    "--partial, --merge and --annotate" : "--partial and --merge");
	if (o->annotate && (o->group.nby > 0 || o->group.period != PERIOD_NONE ||
	    o->total))
		usage_error("--annotate writes rows, not groups: --by, --period "
		    "and --total do not apply");
	if (o->nasof > MAX_VIEWS)
		usage_error("--asof given %zu times: one pass takes at most %d "
		    "dates", o->nasof, MAX_VIEWS);
	if (o->nasof > 1 && (o->partial || o->merge || o->annotate))
		usage_error("several --asof dates give a table for each: "
		    "--partial, --merge and --annotate take one");
	if (o->nasof > 1 && o->leads.stale_days >= 0)
		usage_error("--stale counts leads as lost as of --asof: give one "
		    "--asof with it");
	d->nview = o->nasof > 1 ? o->nasof : 1;
	d->run.tool = tool;
	d->run.cfg = cfg;
	d->run.o = o;
	d->run.partial = o->partial;
	d->run.keep_all = o->partial || o->merge;
	d->run.latest = NO_TIME;
	part_init(&d->all, d);
	d->run.leads = &d->all.leads;
	d->run.grouping = &d->all.grouping;
	if (tool->setup != NULL)
		tool->setup(&d->run);
	part_options(d);
	if (o->njoin > 0)
		open_join(d);
	for (size_t v = 0; v < d->nview; v++) {
		struct lead_view *w = &d->view[v];

		w->run = d->run;
		if (d->nview == 1)
			continue;
		/* The settings alone: the tool's functions read the stages,
		 * --window and --asof of run->leads, never what it binds. */
		w->leads = d->all.leads;
		w->leads.asof = o->asof_at[v];
		w->run.leads = &w->leads;
		w->label = o->asof_arg[v];
	}
	return d;
}

const struct rd_opts *
lead_tool_rd_opts(const struct lead_driver *d)
{
	return &d->o.rd;
}

int
lead_tool_feed(struct lead_driver *d, struct reader *r)
{
	return rd_each(r, bind_part, read_row, &d->all);
}

void
lead_tool_print(struct lead_driver *d)
{
	if (d->run.partial) {
		print_partial(d);
		return;
	}
	d->run.latest = asof_finish(&d->all.waiting, NO_TIME);
	print_groups(d);
}

void
lead_tool_close(struct lead_driver *d)
{
	part_free(&d->all);
	join_free(d->join);
	part_options_free(&d->popts);
	sb_free(&d->notes);
	opts_free(&d->o);
	free(d);
}

/*
** The note on leads whose dates go back (leads_order()): the same in
** every leads tool, with what the tool does with their times, if it
** measures any (backwards_note).
*/
static void
report_backwards(struct lead_driver *d)
{
	const struct leads *l = &d->all.leads;
	const char *why = d->run.tool->backwards_note;
	char *where;

	if (l->backwards == 0)
		return;
	where = place_text(&l->first_backwards);
	note(&d->notes, "%lu lead%s a date before that of an earlier stage; "
	    "each counts as reaching its stages%s%s; the first: %s",
	    l->backwards, l->backwards == 1 ? " has" : "s have",
	    why != NULL ? ", and " : "", why != NULL ? why : "",
	    where ? where : "");
	free(where);
}

/* The notes on what the input held: duplicates, joined rows without a
** lead, dates out of order. */
static void
report(struct lead_driver *d)
{
	leads_report(&d->all.leads, &d->notes);
	if (d->join != NULL)
		join_report(d->join, &d->notes);
	report_backwards(d);
}

int
lead_tool_main(const struct lead_tool *tool, void *cfg, int argc, char **argv)
{
	struct lead_driver *d = lead_tool_open(tool, cfg, argc, argv);

	/* The progress line goes once the input is read: the output may be
	 * for the same terminal. */
	if (d->o.annotate) {
		annotate(d);
		progress_done(&d->o.progress);
		if (d->join != NULL)
			join_report(d->join, &d->notes);
		report_backwards(d);
	} else if (d->o.merge) {
		merge_parts(d);
		progress_done(&d->o.progress);
		report(d);
		print_groups(d);
	} else if (d->run.partial) {
		/* The duplicates travel in the part: --merge tells them. */
		read_input(d);
		progress_done(&d->o.progress);
		print_partial(d);
	} else {
		read_input(d);
		progress_done(&d->o.progress);
		report(d);
		d->run.latest = d->all.waiting.latest;
		print_groups(d);
	}
	notes_print(&d->notes);
	lead_tool_close(d);
	return close_stdout();
}
