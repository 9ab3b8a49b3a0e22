/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cols.h"
#include "credit.h"
#include "num.h"
#include "util.h"

void
credit_settle(const struct kpi_opts *o, const struct spend_opts *so,
    const char *attribution, const char *leads_option)
{
	if (o->group.nby != 1)
		usage_error("--attribution credits channels: give --by with the "
		    "column of the channel (in the spend table and attribute's "
		    "channels), and only it");
	if (o->group.period != PERIOD_NONE)
		usage_error("--attribution sums the spend over all its dates "
		    "(attribute's credits have no period): leave out --period "
		    "and give the spend of the journeys' window");
	if (leads_option != NULL)
		usage_error("%s reads the leads table, which --attribution "
		    "replaces", leads_option);
	if (o->nfiles > 1 || o->files[0] != NULL)
		usage_error("--attribution replaces the leads table: give no "
		    "leads file");
	if (o->njoin > 0)
		usage_error("--join fills in the leads table, which --attribution "
		    "replaces: give no --join");
	for (size_t i = 0; i < so->npaths; i++)
		if (strcmp(attribution, "-") == 0 &&
		    (so->paths[i] == NULL || strcmp(so->paths[i], "-") == 0))
			usage_error("--attribution and --spend cannot both be "
			    "standard input");
}

void
credit_free(struct credit *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->channel[i]);
	free(c->channel);
	free(c->conv);
	free(c->value);
	memset(c, 0, sizeof *c);
}

/* The number in column COL of ROW, 0 or more; -1 after rd_bad(). */
static int
credit_num(struct reader *r, const struct row *row, long col, double *out)
{
	const char *why = num_parse(row->f[col].s, row->f[col].len, out);

	if (why != NULL)
		return rd_bad(r, row, col, "'%s': %s", row->f[col].s, why);
	if (*out < 0)
		return rd_bad(r, row, col, "'%s': a negative credit",
		    row->f[col].s);
	return 0;
}

void
credit_read(struct credit *c, const char *path, const struct rd_opts *ro,
    const char *model)
{
	struct rd_opts opts = { .delim = ro->delim, .notes = ro->notes,
	    .max_field = ro->max_field, .max_fields = ro->max_fields };
	struct reader *r = rd_open_or_die(path != NULL && strcmp(path, "-") ?
	    path : NULL, &opts);
	static const char *const names[4] = { "model", "channel",
	    "conversions", "value" };
	long col[4];
	const struct row *row;
	char *first = NULL, *other = NULL;
	size_t cap = 0;
	int rc;

	memset(c, 0, sizeof *c);
	for (int k = 0; k < 4; k++)
		if ((col[k] = cols_find(r, names[k], "--attribution")) < 0)
			rd_die(r);
	while ((rc = rd_next(r, &row)) > 0) {
		const struct field *m = &row->f[col[0]], *ch = &row->f[col[1]];
		double conv, value;

		if (first == NULL)
			first = xmemdup(m->s, m->len + 1);
		else if (model == NULL && strcmp(first, m->s) != 0 &&
		    other == NULL)
			other = xmemdup(m->s, m->len + 1);
		if (model != NULL ? strcmp(model, m->s) != 0 :
		    strcmp(first, m->s) != 0)
			continue;
		if (credit_num(r, row, col[2], &conv) < 0 ||
		    credit_num(r, row, col[3], &value) < 0)
			continue;
		for (size_t i = 0; i < c->n; i++)
			if (strcmp(c->channel[i], ch->s) == 0) {
				rd_bad(r, row, col[1], "'%s': the channel comes "
				    "twice in model '%s'", ch->s, m->s);
				goto next;
			}
		if (c->n == cap) {
			cap = cap ? 2 * cap : 16;
			c->channel = xreallocarray(c->channel, cap,
			    sizeof *c->channel);
			c->conv = xreallocarray(c->conv, cap, sizeof *c->conv);
			c->value = xreallocarray(c->value, cap,
			    sizeof *c->value);
		}
		c->channel[c->n] = xmemdup(ch->s, ch->len + 1);
		c->conv[c->n] = conv;
		c->value[c->n++] = value;
next:		;
	}
	if (rc < 0)
		rd_die(r);
	if (other != NULL)
		die(EX_DATAERR, "%s: holds the models '%s' and '%s' (at "
		    "least): give --model to choose one", rd_name(r), first,
		    other);
	if (c->n == 0)
		die(EX_DATAERR, "%s: no rows of model '%s'", rd_name(r),
		    model != NULL ? model : "(any)");
	free(first);
	free(other);
	rd_close(r);
}

static int
row_cmp(const void *a, const void *b)
{
	return strcmp(((const struct credit_row *)a)->channel,
	    ((const struct credit_row *)b)->channel);
}

struct credit_row *
credit_join(const struct spend_join *j, const struct credit *c, int total,
    size_t *n)
{
	size_t ncells, nr = 0;
	struct group **v = sj_cells(j, &ncells);
	struct credit_row *rows = xcalloc(ncells + c->n + 2, sizeof *rows);

	/* A cell's key is its period, then its channel, each NUL-ended. */
	for (size_t i = 0; i < ncells; i++) {
		const char *ch = v[i]->key + strlen(v[i]->key) + 1;
		size_t k;

		for (k = 0; k < nr; k++)
			if (strcmp(rows[k].channel, ch) == 0)
				break;
		if (k == nr)
			rows[nr++].channel = ch;
		sj_cell_merge(&rows[k].spend, v[i]->state);
	}
	for (size_t i = 0; i < c->n; i++) {
		size_t k;

		for (k = 0; k < nr; k++)
			if (strcmp(rows[k].channel, c->channel[i]) == 0)
				break;
		if (k == nr)
			rows[nr++].channel = c->channel[i];
		rows[k].conv = c->conv[i];
		rows[k].value = c->value[i];
	}
	qsort(rows, nr, sizeof *rows, row_cmp);
	if (total) {
		struct credit_row *t = &rows[nr];

		t->channel = "(all)";
		for (size_t k = 0; k < nr; k++) {
			sj_cell_merge(&t->spend, &rows[k].spend);
			t->conv += rows[k].conv;
			t->value += rows[k].value;
		}
		nr++;
	}
	free(v);
	*n = nr;
	return rows;
}
