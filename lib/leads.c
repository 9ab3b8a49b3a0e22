/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "group.h"
#include "leads.h"
#include "opts.h"
#include "util.h"

/* Indexes into l->roles. */
enum { ROLE_ID, ROLE_CREATED, ROLE_LOST, ROLE_FIRST_STAGE };

void
leads_init(struct leads *l, const struct leads_opts *o,
    const struct colmap_set *cols, const struct date_formats *dates,
    int created_needed, const struct role *extra, size_t nextra)
{
	memset(l, 0, sizeof *l);
	stages_parse(&l->st, o->stages);
	l->stage_col = o->stage_col;
	l->window_ms = o->window_days >= 0 ? o->window_days * MS_PER_DAY : -1;
	l->asof = o->asof;
	l->cols = cols;
	l->dates = dates;
	l->dedup = o->dedup;
	l->stale_ms = o->stale_days > 0 ?
	    (long long)(o->stale_days * MS_PER_DAY + 0.5) : -1;
	if (l->stage_col != NULL && l->stale_ms >= 0)
		usage_error("--stale needs stage timestamps; a --stage-col has "
		    "none");
	if (l->stale_ms >= 0 && l->asof == NO_TIME)
		usage_error("--stale needs --asof: the as-of time a lead is stale "
		    "at");
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
	    l->stage_col == NULL || created_needed || o->asof != NO_TIME };
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
	cols_check_roles(cols, l->roles, l->nroles);
	if (l->dedup)
		l->ids = xcalloc(1, sizeof *l->ids);
}

int
leads_bind(struct leads *l, struct reader *r, unsigned char *cols_wanted)
{
	long idx[MAX_STAGES + 8];
	size_t s, nstage_roles = l->nroles - ROLE_FIRST_STAGE - l->nextra;

	if (cols_bind(r, l->roles, l->nroles, l->cols, idx) < 0)
		return -1;
	l->ids_from = rd_data_offset(r);
	l->ids_rows = 0;
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
		return rd_bad_date(r, row, col, f->s, f->len, err);
	return 0;
}

/* Set P to FILE:LINE then DETAIL (may be NULL). */
static void
place_set(struct place *p, const char *file, unsigned long line,
    const char *detail)
{
	p->file = xstrdup(file);
	p->line = line;
	p->detail = detail != NULL ? xstrdup(detail) : NULL;
}

static void
place_free(struct place *p)
{
	free(p->file);
	free(p->detail);
	*p = (struct place){0};
}

int
leads_order(const struct leads *l, const struct lead *d, size_t *late,
    size_t *early)
{
	size_t n = l->st.n, prev = n, top = n;
	kpi_time asof = l->asof;
	int won;

	for (size_t s = 0; s < n; s++) {
		if (d->at[s] == NO_TIME)
			continue;
		if (prev < n && d->at[s] < d->at[prev]) {
			*late = s;
			*early = prev;
			return 1;
		}
		prev = s;
	}
	if (d->lost == NO_TIME || (asof != NO_TIME && d->lost > asof))
		return 0;
	/* A lead at the last stage is won: its lost date is not read. */
	if (l->stage_col != NULL)
		won = d->top == (int)n - 1;
	else
		won = d->at[n - 1] != NO_TIME &&
		    (asof == NO_TIME || d->at[n - 1] <= asof);
	if (won)
		return 0;
	/* The stages are in order now: the highest in view is the latest. */
	for (size_t s = n; s-- > 0;)
		if (d->at[s] != NO_TIME && (asof == NO_TIME || d->at[s] <= asof)) {
			top = s;
			break;
		}
	if (top == n || d->lost >= d->at[top])
		return 0;
	*late = n;
	*early = top;
	return 1;
}

