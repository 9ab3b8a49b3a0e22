/* See LICENSE file for copyright and license details. */
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "part.h"
#include "util.h"

void
part_option_add(struct part_options *o, const char *name, const char *value)
{
	o->v = xreallocarray(o->v, o->n + 1, sizeof *o->v);
	o->v[o->n].name = name;
	o->v[o->n].value = xstrdup(value != NULL ? value : "");
	o->n++;
}

void
part_options_free(struct part_options *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->v[i].value);
	free(o->v);
	o->v = NULL;
	o->n = 0;
}

/*
** The checksum of a part: every field's hash_bytes() (which takes in its
** length) folded in order into 64 bits, and a mark at each row's end, so
** that changing, moving, dropping or adding a byte, a field or a row
** changes it. It catches a part cut, spliced or edited by mistake; it is
** no signature.
*/
#define SUM_START 0x6b70696b69742d31ULL    /* "kpikit-1" */

static void
sum_fold(uint64_t *s, uint64_t h)
{
	*s = ((*s << 27 | *s >> 37) ^ h) * 0x9e3779b97f4a7c15ULL;
}

static void
sum_field(uint64_t *s, const char *p, size_t len)
{
	sum_fold(s, hash_bytes(p, len));
}

static void
sum_row_end(uint64_t *s)
{
	sum_fold(s, 0x1e);
}

static void
put(struct part_writer *p, const char *s)
{
	size_t len = strlen(s);

	sum_field(&p->sum, s, len);
	wr_field(&p->w, s, len);
}

static void
end_row(struct part_writer *p)
{
	sum_row_end(&p->sum);
	wr_end(&p->w);
	p->rows++;
}

void
part_write(struct part_writer *p, const char *kind, const struct group *grp,
    const char *name, const char *value)
{
	size_t nkey = grouping_width(p->g);
	const char *k = grp != NULL ? grp->key : NULL;
	const char *end = grp != NULL ? grp->key + grp->keylen : NULL;

	put(p, kind);
	for (size_t i = 0; i < nkey; i++) {
		put(p, k != NULL ? k : "");
		if (k != NULL)
			k = key_next(k, end);
	}
	put(p, name);
	put(p, value);
	end_row(p);
}

void
part_write_begin(struct part_writer *p, FILE *fp, const struct grouping *g,
    const struct part_options *opts)
{
	wr_init(&p->w, fp, 6);
	p->g = g;
	p->rows = 0;
	p->sum = SUM_START;
	put(p, "part");
	for (size_t i = 0; i < g->nby; i++)
		put(p, g->by[i]);
	if (g->period != PERIOD_NONE)
		put(p, "period");
	put(p, "name");
	put(p, "value");
	end_row(p);
	part_write(p, "tool", NULL, tool_name(), PART_VERSION);
	for (size_t i = 0; i < opts->n; i++)
		part_write(p, "option", NULL, opts->v[i].name, opts->v[i].value);
}

/* FIELD or FIELD.STAGE, as parts name a slot of a tally. */
static void
slot_name(char *buf, size_t size, const struct tally_field *f,
    const struct stages *st, size_t s)
{
	if (f->kind == TALLY_STAGE_COUNTS || f->kind == TALLY_STAGE_VALUES)
		snprintf(buf, size, "%s.%s", f->name, st->name[s]);
	else
		snprintf(buf, size, "%s", f->name);
}

void
part_write_tally(struct part_writer *p, const struct group *grp,
    const struct tally_layout *l, const struct stages *st, const void *t)
{
	void *tally = (void *)t;     /* read only, through the accessors */
	char name[128], value[64];

	for (const struct tally_field *f = l->field; f->name != NULL; f++) {
		int staged = f->kind == TALLY_STAGE_COUNTS ||
		    f->kind == TALLY_STAGE_VALUES;
		size_t n = staged ? st->n : 1;

		for (size_t s = 0; s < n; s++) {
			slot_name(name, sizeof name, f, st, s);
			if (f->kind == TALLY_COUNT || f->kind == TALLY_STAGE_COUNTS) {
				snprintf(value, sizeof value, "%" PRIu64,
				    *tally_count(l, f, tally, s));
				part_write(p, "count", grp, name, value);
				continue;
			}
			/* %.17g gives back the same double (the program runs in
			 * the C locale: '.' is the decimal point). */
			for (size_t i = 0; i < tally_values(l, f, tally, s)->n; i++) {
				snprintf(value, sizeof value, "%.17g",
				    tally_values(l, f, tally, s)->v[i]);
				part_write(p, "value", grp, name, value);
			}
		}
	}
}

