/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "leads.h"
#include "util.h"

static int
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

void
stages_parse(struct stages *s, const char *list)
{
	const char *p = list != NULL ? list : DEFAULT_STAGES;

	s->n = 0;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == 0 || len > 32)
			usage_error("--stages: '%s': a stage name must have 1 to 32 "
			    "characters", list);
		for (size_t i = 0; i < len; i++)
			if (!is_name_char(p[i]))
				usage_error("--stages: '%s': use letters, digits, '_' "
				    "and '-' in stage names", list);
		if (stages_find(s, p, len) >= 0)
			usage_error("--stages: '%.*s' is given twice", (int)len, p);
		if (s->n == MAX_STAGES)
			usage_error("--stages: at most %d stages", MAX_STAGES);
		s->name[s->n++] = xmemdup(p, len);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	if (s->n < 2)
		usage_error("--stages: '%s': give at least two stages", list);
}

void
stages_free(struct stages *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->name[i]);
	s->n = 0;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
stages_find(const struct stages *s, const char *name, size_t len)
{
	for (size_t i = 0; i < s->n; i++) {
		size_t j;

		if (strlen(s->name[i]) != len)
			continue;
		for (j = 0; j < len; j++)
			if (lower((unsigned char)s->name[i][j]) !=
			    lower((unsigned char)name[j]))
				break;
		if (j == len)
			return (int)i;
	}
	return -1;
}

/* Indexes into l->roles. */
enum { ROLE_ID, ROLE_CREATED, ROLE_LOST, ROLE_FIRST_STAGE };

void
leads_init(struct leads *l, const struct kpi_opts *o, const struct role *extra,
    size_t nextra)
{
	memset(l, 0, sizeof *l);
	stages_parse(&l->st, o->stages);
	l->stage_col = o->stage_col;
	l->window_ms = o->window_days >= 0 ? o->window_days * MS_PER_DAY : -1;
	l->asof = o->asof;
	l->opts = o;
	l->dates = &o->dates;
	l->dedup = o->dedup;
	if (l->stage_col != NULL && l->window_ms >= 0)
		usage_error("--window needs stage timestamps; a --stage-col has "
		    "none");
	if (nextra > 8)
		usage_error("internal error: too many roles");

	l->roles[ROLE_ID] = (struct role){ "id", "id", 0 };
	/*
	 * The first stage's timestamp is the creation date. A current-stage
	 * column stands in for the timestamps, but periods and --asof still
	 * need to know when each lead was created.
	 */
	l->roles[ROLE_CREATED] = (struct role){ "created", "created_at",
	    l->stage_col == NULL || o->period != PERIOD_NONE ||
	    o->asof != NO_TIME };
	l->roles[ROLE_LOST] = (struct role){ "lost", "lost_at", 0 };
	l->nroles = ROLE_FIRST_STAGE;
	if (l->stage_col == NULL)
		for (size_t s = 1; s < l->st.n; s++) {
			size_t len = strlen(l->st.name[s]);

			l->headers[s] = xmalloc(len + 4);
			memcpy(l->headers[s], l->st.name[s], len);
			memcpy(l->headers[s] + len, "_at", 4);
			l->roles[l->nroles++] = (struct role){ l->st.name[s],
			    l->headers[s], 1 };
		}
	for (size_t i = 0; i < nextra; i++)
		l->roles[l->nroles++] = extra[i];
	l->nextra = nextra;
	cols_check_roles(o, l->roles, l->nroles);
	if (l->dedup)
		l->ids = gt_new(0);
}