/*
** Count D when its dates go back in time (leads_order()). Such a lead
** still counts; a tool that measures the time from a stage to another
** leaves that time out and says so (lib/leadtool.h, backwards_note).
** With L->order_bad and --skip-bad it is a bad row instead: -1 after
** rd_bad(). Else 0.
*/
static int
see_order(struct leads *l, struct reader *r, const struct row *row,
    const struct lead *d)
{
	char late_v[ESCAPED_MAX], early_v[ESCAPED_MAX], early_h[ESCAPED_MAX];
	char late_h[ESCAPED_MAX];
	const struct row *h = rd_header(r);
	const struct field *lf, *ef;
	struct strbuf detail = {0};
	size_t late, early;
	long lc, ec;

	if (!leads_order(l, d, &late, &early))
		return 0;
	lc = late < l->st.n ? l->col_at[late] : l->col_lost;
	ec = l->col_at[early];
	lf = &row->f[lc];
	ef = &row->f[ec];
	escape_text(late_v, sizeof late_v, lf->s, lf->len);
	escape_text(early_v, sizeof early_v, ef->s, ef->len);
	escape_text(early_h, sizeof early_h, h->f[ec].s, h->f[ec].len);
	if (l->order_bad && rd_skipping(r))
		return rd_bad(r, row, lc, "'%s' is before %s '%s'", late_v,
		    early_h, early_v);
	if (l->backwards++ == 0) {
		escape_text(late_h, sizeof late_h, h->f[lc].s, h->f[lc].len);
		sb_printf(&detail, ": column '%s': '%s' is before %s '%s'",
		    late_h, late_v, early_h, early_v);
		place_set(&l->first_backwards, rd_name(r), row->line, detail.s);
		sb_free(&detail);
	}
	return 0;
}

int
leads_stale(const struct leads *l, struct lead *d)
{
	kpi_time asof = l->asof, last = NO_TIME;
	size_t n = l->st.n;

	if (l->stale_ms < 0 || asof == NO_TIME || l->stage_col != NULL)
		return 0;
	if ((d->created != NO_TIME && d->created > asof) ||
	    (d->lost != NO_TIME && d->lost <= asof) ||
	    (d->at[n - 1] != NO_TIME && d->at[n - 1] <= asof))
		return 0;           /* not yet there, lost, or won */
	for (size_t s = 0; s < n; s++)
		if (d->at[s] != NO_TIME && d->at[s] <= asof &&
		    (last == NO_TIME || d->at[s] > last))
			last = d->at[s];
	if (last == NO_TIME || asof - last <= l->stale_ms)
		return 0;
	d->lost = last + l->stale_ms;
	if (d->latest == NO_TIME || d->lost > d->latest)
		d->latest = d->lost;
	return 1;
}

int
leads_decode(struct leads *l, struct reader *r, const struct row *row,
    struct lead *d)
{
	d->top = -1;
	d->id = NULL;
	d->idlen = 0;
	if (l->col_id >= 0)
		leads_set_id(l, d, row->f[l->col_id].s, row->f[l->col_id].len);
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
	}
	leads_derive(l, d);
	if (see_order(l, r, row, d) < 0)
		return -1;
	leads_stale(l, d);
	return 0;
}

