/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cols.h"
#include "money.h"
#include "num.h"
#include "rfm.h"
#include "u64map.h"
#include "units.h"
#include "util.h"

const struct role order_roles[NORDER_ROLES] = {
	[ORDER_CUSTOMER] = { "customer", "customer_id", 1 },
	[ORDER_DATE] = { "date", "date", 1 },
	[ORDER_AMOUNT] = { "amount", "amount", 0 },
};

const struct role summary_roles[NSUMMARY_ROLES] = {
	[SUMMARY_CUSTOMER] = { "customer", "customer_id", 0 },
	[SUMMARY_FREQUENCY] = { "frequency", "frequency", 1 },
	[SUMMARY_RECENCY] = { "recency", "recency", 1 },
	[SUMMARY_T] = { "T", "T", 1 },
	[SUMMARY_MONETARY] = { "monetary_value", "monetary_value", 0 },
	[SUMMARY_UNIT] = { "unit", "unit", 0 },
};

/* Parse the number in column COL of ROW into *X; rd_bad() on failure. */
static int
get_number(struct reader *r, const struct row *row, long col, double *x)
{
	const struct field *f = &row->f[col];
	char esc[ESCAPED_MAX];
	const char *err;

	if (f->len == 0)
		return rd_bad(r, row, col, "empty; a number is needed");
	if ((err = num_parse(f->s, f->len, x)) != NULL)
		return rd_bad(r, row, col, "'%s': %s",
		    escape_text(esc, sizeof esc, f->s, f->len), err);
	return 0;
}

/* order_decode() and order_decode_signed(): REFUNDS lets a negative
** amount through, MICROS (when not NULL) gets it exactly. */
static int
decode(struct reader *r, const struct row *row, const long *col,
    const struct date_formats *dates, struct date_memo *memo, kpi_time now,
    struct order *o, int refunds, money *micros)
{
	const struct field *id = &row->f[col[ORDER_CUSTOMER]];
	const struct field *date = &row->f[col[ORDER_DATE]];
	char esc[ESCAPED_MAX];
	const char *err;

	if (id->len == 0)
		return rd_bad(r, row, col[ORDER_CUSTOMER], "empty customer id");
	o->id = id->s;
	o->idlen = id->len;
	if (date->len == 0)
		return rd_bad(r, row, col[ORDER_DATE], "empty; every order needs "
		    "a date");
	if ((err = date_parse_memo(memo, date->s, date->len, dates,
	    &o->when)) != NULL)
		return rd_bad_date(r, row, col[ORDER_DATE], date->s,
		    date->len, err);
	if (o->when > now)
		return rd_bad(r, row, col[ORDER_DATE], "'%s' is in the future",
		    escape_text(esc, sizeof esc, date->s, date->len));
	o->amount = 0;
	if (micros != NULL)
		*micros = 0;
	if (col[ORDER_AMOUNT] < 0)
		return 0;
	if (get_number(r, row, col[ORDER_AMOUNT], &o->amount) < 0)
		return -1;
	if (o->amount < 0 && !refunds)
		return rd_bad(r, row, col[ORDER_AMOUNT], "'%s': a negative amount; "
		    "clv models purchases, so net refunds out of the orders "
		    "first", escape_text(esc, sizeof esc, row->f[col[ORDER_AMOUNT]].s,
		    row->f[col[ORDER_AMOUNT]].len));
	if (micros != NULL && (err = money_parse(row->f[col[ORDER_AMOUNT]].s,
	    row->f[col[ORDER_AMOUNT]].len, micros)) != NULL)
		return rd_bad(r, row, col[ORDER_AMOUNT], "'%s': %s for netting "
		    "refunds, which sums amounts exactly in millionths, up to "
		    "9223372036854.775807", escape_text(esc, sizeof esc,
		    row->f[col[ORDER_AMOUNT]].s, row->f[col[ORDER_AMOUNT]].len),
		    err);
	return 0;
}

int
order_decode(struct reader *r, const struct row *row, const long *col,
    const struct date_formats *dates, struct date_memo *memo, kpi_time now,
    struct order *o)
{
	return decode(r, row, col, dates, memo, now, o, 0, NULL);
}

