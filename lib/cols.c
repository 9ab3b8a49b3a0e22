/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "cols.h"
#include "util.h"

void
colmap_add(struct colmap_set *set, const char *option, const char *arg)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg || eq[1] == '\0')
		usage_error("%s: '%s' is not ROLE=HEADER", option, arg);
	set->v = xreallocarray(set->v, set->n + 1, sizeof *set->v);
	set->v[set->n].role = xmemdup(arg, (size_t)(eq - arg));
	set->v[set->n].header = xstrdup(eq + 1);
	set->n++;
}

void
colmap_free(struct colmap_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		free(set->v[i].role);
		free(set->v[i].header);
	}
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

void
cols_check_roles(const struct colmap_set *cols, const struct role *roles,
    size_t n)
{
	cols_check_map(cols, "--col", roles, n);
}

void
cols_check_map(const struct colmap_set *set, const char *option,
    const struct role *roles, size_t n)
{
	const struct colmap *map = set->v;

	for (size_t i = 0; i < set->n; i++) {
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

/* The most bytes of the header's names a message lists, give or take
** one name (each at most ESCAPED_MAX). */
#define COLUMN_LIST_MAX 1000

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
	/* The headers, each cut at 60 bytes by escape_text(), the list at
	 * about COLUMN_LIST_MAX bytes: a header of a million fields would
	 * otherwise make a message of megabytes. */
	for (size_t i = 0; i < h->n; i++) {
		if (list.len > COLUMN_LIST_MAX) {
			sb_printf(&list, ", \u2026(%zu more)", h->n - i);
			break;
		}
		sb_printf(&list, "%s%s", i ? ", " : "",
		    escape_text(esc, sizeof esc, h->f[i].s, h->f[i].len));
	}
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

/* --explain: where ROLE is read from (HEADER, FOUND or not; MAPPED by
** OPTION). */
static void
explain_role(const struct reader *r, const struct role *role,
    const char *header, int mapped, const char *option, int found)
{
	if (!found)
		rd_explain(r, "%s: no column '%s' (optional)", role->name,
		    header);
	else if (mapped)
		rd_explain(r, "%s = column '%s' (%s %s=%s)", role->name, header,
		    option, role->name, header);
	else
		rd_explain(r, "%s = column '%s'", role->name, header);
}

int
cols_bind(struct reader *r, const struct role *roles, size_t n,
    const struct colmap_set *cols, long *idx)
{
	return cols_bind_map(r, roles, n, cols, "--col", idx);
}

int
cols_bind_map(struct reader *r, const struct role *roles, size_t n,
    const struct colmap_set *set, const char *option, long *idx)
{
	const struct colmap *map = set->v;
	size_t nmap = set->n;

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
			explain_role(r, &roles[i], header, mapped, option,
			    idx[i] >= 0);
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

const char *
cols_header(const struct colmap_set *cols, const struct role *role)
{
	const char *header = role->header;

	for (size_t j = 0; j < cols->n; j++)
		if (strcmp(cols->v[j].role, role->name) == 0)
			header = cols->v[j].header;
	return header;
}

long
cols_find(struct reader *r, const char *header, const char *what)
{
	long c = rd_col(r, header);

	if (c < 0)
		return column_error(r, c, header, what, NULL, NULL);
	rd_explain(r, "%s = column '%s'", what, header);
	return c;
}
