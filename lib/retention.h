/* See LICENSE file for copyright and license details. */
#ifndef KPI_RETENTION_H
#define KPI_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "group.h"
#include "money.h"
#include "opts.h"
#include "reader.h"
#include "util.h"
#include "writer.h"

/*
** Customer and revenue retention (retention(1)): each customer's paying
** amount per period, from an order log or a subscription table, and from
** it the MRR bridge, the retention rates and the cohort matrix.
**
** Amounts are money (lib/money.h): whole micro-units, added exactly, so
** that the bridge identity holds to the last digit.
**
** A customer's amount in a period:
**   orders         the sum of its order amounts dated in the period;
**   subscriptions  its MRR at the end of the period: the sum of the
**                  monthly amounts of its subscriptions running then (one
**                  with start <= the period's last day and an end that is
**                  empty or after it). A subscription of period index ps
**                  (of its start) and pe (of its end) counts in the
**                  periods ps <= p < pe; one that starts and ends within
**                  one period never counts. A yearly amount is amount / 12
**                  per month, rounded to the micro-unit, half to even.
** A customer pays in a period when its amount there is above 0 (an order
** of 0 is not a payment).
**
** Periods are months, quarters or years (--fiscal-year-start shifts the
** latter two), numbered consecutively (ret_period_index()); the data's
** periods run from the earliest paying period to the period of the latest
** date read (an order, a start or an end).
*/

/* What the tool writes. */
enum ret_mode { RET_BRIDGE, RET_RATES, RET_COHORTS, RET_PROJECT };

struct ret_config {
	enum ret_mode mode;
	int subscriptions;      /* the inputs are subscription tables */
	int period;             /* PERIOD_MONTH, _QUARTER or _YEAR */
	int fy_start;           /* 1-12 */
	long long window;       /* --reactivation-window; -1: unbounded */
	long long bootstrap;    /* B replicates for the revenue ratios */
	uint64_t seed;          /* of the bootstrap */
	long project;           /* --project: periods to project, 1-1000 */
	int params;             /* --params: the fits, not the projection */
	double discount;        /* --discount: of DERL, per period, > 0 */
};

/* One period of a customer: its amount there (> 0). */
struct ret_cell {
	int64_t period;
	money amount;
};

/* One subscription, as periods: it counts in [from, to). */
struct ret_sub {
	int64_t from, to;       /* to: INT64_MAX while running */
	money monthly;
};

/* Bytes of an id kept in its customer's line; a longer id lives in the
** run's arena. */
#define RET_ID_INLINE 16

/* Cells kept in a customer's line; more move to the cell pool. */
#define RET_CELLS_INLINE 2

/*
** Per customer: its id, the --by key of its first row, its periods. The
** states lie in segments of one array, numbered in the order the ids
** were first seen, 64 bytes each (one cache line): an order log's row
** finds its customer in one slot of the id table and one line, which
** holds the id (up to RET_ID_INLINE bytes) and its first
** RET_CELLS_INLINE periods, so that a customer of a few months costs no
** allocation of its own and no other cache miss. A run's memory is per
** customer (64 bytes, 16 to 32 of slots, a longer id, 16 bytes a paying
** period past the first two), not per row.
*/
struct ret_customer {
	union {
		char in[RET_ID_INLINE];
		char *p;                /* in the run's IDMEM */
	} id;
	uint32_t idlen;
	uint32_t tag;           /* the high 32 bits of the id's hash, once
	                           the ids are hashed (see struct retention) */
	uint32_t by;            /* the --by part of the key (group.h form):
	                           its number in struct retention's BYKEYS */
	uint32_t ncells;
	union {
		struct ret_cell in[RET_CELLS_INLINE];
		struct ret_cell *p;     /* NCELLS > RET_CELLS_INLINE: from
		                           the run's cell pool, room for the power
		                           of two at or above NCELLS */
	} cells;                /* sorted by period, one per period */
};

/* A customer's subscriptions, until the output expands them. */
struct ret_subs {
	struct ret_sub *v;
	size_t n, cap;
};

/* Customers in a segment of the customer array (2 MB of states). */
#define RET_SEG_BITS 15

/* Days whose period index a run remembers. */
#define RET_MEMO 1024

/* Free lists of the cell pool: one per power-of-two capacity. */
#define RET_CELL_CLASSES 33

struct ret_sums;