int
order_decode_signed(struct reader *r, const struct row *row,
    const long *col, const struct date_formats *dates,
    struct date_memo *memo, kpi_time now, struct order *o, money *micros)
{
	return decode(r, row, col, dates, memo, now, o, 1, micros);
}

kpi_time
order_date_limit(void)
{
	return (kpi_time)time(NULL) * 1000 + MS_PER_DAY;
}

int
summary_decode(struct reader *r, const struct row *row, const long *col,
    struct rfm_row *out)
{
	struct rfm *c = &out->rfm;

	memset(out, 0, sizeof *out);
	out->unit = -1;
	c->w = 1;
	if (col[SUMMARY_CUSTOMER] >= 0) {
		out->id = row->f[col[SUMMARY_CUSTOMER]].s;
		out->idlen = row->f[col[SUMMARY_CUSTOMER]].len;
	}
	if (get_number(r, row, col[SUMMARY_FREQUENCY], &c->x) < 0 ||
	    get_number(r, row, col[SUMMARY_RECENCY], &c->tx) < 0 ||
	    get_number(r, row, col[SUMMARY_T], &c->T) < 0 ||
	    (col[SUMMARY_MONETARY] >= 0 &&
	    get_number(r, row, col[SUMMARY_MONETARY], &c->m) < 0))
		return -1;
	if (c->x < 0 || c->x != floor(c->x))
		return rd_bad(r, row, col[SUMMARY_FREQUENCY], "%g: the number of "
		    "repeat purchases must be a whole number, 0 or more", c->x);
	if (c->tx < 0)
		return rd_bad(r, row, col[SUMMARY_RECENCY], "%g: negative", c->tx);
	if (c->x == 0 && c->tx != 0)
		return rd_bad(r, row, col[SUMMARY_RECENCY], "%g: a customer with "
		    "no repeat purchase (frequency 0) has recency 0", c->tx);
	if (c->T < c->tx)
		return rd_bad(r, row, col[SUMMARY_T], "%g: less than the recency "
		    "(%g); T runs to the end of observation", c->T, c->tx);
	if (c->m < 0)
		return rd_bad(r, row, col[SUMMARY_MONETARY], "%g: negative", c->m);
	if (col[SUMMARY_UNIT] >= 0) {
		const struct field *f = &row->f[col[SUMMARY_UNIT]];
		char esc[ESCAPED_MAX];

		if (memchr(f->s, '\0', f->len) != NULL ||
		    (out->unit = rfm_unit_from_name(f->s)) < 0)
			return rd_bad(r, row, col[SUMMARY_UNIT], "'%s': the time "
			    "unit of recency and T is days, weeks or months",
			    escape_text(esc, sizeof esc, f->s, f->len));
	}
	return 0;
}

/* The units of a summary, in enum rfm_unit's order (lib/units.h). */
static const char *const rfm_units[] = { "days", "weeks", "months" };

int
rfm_unit_from_name(const char *name)
{
	const struct unit *u = unit_find(name, UNITS_BTYD);

	for (int i = 0; u != NULL && i < 3; i++)
		if (strcmp(u->name, rfm_units[i]) == 0)
			return i;
	return -1;
}

const char *
rfm_unit_name(enum rfm_unit unit)
{
	return rfm_units[unit];
}

double
rfm_unit_days(enum rfm_unit unit)
{
	return unit_find(rfm_units[unit], UNITS_BTYD)->days;
}

/*
** The (customer, period) pairs of the summariser, as u64map keys: the
** customer's ordinal << 23 | (period + 2^22). Day numbers of the years
** 1-9999 lie within -2^22..2^22, so the two never overlap.
*/
#define PERIOD_BIAS ((int64_t)1 << 22)

/* Per customer. Periods are numbered as summariser_period() numbers them. */
struct rfm_state {
	uint64_t ordinal;          /* the customer's number, from 0 */
	int64_t first, last;       /* calibration purchase periods */
	double first_sum;          /* the amounts of the first period */
	double repeat_sum;         /* the amounts of the later periods */
	uint64_t periods;          /* calibration purchase periods */
	uint64_t holdout_periods;
	double holdout_sum;
};