int
leads_bind(struct leads *l, struct reader *r, unsigned char *cols_wanted)
{
	long idx[MAX_STAGES + 8];
	size_t s, nstage_roles = l->nroles - ROLE_FIRST_STAGE - l->nextra;

	if (cols_bind(r, l->roles, l->nroles, l->opts, idx) < 0)
		return -1;
	l->col_id = idx[ROLE_ID];
	l->col_created = idx[ROLE_CREATED];
	l->col_lost = idx[ROLE_LOST];
	l->col_at[0] = l->col_created;
	for (s = 1; s < l->st.n; s++)
		l->col_at[s] = nstage_roles ? idx[ROLE_FIRST_STAGE + s - 1] : -1;
	for (size_t i = 0; i < l->nextra; i++)
		l->col_extra[i] = idx[ROLE_FIRST_STAGE + nstage_roles + i];
	l->col_stage = -1;
	if (l->stage_col != NULL &&
	    (l->col_stage = cols_find(r, l->stage_col, "--stage-col")) < 0)
		return -1;
	if (cols_wanted != NULL) {
		for (size_t i = 0; i < l->nroles; i++)
			if (idx[i] >= 0)
				cols_wanted[idx[i]] = 1;
		if (l->col_stage >= 0)
			cols_wanted[l->col_stage] = 1;
	}
	return 0;
}

/* Parse the date in column COL of ROW into *T; an empty cell is NO_TIME
** unless REQUIRED. */
static int
get_time(struct leads *l, struct reader *r, const struct row *row, long col,
    int required, kpi_time *t)
{
	const struct field *f;
	const char *err;
	char esc[ESCAPED_MAX];

	*t = NO_TIME;
	if (col < 0)
		return 0;
	f = &row->f[col];
	if (f->len == 0) {
		if (required)
			return rd_bad(r, row, col, "empty; every lead needs one");
		return 0;
	}
	if ((err = date_parse(f->s, f->len, l->dates, t)) != NULL)
		return rd_bad(r, row, col, "'%s': %s",
		    escape_text(esc, sizeof esc, f->s, f->len), err);
	return 0;
}

int
leads_decode(struct leads *l, struct reader *r, const struct row *row,
    struct lead *d)
{
	kpi_time earliest = NO_TIME;

	d->top = -1;
	d->latest = NO_TIME;
	d->id = NULL;
	d->idlen = 0;
	if (l->col_id >= 0) {
		d->id = row->f[l->col_id].s;
		d->idlen = row->f[l->col_id].len;
	}
	if (get_time(l, r, row, l->col_created, 1, &d->created) < 0 ||
	    get_time(l, r, row, l->col_lost, 0, &d->lost) < 0)
		return -1;
	d->at[0] = d->created;
	for (size_t s = 1; s < l->st.n; s++)
		if (get_time(l, r, row, l->col_at[s], 0, &d->at[s]) < 0)
			return -1;

	if (l->col_stage >= 0) {
		const struct field *f = &row->f[l->col_stage];
		char esc[ESCAPED_MAX];

		d->top = stages_find(&l->st, f->s, f->len);
		if (d->top < 0)
			return rd_bad(r, row, l->col_stage, "'%s' is not one of "
			    "the stages (--stages)", escape_text(esc, sizeof esc,
			    f->s, f->len));
		for (size_t s = 0; s < l->st.n; s++)
			d->reach[s] = NO_TIME;
	} else {
		/* Walk back from the last stage, carrying the earliest time. */
		for (size_t s = l->st.n; s-- > 0;) {
			if (d->at[s] != NO_TIME && (earliest == NO_TIME ||
			    d->at[s] < earliest))
				earliest = d->at[s];
			d->reach[s] = earliest;
			if (d->top < 0 && d->at[s] != NO_TIME)
				d->top = (int)s;
		}
	}
	for (size_t s = 0; s < l->st.n; s++)
		if (d->at[s] != NO_TIME && d->at[s] > d->latest)
			d->latest = d->at[s];
	if (d->lost != NO_TIME && d->lost > d->latest)
		d->latest = d->lost;
	return 0;
}

int
leads_top(const struct leads *l, const struct lead *d, kpi_time asof)
{
	int top = d->top;

	if (asof != NO_TIME && d->created != NO_TIME && d->created > asof)
		return -1;
	if (l->stage_col != NULL)
		return top;
	/* reach[] never decreases along the funnel: cut from the top. */
	while (top >= 0) {
		kpi_time t = d->reach[top];

		if ((asof == NO_TIME || t <= asof) &&
		    (l->window_ms < 0 || t - d->created <= l->window_ms))
			break;
		top--;
	}
	return top;
}

