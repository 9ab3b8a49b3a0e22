/* See LICENSE file for copyright and license details. */
#ifndef KPI_RFM_H
#define KPI_RFM_H

#include <stddef.h>
#include <stdint.h>

#include "btyd.h"
#include "cols.h"
#include "date.h"
#include "group.h"
#include "money.h"
#include "opts.h"
#include "reader.h"

/*
** The orders table of kpikit(7) (one row per purchase: customer id, date,
** amount), and the per-customer summary the BTYD literature and lifetimes
** derive from it: frequency, recency, T, monetary value.
*/

/* Roles of the orders table, in this order in ORDER_ROLES. */
enum { ORDER_CUSTOMER, ORDER_DATE, ORDER_AMOUNT, NORDER_ROLES };
extern const struct role order_roles[NORDER_ROLES];

/* Roles of a summary table (clv --summary's output), likewise. */
enum { SUMMARY_CUSTOMER, SUMMARY_FREQUENCY, SUMMARY_RECENCY, SUMMARY_T,
	SUMMARY_MONETARY, SUMMARY_UNIT, NSUMMARY_ROLES };
extern const struct role summary_roles[NSUMMARY_ROLES];

/* One decoded order. */
struct order {
	const char *id;        /* the customer, LEN bytes */
	size_t idlen;
	kpi_time when;
	double amount;         /* 0 without an amount column */
};

/*
** Decode ROW of an orders table whose roles are in columns COL (from
** cols_bind(); COL[ORDER_AMOUNT] may be -1). The rules (clv(1), BAD
** INPUT): the customer id must not be empty; the date must parse and not
** lie after NOW (a date in the future is a typing error, and it would
** stretch every customer's T); the amount must be a number, not negative.
** A bad value is recorded with rd_bad(): returns -1, else 0. Dates are
** read through MEMO (date_parse_memo(); NULL: none).
*/
int order_decode(struct reader *r, const struct row *row, const long *col,
    const struct date_formats *dates, struct date_memo *memo, kpi_time now,
    struct order *o);

/*
** The NOW of order_decode() for a run: the day after the present moment,
** a day of slack because a local date may be "tomorrow" in UTC.
*/
kpi_time order_date_limit(void);

/*
** As order_decode(), but a negative amount is a refund (clv --refunds),
** not an error: *O gets it as it is. With MICROS not NULL, the amount is
** also read into *MICROS exactly, in micro-units (money_parse()), for
** netting without rounding; an amount beyond its range (9223372036854.78)
** is a bad value. Returns -1 after rd_bad(), else 0.
*/
int order_decode_signed(struct reader *r, const struct row *row,
    const long *col, const struct date_formats *dates,
    struct date_memo *memo, kpi_time now, struct order *o, money *micros);

/*
** Decode ROW of a summary table (columns COL from cols_bind();
** COL[SUMMARY_CUSTOMER], COL[SUMMARY_MONETARY] and COL[SUMMARY_UNIT] may
** be -1) into *OUT: frequency a whole number >= 0, recency >= 0 and 0 when
** frequency is 0, T >= recency, monetary_value >= 0 (0 when absent), unit
** a unit's name (OUT->unit -1 when absent). A bad value is recorded with
** rd_bad(): returns -1, else 0.
*/
struct rfm_row;
int summary_decode(struct reader *r, const struct row *row, const long *col,
    struct rfm_row *out);

/* Time units of a summary. */
enum rfm_unit { UNIT_DAYS, UNIT_WEEKS, UNIT_MONTHS };

/* The unit named NAME ("days", "weeks", "months"; singular too), or -1. */
int rfm_unit_from_name(const char *name);

/* UNIT's name as a summary's unit column holds it: "days", ... */
const char *rfm_unit_name(enum rfm_unit unit);

/* The length of UNIT in days: 1, 7, or the mean Gregorian month,
** 365.2425 / 12 = 30.436875 (numpy's and pandas' month). */
double rfm_unit_days(enum rfm_unit unit);

