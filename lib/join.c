/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cols.h"
#include "idset.h"
#include "join.h"
#include "leads.h"
#include "opts.h"

/* A row of a joined file. */
struct jrow {
	uint64_t hash;              /* idset_hash() of its id */
	size_t id;                  /* where its id is in the file's bytes */
	unsigned long line;
	uint32_t idlen;
	unsigned char matched;      /* a lead of the main table has its id */
};

/* Where a --by text is in the file's bytes. */
struct jtext {
	size_t at, len;
};

/* One joined file, read whole. */
struct jfile {
	char *name;                 /* as messages name it */
	size_t nt, nb;              /* times and --by texts a row holds */
	int tslot[MAX_STAGES + 1];  /* where time t is in a row's, or -1 */
	int *bslot;                 /* where --by value b is, or -1 */
	char *tlabel[MAX_STAGES + 1], **blabel;  /* their columns, quoted */
	struct jrow *rows;
	kpi_time *times;            /* nt a row */
	struct jtext *texts;        /* nb a row */
	size_t nrows, cap;
	struct strbuf bytes;        /* the ids and texts; byte 0 unused */
	size_t *slot;               /* row index + 1; 0: free */
	size_t nslots;              /* a power of two, or 0 */
};

struct join {
	struct jfile *f;
	size_t n;
	size_t ntimes;              /* the stages, then lost */
	char *const *by;
	size_t nby;
	const struct stages *st;
};

/* The per-reader state: the main table's columns, the current lead. */
struct join_view {
	const struct join *j;
	long *bcol;                 /* each --by column in the main table */
	struct field *by;           /* the current lead's --by values */
	long *hit;                  /* its row in each joined file, or -1 */
	int tsrc[MAX_STAGES + 1];   /* the file a time came from; -1: main */
	long trow[MAX_STAGES + 1];
	int *bsrc;
	long *brow;
};

/* The row of F whose id is the LEN bytes at ID (of hash H), or -1. */
static long
find(const struct jfile *f, uint64_t h, const char *id, size_t len)
{
	size_t mask = f->nslots - 1;

	if (f->nslots == 0)
		return -1;
	for (size_t i = (size_t)h & mask; f->slot[i] != 0; i = (i + 1) & mask) {
		const struct jrow *r = &f->rows[f->slot[i] - 1];

		if (r->hash == h && r->idlen == len &&
		    memcmp(f->bytes.s + r->id, id, len) == 0)
			return (long)(f->slot[i] - 1);
	}
	return -1;
}

/* Place row K of F in its hash slots, doubling them past half full. */
static void
place(struct jfile *f, size_t k)
{
	size_t mask;

	if (2 * (f->nrows + 1) > f->nslots) {
		size_t n = f->nslots ? 2 * f->nslots : 64;

		free(f->slot);
		f->slot = xcalloc(n, sizeof *f->slot);
		f->nslots = n;
		for (size_t i = 0; i < k; i++)
			place(f, i);
	}
	mask = f->nslots - 1;
	for (size_t i = (size_t)f->rows[k].hash & mask;; i = (i + 1) & mask)
		if (f->slot[i] == 0) {
			f->slot[i] = k + 1;
			return;
		}
}

/* The quoted label of column COL of R's header, for messages. */
static char *
label(const struct reader *r, long col)
{
	const struct field *h = &rd_header(r)->f[col];
	char esc[ESCAPED_MAX];
	struct strbuf sb = {0};

	sb_printf(&sb, "'%s'", escape_text(esc, sizeof esc, h->s, h->len));
	return sb.s;
}

struct loader {
	struct join *j;
	struct jfile *f;
	const struct leads *l;
	long id, tcol[MAX_STAGES + 1], *bcol;
};

