/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "cols.h"
#include "revenue.h"
#include "rfm.h"

void
revenue_init(struct revenue *rv, const struct kpi_opts *o, double margin,
    double churn, kpi_time now)
{
	memset(rv, 0, sizeof *rv);
	rv->margin = margin;
	rv->churn = churn;
	rv->now = now;
	rv->o = o;
	grouping_init(&rv->grouping, &o->group);
	rv->groups = gt_new(sizeof(struct revenue_tally));
	u64map_init(&rv->seen, 0);
}

/* Count order ORD, of ROW, into its group and the total. */
static void
add_order(struct revenue *rv, const struct row *row, const struct order *ord)
{
	const struct strbuf *gk = grouping_key(&rv->grouping, row, ord->when);
	int created;
	struct group *g = gt_get(rv->groups, gk->s, gk->len, &created);
	struct revenue_tally *t = g->state;
	size_t k;

	if (created && (t->number = rv->ngroups++) >= UINT32_MAX)
		die(EX_SOFTWARE, "more than %u groups", UINT32_MAX - 1);
	t->orders++;
	t->revenue += ord->amount;
	rv->total.orders++;
	rv->total.revenue += ord->amount;
	k = idmap_get(&rv->ids, ord->id, ord->idlen, &created);
	rv->total.customers += created;
	if (created) {
		if (k == rv->caplast) {
			rv->caplast = rv->caplast ? 2 * rv->caplast : 1024;
			rv->last = xreallocarray(rv->last, rv->caplast,
			    sizeof *rv->last);
		}
		rv->last[k] = 0;
	}
	/* The customer's group before this row: the pair is not new. */
	if (rv->last[k] == t->number + 1)
		return;
	rv->last[k] = t->number + 1;
	u64map_get(&rv->seen, t->number << 32 | k, &created);
	t->customers += created;
}

/* The optional currency roles: a currency column, and the currency a
** preset read from the amount's text (lib/preset.c). */
static const struct role currency_roles[2] = {
	{ "currency", "currency", 0 },
	{ "amount_currency", "amount_currency", 0 },
};

/*
** Check the currency in column COL of ROW (none when COL < 0) against
** the one seen first, in any file: amounts in two currencies are never
** added. ASCII case is ignored ("usd" is "USD"). An empty value is an
** error in a currency column (every amount needs its currency) but not
** in amount_currency (an amount of plain digits names none). Returns 0,
** or -1 with the row's error recorded in R.
*/
static int
check_currency(struct revenue *rv, struct reader *r, const struct row *row,
    long col, int empty_ok)
{
	const char *s;
	size_t len;
	char esc[ESCAPED_MAX], first[ESCAPED_MAX];
	struct strbuf where = {0};

	if (col < 0)
		return 0;
	s = row->f[col].s;
	len = row->f[col].len;
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return empty_ok ? 0 : rd_bad(r, row, col, "empty; with a "
		    "currency column, every amount needs its currency");
	if (rv->currency == NULL) {
		rv->currency = xmemdup(s, len);
		sb_printf(&where, "%s:%lu", rd_name(r), row->line);
		rv->currency_where = where.s;
		return 0;
	}
	if (strlen(rv->currency) == len &&
	    strncasecmp(rv->currency, s, len) == 0)
		return 0;
	return rd_bad(r, row, col, "'%s', but %s has '%s': amounts in two "
	    "currencies cannot be added", escape_text(esc, sizeof esc, s, len),
	    rv->currency_where, escape_text(first, sizeof first, rv->currency,
	    strlen(rv->currency)));
}

void
revenue_read(struct revenue *rv, struct reader *r)
{
	unsigned char *want = xcalloc(rd_header(r)->n, 1);
	struct role roles[NORDER_ROLES];
	long col[NORDER_ROLES], ccol[2];
	const struct row *row;
	struct order ord;
	int rc;

	memcpy(roles, order_roles, sizeof roles);
	roles[ORDER_AMOUNT].required = 1;
	if (cols_bind(r, roles, NORDER_ROLES, &rv->o->cols, col) < 0 ||
	    cols_bind(r, currency_roles, 2, &rv->o->cols, ccol) < 0 ||
	    grouping_bind(&rv->grouping, r, want) < 0)
		rd_die(r);
	for (int k = 0; k < NORDER_ROLES; k++)
		want[col[k]] = 1;
	for (int k = 0; k < 2; k++)
		if (ccol[k] >= 0)
			want[ccol[k]] = 1;
	rd_want(r, want);
	while ((rc = rd_next(r, &row)) > 0) {
		if (order_decode(r, row, col, &rv->o->dates, &rv->dmemo, rv->now,
		    &ord) < 0 ||
		    check_currency(rv, r, row, ccol[0], 0) < 0 ||
		    check_currency(rv, r, row, ccol[1], 1) < 0)
			continue;
		/* Amounts are never negative: the total is the largest sum. */
		if (!isfinite(rv->total.revenue + ord.amount)) {
			rd_bad(r, row, col[ORDER_AMOUNT], "the sum of the revenue "
			    "is out of range");
			continue;
		}
		add_order(rv, row, &ord);
	}
	if (rc < 0)
		rd_die(r);
	free(want);
}

static void
write_tally(const struct revenue *rv, struct writer *w,
    const struct revenue_tally *t)
{
	double customers = (double)t->customers, orders = (double)t->orders;

	wr_int(w, (int64_t)t->customers);
	wr_int(w, (int64_t)t->orders);
	wr_num(w, t->revenue);
	wr_num(w, orders > 0 ? t->revenue / orders : NAN);
	wr_num(w, customers > 0 ? t->revenue / customers : NAN);
	wr_num(w, customers > 0 ? orders / customers : NAN);
	if (!isnan(rv->churn))
		wr_num(w, customers > 0 ? t->revenue / customers * rv->margin /
		    rv->churn : NAN);
	wr_end(w);
}

void
revenue_write(struct revenue *rv, struct writer *w)
{
	struct group **v;
	size_t n;

	grouping_write_header(&rv->grouping, w);
	wr_str(w, "customers");
	wr_str(w, "orders");
	wr_str(w, "revenue");
	wr_str(w, "aov");
	wr_str(w, "revenue_per_customer");
	wr_str(w, "purchase_frequency");
	if (!isnan(rv->churn))
		wr_str(w, "clv");
	wr_end(w);
	v = gt_ordered(rv->groups, 0, rv->grouping.nby);
	n = gt_count(rv->groups);
	for (size_t i = 0; i < n; i++) {
		grouping_write_key(&rv->grouping, w, v[i]);
		write_tally(rv, w, v[i]->state);
	}
	if (!grouping_active(&rv->grouping) && n == 0)
		write_tally(rv, w, &rv->total);
	if (rv->o->total) {
		grouping_write_total(&rv->grouping, w);
		write_tally(rv, w, &rv->total);
	}
	free(v);
}

void
revenue_free(struct revenue *rv)
{
	grouping_free(&rv->grouping);
	gt_free(rv->groups, NULL);
	idmap_free(&rv->ids);
	u64map_free(&rv->seen);
	free(rv->last);
	free(rv->currency);
	free(rv->currency_where);
}

double
revenue_opt_margin(const char *arg)
{
	return opt_double("margin", arg, 0, 1e6);
}

double
revenue_opt_churn(const char *arg)
{
	double churn = opt_double("churn", arg, 0, 1);

	if (churn == 0)
		usage_error("--churn: 0 makes the lifetime infinite");
	return churn;
}