/* The number of the period of T: its day, ISO week or month. */
int64_t
summariser_period(const struct summariser *s, kpi_time t)
{
	int64_t day = t >= 0 ? t / MS_PER_DAY : -((-t + MS_PER_DAY - 1) / MS_PER_DAY);
	int64_t y;
	unsigned m, d;

	if (!s->calendar || s->unit == UNIT_DAYS)
		return day;
	if (s->unit == UNIT_WEEKS)      /* 1970-01-01 was a Thursday */
		return (day + 3 >= 0 ? day + 3 : day + 3 - 6) / 7;
	civil_from_days(day, &y, &m, &d);
	return y * 12 + (int64_t)m - 1;
}

void
summariser_init(struct summariser *s, enum rfm_unit unit, int calendar,
    kpi_time cal_end, kpi_time obs_end)
{
	memset(s, 0, sizeof *s);
	s->unit = unit;
	s->calendar = calendar;
	s->cal_end = cal_end == NO_TIME ? INT64_MAX : summariser_period(s, cal_end);
	s->obs_end = obs_end == NO_TIME ? INT64_MAX : summariser_period(s, obs_end);
	s->first_seen = INT64_MAX;
	s->last_seen = INT64_MIN;
	s->first_when = s->last_when = NO_TIME;
	s->customers = gt_new(sizeof(struct rfm_state));
	s->seen = xcalloc(1, sizeof *s->seen);
	u64map_init(s->seen, 0);
}

/* Keep the earliest order's period P and time WHEN. */
static void
note_first(struct summariser *s, int64_t p, kpi_time when)
{
	if (p < s->first_seen || (p == s->first_seen && when < s->first_when)) {
		s->first_seen = p;
		s->first_when = when;
	}
}

/* Count period P, new to customer C, as a purchase of AMOUNT. */
static void
count_period(const struct summariser *s, struct rfm_state *c, int64_t p,
    double amount)
{
	if (p > s->cal_end) {
		c->holdout_periods++;
		c->holdout_sum += amount;
		return;
	}
	if (c->periods++ == 0) {
		c->first = c->last = p;
		c->first_sum = amount;
		return;
	}
	if (p < c->first) {
		/* The old first period becomes a repeat one. */
		c->repeat_sum += c->first_sum;
		c->first = p;
		c->first_sum = amount;
	} else {
		c->repeat_sum += amount;
	}
	if (p > c->last)
		c->last = p;
}

int
summariser_add(struct summariser *s, const struct order *o)
{
	int64_t p = summariser_period(s, o->when);
	struct rfm_state *c;
	int created;

	if (p > s->obs_end) {
		note_first(s, p, o->when);
		return 0;
	}
	c = gt_get(s->customers, o->id, o->idlen, &created)->state;
	if (created)
		c->ordinal = s->ncustomers++;
	/* Amounts are never negative: each sum below is at most this one. */
	if (!isfinite(c->first_sum + c->repeat_sum + c->holdout_sum + o->amount))
		return -1;
	note_first(s, p, o->when);
	if (p > s->last_seen || (p == s->last_seen && o->when > s->last_when)) {
		s->last_seen = p;
		s->last_when = o->when;
	}
	u64map_get(s->seen, c->ordinal << 23 | (uint64_t)(p + PERIOD_BIAS),
	    &created);
	if (!created) {
		/* Another order of a period already counted. */
		if (p > s->cal_end)
			c->holdout_sum += o->amount;
		else if (p == c->first)
			c->first_sum += o->amount;
		else
			c->repeat_sum += o->amount;
		return 0;
	}
	count_period(s, c, p, o->amount);
	return 0;
}

