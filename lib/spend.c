/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parallel.h"
#include "spend.h"
#include "util.h"

/* The spend table's roles, then one per --by column. */
enum { SR_DATE, SR_AMOUNT, SR_KIND, SR_CURRENCY, SR_TEXT_CURRENCY,
	SR_FIRST_BY };

/* The leads' extra roles (leads_init()), when a money column is read. */
enum { LR_VALUE, LR_CURRENCY, LR_TEXT_CURRENCY };

/*
** Add AMOUNT (0 or more) of spend of KIND to C, keeping in range each
** kind's sum and the sum of all kinds, so that sj_spend() never
** overflows. Returns 0, or -1 with C unchanged.
*/
static int
cell_add_spend(struct spend_cell *c, int kind, money amount)
{
	money sum = c->spend[kind], all = amount;

	if (money_add(&sum, amount) < 0)
		return -1;
	for (size_t k = 0; k < SPEND_KINDS; k++)
		if (money_add(&all, c->spend[k]) < 0)
			return -1;
	c->spend[kind] = sum;
	return 0;
}

void
sj_cell_merge(void *into, const void *from)
{
	struct spend_cell *a = into;
	const struct spend_cell *b = from;

	for (int k = 0; k < SPEND_KINDS; k++)
		if (cell_add_spend(a, k, b->spend[k]) < 0)
			die(EX_DATAERR, "a total of spend is out of range "
			    "(beyond 9223372036854.775807)");
	if (money_add(&a->value, b->value) < 0)
		die(EX_DATAERR, "a total of the customers' values is out of "
		    "range (beyond 9223372036854.775807)");
	/* Within INT64_MAX: the counts of all the leads read are
	 * (leads_decode(), and join_chunks() for --jobs). */
	a->customers += b->customers;
}

money
sj_spend(const struct spend_cell *c, const int *kinds)
{
	money sum = 0;

	for (size_t k = 0; k < SPEND_KINDS; k++)
		if (kinds == NULL || kinds[k])
			sum += c->spend[k];
	return sum;
}

void
spend_opts_add_col(struct spend_opts *so, const char *arg)
{
	colmap_add(&so->cols, "--spend-col", arg);
}

void
spend_opts_free(struct spend_opts *so)
{
	colmap_free(&so->cols);
	free(so->paths);
}

double
spend_opt_margin(const char *arg)
{
	double m = opt_double("margin", arg, -HUGE_VAL, HUGE_VAL);

	if (!(m > 0 && m <= 1))
		usage_error("--margin: '%s' is not a gross margin above 0 and "
		    "at most 1, such as 0.8", arg);
	return m;
}

static int
is_stdin(const char *path)
{
	return path == NULL || strcmp(path, "-") == 0;
}

