/* See LICENSE file for copyright and license details. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"
#include "join.h"
#include "leads.h"
#include "opts.h"
#include "util.h"

/* Indexes into l->roles. */
enum { ROLE_ID, ROLE_CREATED, ROLE_LOST, ROLE_FIRST_STAGE };

/*
** The role count, last of L's roles, when the tool reads a count column
** (O->count_ok) and one is named: --count-col COL, or --col count=HEADER
** (COLS), which are two spellings of one thing, so both at once is a
** usage error. Without either, no count is read, even from a column
** that happens to be called "count": a table reads as it always did.
*/
static void
count_role(struct leads *l, const struct leads_opts *o,
    const struct colmap_set *cols)
{
	const char *mapped = NULL;

	l->ncount = 0;
	l->col_count = -1;
	if (!o->count_ok)
		return;
	for (size_t i = 0; i < cols->n; i++)
		if (strcmp(cols->v[i].role, "count") == 0)
			mapped = cols->v[i].header;
	if (mapped != NULL && o->count_col != NULL)
		usage_error("--count-col '%s' and --col count=%s both name the "
		    "count column; give one", o->count_col, mapped);
	if (mapped == NULL && o->count_col == NULL)
		return;
	l->roles[l->nroles++] = (struct role){ "count",
	    o->count_col != NULL ? o->count_col : mapped, 1 };
	l->ncount = 1;
}

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
	if (l->stage_col == NULL && o->nstage_map > 0)
		usage_error("--stage-map says what the values of a --stage-col "
		    "column mean; give --stage-col");
	for (size_t i = 0; i < o->nstage_map; i++)
		stage_map_add(&l->stage_map, &l->st, o->stage_map[i]);
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
	count_role(l, o, cols);
	cols_check_roles(cols, l->roles, l->nroles);
	if (l->dedup)
		l->ids = xcalloc(1, sizeof *l->ids);
}

/*
** Find L's roles in R's header, into IDX. With --join, a stage (not the
** created date) or lost that a joined file has may be absent, even when
** --col maps it.
*/
static int
bind_roles(struct leads *l, struct reader *r, long *idx)
{
	const struct join *j;

	if (l->join == NULL)
		return cols_bind(r, l->roles, l->nroles, l->cols, idx);
	j = join_view_join(l->join);
	for (size_t i = 0; i < l->nroles; i++) {
		int stage = i >= ROLE_FIRST_STAGE && i < l->nroles - l->nextra &&
		    l->stage_col == NULL;
		const char *h;

		if (!(stage && join_has_time(j, i - ROLE_FIRST_STAGE + 1)) &&
		    !(i == ROLE_LOST && join_has_time(j, l->st.n))) {
			if (cols_bind(r, &l->roles[i], 1, l->cols, &idx[i]) < 0)
				return -1;
			continue;
		}
		h = cols_header(l->cols, &l->roles[i]);
		if ((idx[i] = rd_col(r, h)) == RD_AMBIGUOUS)
			return (int)cols_find(r, h, l->roles[i].name);
		if (idx[i] < 0)
			idx[i] = -1;
	}
	return 0;
}