struct rfm_row *
summariser_rows(struct summariser *s, size_t *n)
{
	struct group **g = gt_ordered(s->customers, 0, 1);
	size_t count = gt_count(s->customers), out = 0;
	struct rfm_row *rows = xcalloc(count ? count : 1, sizeof *rows);
	int64_t end = s->obs_end != INT64_MAX ? s->obs_end : s->last_seen;
	double unit = s->calendar ? 1 : 1 / rfm_unit_days(s->unit);

	for (size_t i = 0; i < count; i++) {
		const struct rfm_state *c = g[i]->state;
		struct rfm_row *row = &rows[out];

		/* Holdout purchases only: not a customer of the calibration. */
		if (c->periods == 0)
			continue;
		row->id = g[i]->key;
		row->idlen = g[i]->keylen;
		row->rfm.x = (double)(c->periods - 1);
		row->rfm.tx = (double)(c->last - c->first) * unit;
		row->rfm.T = (double)((s->cal_end != INT64_MAX ? s->cal_end : end) -
		    c->first) * unit;
		row->rfm.m = c->periods > 1 ? c->repeat_sum / (double)(c->periods - 1) : 0;
		row->rfm.w = 1;
		row->freq_holdout = (double)c->holdout_periods;
		row->monetary_holdout = c->holdout_periods ?
		    c->holdout_sum / (double)c->holdout_periods : 0;
		if (s->cal_end != INT64_MAX)
			row->duration_holdout = (double)(end - s->cal_end) * unit;
		out++;
	}
	free(g);
	*n = out;
	return rows;
}

/*
** summariser_add_net()'s periods: a u64map over the keys of the pairs
** above, each value the period's sums (and its key plus one, again, for
** summariser_net()'s sort).
*/
struct net_period {
	uint64_t key;
	money orders, refunds;          /* the sums, each >= 0 */
	int refunded;                   /* a refund row was read (one of
	                                   less than a millionth sums to 0) */
	kpi_time refund_when;           /* the first refund row read */
	unsigned long refund_line;
	unsigned refund_src;
};

int
summariser_add_net(struct summariser *s, const struct order *o, money micros,
    unsigned src, unsigned long line)
{
	int64_t p = summariser_period(s, o->when);
	struct net_period *d;
	struct rfm_state *c;
	money sum;
	int created;

	if (p > s->obs_end) {
		note_first(s, p, o->when);
		return 0;
	}
	if (s->net == NULL) {
		s->net = xcalloc(1, sizeof *s->net);
		u64map_init(s->net, sizeof(struct net_period));
	}
	c = gt_get(s->customers, o->id, o->idlen, &created)->state;
	if (created)
		c->ordinal = s->ncustomers++;
	d = u64map_get(s->net, c->ordinal << 23 | (uint64_t)(p + PERIOD_BIAS),
	    &created);
	if (created)
		d->key = (c->ordinal << 23 | (uint64_t)(p + PERIOD_BIAS)) + 1;
	if (o->amount < 0) {
		sum = d->refunds;
		if (micros == INT64_MIN || money_add(&sum, -micros) < 0)
			return -1;
		if (!d->refunded) {
			d->refunded = 1;
			d->refund_when = o->when;
			d->refund_line = line;
			d->refund_src = src;
		}
		d->refunds = sum;
	} else {
		sum = d->orders;
		if (money_add(&sum, micros) < 0)
			return -1;
		d->orders = sum;
	}
	note_first(s, p, o->when);
	if (p > s->last_seen || (p == s->last_seen && o->when > s->last_when)) {
		s->last_seen = p;
		s->last_when = o->when;
	}
	return 0;
}

static int
by_key(const void *a, const void *b)
{
	uint64_t x = ((const struct net_period *)a)->key;
	uint64_t y = ((const struct net_period *)b)->key;

	return x < y ? -1 : x > y;
}

/* gt_each() callback: CTX is the array of states by ordinal. */
static void
put_state(void *ctx, void *state)
{
	struct rfm_state **by_ordinal = ctx, *c = state;

	by_ordinal[c->ordinal] = c;
}

/* The id of the customer whose state is C. */
static struct group *
find_group(struct group **g, size_t n, const struct rfm_state *c)
{
	for (size_t i = 0; i < n; i++)
		if (g[i]->state == c)
			return g[i];
	return NULL;
}