static int
bind_file(void *ctx, struct reader *r, unsigned char *want)
{
	struct loader *ld = ctx;
	struct jfile *f = ld->f;
	struct role roles[MAX_STAGES + 8];
	int time_role[MAX_STAGES + 1];
	long idx[MAX_STAGES + 8];
	size_t nroles = leads_join_roles(ld->l, roles, time_role);
	size_t found = 0;

	/* The id as the main table's; the others may be absent, even when
	 * --col maps them. */
	if (cols_bind(r, roles, 1, ld->l->cols, idx) < 0)
		return -1;
	for (size_t i = 1; i < nroles; i++) {
		const char *h = cols_header(ld->l->cols, &roles[i]);

		if ((idx[i] = rd_col(r, h)) == RD_AMBIGUOUS)
			return (int)cols_find(r, h, roles[i].name);
	}
	ld->id = idx[0];
	want[ld->id] = 1;
	for (size_t t = 0; t < ld->j->ntimes; t++) {
		ld->tcol[t] = time_role[t] >= 0 ? idx[time_role[t]] : -1;
		f->tslot[t] = -1;
		if (ld->tcol[t] < 0)
			continue;
		f->tslot[t] = (int)f->nt++;
		f->tlabel[t] = label(r, ld->tcol[t]);
		want[ld->tcol[t]] = 1;
		found++;
	}
	for (size_t b = 0; b < ld->j->nby; b++) {
		long c = rd_col(r, ld->j->by[b]);

		f->bslot[b] = -1;
		if (c == RD_AMBIGUOUS)
			return cols_find(r, ld->j->by[b], "--by") < 0 ? -1 : 0;
		if ((ld->bcol[b] = c) < 0)
			continue;
		f->bslot[b] = (int)f->nb++;
		f->blabel[b] = label(r, c);
		want[c] = 1;
		found++;
	}
	if (found == 0)
		return rd_fail(r, EX_DATAERR, rd_header(r)->line, "nothing to "
		    "join: a --join file needs a column of the lead's times "
		    "(as --col and --preset name them) or a --by column beside "
		    "the id");
	return 0;
}

static int
read_joined(void *ctx, struct reader *r, const struct row *row)
{
	struct loader *ld = ctx;
	struct jfile *f = ld->f;
	const struct field *id = &row->f[ld->id];
	kpi_time t[MAX_STAGES + 1];
	char esc[ESCAPED_MAX];
	struct jrow *jr;
	uint64_t h;
	long k;

	if (id->len == 0)
		return rd_bad(r, row, ld->id, "empty; a joined row needs the id "
		    "of its lead");
	h = idset_hash(id->s, id->len);
	if ((k = find(f, h, id->s, id->len)) >= 0)
		return rd_bad(r, row, ld->id, "'%s' is on line %lu too; a joined "
		    "file has one row a lead", escape_text(esc, sizeof esc, id->s,
		    id->len), f->rows[k].line);
	for (size_t i = 0; i < ld->j->ntimes; i++) {
		const struct field *c;
		const char *err;

		if (f->tslot[i] < 0)
			continue;
		c = &row->f[ld->tcol[i]];
		t[f->tslot[i]] = NO_TIME;
		if (c->len > 0 && (err = date_parse(c->s, c->len, ld->l->dates,
		    &t[f->tslot[i]])) != NULL)
			return rd_bad_date(r, row, ld->tcol[i], c->s, c->len, err);
	}
	if (f->nrows == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 256;
		f->rows = xreallocarray(f->rows, f->cap, sizeof *f->rows);
		f->times = xreallocarray(f->times, f->cap * (f->nt ? f->nt : 1),
		    sizeof *f->times);
		f->texts = xreallocarray(f->texts, f->cap * (f->nb ? f->nb : 1),
		    sizeof *f->texts);
	}
	jr = &f->rows[f->nrows];
	jr->hash = h;
	jr->id = f->bytes.len;
	jr->idlen = (uint32_t)id->len;
	jr->line = row->line;
	jr->matched = 0;
	sb_add(&f->bytes, id->s, id->len);
	sb_add(&f->bytes, "", 1);
	memcpy(f->times + f->nrows * f->nt, t, f->nt * sizeof t[0]);
	for (size_t b = 0; b < ld->j->nby; b++) {
		struct jtext *x;

		if (f->bslot[b] < 0)
			continue;
		x = &f->texts[f->nrows * f->nb + (size_t)f->bslot[b]];
		x->at = f->bytes.len;
		x->len = row->f[ld->bcol[b]].len;
		sb_add(&f->bytes, row->f[ld->bcol[b]].s, x->len);
		sb_add(&f->bytes, "", 1);
	}
	place(f, f->nrows);
	f->nrows++;
	return 0;
}

