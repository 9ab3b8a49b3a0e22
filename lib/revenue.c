/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
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

void
revenue_read(struct revenue *rv, struct reader *r)
{
	unsigned char *want = xcalloc(rd_header(r)->n, 1);
	struct role roles[NORDER_ROLES];
	long col[NORDER_ROLES];
	const struct row *row;
	struct order ord;
	int rc;

	memcpy(roles, order_roles, sizeof roles);
	roles[ORDER_AMOUNT].required = 1;
	if (cols_bind(r, roles, NORDER_ROLES, &rv->o->cols, col) < 0 ||
	    grouping_bind(&rv->grouping, r, want) < 0)
		rd_die(r);
	for (int k = 0; k < NORDER_ROLES; k++)
		want[col[k]] = 1;
	rd_want(r, want);
	while ((rc = rd_next(r, &row)) > 0) {
		if (order_decode(r, row, col, &rv->o->dates, rv->now, &ord) < 0)
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
