/* See LICENSE file for copyright and license details. */
#include <string.h>

#include "cols.h"
#include "num.h"
#include "util.h"

void
cols_check_roles(const struct kpi_opts *o, const struct role *roles, size_t n)
{
	cols_check_map(o->cols, o->ncols, "--col", roles, n);
}

void
cols_check_map(const struct colmap *map, size_t nmap, const char *option,
    const struct role *roles, size_t n)
{
	for (size_t i = 0; i < nmap; i++) {
		struct strbuf known = {0};
		size_t j;

		for (j = 0; j < n; j++)
			if (strcmp(map[i].role, roles[j].name) == 0)
				break;
		if (j < n)
			continue;
		for (j = 0; j < n; j++)
			sb_printf(&known, "%s%s", j ? ", " : "", roles[j].name);
		usage_error("%s: no role '%s' here; the roles are: %s", option,
		    map[i].role, known.s ? known.s : "(none)");
	}
}

/* Record a missing or ambiguous column HEADER, needed for WHAT; ROLE, if
** not NULL, can be mapped to another header with OPTION. */
static int
column_error(struct reader *r, long found, const char *header,
    const char *what, const char *role, const char *option)
{
	const struct row *h = rd_header(r);
	struct strbuf list = {0};
	char esc[ESCAPED_MAX];

	if (found == RD_AMBIGUOUS) {
		rd_fail(r, EX_DATAERR, h->line, "column '%s' (%s) occurs more "
		    "than once; pick one as '%s#1', '%s#2', ...", header, what,
		    header, header);
		return -1;
	}
	for (size_t i = 0; i < h->n; i++)
		sb_printf(&list, "%s%s", i ? ", " : "",
		    escape_text(esc, sizeof esc, h->f[i].s, h->f[i].len));
	if (role != NULL)
		rd_fail(r, EX_DATAERR, h->line, "no column '%s' (%s; map another "
		    "with %s %s=HEADER); the header has: %s", header, what,
		    option, role, list.s);
	else
		rd_fail(r, EX_DATAERR, h->line, "no column '%s' (%s); the header "
		    "has: %s", header, what, list.s);
	sb_free(&list);
	return -1;
}

int
cols_bind(struct reader *r, const struct role *roles, size_t n,
    const struct kpi_opts *o, long *idx)
{
	return cols_bind_map(r, roles, n, o->cols, o->ncols, "--col", idx);
}

int
cols_bind_map(struct reader *r, const struct role *roles, size_t n,
    const struct colmap *map, size_t nmap, const char *option, long *idx)
{
	for (size_t i = 0; i < n; i++) {
		const char *header = roles[i].header;
		int mapped = 0;
		struct strbuf what = {0};

		for (size_t j = 0; j < nmap; j++)
			if (strcmp(map[j].role, roles[i].name) == 0) {
				header = map[j].header;
				mapped = 1;
			}
		idx[i] = rd_col(r, header);
		if (idx[i] >= 0 || (idx[i] == RD_NO_COLUMN &&
		    !roles[i].required && !mapped)) {
			if (idx[i] < 0)
				idx[i] = -1;
			continue;
		}
		sb_printf(&what, "role %s", roles[i].name);
		column_error(r, idx[i], header, what.s, roles[i].name, option);
		sb_free(&what);
		return -1;
	}
	return 0;
}

long
cols_find(struct reader *r, const char *header, const char *what)
{
	long c = rd_col(r, header);

	if (c < 0)
		return column_error(r, c, header, what, NULL, NULL);
	return c;
}

int
cols_partial_int(struct reader *r, const struct row *row, size_t col,
    long long min, long long max, long long *out)
{
	const struct field *f = &row->f[col];
	char esc[ESCAPED_MAX];
	const char *why;

	if ((why = num_parse_int(f->s, min, max, out)) != NULL)
		return rd_bad(r, row, (long)col, "'%s' is not a number of %s "
		    "--partial (%s)", escape_text(esc, sizeof esc, f->s, f->len),
		    tool_name(), why);
	return 0;
}