int
leads_bind(struct leads *l, struct reader *r, unsigned char *cols_wanted)
{
	long idx[MAX_STAGES + 9];
	size_t s, nstage_roles = l->nroles - ROLE_FIRST_STAGE - l->nextra -
	    l->ncount;

	if (bind_roles(l, r, idx) < 0)
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
	l->col_count = l->ncount ? idx[l->nroles - 1] : -1;
	l->col_stage = -1;
	if (l->stage_col != NULL &&
	    (l->col_stage = cols_find(r, l->stage_col, "--stage-col")) < 0)
		return -1;
	if (l->join != NULL && join_bind(l->join, l, r, cols_wanted) < 0)
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

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

/*
** The count of ROW (see leads_decode()) into *N: 1 without a count
** column; else the column's whole number, 0 to COUNT_MAX, in digits
** alone, spaces and tabs around it ignored, which must also keep L's sum
** of counts within INT64_MAX (then added to it).
*/
static int
get_count(struct leads *l, struct reader *r, const struct row *row,
    uint64_t *n)
{
	const struct field *f;
	const char *s;
	size_t len, i;
	char esc[ESCAPED_MAX];
	uint64_t v = 0;

	*n = 1;
	if (l->col_count < 0)
		return 0;
	f = &row->f[l->col_count];
	s = f->s;
	len = f->len;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return rd_bad(r, row, l->col_count, "empty; with a count column "
		    "every row needs its count of leads, 0 or more");
	escape_text(esc, sizeof esc, s, len);
	for (i = 0; i < len && is_digit(s[i]); i++)
		if (v <= COUNT_MAX)
			v = v * 10 + (uint64_t)(s[i] - '0');
	if (i == 0 && s[0] == '-' && len > 1 && all_digits(s + 1, len - 1))
		return rd_bad(r, row, l->col_count, "'%s': a negative count of "
		    "leads", esc);
	if (i < len)
		return rd_bad(r, row, l->col_count, "'%s' is not a count of "
		    "leads: a whole number, 0 or more, in digits", esc);
	if (v > COUNT_MAX)
		return rd_bad(r, row, l->col_count, "'%s': a count of leads "
		    "beyond 2^53 (9007199254740992)", esc);
	if (leads_count_add(l, r, row, l->col_count, v) < 0)
		return -1;
	*n = v;
	return 0;
}

int
leads_count_add(struct leads *l, struct reader *r, const struct row *row,
    long col, uint64_t n)
{
	if (l->counted > (uint64_t)INT64_MAX - n)
		return rd_bad(r, row, col, "a count of %llu takes the counts of "
		    "the rows so far past 2^63 - 1", (unsigned long long)n);
	l->counted += n;
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
/*
** Stage S's time T in lead D of ROW (S = the number of stages: lost) as
** the message on dates that go back shows it: the cell's text, and its
** column's name in NAME (*JOINED 0); or, when a --join file gave it (no
** such cell, or an empty one), T in ISO 8601 and "FILE:LINE (column
** 'C')" (*JOINED 1). VALUE and NAME hold ESCAPED_MAX bytes.
*/
static void
describe_time(const struct leads *l, const struct reader *r,
    const struct row *row, size_t s, kpi_time t, char *value, char *name,
    int *joined)
{
	long c = s < l->st.n ? l->col_at[s] : l->col_lost;
	const struct row *h = rd_header(r);
	char *where;

	*joined = c < 0 || row->f[c].len == 0;
	if (!*joined) {
		escape_text(value, ESCAPED_MAX, row->f[c].s, row->f[c].len);
		escape_text(name, ESCAPED_MAX, h->f[c].s, h->f[c].len);
		return;
	}
	date_format_iso(value, t);
	where = l->join != NULL ? join_where(l->join, s) : NULL;
	snprintf(name, ESCAPED_MAX, "%s", where != NULL ? where : "--join");
	free(where);
}

static int
see_order(struct leads *l, struct reader *r, const struct row *row,
    const struct lead *d)
{
	char late_v[ESCAPED_MAX], early_v[ESCAPED_MAX], early_h[ESCAPED_MAX];
	char late_h[ESCAPED_MAX];
	struct strbuf detail = {0};
	size_t late, early;
	int late_joined, early_joined;

	if (!leads_order(l, d, &late, &early))
		return 0;
	describe_time(l, r, row, late, late < l->st.n ? d->at[late] : d->lost,
	    late_v, late_h, &late_joined);
	describe_time(l, r, row, early, d->at[early], early_v, early_h,
	    &early_joined);
	if (l->order_bad && rd_skipping(r)) {
		if (late_joined)
			return rd_bad(r, row, -1, "'%s' at %s is before %s '%s'",
			    late_v, late_h, early_h, early_v);
		return rd_bad(r, row, late < l->st.n ? l->col_at[late] :
		    l->col_lost, "'%s' is before %s '%s'", late_v, early_h,
		    early_v);
	}
	if (l->backwards++ == 0) {
		if (late_joined)
			sb_printf(&detail, ": '%s' at %s is before %s '%s'",
			    late_v, late_h, early_h, early_v);
		else
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

/* Record that F, ROW's current stage, is none of the stages. */
static int
bad_stage(const struct leads *l, struct reader *r, const struct row *row,
    const struct field *f)
{
	char esc[ESCAPED_MAX];
	char *list = stages_join(&l->st, ", ");

	escape_text(esc, sizeof esc, f->s, f->len);
	rd_bad(r, row, l->col_stage, "'%s' is not one of the stages (%s); "
	    "say which it is with --stage-map '%s=STAGE'", esc, list, esc);
	free(list);
	return -1;
}

/* Whether T, read from column COL of ROW, is a date without a time of
** day: midnight UTC, from a cell with no ':' in it. */
static int
date_only(const struct row *row, long col, kpi_time t)
{
	if (col < 0 || t % MS_PER_DAY != 0)
		return 0;
	return memchr(row->f[col].s, ':', row->f[col].len) == NULL;
}

/*
** A stage's date without a time of day read beside date-times (Salesforce
** writes CloseDate as a date, CreatedDate with a time): "2026-01-05" after
** "2026-01-05T14:30Z" means some time that day, not its midnight, so it
** counts as the earlier time, a cycle of 0, not as a date that goes back.
** The same for a lost date on the day of the stage before it. Dates on
** earlier days still go back (leads_order()).
*/
static void
settle_dates(const struct leads *l, const struct row *row, struct lead *d)
{
	kpi_time prev = NO_TIME;

	for (size_t s = 0; s < l->st.n; s++) {
		if (d->at[s] == NO_TIME)
			continue;
		if (prev != NO_TIME && d->at[s] < prev &&
		    d->at[s] + MS_PER_DAY > prev &&
		    date_only(row, l->col_at[s], d->at[s]))
			d->at[s] = prev;
		prev = d->at[s];
	}
	if (d->lost != NO_TIME && prev != NO_TIME && d->lost < prev &&
	    d->lost + MS_PER_DAY > prev && date_only(row, l->col_lost, d->lost))
		d->lost = prev;
}

int
leads_decode(struct leads *l, struct reader *r, const struct row *row,
    struct lead *d)
{
	d->top = -1;
	d->id = NULL;
	d->idlen = 0;
	d->count = 1;
	if (l->col_id >= 0)
		leads_set_id(l, d, row->f[l->col_id].s, row->f[l->col_id].len);
	if (get_time(l, r, row, l->col_created, 1, &d->created) < 0 ||
	    get_time(l, r, row, l->col_lost, 0, &d->lost) < 0)
		return -1;
	d->at[0] = d->created;
	for (size_t s = 1; s < l->st.n; s++)
		if (get_time(l, r, row, l->col_at[s], 0, &d->at[s]) < 0)
			return -1;
	settle_dates(l, row, d);
	if (get_count(l, r, row, &d->count) < 0)
		return -1;
	if (l->join != NULL) {
		if (join_lead(l->join, l, r, row, d) < 0)
			return -1;
		d->created = d->at[0];
	}
	if (l->col_stage >= 0) {
		const struct field *f = &row->f[l->col_stage];

		d->top = stage_map_find(&l->stage_map, f->s, f->len);
		if (d->top < 0)
			d->top = stages_find(&l->st, f->s, f->len);
		if (d->top < 0)
			return bad_stage(l, r, row, f);
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
	/* Parsing the rest of the row hides the wait for memory. */
	if (l->ids != NULL && len > 0)
		idset_probe(l->ids, id, len, &d->idprobe);
}

/*
** Size the id set for the rest of R's input once the first rows of it are
** read: so many rows to come, by the bytes left and the bytes a row so
** far (and a sixteenth more), each perhaps a new id. Once the ids go to
** the set's table (they come in no order: lib/idset.h), the table then
** never grows while reading a file of rows alike, which saves placing
** every id again and the memory of two tables at once; ids in order go
** on its run, which grows by doubling. A pipe has no known end.
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
	if (idset_add_probed(l->ids, &d->idprobe, d->id, d->idlen))
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
leads_set_join(struct leads *l, struct join_view *v)
{
	l->join = v;
	l->roles[ROLE_ID].required = 1;
	for (size_t s = 1; s < l->st.n && l->stage_col == NULL; s++)
		if (join_has_time(join_view_join(v), s))
			l->roles[ROLE_FIRST_STAGE + s - 1].required = 0;
}

size_t
leads_join_roles(const struct leads *l, struct role *roles, int *time_role)
{
	for (size_t i = 0; i < l->nroles; i++) {
		roles[i] = l->roles[i];
		roles[i].required = i == ROLE_ID;
	}
	time_role[0] = ROLE_CREATED;
	for (size_t s = 1; s < l->st.n; s++)
		time_role[s] = l->stage_col == NULL ?
		    (int)(ROLE_FIRST_STAGE + s - 1) : -1;
	time_role[l->st.n] = ROLE_LOST;
	return l->nroles;
}

int
leads_time_of(const struct leads *l, const char *header)
{
	for (size_t t = 0; t <= l->st.n; t++) {
		size_t i = t == 0 ? ROLE_CREATED : t == l->st.n ? ROLE_LOST :
		    ROLE_FIRST_STAGE + t - 1;

		if (t > 0 && t < l->st.n && l->stage_col != NULL)
			continue;
		if (strcmp(cols_header(l->cols, &l->roles[i]), header) == 0)
			return (int)t;
	}
	return -1;
}

void
leads_free(struct leads *l)
{
	join_view_free(l->join);
	stages_free(&l->st);
	stage_map_free(&l->stage_map);
	for (size_t s = 0; s < MAX_STAGES; s++)
		free(l->headers[s]);
	if (l->ids != NULL)
		idset_free(l->ids);
	free(l->ids);
	place_free(&l->first_duplicate);
	place_free(&l->first_backwards);
}
