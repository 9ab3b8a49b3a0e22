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

/*
** Count D when its stages go back in time: a stage dated before the stage
** just before it, both with their own timestamps (data entered out of
** order). Such a lead still counts; a tool that measures the step from a
** stage to the next leaves that step out and says so (lib/leadtool.h,
** backwards_note).
*/
static void
see_order(struct leads *l, const struct reader *r, const struct row *row,
    const struct lead *d)
{
	struct strbuf where = {0};

	for (size_t s = 1; s < l->st.n; s++)
		if (d->at[s] != NO_TIME && d->at[s - 1] != NO_TIME &&
		    d->at[s] < d->at[s - 1]) {
			if (l->backwards++ == 0) {
				sb_printf(&where, "%s:%lu", rd_name(r), row->line);
				l->first_backwards = where.s;
			}
			return;
		}
}

int
leads_decode(struct leads *l, struct reader *r, const struct row *row,
    struct lead *d)
{
	d->top = -1;
	d->id = NULL;
	d->idlen = 0;
	if (l->col_id >= 0) {
		d->id = row->f[l->col_id].s;
		d->idlen = row->f[l->col_id].len;
		/* leads_duplicate() looks it up once the row is decoded. */
		if (l->ids != NULL)
			idset_prefetch(l->ids, d->id, d->idlen);
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
	} else {
		see_order(l, r, row, d);
	}
	leads_derive(l, d);
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

int
leads_duplicate(struct leads *l, const struct reader *r, const struct row *row,
    const struct lead *d)
{
	char esc[ESCAPED_MAX];
	struct strbuf msg = {0};
	if (l->ids == NULL || d->id == NULL || d->idlen == 0 ||
	    idset_add(l->ids, d->id, d->idlen))
		return 0;
	if (l->duplicates++ == 0) {
		sb_printf(&msg, "%s:%lu: id '%s'", rd_name(r), row->line,
		    escape_text(esc, sizeof esc, d->id, d->idlen));
		l->first_duplicate = msg.s;
	}
	return 1;
}

void
leads_report(const struct leads *l, struct strbuf *notes)
{
	if (l->duplicates > 0)
		note(notes, "%lu row%s repeat%s an id seen before and %s left out "
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
	if (l->ids != NULL)
		idset_free(l->ids);
	free(l->ids);
	free(l->first_duplicate);
	free(l->first_backwards);
}