void
part_write_end(struct part_writer *p)
{
	char rows[32], sum[32];

	snprintf(rows, sizeof rows, "%" PRIu64, p->rows);
	snprintf(sum, sizeof sum, "%016" PRIx64, p->sum);
	/* Not summed: it carries the sum. */
	wr_str(&p->w, "end");
	for (size_t i = 0; i < grouping_width(p->g); i++)
		wr_empty(&p->w);
	wr_str(&p->w, rows);
	wr_str(&p->w, sum);
	wr_end(&p->w);
}

void
part_write_failed(FILE *fp, const struct grouping *g,
    const struct part_options *opts, const char *why)
{
	struct part_writer pw;

	part_write_begin(&pw, fp, g, opts);
	part_write(&pw, "failed", NULL, "error", why);
	part_write_end(&pw);
	fflush(fp);
}

/* Sum ROW as a row of the part. */
static void
sum_row(struct part_reader *p, const struct row *row)
{
	for (size_t i = 0; i < row->n; i++)
		sum_field(&p->sum, row->f[i].s, row->f[i].len);
	sum_row_end(&p->sum);
	p->rows++;
}

static int
fail(struct part_reader *p, const struct row *row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail(struct part_reader *p, const struct row *row, const char *fmt, ...)
{
	struct strbuf msg = {0};
	va_list ap;
	int rc;

	va_start(ap, fmt);
	sb_vprintf(&msg, fmt, ap);
	va_end(ap);
	rc = rd_fail(p->r, EX_DATAERR, row->line, "%s", msg.s);
	sb_free(&msg);
	return rc;
}

/*
** Check header H: "part", the key columns, "name", "value". A header of
** that shape with other key columns is a part made with other --by or
** --period, and says so.
*/
static int
check_header(struct part_reader *p, const struct row *h)
{
	if (h->n < 3 || strcmp(h->f[0].s, "part") != 0 ||
	    strcmp(h->f[h->n - 2].s, "name") != 0 ||
	    strcmp(h->f[h->n - 1].s, "value") != 0)
		return fail(p, h, "not a part of %s --partial (a part's header "
		    "is part,%sname,value)", tool_name(),
		    p->nkey > 0 ? "KEY...," : "");
	if (h->n != p->nkey + 3)
		return fail(p, h, "the part has %zu key columns, this merge has "
		    "%zu (its --by and --period): give --merge the options the "
		    "parts were made with", h->n - 3, p->nkey);
	return grouping_check_header(p->g, p->r, h, 1);
}

static void
begin_part(struct part_reader *p, const struct row *h)
{
	p->sum = SUM_START;
	p->rows = 0;
	p->begun = h->line;
	p->state = PART_AT_TOOL;
	memset(p->seen, 0, p->opts->n + 1);
	sum_row(p, h);
}

int
part_read_begin(struct part_reader *p, struct reader *r, struct grouping *g,
    const struct part_options *opts)
{
	memset(p, 0, sizeof *p);
	p->r = r;
	p->g = g;
	p->opts = opts;
	p->nkey = grouping_width(g);
	p->seen = xcalloc(opts->n + 1, 1);
	if (check_header(p, rd_header(r)) < 0)
		return -1;
	begin_part(p, rd_header(r));
	return 0;
}

static int
is(const struct field *f, const char *s)
{
	return strcmp(f->s, s) == 0;
}

/* Whether the key columns of ROW are all empty (a row of no group). */
static int
no_key(const struct part_reader *p, const struct row *row)
{
	for (size_t i = 0; i < p->nkey; i++)
		if (row->f[1 + i].len > 0)
			return 0;
	return 1;
}

/* Check the tool row: this tool, this version. */
static int
check_tool(struct part_reader *p, const struct row *row,
    const struct field *name, const struct field *value)
{
	char esc[ESCAPED_MAX];

	if (!is(name, tool_name()))
		return fail(p, row, "a part of %s, not of %s: each tool merges "
		    "its own parts", escape_text(esc, sizeof esc, name->s,
		    name->len), tool_name());
	if (!is(value, PART_VERSION))
		return fail(p, row, "a part in format %s; this %s reads format "
		    "%s (make the parts again with this version)",
		    escape_text(esc, sizeof esc, value->s, value->len),
		    tool_name(), PART_VERSION);
	return 0;
}

/* "--window 90", or "no --window" for an empty value, for messages. */
static void
say_option(char *buf, size_t size, const char *name, const char *value,
    size_t len)
{
	char esc[ESCAPED_MAX];

	if (len == 0)
		snprintf(buf, size, "no --%s", name);
	else
		snprintf(buf, size, "--%s %s", name,
		    escape_text(esc, sizeof esc, value, len));
}

/*
** Check one option row against this merge's options; SEEN marks the
** options met in this part.
*/
static int
check_option(struct part_reader *p, const struct row *row,
    const struct field *name, const struct field *value, unsigned char *seen)
{
	char esc[ESCAPED_MAX], made[2 * ESCAPED_MAX], here[2 * ESCAPED_MAX];

	for (size_t i = 0; i < p->opts->n; i++) {
		const struct part_option *o = &p->opts->v[i];

		if (!is(name, o->name))
			continue;
		seen[i] = 1;
		if (is(value, o->value))
			return 0;
		say_option(made, sizeof made, o->name, value->s, value->len);
		say_option(here, sizeof here, o->name, o->value,
		    strlen(o->value));
		return fail(p, row, "the part was made with %s, this merge has "
		    "%s: give --merge the options the parts were made with",
		    made, here);
	}
	return fail(p, row, "the part was made with an option this %s does "
	    "not know: '%s'", tool_name(), escape_text(esc, sizeof esc,
	    name->s, name->len));
}

/* Before the first data row of a part: every option must have come. */
static int
check_options_seen(struct part_reader *p, const struct row *row)
{
	for (size_t i = 0; i < p->opts->n; i++)
		if (!p->seen[i])
			return fail(p, row, "the part does not say its --%s: not a "
			    "part of this version's %s --partial",
			    p->opts->v[i].name, tool_name());
	return 0;
}

/* Check the end row ROW against what was read since the header. */
static int
check_end(struct part_reader *p, const struct row *row)
{
	const struct field *rows = &row->f[row->n - 2], *sum = &row->f[row->n - 1];
	char want[32];
	long long n;

	snprintf(want, sizeof want, "%016" PRIx64, p->sum);
	if (num_parse_int(rows->s, 0, LLONG_MAX, &n) != NULL ||
	    (uint64_t)n != p->rows)
		return fail(p, row, "the part's end row counts %s rows, but %"
		    PRIu64 " came before it: rows are missing or were added",
		    rows->s, p->rows);
	if (!is(sum, want))
		return fail(p, row, "the part's checksum is %s, its rows sum to "
		    "%s: it was altered", sum->s, want);
	p->state = PART_BETWEEN;
	p->parts++;
	return 0;
}

int
part_next(struct part_reader *p, struct part_record *rec)
{
	static const struct { const char *name; enum part_kind kind; } kinds[] = {
		{ "count", PART_COUNT }, { "value", PART_VALUE },
		{ "lead", PART_LEAD }, { "seen", PART_SEEN },
		{ "latest", PART_LATEST }, { "note", PART_NOTE },
	};
	const struct row *row;
	int rc;

	while ((rc = rd_next(p->r, &row)) > 0) {
		const struct field *kind = &row->f[0];
		const struct field *name = &row->f[row->n - 2];
		const struct field *value = &row->f[row->n - 1];

		if (is(kind, "part")) {
			/* The header of the next part. */
			if (p->state != PART_BETWEEN)
				return fail(p, row, "a part begins before the one "
				    "above has ended: is that one cut short?");
			if (check_header(p, row) < 0)
				return -1;
			begin_part(p, row);
			continue;
		}
		if (p->state == PART_BETWEEN)
			return fail(p, row, "a row after the part's end row");
		if (p->state == PART_AT_TOOL) {
			if (!is(kind, "tool") || !no_key(p, row))
				return fail(p, row, "a part must begin with its tool "
				    "row (is it the output of %s --partial?)",
				    tool_name());
			if (check_tool(p, row, name, value) < 0)
				return -1;
			p->state = PART_AT_OPTIONS;
			sum_row(p, row);
			continue;
		}
		if (p->state == PART_AT_OPTIONS) {
			if (is(kind, "option")) {
				if (check_option(p, row, name, value, p->seen) < 0)
					return -1;
				sum_row(p, row);
				continue;
			}
			if (check_options_seen(p, row) < 0)
				return -1;
			p->state = PART_IN_DATA;
		}
		if (is(kind, "end")) {
			if (check_end(p, row) < 0)
				return -1;
			continue;
		}
		if (is(kind, "failed")) {
			char esc[ESCAPED_MAX];

			return fail(p, row, "this part is of a --partial that failed "
			    "(%s): its input is not all here", escape_text(esc,
			    sizeof esc, value->s, value->len));
		}
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
			if (is(kind, kinds[i].name)) {
				sum_row(p, row);
				rec->kind = kinds[i].kind;
				rec->key = grouping_key_read(p->g, row, 1);
				rec->name = name;
				rec->value = value;
				rec->row = row;
				return 1;
			}
		{
			char esc[ESCAPED_MAX];

			return fail(p, row, "column 'part': '%s' is not a kind of "
			    "row of a part", escape_text(esc, sizeof esc, kind->s,
			    kind->len));
		}
	}
	if (rc < 0)
		return -1;
	if (p->state != PART_BETWEEN)
		return rd_fail(p->r, EX_DATAERR, p->begun, "the input ends inside "
		    "the part that begins here, before its end row: is it cut "
		    "short?");
	return 0;
}

int
part_int(struct part_reader *p, const struct part_record *rec,
    const struct field *f, long long min, long long max, long long *out)
{
	char esc[ESCAPED_MAX];
	const char *why;

	if ((why = num_parse_int(f->s, min, max, out)) != NULL)
		return rd_bad(p->r, rec->row, (long)(f - rec->row->f), "'%s' is "
		    "not a number of a part (%s)", escape_text(esc, sizeof esc,
		    f->s, f->len), why);
	return 0;
}

int
part_read_tally(struct part_reader *p, const struct part_record *rec,
    const struct tally_layout *l, const struct stages *st, void *t)
{
	const struct field *name = rec->name;
	const char *dot = memchr(name->s, '.', name->len);
	size_t flen = dot != NULL ? (size_t)(dot - name->s) : name->len;
	const struct tally_field *f = tally_find(l, name->s, flen);
	long col = (long)(name - rec->row->f);
	char esc[ESCAPED_MAX];
	int staged, s = 0;

	staged = f != NULL && (f->kind == TALLY_STAGE_COUNTS ||
	    f->kind == TALLY_STAGE_VALUES);
	if (staged && dot != NULL)
		s = stages_find(st, dot + 1, name->len - flen - 1);
	if (f == NULL || staged != (dot != NULL) || s < 0 ||
	    (rec->kind == PART_COUNT) != (f->kind == TALLY_COUNT ||
	    f->kind == TALLY_STAGE_COUNTS))
		return rd_bad(p->r, rec->row, col, "'%s' is not a %s of %s's "
		    "tally", escape_text(esc, sizeof esc, name->s, name->len),
		    rec->kind == PART_COUNT ? "count" : "value", tool_name());
	if (rec->kind == PART_COUNT) {
		uint64_t *c = tally_count(l, f, t, (size_t)s);
		long long n;

		if (part_int(p, rec, rec->value, 0, LLONG_MAX, &n) < 0)
			return -1;
		/* Counts print as signed 64-bit numbers. */
		if (*c > (uint64_t)LLONG_MAX - (uint64_t)n)
			return rd_bad(p->r, rec->row, col + 1, "the counts of "
			    "the parts add up past 2^63 - 1");
		*c += (uint64_t)n;
	} else {
		const char *why;
		double x;

		if ((why = num_parse(rec->value->s, rec->value->len, &x)) != NULL)
			return rd_bad(p->r, rec->row, col + 1, "'%s': %s",
			    escape_text(esc, sizeof esc, rec->value->s,
			    rec->value->len), why);
		dvec_push(tally_values(l, f, t, (size_t)s), x);
	}
	return 0;
}

void
part_read_end(struct part_reader *p)
{
	free(p->seen);
	p->seen = NULL;
}