void
leads_derive(const struct leads *l, struct lead *d)
{
	kpi_time earliest = NO_TIME;

	d->latest = NO_TIME;
	if (l->stage_col != NULL) {
		for (size_t s = 0; s < l->st.n; s++)
			d->reach[s] = NO_TIME;
	} else {
		/* Walk back from the last stage, carrying the earliest time. */
		d->top = -1;
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
}

long
leads_reach_col(const struct leads *l, const struct lead *d, int s,
    kpi_time t)
{
	for (; s >= 0 && (size_t)s < l->st.n; s++)
		if (d->at[s] == t && t != NO_TIME)
			return l->col_at[s];
	return -1;
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
leads_set_id(const struct leads *l, struct lead *d, const char *id,
    size_t len)
{
	d->id = id;
	d->idlen = len;
	if (l->ids != NULL && len > 0) {
		/* Parsing the rest of the row hides the wait for memory. */
		d->idhash = idset_hash(id, len);
		idset_prefetch(l->ids, d->idhash);
	}
}

/*
** Size the id set for the rest of R's input once the first rows of it are
** read: so many rows to come, by the bytes left and the bytes a row so
** far (and a sixteenth more), each perhaps a new id. The set then never
** grows while reading a file of rows alike, which saves placing every id
** again and the memory of two tables at once. A pipe has no known end.
*/
static void
reserve_ids(struct leads *l, const struct reader *r)
{
	enum { SAMPLE = 4096 };        /* rows to measure */
	off_t at = rd_data_offset(r), end = rd_end(r);
	double per_row, more;

	if (++l->ids_rows != SAMPLE || end < 0 || at <= l->ids_from)
		return;
	per_row = (double)(at - l->ids_from) / SAMPLE;
	more = (double)(end - at) / per_row * (1 + 1.0 / 16);
	if (more < 1e12)
		idset_reserve(l->ids, idset_count(l->ids) + (size_t)more);
}

int
leads_duplicate(struct leads *l, const struct reader *r, const struct row *row,
    const struct lead *d)
{
	char esc[ESCAPED_MAX];
	struct strbuf msg = {0};

	if (l->ids == NULL || d->id == NULL || d->idlen == 0)
		return 0;
	reserve_ids(l, r);
	if (idset_add_hashed(l->ids, d->idhash, d->id, d->idlen))
		return 0;
	if (l->duplicates++ == 0) {
		sb_printf(&msg, ": id '%s'",
		    escape_text(esc, sizeof esc, d->id, d->idlen));
		place_set(&l->first_duplicate, rd_name(r), row->line, msg.s);
		sb_free(&msg);
	}
	return 1;
}

char *
place_text(const struct place *p)
{
	struct strbuf sb = {0};

	if (p->file != NULL)
		sb_printf(&sb, "%s:%lu", p->file, p->line);
	if (p->detail != NULL)
		sb_printf(&sb, "%s", p->detail);
	return sb.s;
}

void
place_keep_text(struct place *p, const char *text)
{
	if (p->file == NULL && p->detail == NULL)
		p->detail = xstrdup(text);
}

void
leads_shift(struct leads *l, unsigned long lines)
{
	if (l->first_duplicate.file != NULL)
		l->first_duplicate.line += lines;
	if (l->first_backwards.file != NULL)
		l->first_backwards.line += lines;
}

/* Move the place FROM into INTO if INTO holds none; empty FROM. */
static void
place_take(struct place *into, struct place *from)
{
	if (into->file == NULL && into->detail == NULL) {
		*into = *from;
		*from = (struct place){0};
	}
	place_free(from);
}

void
leads_merge_notes(struct leads *into, struct leads *from)
{
	into->duplicates += from->duplicates;
	into->backwards += from->backwards;
	from->duplicates = from->backwards = 0;
	place_take(&into->first_duplicate, &from->first_duplicate);
	place_take(&into->first_backwards, &from->first_backwards);
}

void
leads_report(const struct leads *l, struct strbuf *notes)
{
	char *where;

	if (l->duplicates == 0)
		return;
	where = place_text(&l->first_duplicate);
	note(notes, "%lu row%s repeat%s an id seen before and %s left out "
	    "(the first row wins); the first: %s", l->duplicates,
	    l->duplicates == 1 ? "" : "s", l->duplicates == 1 ? "s" : "",
	    l->duplicates == 1 ? "is" : "are", where ? where : "");
	free(where);
}

void *
leads_settle(void *const *states, size_t k,
    struct leads *(*leads_of)(void *state), void *(*start)(void *ctx),
    void *ctx)
{
	const struct leads *l = leads_of(states[k]);
	struct idset seen = {0};
	void *again;

	if (l->ids == NULL)
		return NULL;
	for (size_t j = 0; j < k; j++)
		idset_add_common(&seen, l->ids, leads_of(states[j])->ids);
	if (idset_count(&seen) == 0) {
		idset_free(&seen);
		return NULL;
	}
	again = start(ctx);
	idset_free(leads_of(again)->ids);
	*leads_of(again)->ids = seen;
	return again;
}

void
leads_free(struct leads *l)
{
	stages_free(&l->st);
	for (size_t s = 0; s < MAX_STAGES; s++)
		free(l->headers[s]);
	if (l->ids != NULL)
		idset_free(l->ids);
	free(l->ids);
	place_free(&l->first_duplicate);
	place_free(&l->first_backwards);
}