struct join *
join_load(char *const *files, size_t n, const struct leads *l,
    const struct rd_opts *ro, char *const *by, size_t nby,
    void (*failed)(void *ctx, const char *why), void *ctx)
{
	struct join *j = xcalloc(1, sizeof *j);
	struct rd_opts o = *ro;

	/* The progress line counts the main table's bytes; a joined file
	** has its own header line, whatever --header says of the main one. */
	o.progress = NULL;
	o.header = NULL;
	j->n = n;
	j->f = xcalloc(n, sizeof *j->f);
	j->ntimes = l->st.n + 1;
	j->by = by;
	j->nby = nby;
	j->st = &l->st;
	for (size_t i = 0; i < n; i++) {
		struct jfile *f = &j->f[i];
		struct loader ld = { j, f, l, -1, {0}, NULL };
		struct reader *r = rd_open(files[i], &o);

		if (r == NULL) {
			struct strbuf why = {0};

			sb_printf(&why, "%s: %s", files[i] ? files[i] : "<stdin>",
			    strerror(errno));
			if (failed != NULL)
				failed(ctx, why.s);
			die(EX_NOINPUT, "%s", why.s);
		}
		f->name = xstrdup(rd_name(r));
		f->bslot = xcalloc(nby + 1, sizeof *f->bslot);
		f->blabel = xcalloc(nby + 1, sizeof *f->blabel);
		ld.bcol = xcalloc(nby + 1, sizeof *ld.bcol);
		sb_add(&f->bytes, "", 1);
		if (rd_each(r, bind_file, read_joined, &ld) < 0) {
			if (failed != NULL)
				failed(ctx, rd_error(r));
			rd_die(r);
		}
		free(ld.bcol);
		rd_close(r);
	}
	return j;
}

struct join *
join_open(const struct kpi_opts *o, struct leads *l,
    void (*failed)(void *ctx, const char *why), void *ctx)
{
	struct join *j;

	if (o->leads.stage_col != NULL)
		usage_error("--join reads the times of stages, and a --stage-col "
		    "has none: give one column per stage");
	for (size_t i = 0; i < o->njoin; i++)
		for (size_t k = 0; k < o->nfiles && o->join[i] == NULL; k++)
			if (o->files[k] == NULL || strcmp(o->files[k], "-") == 0)
				usage_error("--join -: standard input is the main "
				    "table already");
	if (o->merge && !o->leads.dedup)
		usage_error("--merge --join finds the joined rows without a lead "
		    "by the ids the parts carry, and --no-dedup parts carry none");
	j = join_load(o->join, o->njoin, l, &o->rd, o->group.by, o->group.nby,
	    failed, ctx);
	leads_set_join(l, join_view_new(j));
	return j;
}

int
join_has_time(const struct join *j, size_t s)
{
	for (size_t i = 0; i < j->n; i++)
		if (j->f[i].tslot[s] >= 0)
			return 1;
	return 0;
}

/* Whether some joined file has --by column B. */
static int
has_by(const struct join *j, size_t b)
{
	for (size_t i = 0; i < j->n; i++)
		if (j->f[i].bslot[b] >= 0)
			return 1;
	return 0;
}

struct join_view *
join_view_new(const struct join *j)
{
	struct join_view *v = xcalloc(1, sizeof *v);

	v->j = j;
	v->bcol = xcalloc(j->nby + 1, sizeof *v->bcol);
	v->by = xcalloc(j->nby + 1, sizeof *v->by);
	v->bsrc = xcalloc(j->nby + 1, sizeof *v->bsrc);
	v->brow = xcalloc(j->nby + 1, sizeof *v->brow);
	v->hit = xcalloc(j->n + 1, sizeof *v->hit);
	for (size_t i = 0; i < j->n; i++)
		v->hit[i] = -1;
	return v;
}

const struct join *
join_view_join(const struct join_view *v)
{
	return v->j;
}

void
join_view_free(struct join_view *v)
{
	if (v == NULL)
		return;
	free(v->bcol);
	free(v->by);
	free(v->bsrc);
	free(v->brow);
	free(v->hit);
	free(v);
}

