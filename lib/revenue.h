/* See LICENSE file for copyright and license details. */
#ifndef KPI_REVENUE_H
#define KPI_REVENUE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "group.h"
#include "idmap.h"
#include "u64map.h"
#include "opts.h"
#include "reader.h"
#include "util.h"
#include "writer.h"

/*
** Historical revenue of an orders table (lib/rfm.h reads its rows), per
** group (--by columns, and the --period of the order date), as revenue(1)
** prints it and clv --historical, its deprecated alias, did before:
**
**   customers             distinct customer ids in the group
**   orders                rows (every row is an order, same-day rows too)
**   revenue               the sum of the amounts
**   aov                   revenue / orders
**   revenue_per_customer  revenue / customers
**   purchase_frequency    orders / customers
**   clv                   with a churn rate: revenue_per_customer * margin
**                         / churn
**
** A ratio over 0 orders or customers is undefined (an empty field). The
** amount column is required; amounts are decoded by order_decode() (a
** number, not negative) and summed as doubles, in the order of the rows.
*/

/* One group's sums. */
struct revenue_tally {
	double revenue;
	uint64_t orders, customers;
	uint64_t number;                /* the group's, from 0, as met */
};

struct revenue {
	double margin;                  /* of revenue, for clv */
	double churn;                   /* per period; NAN: no clv column */
	kpi_time now;                   /* later order dates are errors */
	struct date_memo dmemo;         /* the orders' dates, read once each */
	const struct kpi_opts *o;       /* --col, dates, --total */
	struct grouping grouping;
	struct group_table *groups;     /* key -> struct revenue_tally */
	uint64_t ngroups;
	struct idmap ids;               /* customer id -> its number */
	struct u64map seen;             /* (group number << 32 | customer
	                                   number) pairs */
	uint32_t *last;                 /* by customer number: its group
	                                   number + 1 in its latest row */
	size_t caplast;
	struct revenue_tally total;
	char *currency;                 /* the currency seen first, or NULL */
	char *currency_where;           /* "FILE:LINE" of it */
};

/*
** Set up RV to group and read as O says (O must outlive RV), with the
** MARGIN and CHURN (NAN: none) of the clv column, and NOW the latest
** order date that is not in the future (order_date_limit()).
*/
void revenue_init(struct revenue *rv, const struct kpi_opts *o, double margin,
    double churn, kpi_time now);

/*
** Count every order of R, an orders table with at least the customer,
** date and amount roles (after --col). A bad row is rd_bad()'s (skipped
** under --skip-bad), and so is an amount that would make the total
** revenue infinite ("the sum of the revenue is out of range"). A missing
** column, or any error R holds at its end, dies with rd_die() (exit 65).
*/
void revenue_read(struct revenue *rv, struct reader *r);

/*
** Write the header, then one row per group sorted by key, then with
** --total a row over all groups (key columns "(all)"). Without --by and
** --period there is one row, also when no order was read.
*/
void revenue_write(struct revenue *rv, struct writer *w);

/* Free what RV holds. */
void revenue_free(struct revenue *rv);

/*
** The margin ARG of --margin, a fraction of revenue from 0 to 1e6 (above
** 1 for a markup); anything else is a usage error (exit 64).
*/
double revenue_opt_margin(const char *arg);

/*
** The churn rate ARG of --churn: above 0, at most 1; anything else is a
** usage error (exit 64), 0 with the reason that it makes the lifetime
** infinite.
*/
double revenue_opt_churn(const char *arg);

#endif