/*
** Per-customer summaries of an order log, as lifetimes'
** summary_data_from_transaction_data and calibration_and_holdout_data
** make them, streaming: rows may come in any order.
**
** Purchases are counted per period: per UTC day, or with CALENDAR per
** calendar week (ISO, Monday to Sunday: pandas' W-SUN) or month. Rows of
** one customer in one period are one purchase, their amounts summed. For
** a customer, with first and last the first and last purchase periods:
**   frequency       purchase periods - 1 (the repeat purchases)
**   recency         last - first
**   T               observation end - first
**   monetary_value  the mean amount of the repeat purchase periods (the
**                   first period left out), 0 for a one-time buyer
** Times are in UNIT: days / unit length, or whole periods with CALENDAR.
**
** With a calibration end, the above covers the orders up to it (customers
** whose first purchase comes later are left out), and for the orders
** after it, up to the observation end:
**   frequency_holdout       purchase periods (all count: the first
**                           purchase is behind)
**   monetary_value_holdout  their mean amount (0 without one)
**   duration_holdout        observation end - calibration end
** Orders after the observation end are left out.
*/
struct summariser {
	int calendar;                   /* periods of UNIT, not days */
	enum rfm_unit unit;
	int64_t cal_end, obs_end;       /* periods; INT64_MAX when not given */
	int64_t first_seen, last_seen;  /* the earliest period read, the
	                                   latest up to the observation end */
	kpi_time first_when, last_when; /* their orders' times (NO_TIME
	                                   before any order) */
	struct group_table *customers;  /* id -> struct rfm_state */
	uint64_t ncustomers;
	struct u64map *seen;            /* (customer, period) pairs */
	struct u64map *net;             /* summariser_add_net()'s periods */
};

/* Set up S; CAL_END and OBS_END are NO_TIME when not given. */
void summariser_init(struct summariser *s, enum rfm_unit unit, int calendar,
    kpi_time cal_end, kpi_time obs_end);

/* The number of the period (day, or calendar week or month) of T. */
int64_t summariser_period(const struct summariser *s, kpi_time t);

/*
** Count the order O. Returns 0, or -1 (and S unchanged) when the sum of
** O's customer's amounts would leave the range of a double: its monetary
** value would then be infinite, which a summary must never print.
*/
int summariser_add(struct summariser *s, const struct order *o);

/*
** Refunds netted (clv --refunds net): count the order or refund O (a
** negative amount) whose amount is MICROS micro-units, read from input
** number SRC at LINE (kept for summariser_net()'s message). Orders are
** held per customer and period until summariser_net(), which must come
** before summariser_rows(); do not mix with summariser_add(). Every row
** up to the observation end counts for the span of the log (first_seen,
** last_seen), refunds too. Returns 0, or -1 (S unchanged) when the
** period's sum of orders or of refunds leaves the range of money.
*/
int summariser_add_net(struct summariser *s, const struct order *o,
    money micros, unsigned src, unsigned long line);

/* Where summariser_net() found a refund it cannot net. */
struct net_failure {
	const char *id;                 /* the customer, IDLEN bytes */
	size_t idlen;
	unsigned src;                   /* the period's first refund row */
	unsigned long line;
	kpi_time when;                  /* its date */
	money excess;                   /* what is left over, > 0 */
};

/*
** Net the refunds summariser_add_net() counted, customer by customer,
** period by period in time order (periods as summariser_period(): days,
** or calendar weeks or months):
**   - a period's refunds are netted against its orders first: when the
**     net is > 0, the period is a purchase of the net amount;
**   - otherwise the period is no purchase, and what is left of the
**     refunds is taken from the customer's earlier purchase periods, the
**     latest first, each down to 0 at most; a period taken down to 0 is
**     no purchase any more (its orders were returned); one whose orders
**     sum to 0 gives nothing and stays a purchase;
**   - a period without refunds is a purchase of its sum, 0 included.
** Then the purchase periods are counted as summariser_add() counts them
** (calibration and holdout alike: netting comes first). A customer left
** without a purchase has no summary. Returns 0, or -1 with *F set when a
** customer's refunds up to some period exceed the orders up to it (the
** first such customer, in the order they were first read).
*/
int summariser_net(struct summariser *s, struct net_failure *f);

/* One customer's summary, as summariser_each() hands it over. */
struct rfm_row {
	const char *id;
	size_t idlen;
	struct rfm rfm;                 /* x, t_x, T in units; m; w = 1 */
	int unit;                       /* enum rfm_unit of a summary read
	                                   with a unit column, else -1 */
	double freq_holdout, monetary_holdout, duration_holdout;
};

/*
** The summaries, sorted by customer id (as integers when every id is
** one, as groups are: see groups_order(); else bytewise), in a new array
** the caller frees (the ids stay S's); *N gets their number.
*/
struct rfm_row *summariser_rows(struct summariser *s, size_t *n);

/*
** The repeat purchases of the customers summariser_rows() summarises
** (first purchase up to the calibration end, or any without one), period
** by period, for clv --validate's tracking: every purchase period of a
** customer but the first, up to the observation end, is counted in
** COUNT[k], k = floor((p - ORIGIN) / LEN) for its period p (LEN periods
** of summariser_period() to a tracking period: 7 days to a week, 1
** calendar week to a week). COUNT has N slots, zeroed first; periods
** before ORIGIN or past N are not counted. Orders counted by
** summariser_add() only (not --refunds net). Returns the repeat purchases
** counted.
*/
double summariser_repeats(const struct summariser *s, int64_t origin,
    double len, double *count, size_t n);

void summariser_free(struct summariser *s);

#endif