/* sj_init() but the reading of the --join files: a chunk of --jobs sets
** up thus, then reads through a view of its parent's joined tables. */
static void
setup(struct spend_join *j, const struct kpi_opts *o,
    const struct spend_opts *so, const struct role *value)
{
	struct role extra[3];

	memset(j, 0, sizeof *j);
	j->o = o;
	j->so = so;
	j->period = o->group.period != PERIOD_NONE ? o->group.period :
	    PERIOD_QUARTER;
	if (so->npaths == 0)
		usage_error("--spend FILE is required: the spend table");
	for (size_t k = 0; k < so->npaths; k++) {
		for (size_t i = 0; i < o->nfiles; i++)
			if (is_stdin(so->paths[k]) && is_stdin(o->files[i]))
				usage_error("--spend and the leads cannot both be "
				    "read from standard input");
		for (size_t i = 0; i < k; i++)
			if (is_stdin(so->paths[k]) && is_stdin(so->paths[i]))
				usage_error("--spend: standard input given twice; "
				    "it can be read once");
	}
	if (o->leads.stage_col != NULL)
		usage_error("--stage-col: a current stage has no date, and %s "
		    "needs the date each customer was won", tool_name());
	for (size_t i = 0; i < o->group.nby; i++)
		if (strcmp(o->group.by[i], "period") == 0)
			usage_error("--by: 'period' is the name of the output's "
			    "period column");

	if (value != NULL) {
		struct strbuf msg = {0};

		extra[LR_VALUE] = *value;
		extra[LR_CURRENCY] = (struct role){ "currency", "currency", 0 };
		extra[LR_TEXT_CURRENCY] = (struct role){ "amount_currency",
		    "amount_currency", 0 };
		sb_printf(&msg, "empty, but the lead is a customer and needs "
		    "its %s", value->name);
		j->value_empty = msg.s;
		j->value = *value;
	}
	leads_init(&j->leads, &o->leads, &o->cols, &o->dates, 1, extra,
	    value != NULL ? 3 : 0);
	j->has_value = value != NULL;

	j->nroles = SR_FIRST_BY + o->group.nby;
	j->roles = xreallocarray(NULL, j->nroles, sizeof *j->roles);
	j->roles[SR_DATE] = (struct role){ "date", "date", 1 };
	j->roles[SR_AMOUNT] = (struct role){ "amount", "amount", 1 };
	j->roles[SR_KIND] = (struct role){ "kind", "kind", 0 };
	j->roles[SR_CURRENCY] = (struct role){ "currency", "currency", 0 };
	j->roles[SR_TEXT_CURRENCY] = (struct role){ "amount_currency",
	    "amount_currency", 0 };
	for (size_t i = 0; i < o->group.nby; i++)
		j->roles[SR_FIRST_BY + i] = (struct role){ o->group.by[i], o->group.by[i], 1 };
	cols_check_map(&so->cols, "--spend-col", j->roles, j->nroles);
	j->spend_col = xcalloc(j->nroles, sizeof *j->spend_col);
	j->by_col = xcalloc(o->group.nby ? o->group.nby : 1, sizeof *j->by_col);
	j->cells = gt_new(sizeof(struct spend_cell));
}

void
sj_init(struct spend_join *j, const struct kpi_opts *o,
    const struct spend_opts *so, const struct role *value)
{
	setup(j, o, so, value);
	/* The joined tables are read once, here, before any table: each
	 * chunk of --jobs reads the leads through a view of its own. */
	if (o->njoin > 0)
		j->join = join_open(o, &j->leads, NULL, NULL);
}

int
sj_bind_spend(struct spend_join *j, struct reader *r, unsigned char *want)
{
	if (cols_bind_map(r, j->roles, j->nroles, &j->so->cols, "--spend-col",
	    j->spend_col) < 0)
		return -1;
	if (want != NULL)
		for (size_t i = 0; i < j->nroles; i++)
			if (j->spend_col[i] >= 0)
				want[j->spend_col[i]] = 1;
	return 0;
}

int
sj_bind_leads(struct spend_join *j, struct reader *r, unsigned char *want)
{
	if (leads_bind(&j->leads, r, want) < 0)
		return -1;
	/* With --join, leads_bind() has found the --by columns: a joined
	 * file may have them instead (join_by()). */
	for (size_t i = 0; i < j->o->group.nby && j->leads.join == NULL; i++) {
		if ((j->by_col[i] = cols_find(r, j->o->group.by[i], "--by")) < 0)
			return -1;
		if (want != NULL)
			want[j->by_col[i]] = 1;
	}
	return 0;
}