enum admit
leads_admit(const struct leads *l, const struct lead *d, int *top)
{
	*top = leads_top(l, d, l->asof);
	if (*top < 0)
		return ADMIT_NEVER;
	if (l->window_ms < 0)
		return ADMIT_NOW;
	if (l->asof == NO_TIME)
		return ADMIT_LATER;
	return d->created <= l->asof - l->window_ms ? ADMIT_NOW : ADMIT_NEVER;
}

void
lq_init(struct lead_queue *q, const struct leads *l, size_t item_size,
    void (*apply)(void *ctx, const void *item), void *ctx)
{
	memset(q, 0, sizeof *q);
	q->item_size = item_size;
	q->window_ms = l->window_ms;
	q->apply = apply;
	q->ctx = ctx;
	q->latest = NO_TIME;
	q->sweep_at = 1024;
}

void
lq_see(struct lead_queue *q, kpi_time t)
{
	if (t != NO_TIME && t > q->latest)
		q->latest = t;
}

/* Apply the items of leads created at or before CUTOFF; keep the rest
** (or, when DROP, forget them). */
static void
sweep(struct lead_queue *q, kpi_time cutoff, int drop)
{
	size_t rec = sizeof(kpi_time) + q->item_size, kept = 0;

	for (size_t i = 0; i < q->n; i++) {
		unsigned char *p = q->items + i * rec;
		kpi_time created;

		memcpy(&created, p, sizeof created);
		if (created <= cutoff)
			q->apply(q->ctx, p + sizeof created);
		else if (!drop)
			memmove(q->items + kept++ * rec, p, rec);
	}
	q->n = drop ? 0 : kept;
}

void
lq_push(struct lead_queue *q, kpi_time created, const void *item)
{
	size_t rec = sizeof(kpi_time) + q->item_size;

	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 1024;
		q->items = xreallocarray(q->items, q->cap, rec);
	}
	memcpy(q->items + q->n * rec, &created, sizeof created);
	memcpy(q->items + q->n * rec + sizeof created, item, q->item_size);
	q->n++;
	/* The as-of time is at least the latest seen: settle who is old enough. */
	if (q->n >= q->sweep_at && q->latest != NO_TIME) {
		sweep(q, q->latest - q->window_ms, 0);
		q->sweep_at = q->n * 2 > 1024 ? q->n * 2 : 1024;
	}
}

void
lq_settle(struct lead_queue *q,
    void (*item)(void *ctx, kpi_time created, const void *item), void *ctx)
{
	size_t rec = sizeof(kpi_time) + q->item_size;

	if (q->latest != NO_TIME)
		sweep(q, q->latest - q->window_ms, 0);
	for (size_t i = 0; item != NULL && i < q->n; i++) {
		kpi_time created;

		memcpy(&created, q->items + i * rec, sizeof created);
		item(ctx, created, q->items + i * rec + sizeof created);
	}
}

kpi_time
lq_finish_at(struct lead_queue *q, kpi_time latest)
{
	lq_see(q, latest);
	return lq_finish(q);
}

kpi_time
lq_finish(struct lead_queue *q)
{
	if (q->latest != NO_TIME)
		sweep(q, q->latest - q->window_ms, 1);
	q->n = 0;
	return q->latest;
}

void
lq_free(struct lead_queue *q)
{
	free(q->items);
	q->items = NULL;
	q->n = q->cap = 0;
}

int
leads_duplicate(struct leads *l, const struct reader *r, const struct row *row,
    const struct lead *d)
{
	char esc[ESCAPED_MAX];
	struct strbuf msg = {0};
	int created;

	if (l->ids == NULL || d->id == NULL || d->idlen == 0)
		return 0;
	gt_get(l->ids, d->id, d->idlen, &created);
	if (created)
		return 0;
	if (l->duplicates++ == 0) {
		sb_printf(&msg, "%s:%lu: id '%s'", rd_name(r), row->line,
		    escape_text(esc, sizeof esc, d->id, d->idlen));
		l->first_duplicate = msg.s;
	}
	return 1;
}