int
join_bind(struct join_view *v, const struct leads *l, struct reader *r,
    unsigned char *want)
{
	(void)l;
	for (size_t b = 0; b < v->j->nby; b++) {
		long c = rd_col(r, v->j->by[b]);

		if (c == RD_AMBIGUOUS || (c == RD_NO_COLUMN && !has_by(v->j, b)))
			c = cols_find(r, v->j->by[b], "--by");
		if (c == RD_AMBIGUOUS || (c < 0 && rd_failed(r)))
			return -1;
		v->bcol[b] = c;
		if (c >= 0 && want != NULL)
			want[c] = 1;
	}
	return 0;
}

/* "'VALUE' here" or "'VALUE' at FILE:LINE (column 'C')", the value of a
** time T, or a --by text S of LEN bytes, for a message. */
static void
where(struct strbuf *sb, const struct join *j, int src, long k,
    const char *lab, kpi_time t, const char *s, size_t len)
{
	char esc[ESCAPED_MAX], iso[32];

	if (s == NULL)
		s = date_format_iso(iso, t), len = strlen(iso);
	sb_printf(sb, "'%s' ", escape_text(esc, sizeof esc, s, len));
	if (src < 0)
		sb_printf(sb, "here");
	else
		sb_printf(sb, "at %s:%lu (column %s)", j->f[src].name,
		    j->f[src].rows[k].line, lab);
}

/* rd_bad() for two values of one lead: WHAT (a stage, lost, a --by
** column) is A at one place, B at the other. */
static int
conflict(struct reader *r, const struct row *row, long col,
    const struct lead *d, const char *what, const struct strbuf *a,
    const struct strbuf *b)
{
	char esc[ESCAPED_MAX];

	return rd_bad(r, row, col, "id '%s' has two %s values: %s and %s; a "
	    "joined file fills in empty values, it never changes one",
	    escape_text(esc, sizeof esc, d->id, d->idlen), what, a->s, b->s);
}

int
join_lead(struct join_view *v, const struct leads *l, struct reader *r,
    const struct row *row, struct lead *d)
{
	const struct join *j = v->j;
	uint64_t h;

	for (size_t b = 0; b < j->nby; b++) {
		v->by[b] = v->bcol[b] >= 0 ? row->f[v->bcol[b]] :
		    (struct field){ "", 0 };
		v->bsrc[b] = -1;
	}
	for (size_t t = 0; t < j->ntimes; t++)
		v->tsrc[t] = -1;
	for (size_t i = 0; i < j->n; i++)
		v->hit[i] = -1;
	if (d->id == NULL || d->idlen == 0)
		return 0;
	h = idset_hash(d->id, d->idlen);
	for (size_t i = 0; i < j->n; i++) {
		const struct jfile *f = &j->f[i];
		long k = find(f, h, d->id, d->idlen);

		if ((v->hit[i] = k) < 0)
			continue;
		for (size_t t = 0; t < j->ntimes; t++) {
			kpi_time *cur = t < l->st.n ? &d->at[t] : &d->lost;
			kpi_time x;

			if (f->tslot[t] < 0 || (x = f->times[(size_t)k * f->nt +
			    (size_t)f->tslot[t]]) == NO_TIME)
				continue;
			if (*cur == NO_TIME) {
				*cur = x;
				v->tsrc[t] = (int)i;
				v->trow[t] = k;
			} else if (*cur != x) {
				int s = v->tsrc[t];
				long col = t < l->st.n ? l->col_at[t] : l->col_lost;
				struct strbuf a = {0}, b = {0};
				const struct field *m = s < 0 ? &row->f[col] : NULL;

				where(&a, j, s, v->trow[t], s < 0 ? NULL :
				    j->f[s].tlabel[t], *cur, m ? m->s : NULL,
				    m ? m->len : 0);
				where(&b, j, (int)i, k, f->tlabel[t], x, NULL, 0);
				conflict(r, row, s < 0 ? col : -1, d, t < l->st.n ?
				    l->st.name[t] : "lost", &a, &b);
				sb_free(&a);
				sb_free(&b);
				return -1;
			}
		}
		for (size_t b = 0; b < j->nby; b++) {
			const struct jtext *x;

			if (f->bslot[b] < 0)
				continue;
			x = &f->texts[(size_t)k * f->nb + (size_t)f->bslot[b]];
			if (x->len == 0)
				continue;
			if (v->by[b].len == 0) {
				v->by[b] = (struct field){ f->bytes.s + x->at, x->len };
				v->bsrc[b] = (int)i;
				v->brow[b] = k;
			} else if (v->by[b].len != x->len || memcmp(v->by[b].s,
			    f->bytes.s + x->at, x->len) != 0) {
				int s = v->bsrc[b];
				struct strbuf a = {0}, bb = {0};

				where(&a, j, s, v->brow[b], s < 0 ? NULL :
				    j->f[s].blabel[b], NO_TIME, v->by[b].s, v->by[b].len);
				where(&bb, j, (int)i, k, f->blabel[b], NO_TIME,
				    f->bytes.s + x->at, x->len);
				conflict(r, row, s < 0 ? v->bcol[b] : -1, d, j->by[b],
				    &a, &bb);
				sb_free(&a);
				sb_free(&bb);
				return -1;
			}
		}
	}
	return 0;
}