int
summariser_net(struct summariser *s, struct net_failure *f)
{
	struct u64map *t = s->net;
	struct net_period *v, *d;
	uint64_t key;
	struct rfm_state **by_ordinal;
	money *left;
	size_t n = 0, *stack, top;
	int rc = 0;

	if (t == NULL)
		return 0;
	v = xcalloc(t->count ? t->count : 1, sizeof *v);
	for (size_t i = 0; (d = u64map_next(t, &i, &key)) != NULL; )
		v[n++] = *d;
	qsort(v, n, sizeof *v, by_key);
	by_ordinal = xcalloc(s->ncustomers ? s->ncustomers : 1,
	    sizeof *by_ordinal);
	gt_each(s->customers, put_state, by_ordinal);
	left = xcalloc(n ? n : 1, sizeof *left);
	stack = xcalloc(n ? n : 1, sizeof *stack);
	for (size_t i = 0, j; i < n && rc == 0; i = j) {
		uint64_t ordinal = (v[i].key - 1) >> 23;

		/*
		 * The customer's periods are v[i..j), in time order. STACK
		 * holds those with an amount left (> 0), the latest on top.
		 */
		top = 0;
		for (j = i; j < n && (v[j].key - 1) >> 23 == ordinal; j++) {
			money excess;

			if (!v[j].refunded || v[j].orders > v[j].refunds) {
				left[j] = v[j].orders - v[j].refunds;
				if (left[j] > 0)
					stack[top++] = j;
				continue;
			}
			left[j] = -1;           /* no purchase */
			excess = v[j].refunds - v[j].orders;
			while (excess > 0 && top > 0) {
				size_t k = stack[top - 1];
				money take = left[k] < excess ? left[k] : excess;

				left[k] -= take;
				excess -= take;
				if (left[k] == 0) {
					left[k] = -1;   /* returned whole */
					top--;
				}
			}
			if (excess > 0 && rc == 0) {
				struct group **g = gt_sorted(s->customers);
				struct group *gr = find_group(g,
				    gt_count(s->customers), by_ordinal[ordinal]);

				f->id = gr->key;
				f->idlen = gr->keylen;
				f->src = v[j].refund_src;
				f->line = v[j].refund_line;
				f->when = v[j].refund_when;
				f->excess = excess;
				free(g);
				rc = -1;
			}
		}
		for (size_t k = i; k < j && rc == 0; k++)
			if (left[k] >= 0)
				count_period(s, by_ordinal[ordinal],
				    (int64_t)((v[k].key - 1) & ((1u << 23) - 1)) -
				    PERIOD_BIAS, (double)left[k] / MICROS_PER_UNIT);
	}
	free(stack);
	free(left);
	free(by_ordinal);
	free(v);
	u64map_free(t);
	free(t);
	s->net = NULL;
	return rc;
}

void
summariser_free(struct summariser *s)
{
	if (s->net != NULL) {
		u64map_free(s->net);
		free(s->net);
	}
	gt_free(s->customers, NULL);
	u64map_free(s->seen);
	free(s->seen);
}

double
summariser_repeats(const struct summariser *s, int64_t origin, double len,
    double *count, size_t n)
{
	int64_t *first = xcalloc(s->ncustomers ? s->ncustomers : 1,
	    sizeof *first);
	double total = 0;
	uint64_t key;
	size_t i;

	for (uint64_t c = 0; c < s->ncustomers; c++)
		first[c] = INT64_MAX;
	for (i = 0; i < n; i++)
		count[i] = 0;
	/* Each customer's first purchase period. */
	for (i = 0; u64map_next(s->seen, &i, &key) != NULL;) {
		uint64_t c = key >> 23;
		int64_t p = (int64_t)(key & (((uint64_t)1 << 23) - 1)) - PERIOD_BIAS;

		if (p < first[c])
			first[c] = p;
	}
	for (i = 0; u64map_next(s->seen, &i, &key) != NULL;) {
		uint64_t c = key >> 23;
		int64_t p = (int64_t)(key & (((uint64_t)1 << 23) - 1)) - PERIOD_BIAS;
		double k;

		if (p == first[c] || first[c] > s->cal_end || p < origin)
			continue;
		k = floor((double)(p - origin) / len);
		if (k < (double)n) {
			count[(size_t)k]++;
			total++;
		}
	}
	free(first);
	return total;
}