/*
** The customer table: states by number in segments (SEG), and while the
** ids do not come sorted, an open-addressing table of their numbers
** (SLOT: linear probing, at most half full, 8 bytes a slot: the id's
** 32-bit tag and its number plus one, 0 free; an id's first slot is the
** top BITS of its tag). While every new id comes bytewise after the one
** before (an export sorted by customer), a new id cannot have been seen
** and no slot is kept: the first id out of order makes them.
*/
struct retention {
	struct ret_config cfg;
	const struct kpi_opts *o;       /* --col, dates, --total, --by */
	struct grouping_opts gopts;     /* O's, without the period */
	struct grouping grouping;       /* the --by values alone */
	kpi_time now;                   /* later order dates are errors */
	struct ret_customer **seg;      /* 2^RET_SEG_BITS states each */
	size_t nseg, capseg;
	size_t ncust;                   /* customers so far */
	size_t found;                   /* the number found last */
	uint64_t *slot;                 /* see above; NULL while sorted */
	unsigned bits;
	struct arena idmem;             /* ids longer than RET_ID_INLINE */
	kpi_time *first_when;           /* with --by: by number, the date
	                                   of the row BY came from */
	size_t capwhen;
	struct ret_subs *subs;          /* with cfg.subscriptions: by
	                                   number */
	size_t capsubs;
	money total;                    /* every amount read, while it fits:
	                                   no sum of a customer's can leave
	                                   money's range before it does */
	int total_over;                 /* it did not fit */
	struct group_table *bykeys;     /* --by key -> uint32_t number */
	struct group **byv;             /* by number */
	size_t nbyv, capbyv;
	struct arena cellmem;           /* the cell pool's blocks */
	struct ret_cell *freecells[RET_CELL_CLASSES];   /* freed arrays of 2^k
	                                   cells, linked through their first */
	struct ret_memo {               /* period indexes of days seen, */
		int64_t day, period;    /* at day % RET_MEMO */
		int set;
	} memo[RET_MEMO];
	int64_t first, last;            /* the data's periods; first >
	                                   last before any */
	struct date_memo dmemo;         /* the orders' dates, read once each */
	char *currency;                 /* the code seen first, or NULL */
	char *currency_where;           /* "FILE:LINE" of it */
	/* Streaming (retention_read_all()): an order log sorted by
	** customer, each customer counted into SUMS when its rows end. */
	int stream;                     /* streaming */
	int stream_open;                /* CUR holds a customer */
	int broken;                     /* the stream met an id out of order */
	struct strbuf broken_at;        /* "FILE:LINE" of that id */
	struct ret_customer cur;        /* the customer being read (its id
	                                   in CURID: no arena a customer) */
	struct strbuf curid;
	kpi_time cur_when;              /* with --by: the date of CUR's key */
	struct ret_sums *sums;          /* the groups' sums so far */
};

/*
** The index of the period of kind P (PERIOD_MONTH, _QUARTER, _YEAR) that
** holds T, with fiscal years starting in month FY_START: consecutive
** periods have consecutive indexes. Method: the month index y * 12 + m - 1
** of T's UTC date, shifted by the fiscal start as period_label() shifts
** it, then floor-divided by 1, 3 or 12.
*/
int64_t ret_period_index(kpi_time t, int p, int fy_start);

/* The label period_label() writes for period index I (of kind P, with
** FY_START) into BUF (PERIOD_BUFSIZE bytes). Returns BUF. */
char *ret_period_label(char *buf, int64_t i, int p, int fy_start);

/* Periods in a year for kind P: 12, 4 or 1. */
int ret_periods_per_year(int p);

/*
** The monthly amount of a subscription of AMOUNT per month (YEARLY 0) or
** per year (YEARLY 1): AMOUNT, or AMOUNT / 12 rounded to the micro-unit,
** half to even (600 a year is exactly 50; 100 a year is 8.333333).
*/
money ret_monthly(money amount, int yearly);

/*
** The move of a customer into a period, from PREV (its amount in the
** period before, 0 when not paying) to CUR (now), GAP the number of
** periods without payment since it last paid (-1 when it never paid
** before), WINDOW the --reactivation-window (-1: unbounded):
**   prev 0, cur > 0: NEW when it never paid, or the gap exceeds WINDOW;
**                    else REACTIVATION
**   prev > 0, cur 0: CHURN (the whole of PREV)
**   both > 0:        EXPANSION when cur > prev, CONTRACTION when less,
**                    else STAY
**   both 0:          NONE
*/
enum ret_move { MOVE_NONE, MOVE_NEW, MOVE_REACTIVATION, MOVE_EXPANSION,
	MOVE_CONTRACTION, MOVE_STAY, MOVE_CHURN };