char *
join_where(const struct join_view *v, size_t t)
{
	const struct jfile *f;
	struct strbuf sb = {0};

	if (t >= v->j->ntimes || v->tsrc[t] < 0)
		return NULL;
	f = &v->j->f[v->tsrc[t]];
	sb_printf(&sb, "%s:%lu (column %s)", f->name, f->rows[v->trow[t]].line,
	    f->tlabel[t]);
	return sb.s;
}

int
join_time(const struct join_view *v, size_t t, kpi_time *at)
{
	const struct jfile *f;

	if (t >= v->j->ntimes || v->tsrc[t] < 0)
		return 0;
	f = &v->j->f[v->tsrc[t]];
	*at = f->times[(size_t)v->trow[t] * f->nt + (size_t)f->tslot[t]];
	return 1;
}

const struct field *
join_by(const struct join_view *v)
{
	return v->by;
}

/* Row K of F has a lead. The tables are shared by the threads of --jobs:
** a byte set to 1 by any number of them. */
static void
mark(const struct jfile *f, long k)
{
	__atomic_store_n(&f->rows[k].matched, 1, __ATOMIC_RELAXED);
}

void
join_keep(struct join_view *v)
{
	for (size_t i = 0; i < v->j->n; i++)
		if (v->hit[i] >= 0)
			mark(&v->j->f[i], v->hit[i]);
}

void
join_keep_id(struct join_view *v, const char *id, size_t len)
{
	uint64_t h;

	if (len == 0)
		return;
	h = idset_hash(id, len);
	for (size_t i = 0; i < v->j->n; i++) {
		long k = find(&v->j->f[i], h, id, len);

		if (k >= 0)
			mark(&v->j->f[i], k);
	}
}

void
join_report(const struct join *j, struct strbuf *notes)
{
	char esc[ESCAPED_MAX];

	for (size_t i = 0; i < j->n; i++) {
		const struct jfile *f = &j->f[i];
		const struct jrow *first = NULL;
		unsigned long n = 0;

		for (size_t k = 0; k < f->nrows; k++)
			if (!f->rows[k].matched && n++ == 0)
				first = &f->rows[k];
		if (n == 0)
			continue;
		note(notes, "%lu row%s of %s ha%s an id no lead of the main table "
		    "has, and %s left out; the first: %s:%lu: id '%s'", n,
		    n == 1 ? "" : "s", f->name, n == 1 ? "s" : "ve",
		    n == 1 ? "is" : "are", f->name, first->line,
		    escape_text(esc, sizeof esc, f->bytes.s + first->id,
		    first->idlen));
	}
}

void
join_free(struct join *j)
{
	if (j == NULL)
		return;
	for (size_t i = 0; i < j->n; i++) {
		struct jfile *f = &j->f[i];

		free(f->name);
		for (size_t t = 0; t <= MAX_STAGES; t++)
			free(f->tlabel[t]);
		for (size_t b = 0; b < j->nby; b++)
			free(f->blabel[b]);
		free(f->blabel);
		free(f->bslot);
		free(f->rows);
		free(f->times);
		free(f->texts);
		free(f->slot);
		sb_free(&f->bytes);
	}
	free(j->f);
	free(j);
}