/* The text of F without the spaces or tabs around it. */
static struct field
trimmed(const struct field *f)
{
	struct field t = *f;

	while (t.len > 0 && (*t.s == ' ' || *t.s == '\t')) {
		t.s++;
		t.len--;
	}
	while (t.len > 0 && (t.s[t.len - 1] == ' ' || t.s[t.len - 1] == '\t'))
		t.len--;
	return t;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
** The cell of ROW: the period holding T, then the --by values: BY's when
** it is not NULL (--join: those a joined file filled in), else those in
** the columns COL of ROW. Created empty when new.
*/
static struct spend_cell *
cell_of(struct spend_join *j, const struct row *row, kpi_time t,
    const long *col, const struct field *by)
{
	char label[PERIOD_BUFSIZE];

	sb_reset(&j->key);
	period_label(label, t, j->period, j->o->group.fy_start);
	key_add(&j->key, label, strlen(label));
	for (size_t i = 0; i < j->o->group.nby; i++) {
		const struct field *f = by != NULL ? &by[i] : &row->f[col[i]];

		key_add(&j->key, f->s, f->len);
	}
	return gt_get(j->cells, j->key.s, j->key.len, NULL)->state;
}

/*
** The date of a spend row: its day, or for "YYYY-MM" the first day of
** that month, which stands for the whole month and so must not be cut
** into days or weeks.
*/
static int
spend_date(struct spend_join *j, struct reader *r, const struct row *row,
    kpi_time *t)
{
	long col = j->spend_col[SR_DATE];
	struct field f = trimmed(&row->f[col]);
	char esc[ESCAPED_MAX];
	const char *err;

	if (f.len == 0)
		return rd_bad(r, row, col, "empty; every spend row needs a date");
	escape_text(esc, sizeof esc, f.s, f.len);
	if (f.len == 7 && f.s[4] == '-' && is_digit(f.s[0]) &&
	    is_digit(f.s[1]) && is_digit(f.s[2]) && is_digit(f.s[3]) &&
	    is_digit(f.s[5]) && is_digit(f.s[6])) {
		int y = atoi(f.s), m = (f.s[5] - '0') * 10 + (f.s[6] - '0');

		if (y < 1 || m < 1 || m > 12)
			return rd_bad(r, row, col, "'%s': no such month", esc);
		if (j->period == PERIOD_DAY || j->period == PERIOD_WEEK)
			return rd_bad(r, row, col, "'%s' is a whole month's "
			    "spend, which --period %s cannot split; use month, "
			    "quarter or year", esc,
			    j->period == PERIOD_DAY ? "day" : "week");
		*t = days_from_civil(y, (unsigned)m, 1) * MS_PER_DAY;
		return 0;
	}
	if ((err = date_parse(f.s, f.len, &j->o->dates, t)) != NULL)
		return rd_bad_date(r, row, col, f.s, f.len, err);
	return 0;
}

/* A money amount in column COL: a number, 0 or more. */
static int
amount_in(struct reader *r, const struct row *row, long col,
    const char *empty, money *m)
{
	const struct field *f = &row->f[col];
	char esc[ESCAPED_MAX];
	const char *err;

	if (trimmed(f).len == 0)
		return rd_bad(r, row, col, "%s", empty);
	escape_text(esc, sizeof esc, f->s, f->len);
	if ((err = money_parse(f->s, f->len, m)) != NULL)
		return rd_bad(r, row, col, "'%s': %s", esc, err);
	if (*m < 0)
		return rd_bad(r, row, col, "'%s': a negative amount", esc);
	return 0;
}

static int
spend_kind(struct spend_join *j, struct reader *r, const struct row *row,
    int *kind)
{
	long col = j->spend_col[SR_KIND];
	struct field f;
	char esc[ESCAPED_MAX];

	*kind = SPEND_MARKETING;
	if (col < 0)
		return 0;
	f = trimmed(&row->f[col]);
	if (f.len == 0 || (f.len == 9 && strncasecmp(f.s, "marketing", 9) == 0))
		return 0;
	if (f.len == 5 && strncasecmp(f.s, "sales", 5) == 0) {
		*kind = SPEND_SALES;
		return 0;
	}
	return rd_bad(r, row, col, "'%s' is not a kind of spend: marketing or "
	    "sales (empty means marketing)", escape_text(esc, sizeof esc,
	    f.s, f.len));
}

/*
** Check the currency in column COL (none when negative) against the one
** seen first, in either table: amounts in two currencies are never added.
** ASCII case is ignored ("usd" is "USD"). COL may be the currency a
** preset read from the amount's text (amount_currency, lib/preset.c),
** which counts the same, but may be empty (plain digits name none).
*/
static int
check_currency_of(struct spend_join *j, struct reader *r,
    const struct row *row, long col, int empty_ok)
{
	struct field f;
	char esc[ESCAPED_MAX], first[ESCAPED_MAX];
	struct strbuf where = {0};

	if (col < 0)
		return 0;
	f = trimmed(&row->f[col]);
	if (f.len == 0 && empty_ok)
		return 0;
	if (f.len == 0)
		return rd_bad(r, row, col, "empty; with a currency column, every "
		    "amount needs its currency");
	if (j->currency == NULL) {
		j->currency = xmemdup(f.s, f.len);
		sb_printf(&where, "%s:%lu", rd_name(r), row->line);
		j->currency_where = where.s;
		return 0;
	}
	if (strlen(j->currency) == f.len &&
	    strncasecmp(j->currency, f.s, f.len) == 0)
		return 0;
	return rd_bad(r, row, col, "'%s', but %s has '%s': amounts in two "
	    "currencies cannot be added", escape_text(esc, sizeof esc, f.s,
	    f.len), j->currency_where, escape_text(first, sizeof first,
	    j->currency, strlen(j->currency)));
}

/* Both currencies of a row: the currency column's, the amount text's. */
static int
check_currency(struct spend_join *j, struct reader *r, const struct row *row,
    long col, long text_col)
{
	if (check_currency_of(j, r, row, col, 0) < 0)
		return -1;
	return check_currency_of(j, r, row, text_col, 1);
}

int
sj_add_spend(struct spend_join *j, struct reader *r, const struct row *row)
{
	struct spend_cell *c;
	kpi_time day;
	money amount;
	int kind;

	if (spend_date(j, r, row, &day) < 0 ||
	    amount_in(r, row, j->spend_col[SR_AMOUNT], "empty; every spend "
	    "row needs an amount", &amount) < 0 ||
	    spend_kind(j, r, row, &kind) < 0 ||
	    check_currency(j, r, row, j->spend_col[SR_CURRENCY],
	    j->spend_col[SR_TEXT_CURRENCY]) < 0)
		return -1;
	c = cell_of(j, row, day, j->spend_col + SR_FIRST_BY, NULL);
	if (cell_add_spend(c, kind, amount) < 0)
		return rd_bad(r, row, j->spend_col[SR_AMOUNT], "the sum of the "
		    "spend of its period is out of range");
	return 0;
}

int
sj_add_lead(struct spend_join *j, struct reader *r, const struct row *row)
{
	struct leads *l = &j->leads;
	size_t last = l->st.n - 1;
	struct spend_cell *c;
	struct lead d;
	money value = 0;

	if (leads_decode(l, r, row, &d) < 0)
		return -1;
	/* A count of 0 is no lead, as in lib/leadtool.c: its id not taken. */
	if (d.count == 0)
		return 0;
	/* Before the stage test, so that the first row of an id wins. */
	if (leads_duplicate(l, r, row, &d) || d.top != (int)last) {
		if (l->join != NULL)
			join_keep(l->join);
		return 0;
	}
	if (j->has_value && (amount_in(r, row, l->col_extra[LR_VALUE],
	    j->value_empty, &value) < 0 || check_currency(j, r, row,
	    l->col_extra[LR_CURRENCY], l->col_extra[LR_TEXT_CURRENCY]) < 0))
		return -1;
	/* A lead skipped as bad does not have its joined rows: only now. */
	if (l->join != NULL)
		join_keep(l->join);
	/* Reaching the last stage means its own timestamp is set. */
	c = cell_of(j, row, d.at[last], j->by_col, l->join != NULL ?
	    join_by(l->join) : NULL);
	/* A row of --count-col N is N customers, each with the value. */
	if (__builtin_mul_overflow(value, (money)d.count, &value) ||
	    money_add(&c->value, value) < 0)
		return rd_bad(r, row, l->col_extra[LR_VALUE], "the sum of its "
		    "period is out of range");
	c->customers += d.count;
	return 0;
}

/* The four adders as rd_each() and par_read() call them. */
static int
bind_spend(void *j, struct reader *r, unsigned char *want)
{
	return sj_bind_spend(j, r, want);
}

static int
add_spend(void *j, struct reader *r, const struct row *row)
{
	return sj_add_spend(j, r, row);
}

static int
bind_leads(void *j, struct reader *r, unsigned char *want)
{
	return sj_bind_leads(j, r, want);
}

static int
add_lead(void *j, struct reader *r, const struct row *row)
{
	return sj_add_lead(j, r, row);
}

/* Read all of R into J; an error ends the program, named by R. */
static void
read_table(struct spend_join *j, struct reader *r,
    int (*bind)(void *, struct reader *, unsigned char *),
    int (*add)(void *, struct reader *, const struct row *))
{
	if (rd_each(r, bind, add, j) < 0)
		rd_die(r);
	rd_close(r);
}

int
spend_opts_option(struct spend_opts *so, int key, const char *arg)
{
	switch (key) {
	case SPEND_OPT_FILE:
		so->paths = xreallocarray(so->paths, so->npaths + 1,
		    sizeof *so->paths);
		so->paths[so->npaths++] = arg;
		return 1;
	case SPEND_OPT_COL:
		spend_opts_add_col(so, arg);
		return 1;
	case SPEND_OPT_PRESET:
		so->preset_name = arg;
		return 1;
	}
	return 0;
}

void
spend_opts_expect(const struct spend_opts *so, struct progress *p)
{
	for (size_t i = 0; i < so->npaths; i++)
		progress_expect(p, so->paths[i]);
}

void
spend_opts_resolve(struct spend_opts *so, struct kpi_opts *o)
{
	if (so->preset_name != NULL)
		so->preset = opts_preset(o, so->preset_name, "spend",
		    "--spend-preset");
}

void
sj_read_spend(struct spend_join *j)
{
	struct rd_opts ro = j->o->rd;

	/* The spend table has a preset of its own, or none. */
	ro.filter = preset_filter(j->so->preset);
	/* --header names the columns of the leads operands, not these. */
	ro.header = NULL;
	ro.nheader = 0;
	/* One table: the cells and the currency carry from file to file. */
	for (size_t i = 0; i < j->so->npaths; i++)
		read_table(j, rd_open_or_die(j->so->paths[i], &ro), bind_spend,
		    add_spend);
}

void
sj_read_leads(struct spend_join *j, const char *path)
{
	read_table(j, rd_open_or_die(path, &j->o->rd), bind_leads, add_lead);
}

/* --jobs: each chunk of the leads is read into a spend_join of its own,
** which knows the currency the spend table showed (lib/parallel.h). */
static void *
chunk_start(void *ctx)
{
	const struct spend_join *j = ctx;
	struct spend_join *c = xmalloc(sizeof *c);

	setup(c, j->o, j->so, j->has_value ? &j->value : NULL);
	if (j->join != NULL)
		leads_set_join(&c->leads, join_view_new(j->join));
	if (j->currency != NULL) {
		c->currency = xstrdup(j->currency);
		c->currency_where = xstrdup(j->currency_where);
	}
	return c;
}

static void
chunk_shift(void *state, unsigned long lines)
{
	leads_shift(&((struct spend_join *)state)->leads, lines);
}

static struct leads *
chunk_leads(void *state)
{
	return &((struct spend_join *)state)->leads;
}

static void *
chunk_settle(void *ctx, void *const *states, size_t k)
{
	return leads_settle(states, k, chunk_leads, chunk_start, ctx);
}

static void
chunk_free(void *state)
{
	sj_free(state);
	free(state);
}

/* Add the customers and values of cell FROM to INTO; -1 past the range
** of money, or customers past INT64_MAX (--count-col). Amounts and
** counts are never negative, so the sum of the chunks is out of range
** exactly when one row's running sum would have been. */
static int
add_customers(struct spend_cell *into, const struct spend_cell *from)
{
	if (money_add(&into->value, from->value) < 0 ||
	    into->customers > (uint64_t)INT64_MAX - from->customers)
		return -1;
	into->customers += from->customers;
	return 0;
}

/*
** Join the N chunk states C, in input order, into J. Returns -1, J
** untouched, when one row of a sequential read would have been an error
** that no chunk could see alone (the leads in two currencies, or a sum
** out of range): the leads must then be read on one thread.
*/
static int
join_chunks(struct spend_join *j, struct spend_join **c, size_t n)
{
	const char *currency = j->currency;
	struct group_table *sum = gt_new(sizeof(struct spend_cell));
	uint64_t counted = 0;
	int ok = 1;

	/* --count-col: the counts of all the rows, as one pass keeps them
	 * (leads_decode()), so that no sum of customers can overflow. */
	for (size_t i = 0; i < n && ok; i++) {
		ok = counted <= (uint64_t)INT64_MAX - c[i]->leads.counted;
		counted += c[i]->leads.counted;
	}
	for (size_t i = 0; i < n && ok; i++) {
		if (c[i]->currency == NULL)
			continue;
		if (currency == NULL)
			currency = c[i]->currency;
		ok = strcasecmp(currency, c[i]->currency) == 0;
	}
	for (size_t i = 0; i < n && ok; i++) {
		size_t m = gt_count(c[i]->cells);
		struct group **v = gt_sorted(c[i]->cells);

		for (size_t k = 0; k < m && ok; k++)
			ok = add_customers(gt_get(sum, v[k]->key, v[k]->keylen,
			    NULL)->state, v[k]->state) == 0;
		free(v);
	}
	if (ok) {
		/* J's cells hold only spend so far: nothing can overflow. */
		size_t m = gt_count(sum);
		struct group **v = gt_sorted(sum);

		for (size_t k = 0; k < m; k++)
			add_customers(gt_get(j->cells, v[k]->key, v[k]->keylen,
			    NULL)->state, v[k]->state);
		free(v);
		for (size_t i = 0; i < n; i++) {
			leads_merge_notes(&j->leads, &c[i]->leads);
			if (j->currency == NULL && c[i]->currency != NULL) {
				j->currency = c[i]->currency;
				j->currency_where = c[i]->currency_where;
				c[i]->currency = c[i]->currency_where = NULL;
			}
		}
	}
	gt_free(sum, NULL);
	return ok ? 0 : -1;
}

/* Read the leads files into J: on --jobs threads when they can be. */
static void
read_leads(struct spend_join *j)
{
	const struct par_tool pt = { chunk_start, bind_leads, add_lead,
	    chunk_shift, chunk_settle, chunk_free, j };
	struct par_report how;
	void **c = NULL;
	size_t n = 0;
	int joined = 0;

	if (j->o->jobs > 1) {
		n = par_read(j->o, (size_t)j->o->jobs, &pt, &c, &how);
		par_explain(j->o, &how, j->o->rd.notes);
	}
	if (n > 0 && (joined = join_chunks(j, (struct spend_join **)c, n) == 0))
		par_explain_columns(j->o, &pt);
	for (size_t i = 0; i < n; i++)
		chunk_free(c[i]);
	free(c);
	if (!joined && n > 0 && j->o->rd.progress != NULL)
		progress_rewind(j->o->rd.progress);   /* read again, counted again */
	if (!joined)
		for (size_t i = 0; i < j->o->nfiles; i++)
			sj_read_leads(j, j->o->files[i]);
}

void
sj_read(struct spend_join *j)
{
	sj_read_spend(j);
	read_leads(j);
	leads_report(&j->leads, j->o->rd.notes);
	if (j->join != NULL)
		join_report(j->join, j->o->rd.notes);
}

struct group **
sj_cells(const struct spend_join *j, size_t *n)
{
	*n = gt_count(j->cells);
	return gt_sorted(j->cells);
}

void
sj_total(const struct spend_join *j, struct spend_cell *total)
{
	size_t n;
	struct group **v = sj_cells(j, &n);

	memset(total, 0, sizeof *total);
	for (size_t i = 0; i < n; i++)
		sj_cell_merge(total, v[i]->state);
	free(v);
}

void
sj_write_key_header(const struct spend_join *j, struct writer *w)
{
	wr_str(w, "period");
	for (size_t i = 0; i < j->o->group.nby; i++)
		wr_str(w, j->o->group.by[i]);
}

void
sj_write_rows(const struct spend_join *j, struct writer *w,
    void (*write_cell)(struct writer *, const struct spend_cell *,
    const void *), const void *ctx)
{
	size_t n;
	struct group **v;
	struct spend_cell total;

	/* First, since it can fail: then nothing is written. */
	if (j->o->total)
		sj_total(j, &total);
	v = gt_ordered(j->cells, 1, j->o->group.nby);    /* after the period */
	n = gt_count(j->cells);
	for (size_t i = 0; i < n; i++) {
		const char *part = v[i]->key, *end = part + v[i]->keylen;

		for (size_t k = 0; k <= j->o->group.nby && part != NULL; k++) {
			wr_str(w, part);
			part = key_next(part, end);
		}
		write_cell(w, v[i]->state, ctx);
	}
	free(v);
	if (j->o->total) {
		for (size_t k = 0; k <= j->o->group.nby; k++)
			wr_str(w, "(all)");
		write_cell(w, &total, ctx);
	}
}

void
sj_free(struct spend_join *j)
{
	gt_free(j->cells, NULL);
	leads_free(&j->leads);      /* and its view of the joined tables */
	join_free(j->join);
	free(j->roles);
	free(j->spend_col);
	free(j->by_col);
	free(j->currency);
	free(j->currency_where);
	free(j->value_empty);
	sb_free(&j->key);
}