void
leads_read(const struct kpi_opts *o, struct leads *l, struct grouping *g,
    int (*row)(void *ctx, struct reader *r, const struct row *row), void *ctx)
{
	for (size_t i = 0; i < o->nfiles; i++) {
		struct reader *r = rd_open_or_die(o->files[i], &o->rd);
		unsigned char *want = xcalloc(rd_header(r)->n, 1);
		const struct row *rw;
		int rc;

		if (leads_bind(l, r, want) < 0 ||
		    (g != NULL && grouping_bind(g, r, want) < 0))
			rd_die(r);
		rd_want(r, want);
		while ((rc = rd_next(r, &rw)) > 0)
			row(ctx, r, rw);
		if (rc < 0)
			rd_die(r);
		rd_close(r);
		free(want);
	}
}

void
lead_part_init(struct lead_part *p, const struct kpi_opts *o,
    size_t state_size, size_t item_size,
    void (*apply)(void *ctx, const void *item))
{
	leads_init(&p->leads, o, NULL, 0);
	grouping_init(&p->grouping, o);
	p->groups = gt_new(state_size);
	lq_init(&p->waiting, &p->leads, item_size, apply, NULL);
}

void
lead_part_free(struct lead_part *p, void (*free_state)(void *))
{
	gt_free(p->groups, free_state);
	grouping_free(&p->grouping);
	leads_free(&p->leads);
	lq_free(&p->waiting);
}

static int
part_bind(void *state, struct reader *r, unsigned char *want)
{
	struct lead_part *p = state;

	return leads_bind(&p->leads, r, want) < 0 ||
	    grouping_bind(&p->grouping, r, want) < 0 ? -1 : 0;
}

void
leads_read_parts(const struct kpi_opts *o, struct lead_part *all,
    const struct lead_part_tool *tool, struct strbuf *notes)
{
	const struct par_tool pt = { tool->start, part_bind, tool->row,
	    tool->clean, tool->free, tool->ctx };
	kpi_time latest = NO_TIME;
	void **parts = NULL;
	size_t n = 0;

	if (o->jobs > 1 && o->dedup)
		note(notes, "--jobs: duplicate ids are found in input order, on "
		    "one thread; --no-dedup reads on %lld", o->jobs);
	else if (o->jobs > 1)
		n = par_read(o, (size_t)o->jobs, &pt, &parts);
	if (n == 0) {
		leads_read(o, &all->leads, &all->grouping, tool->row, all);
		lq_finish(&all->waiting);
		return;
	}
	/* Leads waiting in any chunk wait for the latest time of them all. */
	for (size_t i = 0; i < n; i++) {
		kpi_time t = ((struct lead_part *)parts[i])->waiting.latest;

		if (t != NO_TIME && (latest == NO_TIME || t > latest))
			latest = t;
	}
	for (size_t i = 0; i < n; i++) {
		struct lead_part *p = parts[i];

		lq_finish_at(&p->waiting, latest);
		gt_merge(all->groups, p->groups, tool->merge);
		tool->free(p);
	}
	lq_see(&all->waiting, latest);
	free(parts);
}

int
leads_check_stage_header(const struct leads *l, struct reader *r,
    const struct row *h, size_t first)
{
	for (size_t s = 0; s < l->st.n; s++) {
		const char *got = first + s < h->n ? h->f[first + s].s : "";

		if (strcmp(got, l->st.name[s]) != 0)
			return rd_fail(r, EX_DATAERR, h->line, "column '%s' is not "
			    "the stage '%s'", got, l->st.name[s]);
	}
	return 0;
}

void
leads_report(const struct leads *l)
{
	if (l->duplicates > 0)
		note(l->opts->rd.notes, "%lu row%s repeat%s an id seen before and %s left out "
		    "(the first row wins); the first: %s", l->duplicates,
		    l->duplicates == 1 ? "" : "s", l->duplicates == 1 ? "s" : "",
		    l->duplicates == 1 ? "is" : "are", l->first_duplicate);
}

void
leads_free(struct leads *l)
{
	stages_free(&l->st);
	for (size_t s = 0; s < MAX_STAGES; s++)
		free(l->headers[s]);
	gt_free(l->ids, NULL);
	free(l->first_duplicate);
}