enum ret_move ret_classify(money prev, money cur, int64_t gap,
    long long window);

/*
** Set up RT to read as O and CFG say (O must outlive RT), with NOW the
** latest order date that is not in the future (order_date_limit()).
*/
void retention_init(struct retention *rt, const struct kpi_opts *o,
    const struct ret_config *cfg, kpi_time now);

/*
** Check that every --col of O names a role of the table the inputs are:
** orders (customer, date, amount, currency) or with SUBSCRIPTIONS a
** subscription table (customer, start, end, amount, interval, currency);
** else a usage error (exit 64) that lists the roles.
*/
void retention_check_cols(const struct kpi_opts *o, int subscriptions);

/*
** Read R, an orders table (customer, date, amount required; currency
** optional) or with cfg.subscriptions a subscription table (customer,
** start, end, amount, interval; currency optional). Bad rows are
** rd_bad()'s: an empty id, a bad date (rd_bad_date()), an order dated in
** the future, an amount that is not a number or is negative, a
** subscription that ends before it starts, an interval other than month
** or year, a currency other than the first seen, an empty currency with a
** currency column, a customer's sum in a period out of money's range. A
** missing column, or any error R holds at its end, dies with rd_die().
*/
void retention_read(struct retention *rt, struct reader *r);

/*
** Read every input of the options RT was set up with (retention_read(),
** each opened with rd_open_or_die()), into RT. When the table is an
** order log, the mode one of the bridge, the rates and the cohorts, and
** every input a regular file (opts_rereadable()), the rows are first
** streamed: while each id comes after the one before (bytewise; an
** export sorted by customer), a customer is counted into the groups' sums
** as soon as its rows end, and no state is kept for it. At the first id
** out of order, what was read is forgotten (the sums, the customers, the
** notes added to the options' notes since, the progress counts) and the
** inputs are read again from the start, every customer kept until the
** end. Either way the output is the same, byte for byte; an error in a
** row is met, and told, at the same row.
*/
void retention_read_all(struct retention *rt);

/*
** Write the table of cfg.mode (retention(1) defines every column), sorted
** by period (bridge, rates) or cohort (cohorts), then the --by key, the
** --total rows "(all)" after the groups (RET_PROJECT: ret_project()). The
** bridge identity end = start + new + reactivation + expansion -
** contraction - churn is checked on every row: a mismatch dies with exit
** 70 before anything is written. A sum of amounts beyond money's range
** dies with exit 65, naming the earliest period with one (of the first
** group, in output order, that has one), before anything is written.
*/
void retention_write(struct retention *rt, struct writer *w);

void retention_free(struct retention *rt);

/*
** The --project mode, instead of retention_write(): per group (and the
** total), the customers' survival as a contractual business counts it,
** fitted with the shifted-beta-geometric model (sbg.h) and projected.
**
** A customer's cohort is its first paying period c; it survives age a
** (a periods after c) when it paid in every period c .. c + a: its first
** period without payment is its churn, and a later return does not
** revive it. A cohort first paying in period c is observed for n = last -
** c periods (last: the data's last period): ALIVE[a], a = 0..n, its
** customers surviving age a, and the ALIVE[n] still paying at the data's
** end are right-censored. All cohorts of a group are fitted together
** (sbg_fit(): one alpha and beta).
**
** Writes, after every fit succeeded (a fit error dies with exit 65
** naming the group, nothing written; a limit of sbg.h, no churn or all
** churn, is a note in NOTES and rows following that limit):
**   without cfg.params, per group and t = 1 .. (the longest observed age
**     + cfg.project): t, observed_survival (the sum of ALIVE[t] over
**     the cohorts observed for t periods or more, over the sum of their
**     ALIVE[0]; empty past the data), survival S(t) and retention r(t)
**     with their 95% intervals (sbg_project());
**   with cfg.params, per group: customers, churned, alpha, alpha_se,
**     beta, beta_se, loglik and derl (sbg_derl() at cfg.discount, n = 1:
**     the discounted payments expected after the first of a customer
**     just acquired). An infinite parameter (a limit) is empty.
*/
void ret_project(struct retention *rt, struct writer *w,
    struct strbuf *notes);

#endif
