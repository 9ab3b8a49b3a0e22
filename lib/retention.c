/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "cols.h"
#include "retention.h"
#include "rfm.h"
#include "rng.h"
#include "sbg.h"
#include "stats.h"

/* Roles of the subscription table, in this order. */
enum { SUB_CUSTOMER, SUB_START, SUB_END, SUB_AMOUNT, SUB_INTERVAL,
	SUB_CURRENCY, NSUB_ROLES };
static const struct role sub_roles[NSUB_ROLES] = {
	[SUB_CUSTOMER] = { "customer", "customer_id", 1 },
	[SUB_START] = { "start", "start", 1 },
	[SUB_END] = { "end", "end", 1 },
	[SUB_AMOUNT] = { "amount", "amount", 1 },
	[SUB_INTERVAL] = { "interval", "interval", 1 },
	[SUB_CURRENCY] = { "currency", "currency", 0 },
};

/* The orders table's roles, the currency after them. */
enum { ORD_CURRENCY = NORDER_ROLES, NORD_ROLES };

static void ret_fold(struct retention *rt, const struct ret_customer *c);

int64_t
ret_period_index(kpi_time t, int p, int fy_start)
{
	int64_t day = t >= 0 ? t / MS_PER_DAY : -((-t + MS_PER_DAY - 1) /
	    MS_PER_DAY);
	int64_t y, mi;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	mi = y * 12 + (int64_t)m - 1;
	if (p == PERIOD_MONTH)
		return mi;
	/* Fiscal years are named by the year they end in (period_label()). */
	mi -= fy_start - 1;
	if (fy_start != 1)
		mi += 12;
	if (p == PERIOD_QUARTER)
		return mi >= 0 ? mi / 3 : -((-mi + 2) / 3);
	return mi >= 0 ? mi / 12 : -((-mi + 11) / 12);
}

char *
ret_period_label(char *buf, int64_t i, int p, int fy_start)
{
	int64_t mi = i, y;

	if (p == PERIOD_QUARTER)
		mi = i * 3;
	else if (p == PERIOD_YEAR)
		mi = i * 12;
	if (p != PERIOD_MONTH) {
		mi += fy_start - 1;
		if (fy_start != 1)
			mi -= 12;
	}
	y = mi >= 0 ? mi / 12 : -((-mi + 11) / 12);
	return period_label(buf, days_from_civil(y, (unsigned)(mi - y * 12) + 1,
	    1) * MS_PER_DAY, p, fy_start);
}

int
ret_periods_per_year(int p)
{
	return p == PERIOD_MONTH ? 12 : p == PERIOD_QUARTER ? 4 : 1;
}

money
ret_monthly(money amount, int yearly)
{
	money q, r;

	if (!yearly)
		return amount;
	q = amount / 12;
	r = amount % 12;
	/* Amounts are never negative: round the remainder half to even. */
	if (r > 6 || (r == 6 && (q & 1)))
		q++;
	return q;
}

enum ret_move
ret_classify(money prev, money cur, int64_t gap, long long window)
{
	if (prev == 0 && cur == 0)
		return MOVE_NONE;
	if (prev == 0)
		return gap < 0 || (window >= 0 && gap > window) ? MOVE_NEW :
		    MOVE_REACTIVATION;
	if (cur == 0)
		return MOVE_CHURN;
	return cur > prev ? MOVE_EXPANSION : cur < prev ? MOVE_CONTRACTION :
	    MOVE_STAY;
}

void
retention_init(struct retention *rt, const struct kpi_opts *o,
    const struct ret_config *cfg, kpi_time now)
{
	memset(rt, 0, sizeof *rt);
	rt->cfg = *cfg;
	rt->o = o;
	rt->now = now;
	rt->gopts = o->group;
	rt->gopts.period = PERIOD_NONE;
	grouping_init(&rt->grouping, &rt->gopts);
	rt->bykeys = gt_new(sizeof(uint32_t));
	rt->first = INT64_MAX;
	rt->last = INT64_MIN;
}

/*
** Check the currency in column COL (none when negative) against the one
** seen first: amounts in two currencies are never added. ASCII case is
** ignored ("usd" is "USD").
*/
static int
check_currency(struct retention *rt, struct reader *r, const struct row *row,
    long col)
{
	const struct field *f;
	char esc[ESCAPED_MAX], first[ESCAPED_MAX];
	struct strbuf where = {0};

	if (col < 0)
		return 0;
	f = &row->f[col];
	if (f->len == 0)
		return rd_bad(r, row, col, "empty; with a currency column, every "
		    "amount needs its currency");
	if (rt->currency == NULL) {
		rt->currency = xmemdup(f->s, f->len);
		sb_printf(&where, "%s:%lu", rd_name(r), row->line);
		rt->currency_where = where.s;
		return 0;
	}
	if (strlen(rt->currency) == f->len &&
	    strncasecmp(rt->currency, f->s, f->len) == 0)
		return 0;
	return rd_bad(r, row, col, "'%s', but %s has '%s': amounts in two "
	    "currencies cannot be added", escape_text(esc, sizeof esc, f->s,
	    f->len), rt->currency_where, escape_text(first, sizeof first,
	    rt->currency, strlen(rt->currency)));
}

/* The amount in column COL of ROW, exactly, into *OUT: a number, not
** negative. rd_bad() and -1 when it is not. */
static int
get_amount(struct reader *r, const struct row *row, long col, money *out)
{
	const struct field *f = &row->f[col];
	char esc[ESCAPED_MAX];
	const char *err;

	if (f->len == 0)
		return rd_bad(r, row, col, "empty; a number is needed");
	if ((err = money_parse(f->s, f->len, out)) != NULL)
		return rd_bad(r, row, col, "'%s': %s", escape_text(esc,
		    sizeof esc, f->s, f->len), err);
	if (*out < 0)
		return rd_bad(r, row, col, "'%s': a negative amount; retention "
		    "counts payments, so net refunds out of the table first",
		    escape_text(esc, sizeof esc, f->s, f->len));
	return 0;
}

/* The number of the --by key K (KEYLEN bytes), given when first seen. */
static uint32_t
by_number(struct retention *rt, const char *k, size_t keylen)
{
	int created;
	struct group *g = gt_get(rt->bykeys, k, keylen, &created);
	uint32_t *n = g->state;

	if (created) {
		if (rt->nbyv == rt->capbyv) {
			rt->capbyv = rt->capbyv ? 2 * rt->capbyv : 16;
			rt->byv = xreallocarray(rt->byv, rt->capbyv,
			    sizeof *rt->byv);
		}
		*n = (uint32_t)rt->nbyv;
		rt->byv[rt->nbyv++] = g;
	}
	return *n;
}

/* Customer number K's state. */
static struct ret_customer *
cust_at(const struct retention *rt, size_t k)
{
	return &rt->seg[k >> RET_SEG_BITS][k & (((size_t)1 << RET_SEG_BITS) -
	    1)];
}

static const char *
cust_id(const struct ret_customer *c)
{
	return c->idlen <= RET_ID_INLINE ? c->id.in : c->id.p;
}

/* C's cells, sorted by period. */
static const struct ret_cell *
cust_cells(const struct ret_customer *c)
{
	return c->ncells <= RET_CELLS_INLINE ? c->cells.in : c->cells.p;
}

/* Room for N slots (a power of two), zeroed (big_alloc()). */
static uint64_t *
slots_alloc(size_t n)
{
	return big_alloc(n * sizeof(uint64_t));
}

static void
slots_free(uint64_t *v, unsigned bits)
{
	big_free(v, ((size_t)1 << bits) * sizeof *v);
}

/* Put number K of tag TAG in RT's slots (K is not there). */
static void
slot_put(uint64_t *slot, unsigned bits, uint32_t tag, size_t k)
{
	size_t mask = ((size_t)1 << bits) - 1;
	size_t i = (size_t)(tag >> (32 - bits));

	while (slot[i] != 0)
		i = (i + 1) & mask;
	slot[i] = (uint64_t)tag << 32 | (uint64_t)(k + 1);
}

/* Twice the slots (or the first 2^10 when there are none), every number
** placed again from its tag: no id is hashed again. */
static void
slots_grow(struct retention *rt)
{
	unsigned bits = rt->slot != NULL ? rt->bits + 1 : 10;
	uint64_t *v = slots_alloc((size_t)1 << bits);

	for (size_t i = 0; rt->slot != NULL && i < (size_t)1 << rt->bits; i++)
		if (rt->slot[i] != 0)
			slot_put(v, bits, (uint32_t)(rt->slot[i] >> 32),
			    (size_t)(uint32_t)rt->slot[i] - 1);
	slots_free(rt->slot, rt->bits);
	rt->slot = v;
	rt->bits = bits;
}

/* The first ID out of order: hash every id so far and keep slots from
** now on. */
static void
slots_start(struct retention *rt)
{
	for (rt->bits = 10; ((size_t)1 << rt->bits) < 2 * (rt->ncust + 1);
	    rt->bits++)
		;
	rt->slot = slots_alloc((size_t)1 << rt->bits);
	for (size_t k = 0; k < rt->ncust; k++) {
		struct ret_customer *c = cust_at(rt, k);

		c->tag = (uint32_t)(hash_keyed(cust_id(c), c->idlen) >> 32);
		slot_put(rt->slot, rt->bits, c->tag, k);
	}
}

/* Bring the first slot of the id of hash HASH into the cache. */
static void
slot_prefetch(const struct retention *rt, uint64_t hash)
{
	if (rt->slot != NULL)
		__builtin_prefetch(&rt->slot[hash >> (64 - rt->bits)]);
}

/* Bring the state of the id of hash HASH, if its slot is in the cache by
** now, into the cache too. */
static void
cust_prefetch(const struct retention *rt, uint64_t hash)
{
	size_t mask, i;

	if (rt->slot == NULL)
		return;
	mask = ((size_t)1 << rt->bits) - 1;
	for (i = (size_t)(hash >> (64 - rt->bits)); rt->slot[i] != 0;
	    i = (i + 1) & mask)
		if (rt->slot[i] >> 32 == hash >> 32) {
			__builtin_prefetch(cust_at(rt, (size_t)(uint32_t)
			    rt->slot[i] - 1));
			return;
		}
}

/* A new customer ID (LEN bytes), of tag TAG, numbered next. */
static size_t
cust_add(struct retention *rt, const char *id, size_t len, uint32_t tag)
{
	size_t k = rt->ncust;
	struct ret_customer *c;

	/* A slot's index is its tag's top bits: 2^31 customers at most, a
	** table of 2^32 slots. (An id is at most RD_MAX_FIELD bytes.) */
	if (k >= 0x7fffffffU)
		die(EX_SOFTWARE, "more than %u distinct ids", 0x7fffffffU);
	if (k >> RET_SEG_BITS == rt->nseg) {
		if (rt->nseg == rt->capseg) {
			rt->capseg = rt->capseg ? 2 * rt->capseg : 16;
			rt->seg = xreallocarray(rt->seg, rt->capseg,
			    sizeof *rt->seg);
		}
		rt->seg[rt->nseg++] = big_alloc(sizeof(struct ret_customer) <<
		    RET_SEG_BITS);
	}
	c = cust_at(rt, k);
	c->idlen = (uint32_t)len;
	if (len <= RET_ID_INLINE)
		memcpy(c->id.in, id, len);
	else
		c->id.p = arena_memdup(&rt->idmem, id, len);
	c->tag = tag;
	rt->ncust++;
	if (rt->slot != NULL) {
		if (2 * rt->ncust > (size_t)1 << rt->bits)
			slots_grow(rt);
		slot_put(rt->slot, rt->bits, tag, k);
	}
	return k;
}

/*
** The number of customer ID (LEN bytes), *CREATED 1 when it is new (then
** its state is zero but for its id). HASH is the id's hash_keyed(), or
** NULL when not yet known.
*/
static size_t
cust_find(struct retention *rt, const char *id, size_t len,
    const uint64_t *hash, int *created)
{
	const struct ret_customer *c;
	uint64_t h;
	size_t mask, i;

	*created = 0;
	/* The last customer again: every row of an export sorted by
	** customer after its first. */
	if (rt->ncust > 0) {
		c = cust_at(rt, rt->found);
		if (c->idlen == len && memcmp(cust_id(c), id, len) == 0)
			return rt->found;
	}
	if (rt->slot == NULL) {
		int cmp = 0;

		if (rt->ncust > 0) {
			size_t n;

			c = cust_at(rt, rt->ncust - 1);
			n = c->idlen < len ? c->idlen : len;
			cmp = memcmp(id, cust_id(c), n);
			if (cmp == 0)
				cmp = len < c->idlen ? -1 : len > c->idlen;
		}
		if (rt->ncust == 0 || cmp > 0) {
			*created = 1;
			return rt->found = cust_add(rt, id, len, 0);
		}
		slots_start(rt);
	}
	h = hash != NULL ? *hash : hash_keyed(id, len);
	mask = ((size_t)1 << rt->bits) - 1;
	for (i = (size_t)(h >> (64 - rt->bits)); rt->slot[i] != 0;
	    i = (i + 1) & mask)
		if (rt->slot[i] >> 32 == h >> 32) {
			size_t k = (size_t)(uint32_t)rt->slot[i] - 1;

			c = cust_at(rt, k);
			if (c->idlen == len && memcmp(cust_id(c), id, len) == 0)
				return rt->found = k;
		}
	*created = 1;
	return rt->found = cust_add(rt, id, len, (uint32_t)(h >> 32));
}

/* Give customer C, new (CREATED) or dated WHEN before its first row so
** far (*FIRST_WHEN, kept with --by), the --by values of ROW. */
static void
set_by(struct retention *rt, struct ret_customer *c, kpi_time *first_when,
    int created, const struct row *row, kpi_time when)
{
	const struct strbuf *g;

	if (rt->grouping.nby == 0) {
		/* One key for every customer: the first's. */
		if (created)
			c->by = 0;
		return;
	}
	if (!created && when >= *first_when)
		return;
	g = grouping_key(&rt->grouping, row, when);
	c->by = by_number(rt, g->s, g->len);
	*first_when = when;
}

/* set_by() for customer number K. */
static void
cust_by(struct retention *rt, size_t k, int created, const struct row *row,
    kpi_time when)
{
	if (rt->grouping.nby > 0 && created && k == rt->capwhen) {
		rt->capwhen = rt->capwhen ? 2 * rt->capwhen : 1024;
		rt->first_when = xreallocarray(rt->first_when, rt->capwhen,
		    sizeof *rt->first_when);
	}
	set_by(rt, cust_at(rt, k), rt->grouping.nby > 0 ? &rt->first_when[k] :
	    NULL, created, row, when);
}

/* The period index of T, as ret_period_index() gives it; remembered for
** RET_MEMO days (an order log's days are few; the calendar's arithmetic
** costs divisions). */
static int64_t
period_of(struct retention *rt, kpi_time t)
{
	int64_t day = t >= 0 ? t / MS_PER_DAY : -((-t + MS_PER_DAY - 1) /
	    MS_PER_DAY);

	struct ret_memo *m = &rt->memo[(uint64_t)day % RET_MEMO];

	if (!m->set || m->day != day) {
		m->set = 1;
		m->day = day;
		m->period = ret_period_index(day * MS_PER_DAY, rt->cfg.period,
		    rt->cfg.fy_start);
	}
	return m->period;
}

/* A date read: the data's periods run to the latest one not after NOW. */
static void
saw_date(struct retention *rt, kpi_time t)
{
	int64_t p;

	if (t > rt->now)
		return;
	p = period_of(rt, t);
	if (p > rt->last)
		rt->last = p;
}

/* The size class of an array of N > 0 cells: the K of 2^K >= N. */
static unsigned
cell_class(size_t n)
{
	unsigned k = 0;

	while (((size_t)1 << k) < n)
		k++;
	return k;
}

/* Room for 2^K cells from RT's pool: a freed array of that size, or new
** memory from its arena (no malloc() a customer, no free() at the end). */
static struct ret_cell *
cells_take(struct retention *rt, unsigned k)
{
	/* K <= 32: NCELLS is 32 bits (and periods are fewer than 120000). */
	struct ret_cell *v = rt->freecells[k];

	if (v == NULL)
		return arena_alloc(&rt->cellmem, sizeof *v << k);
	memcpy(&rt->freecells[k], v, sizeof v);
	return v;
}

/* Give back the array V of 2^K cells to RT's pool. */
static void
cells_give(struct retention *rt, struct ret_cell *v, unsigned k)
{
	memcpy(v, &rt->freecells[k], sizeof v);
	rt->freecells[k] = v;
}

/* Add AMOUNT to C's period P; -1 (C unchanged) when the sum leaves the
** range of money. */
static int
add_cell(struct retention *rt, struct ret_customer *c, int64_t p,
    money amount)
{
	struct ret_cell *v = c->ncells <= RET_CELLS_INLINE ? c->cells.in :
	    c->cells.p;
	size_t n = c->ncells, lo = 0, hi = n;

	/* Orders mostly come in time order: try the end first. */
	if (hi > 0 && v[hi - 1].period < p)
		lo = hi;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].period < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && v[lo].period == p)
		return money_add(&v[lo].amount, amount);
	/* Full: the line's cells move to the pool, and an array of the pool,
	** full at a power of two, to one twice as large. */
	if (n == RET_CELLS_INLINE || (n > RET_CELLS_INLINE &&
	    (n & (n - 1)) == 0)) {
		unsigned k = cell_class(n + 1);
		struct ret_cell *w = cells_take(rt, k);

		memcpy(w, v, n * sizeof *v);
		if (n > RET_CELLS_INLINE)
			cells_give(rt, v, k - 1);
		c->cells.p = v = w;
	}
	if (lo < n)
		memmove(v + lo + 1, v + lo, (n - lo) * sizeof *v);
	v[lo] = (struct ret_cell){ p, amount };
	c->ncells++;
	/* The data's first period: the earliest cell of any customer. */
	if (p < rt->first)
		rt->first = p;
	return 0;
}

/*
** An order read but not yet added to its customer: rows are taken a batch
** at a time, so that the slots and states of the batch's customers,
** scattered over a large table when the rows come in date order, are
** fetched from memory side by side rather than one after the other.
*/
struct pending {
	uint64_t hash;          /* of the id, when HASHED */
	size_t idoff, idlen;    /* in the batch's IDS */
	int64_t period;
	money amount;
	int hashed;
};

/* Orders in a batch; a customer's state is fetched RET_AHEAD orders before
** its own turn. */
#define RET_BATCH 32
#define RET_AHEAD 8

struct batch {
	struct pending v[RET_BATCH];
	size_t n;
	struct strbuf ids;      /* the ids, one after another */
};

/* Hash B's order I, if not yet, and fetch its state. */
static void
batch_fetch(struct retention *rt, struct pending *o, const char *id)
{
	if (rt->slot == NULL)
		return;
	if (!o->hashed) {
		o->hash = hash_keyed(id, o->idlen);
		o->hashed = 1;
	}
	cust_prefetch(rt, o->hash);
}

/* Add B's orders to their customers, in the order read. An order's sum
** cannot leave money's range here (see struct retention's TOTAL). */
static void
batch_flush(struct retention *rt, struct batch *b)
{
	for (size_t i = 0; i < b->n && i < RET_AHEAD; i++)
		batch_fetch(rt, &b->v[i], b->ids.s + b->v[i].idoff);
	for (size_t i = 0; i < b->n; i++) {
		struct pending *o = &b->v[i];
		int created;
		size_t k;

		if (i + RET_AHEAD < b->n)
			batch_fetch(rt, &b->v[i + RET_AHEAD], b->ids.s +
			    b->v[i + RET_AHEAD].idoff);
		k = cust_find(rt, b->ids.s + o->idoff, o->idlen, o->hashed ?
		    &o->hash : NULL, &created);
		if (created)
			cust_at(rt, k)->by = 0;
		if (o->amount > 0)
			(void)add_cell(rt, cust_at(rt, k), o->period, o->amount);
	}
	b->n = 0;
	sb_reset(&b->ids);
}

/* ROW's amount in column COL took its customer's sum in the period out of
** money's range. */
static void
bad_sum(struct reader *r, const struct row *row, long col)
{
	rd_bad(r, row, col, "the customer's sum in the period is out of range "
	    "of exact money (up to 9223372036854.775807)");
}

/* Streaming: count the customer being read into the sums, and forget it
** (its cells back to the pool). */
static void
stream_fold(struct retention *rt)
{
	struct ret_customer *c = &rt->cur;

	ret_fold(rt, c);
	if (c->ncells > RET_CELLS_INLINE)
		cells_give(rt, c->cells.p, cell_class(c->ncells));
	c->ncells = 0;
}

/*
** Streaming: add the order ORD of ROW (of period P, AMOUNT in column COL)
** to the customer being read, or when ORD's id comes after that
** customer's, count that one in and start ORD's. -1 (RT broken, nothing
** changed) when ORD's id comes before it: the rows are not sorted by
** customer.
*/
static int
stream_order(struct retention *rt, struct reader *r, const struct row *row,
    const struct order *ord, int64_t p, money amount, long col)
{
	struct ret_customer *c = &rt->cur;
	int created = 0;

	if (!rt->stream_open || rt->curid.len != ord->idlen ||
	    memcmp(rt->curid.s, ord->id, ord->idlen) != 0) {
		if (rt->stream_open) {
			size_t n = rt->curid.len < ord->idlen ? rt->curid.len :
			    ord->idlen;
			int cmp = memcmp(ord->id, rt->curid.s, n);

			if (cmp < 0 || (cmp == 0 && ord->idlen < rt->curid.len)) {
				rt->broken = 1;
				sb_printf(&rt->broken_at, "%s:%lu", rd_name(r),
				    row->line);
				return -1;
			}
			stream_fold(rt);
		}
		sb_reset(&rt->curid);
		sb_add(&rt->curid, ord->id, ord->idlen);
		rt->stream_open = 1;
		created = 1;
	}
	set_by(rt, c, &rt->cur_when, created, row, ord->when);
	if (amount > 0 && add_cell(rt, c, p, amount) < 0)
		bad_sum(r, row, col);
	return 0;
}

/* Streaming, once every row is read: count the last customer in. */
static void
stream_end(struct retention *rt)
{
	if (rt->stream_open)
		stream_fold(rt);
	rt->stream_open = 0;
}

static void
read_orders(struct retention *rt, struct reader *r, unsigned char *want)
{
	struct role roles[NORD_ROLES];
	long col[NORD_ROLES], nocol[NORD_ROLES];
	const struct row *row;
	struct batch b = { .n = 0 };
	struct order ord;
	money amount;
	int rc;

	memcpy(roles, order_roles, sizeof order_roles);
	roles[ORDER_AMOUNT].required = 1;
	roles[ORD_CURRENCY] = sub_roles[SUB_CURRENCY];
	if (cols_bind(r, roles, NORD_ROLES, &rt->o->cols, col) < 0 ||
	    grouping_bind(&rt->grouping, r, want) < 0)
		rd_die(r);
	for (int k = 0; k < NORD_ROLES; k++)
		if (col[k] >= 0)
			want[col[k]] = 1;
	rd_want(r, want);
	/* order_decode() reads the id and date; the amount is read here,
	** exactly. */
	memcpy(nocol, col, sizeof col);
	nocol[ORDER_AMOUNT] = -1;
	while ((rc = rd_next(r, &row)) > 0) {
		struct pending *o;
		int created;
		int64_t p;
		size_t k;

		if (order_decode(r, row, nocol, &rt->o->dates, &rt->dmemo,
		    rt->now, &ord) < 0 || get_amount(r, row, col[ORDER_AMOUNT],
		    &amount) < 0 || check_currency(rt, r, row,
		    col[ORD_CURRENCY]) < 0)
			continue;
		/* saw_date(), once: order_decode() passes no date after NOW. */
		if ((p = period_of(rt, ord.when)) > rt->last)
			rt->last = p;
		if (rt->stream) {
			if (stream_order(rt, r, row, &ord, p, amount,
			    col[ORDER_AMOUNT]) < 0)
				break;
			continue;
		}
		/* A batch while no sum can leave money's range and no --by
		** key is read from the row. */
		if (rt->grouping.nby == 0 && !rt->total_over &&
		    money_add(&rt->total, amount) == 0) {
			o = &b.v[b.n++];
			o->idoff = b.ids.len;
			o->idlen = ord.idlen;
			o->period = p;
			o->amount = amount;
			o->hashed = rt->slot != NULL;
			if (o->hashed) {
				o->hash = hash_keyed(ord.id, ord.idlen);
				slot_prefetch(rt, o->hash);
			}
			sb_add(&b.ids, ord.id, ord.idlen);
			if (b.n == RET_BATCH)
				batch_flush(rt, &b);
			continue;
		}
		rt->total_over = 1;
		batch_flush(rt, &b);
		k = cust_find(rt, ord.id, ord.idlen, NULL, &created);
		cust_by(rt, k, created, row, ord.when);
		if (amount > 0 && add_cell(rt, cust_at(rt, k), p, amount) < 0)
			bad_sum(r, row, col[ORDER_AMOUNT]);
	}
	if (rc < 0)
		rd_die(r);
	batch_flush(rt, &b);
	sb_free(&b.ids);
}

/* The date in column COL of ROW into *T; rd_bad() and -1 when bad. */
static int
get_date(struct retention *rt, struct reader *r, const struct row *row,
    long col, kpi_time *t)
{
	const struct field *f = &row->f[col];
	const char *err;

	if ((err = date_parse(f->s, f->len, &rt->o->dates, t)) != NULL)
		return rd_bad_date(r, row, col, f->s, f->len, err);
	return 0;
}

/* Decode subscription ROW (columns COL) and add it to its customer. */
static int
add_subscription(struct retention *rt, struct reader *r,
    const struct row *row, const long *col)
{
	const struct field *id = &row->f[col[SUB_CUSTOMER]];
	const struct field *end = &row->f[col[SUB_END]];
	const struct field *iv = &row->f[col[SUB_INTERVAL]];
	char esc[ESCAPED_MAX], esc2[ESCAPED_MAX];
	kpi_time start, stop = 0;
	struct ret_subs *c;
	struct ret_sub s;
	money amount, sum;
	int yearly, created;
	size_t k;

	if (id->len == 0)
		return rd_bad(r, row, col[SUB_CUSTOMER], "empty customer id");
	if (row->f[col[SUB_START]].len == 0)
		return rd_bad(r, row, col[SUB_START], "empty; every subscription "
		    "needs a start date");
	if (get_date(rt, r, row, col[SUB_START], &start) < 0 ||
	    (end->len > 0 && get_date(rt, r, row, col[SUB_END], &stop) < 0))
		return -1;
	if (end->len > 0 && stop < start)
		return rd_bad(r, row, col[SUB_END], "'%s' is before the start, "
		    "'%s'", escape_text(esc, sizeof esc, end->s, end->len),
		    escape_text(esc2, sizeof esc2, row->f[col[SUB_START]].s,
		    row->f[col[SUB_START]].len));
	if (get_amount(r, row, col[SUB_AMOUNT], &amount) < 0)
		return -1;
	if (iv->len == 5 && strncasecmp(iv->s, "month", 5) == 0)
		yearly = 0;
	else if (iv->len == 4 && strncasecmp(iv->s, "year", 4) == 0)
		yearly = 1;
	else
		return rd_bad(r, row, col[SUB_INTERVAL], "'%s': the interval is "
		    "month or year", escape_text(esc, sizeof esc, iv->s,
		    iv->len));
	if (check_currency(rt, r, row, col[SUB_CURRENCY]) < 0)
		return -1;
	s.monthly = ret_monthly(amount, yearly);
	s.from = ret_period_index(start, rt->cfg.period, rt->cfg.fy_start);
	s.to = end->len > 0 ? ret_period_index(stop, rt->cfg.period,
	    rt->cfg.fy_start) : INT64_MAX;
	k = cust_find(rt, id->s, id->len, NULL, &created);
	cust_by(rt, k, created, row, start);
	if (k == rt->capsubs) {
		rt->capsubs = rt->capsubs ? 2 * rt->capsubs : 1024;
		rt->subs = xreallocarray(rt->subs, rt->capsubs, sizeof *rt->subs);
	}
	c = &rt->subs[k];
	if (created)
		*c = (struct ret_subs){ NULL, 0, 0 };
	/* Any period's MRR is at most the sum of all its subscriptions'. */
	sum = s.monthly;
	for (size_t i = 0; i < c->n; i++)
		if (money_add(&sum, c->v[i].monthly) < 0)
			return rd_bad(r, row, col[SUB_AMOUNT], "the sum of the "
			    "customer's monthly amounts is out of range of exact "
			    "money (up to 9223372036854.775807)");
	saw_date(rt, start);
	if (end->len > 0)
		saw_date(rt, stop);
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 2;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n++] = s;
	return 0;
}

static void
read_subscriptions(struct retention *rt, struct reader *r,
    unsigned char *want)
{
	long col[NSUB_ROLES];
	const struct row *row;
	int rc;

	if (cols_bind(r, sub_roles, NSUB_ROLES, &rt->o->cols, col) < 0 ||
	    grouping_bind(&rt->grouping, r, want) < 0)
		rd_die(r);
	for (int k = 0; k < NSUB_ROLES; k++)
		if (col[k] >= 0)
			want[col[k]] = 1;
	rd_want(r, want);
	while ((rc = rd_next(r, &row)) > 0)
		add_subscription(rt, r, row, col);
	if (rc < 0)
		rd_die(r);
}

void
retention_check_cols(const struct kpi_opts *o, int subscriptions)
{
	struct role roles[NORD_ROLES];

	if (subscriptions) {
		cols_check_roles(&o->cols, sub_roles, NSUB_ROLES);
		return;
	}
	memcpy(roles, order_roles, sizeof order_roles);
	roles[ORD_CURRENCY] = sub_roles[SUB_CURRENCY];
	cols_check_roles(&o->cols, roles, NORD_ROLES);
}

void
retention_read(struct retention *rt, struct reader *r)
{
	unsigned char *want = xcalloc(rd_header(r)->n, 1);

	/* Without --by every customer's key is the one, number 0. */
	if (rt->grouping.nby == 0) {
		const struct strbuf *g = grouping_key_fields(&rt->grouping,
		    NULL, 0);

		by_number(rt, g->s, g->len);
	}
	if (rt->cfg.subscriptions)
		read_subscriptions(rt, r, want);
	else
		read_orders(rt, r, want);
	free(want);
}

/* Read every input of RT's options into RT, as RO says, until the
** stream breaks. */
static void
read_inputs(struct retention *rt, const struct rd_opts *ro)
{
	const struct kpi_opts *o = rt->o;

	for (size_t i = 0; i < o->nfiles && !rt->broken; i++) {
		struct reader *r = rd_open_or_die(o->files[i], ro);

		retention_read(rt, r);
		rd_close(r);
	}
}

void
retention_read_all(struct retention *rt)
{
	const struct kpi_opts *o = rt->o;
	struct strbuf *notes = o->rd.notes;
	size_t mark = notes != NULL ? notes->len : 0;
	struct ret_config cfg = rt->cfg;
	kpi_time now = rt->now;
	struct strbuf at = {0};
	struct rd_opts ro;
	int can = !cfg.subscriptions && cfg.mode != RET_PROJECT;

	rt->stream = can && opts_rereadable(o);
	read_inputs(rt, &o->rd);
	if (!rt->broken) {
		if (o->explain && rt->stream)
			note(notes, "the rows came sorted by customer: each "
			    "customer was counted as its rows ended, none kept");
		else if (o->explain && can)
			note(notes, "every customer kept until the end: standard "
			    "input and pipes cannot be read again, should their "
			    "rows not come sorted by customer");
		return;
	}
	/* Not sorted by customer: again from the start, every customer
	** kept. */
	sb_adds(&at, rt->broken_at.s);
	retention_free(rt);
	retention_init(rt, o, &cfg, now);
	if (notes != NULL && notes->len > mark) {
		notes->len = mark;
		notes->s[mark] = '\0';
	}
	if (o->rd.progress != NULL)
		progress_rewind(o->rd.progress);        /* counted again */
	/* The columns were told on the first read. */
	ro = o->rd;
	ro.explain = 0;
	read_inputs(rt, &ro);
	if (o->explain)
		note(notes, "%s: an id before the one above it: the rows are "
		    "not sorted by customer, so they were read again from the "
		    "start, every customer kept", at.s);
	sb_free(&at);
}

/* An event of a customer's MRR: DELTA from period P on. */
struct sub_event {
	int64_t p;
	money delta;
};

static int
cmp_event(const void *a, const void *b)
{
	const struct sub_event *x = a, *y = b;

	return (x->p > y->p) - (x->p < y->p);
}

/* Turn customer K's subscriptions into cells, up to period LAST. */
static void
expand_subs(struct retention *rt, size_t k, int64_t last)
{
	struct ret_subs *c = &rt->subs[k];
	struct sub_event *ev = xreallocarray(NULL, 2 * c->n + 1,
	    sizeof *ev);
	size_t n = 0;
	money mrr = 0;

	for (size_t i = 0; i < c->n; i++) {
		ev[n++] = (struct sub_event){ c->v[i].from, c->v[i].monthly };
		if (c->v[i].to != INT64_MAX)
			ev[n++] = (struct sub_event){ c->v[i].to,
			    -c->v[i].monthly };
	}
	qsort(ev, n, sizeof *ev, cmp_event);
	/* The MRR is constant from one event's period to the next's. The
	** sum of all monthly amounts was checked to fit (add_subscription). */
	for (size_t i = 0; i < n; ) {
		int64_t p = ev[i].p, next;

		for (; i < n && ev[i].p == p; i++)
			mrr += ev[i].delta;
		next = i < n ? ev[i].p : last + 1;
		if (next > last + 1)
			next = last + 1;
		for (int64_t q = p; mrr > 0 && q < next; q++)
			add_cell(rt, cust_at(rt, k), q, mrr);
	}
	free(ev);
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
}

/* One row of the bridge. */
struct ret_row {
	money start, new_, expansion, contraction, churn, reactivation, end;
	uint64_t customers_start, new_customers, churned_customers,
	    reactivated_customers, customers_end;
};

/* A customer's part in one period, for the bootstrap. */
struct contrib {
	double start, new_, expansion, contraction, churn, reactivation;
};

struct contribs {
	struct contrib *v;
	size_t n, cap;
};

/* One cohort of a group: its size, and per age the customers paying
** and their amounts (NAGES ages held, from 0). */
struct cohort {
	uint64_t size;
	size_t nages;
	uint64_t *retained;
	money *revenue;
};

/*
** One group (a --by key, or the total): its sums per period. While the
** customers are counted in, the periods held run from LO, N of them,
** and grow as customers bring others (a customer folded while the data
** are read cannot know the data's periods yet); group_fit() then puts
** them on the data's periods, index 0 the data's first.
*/
struct ret_group {
	int64_t first;          /* the group's first paying period */
	int64_t lo;             /* the period of index 0 */
	size_t n;               /* periods held */
	int64_t over;           /* the earliest period with a sum out of
	                           money's range; INT64_MAX: none */
	struct ret_row *rows;
	struct contribs *contribs;      /* --rates */
	struct cohort **cohorts;        /* --cohorts */
};

/*
** The groups' sums: the customers are counted into them one by one
** (ret_fold()), while reading when the rows come sorted by customer,
** else once every row is read.
*/
struct ret_sums {
	struct group_table *groups;     /* --by key -> struct ret_group */
	struct ret_group total;         /* with --total */
	void **cache;                   /* by --by key number: its group */
	size_t ncache;
};

/* The run's state while writing. */
struct ret_out {
	struct retention *rt;
	int64_t n;              /* periods */
	struct writer *w;
	uint64_t rng;
};

/* Add X to *SUM, the sum of G in period P; out of money's range, G
** remembers P (group_fit() dies then, if P is one of the data's). */
static void
sum_to(struct ret_group *g, money *sum, money x, int64_t p)
{
	if (money_add(sum, x) < 0 && p < g->over)
		g->over = p;
}

/* A new array of N elements of SIZE bytes, zero but for the M of OLD
** (freed) put at index AT. */
static void *
regrow(void *old, size_t m, size_t at, size_t n, size_t size)
{
	char *v = xcalloc(n, size);

	if (m > 0)
		memcpy(v + at * size, old, m * size);
	free(old);
	return v;
}

/*
** Make G hold periods FROM to TO (FROM <= TO), its arrays grown with
** room to spare on the side that grew (twice what it held), so that
** customers met in any order of their periods cost amortized O(1) each.
*/
static void
group_reach(const struct retention *rt, struct ret_group *g, int64_t from,
    int64_t to)
{
	int64_t lo, hi, spare;
	size_t n, at;

	if (g->n > 0 && from >= g->lo && to < g->lo + (int64_t)g->n)
		return;
	if (g->n == 0) {
		g->first = g->over = INT64_MAX;
		lo = from;
		hi = to + 1;
	} else {
		spare = (int64_t)g->n;
		lo = from < g->lo ? from - spare : g->lo;
		hi = to >= g->lo + (int64_t)g->n ? to + 1 + spare :
		    g->lo + (int64_t)g->n;
	}
	n = (size_t)(hi - lo);
	at = g->n > 0 ? (size_t)(g->lo - lo) : 0;
	g->rows = regrow(g->rows, g->n, at, n, sizeof *g->rows);
	if (rt->cfg.mode == RET_RATES)
		g->contribs = regrow(g->contribs, g->n, at, n,
		    sizeof *g->contribs);
	if (rt->cfg.mode == RET_COHORTS)
		g->cohorts = regrow(g->cohorts, g->n, at, n,
		    sizeof *g->cohorts);
	g->lo = lo;
	g->n = n;
}

static void
add_contrib(struct ret_group *g, int64_t p, struct contrib c)
{
	struct contribs *cs = &g->contribs[p - g->lo];

	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? 2 * cs->cap : 8;
		cs->v = xreallocarray(cs->v, cs->cap, sizeof *cs->v);
	}
	cs->v[cs->n++] = c;
}

/* The cohort of G first paying in period C0, with room for ages up to
** AGE at least. */
static struct cohort *
cohort_at(struct ret_group *g, int64_t c0, size_t age)
{
	struct cohort **hp = &g->cohorts[c0 - g->lo], *h = *hp;
	size_t n;

	if (h == NULL)
		h = *hp = xcalloc(1, sizeof *h);
	if (age >= h->nages) {
		n = h->nages ? 2 * h->nages : 4;
		if (n <= age)
			n = age + 1;
		h->retained = regrow(h->retained, h->nages, 0, n,
		    sizeof *h->retained);
		h->revenue = regrow(h->revenue, h->nages, 0, n,
		    sizeof *h->revenue);
		h->nages = n;
	}
	return h;
}

/*
** Count customer C into group G: its moves in each period it paid in,
** and its churn in the period after each run of them. A churn past the
** data's last period is counted here too (the last is not known while
** reading) and left out by group_fit().
*/
static void
add_customer(const struct retention *rt, struct ret_group *g,
    const struct ret_customer *c)
{
	const struct ret_cell *cells = cust_cells(c);
	int64_t c0 = cells[0].period;

	group_reach(rt, g, c0, cells[c->ncells - 1].period + 1);
	if (c0 < g->first)
		g->first = c0;
	if (g->cohorts != NULL) {
		struct cohort *h = cohort_at(g, c0, (size_t)(cells[c->ncells -
		    1].period - c0));

		h->size++;
		for (size_t i = 0; i < c->ncells; i++) {
			size_t a = (size_t)(cells[i].period - c0);

			h->retained[a]++;
			sum_to(g, &h->revenue[a], cells[i].amount,
			    cells[i].period);
		}
	}
	for (size_t i = 0; i < c->ncells; i++) {
		int64_t p = cells[i].period;
		money cur = cells[i].amount, prev = 0;
		int64_t gap = -1;
		struct ret_row *row = &g->rows[p - g->lo];
		struct contrib ct = {0};

		if (i > 0) {
			gap = p - cells[i - 1].period - 1;
			if (gap == 0)
				prev = cells[i - 1].amount;
		}
		ct.start = (double)prev / MICROS_PER_UNIT;
		sum_to(g, &row->end, cur, p);
		row->customers_end++;
		switch (ret_classify(prev, cur, gap, rt->cfg.window)) {
		case MOVE_NEW:
			sum_to(g, &row->new_, cur, p);
			row->new_customers++;
			ct.new_ = (double)cur / MICROS_PER_UNIT;
			break;
		case MOVE_REACTIVATION:
			sum_to(g, &row->reactivation, cur, p);
			row->reactivated_customers++;
			ct.reactivation = (double)cur / MICROS_PER_UNIT;
			break;
		case MOVE_EXPANSION:
			sum_to(g, &row->expansion, cur - prev, p);
			ct.expansion = (double)(cur - prev) / MICROS_PER_UNIT;
			break;
		case MOVE_CONTRACTION:
			sum_to(g, &row->contraction, prev - cur, p);
			ct.contraction = (double)(prev - cur) / MICROS_PER_UNIT;
			break;
		default:
			break;
		}
		if (g->contribs != NULL)
			add_contrib(g, p, ct);
		/* It stops paying in the next period: churn there. */
		if (i + 1 == c->ncells || cells[i + 1].period > p + 1) {
			row = &g->rows[p + 1 - g->lo];
			sum_to(g, &row->churn, cur, p + 1);
			row->churned_customers++;
			if (g->contribs != NULL)
				add_contrib(g, p + 1, (struct contrib){ .start =
				    (double)cur / MICROS_PER_UNIT, .churn =
				    (double)cur / MICROS_PER_UNIT });
		}
	}
}

/*
** Put G's sums on the data's OUT->n periods from the data's first (index
** 0), those past its last left out; then die (exit 65) if a sum there is
** out of money's range, naming the earliest such period.
*/
static void
group_fit(const struct ret_out *out, struct ret_group *g)
{
	const struct retention *rt = out->rt;
	size_t n = (size_t)out->n;
	struct ret_row *rows = xcalloc(n, sizeof *rows);
	struct contribs *cs = NULL;
	struct cohort **hs = NULL;
	char buf[PERIOD_BUFSIZE];

	if (g->n > 0 && g->over <= rt->last)
		die(EX_DATAERR, "the sum of the amounts in %s is out of range of "
		    "exact money (up to 9223372036854.775807)",
		    ret_period_label(buf, g->over, rt->cfg.period,
		    rt->cfg.fy_start));
	if (rt->cfg.mode == RET_RATES)
		cs = xcalloc(n, sizeof *cs);
	if (rt->cfg.mode == RET_COHORTS)
		hs = xcalloc(n, sizeof *hs);
	for (size_t i = 0; i < g->n; i++) {
		int64_t p = g->lo + (int64_t)i;
		int in = p >= rt->first && p <= rt->last;
		size_t k = (size_t)(p - rt->first);

		if (in)
			rows[k] = g->rows[i];
		if (cs != NULL && in)
			cs[k] = g->contribs[i];
		else if (cs != NULL)
			free(g->contribs[i].v);
		/* A cohort's period is one of the data's (its first
		** payment's); every age to the data's last is written. */
		if (hs != NULL && g->cohorts[i] != NULL && in)
			hs[k] = cohort_at(g, p, (size_t)(rt->last - p));
	}
	if (g->n == 0)
		g->first = INT64_MAX;
	free(g->rows);
	free(g->contribs);
	free(g->cohorts);
	g->rows = rows;
	g->contribs = cs;
	g->cohorts = hs;
	g->lo = rt->first;
	g->n = n;
}

/* Each period's start is the end of the one before; then check that the
** moves add up, on every row of every group. */
static void
close_group(const struct ret_out *out, struct ret_group *g)
{
	for (int64_t k = 1; k < out->n; k++) {
		g->rows[k].start = g->rows[k - 1].end;
		g->rows[k].customers_start = g->rows[k - 1].customers_end;
	}
	for (int64_t k = 0; k < out->n; k++) {
		const struct ret_row *r = &g->rows[k];
		__int128 sum = (__int128)r->start + r->new_ + r->reactivation +
		    r->expansion - r->contraction - r->churn;
		char buf[PERIOD_BUFSIZE];

		if (sum != r->end || r->customers_start + r->new_customers +
		    r->reactivated_customers - r->churned_customers !=
		    r->customers_end)
			die(EX_SOFTWARE, "internal error: the bridge of %s does "
			    "not add up", ret_period_label(buf, out->rt->first + k,
			    out->rt->cfg.period, out->rt->cfg.fy_start));
	}
}

static void
write_by(const struct ret_out *out, const struct group *grp)
{
	size_t nby = out->rt->grouping.nby;
	const char *part = grp != NULL ? grp->key : NULL;

	for (size_t i = 0; i < nby; i++) {
		if (grp == NULL) {
			wr_str(out->w, "(all)");
			continue;
		}
		wr_str(out->w, part);
		part = key_next(part, grp->key + grp->keylen);
	}
}

static void
write_period(const struct ret_out *out, int64_t p)
{
	char buf[PERIOD_BUFSIZE];

	wr_str(out->w, ret_period_label(buf, p, out->rt->cfg.period,
	    out->rt->cfg.fy_start));
}

static void
write_by_header(const struct ret_out *out)
{
	for (size_t i = 0; i < out->rt->grouping.nby; i++)
		wr_str(out->w, out->rt->grouping.by[i]);
}

static void
header(struct writer *w, const char *const *names)
{
	for (; *names != NULL; names++)
		wr_str(w, *names);
	wr_end(w);
}

static void
bridge_row(const struct ret_out *out, const struct ret_group *g, int64_t k)
{
	const struct ret_row *r = &g->rows[k];
	struct writer *w = out->w;

	money_write(w, r->start);
	money_write(w, r->new_);
	money_write(w, r->expansion);
	money_write(w, r->contraction);
	money_write(w, r->churn);
	money_write(w, r->reactivation);
	money_write(w, r->end);
	wr_int(w, (int64_t)r->customers_start);
	wr_int(w, (int64_t)r->new_customers);
	wr_int(w, (int64_t)r->churned_customers);
	wr_int(w, (int64_t)r->reactivated_customers);
	wr_int(w, (int64_t)r->customers_end);
	wr_end(w);
}

/* The ratio of two amounts; NaN over 0. */
static double
mratio(__int128 num, money den)
{
	return den != 0 ? (double)num / (double)den : NAN;
}

/* The four bootstrapped ratios, in this order. */
enum { BS_GRR, BS_NRR, BS_QR, BS_QRR, NBS };

static int
cmp_contrib(const void *a, const void *b)
{
	const double *x = a, *y = b;

	for (size_t i = 0; i < sizeof(struct contrib) / sizeof(double); i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

/*
** A customer's part in a row, as the bootstrap resamples it: START, and
** VAL the one other nonzero part (add_customer() makes at most one of new,
** expansion, contraction, churn and reactivation nonzero), in the sum of
** KIND (1-5 those, in this order; 0 none).
*/
struct bs_part {
	double start, val;
};

/* Draws made ahead, a block at a time. */
#define BS_BLOCK 256

/* The one-hot rows that put a part's VAL in the sum of its kind. */
static const double bs_put[6][5] = {
	{ 0, 0, 0, 0, 0 }, { 1, 0, 0, 0, 0 }, { 0, 1, 0, 0, 0 },
	{ 0, 0, 1, 0, 0 }, { 0, 0, 0, 1, 0 }, { 0, 0, 0, 0, 1 },
};

/*
** The bootstrap intervals of the ratios of row CS: B resamples of its
** customers, with replacement; the 2.5% and 97.5% quantiles (type 7) of
** the defined replicates. NaN when none is defined. The customers are
** sorted by their parts first, so that the order of the input rows does
** not matter.
**
** Method, for speed with the same sums to the bit: each part is a start
** and one other value (struct bs_part, 16 bytes, and its kind), so that a
** draw reads one cache line, not 48 bytes; the value goes into every sum
** multiplied by 1 or 0 (exact; parts are never negative, and x + 0 is x),
** so no branch depends on the random draw; the generator's state is a
** local. Each sum still adds the drawn parts one by one in the order
** drawn, as a plain loop would: the replicates are the same numbers.
*/
static void
bootstrap(struct ret_out *out, struct contribs *cs, double lo[NBS],
    double hi[NBS])
{
	struct dvec v[NBS] = {{0}};
	struct bs_part *part;
	unsigned char *kind;
	uint32_t idx[BS_BLOCK];
	uint64_t rng = out->rng;
	size_t n = cs->n;

	for (int s = 0; s < NBS; s++)
		lo[s] = hi[s] = NAN;
	if (n == 0)
		return;
	/* N < 2^31: a customer has one part a period, and an idmap holds
	** fewer customers. */
	qsort(cs->v, n, sizeof *cs->v, cmp_contrib);
	part = xreallocarray(NULL, n, sizeof *part);
	kind = xmalloc(n);
	for (size_t i = 0; i < n; i++) {
		const struct contrib *c = &cs->v[i];
		const double other[5] = { c->new_, c->expansion, c->contraction,
			c->churn, c->reactivation };

		part[i].start = c->start;
		part[i].val = 0;
		kind[i] = 0;
		for (int k = 0; k < 5; k++) {
			if (other[k] == 0)
				continue;
			if (kind[i] != 0)
				die(EX_SOFTWARE, "internal error: a customer's "
				    "part has two moves");
			kind[i] = (unsigned char)(k + 1);
			part[i].val = other[k];
		}
	}
	for (long long b = 0; b < out->rt->cfg.bootstrap; b++) {
		double S = 0, N = 0, E = 0, C = 0, X = 0, R = 0;

		for (size_t i0 = 0; i0 < n; i0 += BS_BLOCK) {
			size_t m = n - i0 < BS_BLOCK ? n - i0 : BS_BLOCK;

			/* The block's draws first, their parts fetched side by
			** side; then the sums, in the order drawn. */
			for (size_t i = 0; i < m; i++) {
				idx[i] = (uint32_t)splitmix64_below(&rng, n);
				__builtin_prefetch(&part[idx[i]]);
			}
			for (size_t i = 0; i < m; i++) {
				const struct bs_part *p = &part[idx[i]];
				const double *put = bs_put[kind[idx[i]]];

				S += p->start;
				N += p->val * put[0];
				E += p->val * put[1];
				C += p->val * put[2];
				X += p->val * put[3];
				R += p->val * put[4];
			}
		}
		if (S > 0) {
			dvec_push(&v[BS_GRR], (S - C - X) / S);
			dvec_push(&v[BS_NRR], (S + E - C - X) / S);
		}
		if (C + X > 0) {
			dvec_push(&v[BS_QR], (N + E) / (C + X));
			dvec_push(&v[BS_QRR], (N + R + E) / (C + X));
		}
	}
	out->rng = rng;
	free(part);
	free(kind);
	for (int s = 0; s < NBS; s++) {
		if (v[s].n > 0) {
			sort_doubles(v[s].v, v[s].n);
			lo[s] = quantile7(v[s].v, v[s].n, 0.025);
			hi[s] = quantile7(v[s].v, v[s].n, 0.975);
		}
		dvec_free(&v[s]);
	}
}

static void
rates_row(struct ret_out *out, struct ret_group *g, int64_t k)
{
	const struct ret_row *r = &g->rows[k];
	struct writer *w = out->w;
	int64_t py = ret_periods_per_year(out->rt->cfg.period);
	double lo, hi, blo[NBS], bhi[NBS];
	money down = r->contraction + r->churn;
	money ago = k >= py ? g->rows[k - py].end : 0;

	bootstrap(out, &g->contribs[k], blo, bhi);
	wr_int(w, (int64_t)r->customers_start);
	wr_int(w, (int64_t)r->churned_customers);
	wilson_interval(r->churned_customers, r->customers_start, 0.95, &lo,
	    &hi);
	wr_num(w, count_ratio(r->churned_customers, r->customers_start));
	wr_num(w, lo);
	wr_num(w, hi);
	wr_num(w, mratio((__int128)r->start - r->contraction - r->churn,
	    r->start));
	wr_num(w, blo[BS_GRR]);
	wr_num(w, bhi[BS_GRR]);
	wr_num(w, mratio((__int128)r->start + r->expansion - r->contraction -
	    r->churn, r->start));
	wr_num(w, blo[BS_NRR]);
	wr_num(w, bhi[BS_NRR]);
	wr_num(w, mratio((__int128)r->new_ + r->expansion, down));
	wr_num(w, blo[BS_QR]);
	wr_num(w, bhi[BS_QR]);
	wr_num(w, mratio((__int128)r->new_ + r->reactivation + r->expansion,
	    down));
	wr_num(w, blo[BS_QRR]);
	wr_num(w, bhi[BS_QRR]);
	wr_num(w, mratio((__int128)r->end - r->start, r->start));
	wr_num(w, mratio((__int128)r->end - ago, ago));
	wr_end(w);
}

static void
cohort_rows(const struct ret_out *out, const struct group *grp,
    const struct ret_group *g, int64_t k)
{
	const struct cohort *h = g->cohorts[k];
	int64_t c = out->rt->first + k;

	for (int64_t a = 0; c + a <= out->rt->last; a++) {
		double lo, hi;

		write_by(out, grp);
		write_period(out, c);
		wr_int(out->w, a);
		wr_int(out->w, (int64_t)h->size);
		wr_int(out->w, (int64_t)h->retained[a]);
		wr_num(out->w, count_ratio(h->retained[a], h->size));
		wilson_interval(h->retained[a], h->size, 0.95, &lo, &hi);
		wr_num(out->w, lo);
		wr_num(out->w, hi);
		money_write(out->w, h->revenue[a]);
		wr_num(out->w, mratio(h->revenue[a], h->revenue[0]));
		wr_end(out->w);
	}
}

/* Write the row of period index K (from the data's first) of group G,
** GRP its key (NULL: the total), if G has one. */
static void
write_row(struct ret_out *out, const struct group *grp, struct ret_group *g,
    int64_t k)
{
	int64_t p = out->rt->first + k;

	if (out->rt->cfg.mode == RET_COHORTS) {
		if (g->cohorts[k] != NULL)
			cohort_rows(out, grp, g, k);
		return;
	}
	if (p < g->first)
		return;
	write_by(out, grp);
	write_period(out, p);
	if (out->rt->cfg.mode == RET_BRIDGE)
		bridge_row(out, g, k);
	else
		rates_row(out, g, k);
}

static const char *const bridge_cols[] = { "start", "new", "expansion",
	"contraction", "churn", "reactivation", "end", "customers_start",
	"new_customers", "churned_customers", "reactivated_customers",
	"customers_end", NULL };
static const char *const rates_cols[] = { "customers_start",
	"churned_customers", "logo_churn", "logo_churn_lo", "logo_churn_hi",
	"grr", "grr_lo", "grr_hi", "nrr", "nrr_lo", "nrr_hi", "quick_ratio",
	"quick_ratio_lo", "quick_ratio_hi", "quick_ratio_reactivation",
	"quick_ratio_reactivation_lo", "quick_ratio_reactivation_hi",
	"growth", "growth_yoy", NULL };
static const char *const cohort_cols[] = { "age", "customers", "retained",
	"rate", "rate_lo", "rate_hi", "revenue", "revenue_retained", NULL };

static void
free_group(struct ret_group *g)
{
	if (g->rows == NULL)
		return;
	for (size_t k = 0; k < g->n; k++) {
		if (g->contribs != NULL)
			free(g->contribs[k].v);
		if (g->cohorts != NULL && g->cohorts[k] != NULL) {
			free(g->cohorts[k]->retained);
			free(g->cohorts[k]->revenue);
			free(g->cohorts[k]);
		}
	}
	free(g->contribs);
	free(g->cohorts);
	free(g->rows);
}

/* The state in GROUPS of the --by key number BY, created there when
** first asked for (a group has a customer who paid); *CACHE (*NCACHE
** long) keeps it by number. */
static void *
group_state(const struct retention *rt, struct group_table *groups,
    void ***cache, size_t *ncache, uint32_t by)
{
	const struct group *k;

	if (by >= *ncache) {
		size_t n = rt->nbyv > by ? rt->nbyv : (size_t)by + 1;

		*cache = regrow(*cache, *ncache, 0, n, sizeof **cache);
		*ncache = n;
	}
	if ((*cache)[by] == NULL) {
		k = rt->byv[by];
		(*cache)[by] = gt_get(groups, k->key, k->keylen, NULL)->state;
	}
	return (*cache)[by];
}

/* Expand the subscriptions of every customer (an order makes its cell
** as it is read; add_cell() keeps the data's first period). */
static void
finish_customers(struct retention *rt)
{
	for (size_t k = 0; rt->subs != NULL && k < rt->ncust; k++)
		if (rt->subs[k].v != NULL && rt->last != INT64_MIN)
			expand_subs(rt, k, rt->last);
}

/* Count customer C into RT's sums: its group's and the total's. */
static void
ret_fold(struct retention *rt, const struct ret_customer *c)
{
	struct ret_sums *s = rt->sums;

	if (c->ncells == 0)
		return;
	if (s == NULL) {
		s = rt->sums = xcalloc(1, sizeof *s);
		s->groups = gt_new(sizeof(struct ret_group));
	}
	add_customer(rt, group_state(rt, s->groups, &s->cache, &s->ncache,
	    c->by), c);
	if (rt->o->total)
		add_customer(rt, &s->total, c);
}

/* Free RT's sums, if any. */
static void
sums_free(struct retention *rt)
{
	struct ret_sums *s = rt->sums;
	struct group **v;
	size_t n;

	if (s == NULL)
		return;
	v = gt_sorted(s->groups);
	n = gt_count(s->groups);
	for (size_t i = 0; i < n; i++)
		free_group(v[i]->state);
	free(v);
	free_group(&s->total);
	gt_free(s->groups, NULL);
	free(s->cache);
	free(s);
	rt->sums = NULL;
}

static void
write_header(const struct ret_out *out)
{
	const char *const *cols = out->rt->cfg.mode == RET_BRIDGE ?
	    bridge_cols : out->rt->cfg.mode == RET_RATES ? rates_cols :
	    cohort_cols;

	/* As every tool's: the --by columns, then the period. */
	write_by_header(out);
	wr_str(out->w, out->rt->cfg.mode == RET_COHORTS ? "cohort" : "period");
	header(out->w, cols);
}

void
retention_write(struct retention *rt, struct writer *w)
{
	struct ret_out out = { rt, 0, w, rt->cfg.seed };
	struct ret_sums *s;
	struct group **v;
	size_t n;

	finish_customers(rt);
	stream_end(rt);
	for (size_t k = 0; k < rt->ncust; k++)
		ret_fold(rt, cust_at(rt, k));
	if (rt->first > rt->last || (s = rt->sums) == NULL) {
		write_header(&out);
		sums_free(rt);
		return;
	}
	out.n = rt->last - rt->first + 1;
	v = gt_ordered(s->groups, 0, rt->grouping.nby);
	n = gt_count(s->groups);
	/* Every check before the first byte. */
	for (size_t i = 0; i < n; i++) {
		group_fit(&out, v[i]->state);
		close_group(&out, v[i]->state);
	}
	if (rt->o->total) {
		group_fit(&out, &s->total);
		close_group(&out, &s->total);
	}
	write_header(&out);
	/* As every tool's: group by group, each by period; the total last. */
	for (size_t i = 0; i < n; i++)
		for (int64_t k = 0; k < out.n; k++)
			write_row(&out, v[i], v[i]->state, k);
	for (int64_t k = 0; rt->o->total && k < out.n; k++)
		write_row(&out, NULL, &s->total, k);
	free(v);
	sums_free(rt);
}

void
retention_free(struct retention *rt)
{
	/* Cells are the pool's, long ids the arena's; only unexpanded
	** subscriptions are malloc()'s. */
	for (size_t k = 0; rt->subs != NULL && k < rt->ncust; k++)
		free(rt->subs[k].v);
	free(rt->subs);
	for (size_t i = 0; i < rt->nseg; i++)
		big_free(rt->seg[i], sizeof(struct ret_customer) << RET_SEG_BITS);
	free(rt->seg);
	slots_free(rt->slot, rt->bits);
	arena_free(&rt->idmem);
	free(rt->first_when);
	arena_free(&rt->cellmem);
	gt_free(rt->bykeys, NULL);
	free(rt->byv);
	grouping_free(&rt->grouping);
	free(rt->currency);
	free(rt->currency_where);
	if (rt->stream_open && rt->cur.ncells > RET_CELLS_INLINE)
		cells_give(rt, rt->cur.cells.p, cell_class(rt->cur.ncells));
	sb_free(&rt->curid);
	sb_free(&rt->broken_at);
	sums_free(rt);
}

/*
** --project: the customers' survival, fitted with the sBG (sbg.h) and
** projected (retention.h, ret_project()).
*/

/* One group's cohorts: ALIVE[k] the survivor counts of the cohort of
** period index K (from the data's first), ages 0 .. last - its period;
** NULL when no customer first paid then. */
struct proj_group {
	double **alive;
	struct sbg_fit fit;
	size_t maxage;          /* the longest observed age */
};

struct proj_ctx {
	struct ret_out *out;
	struct group_table *groups;
	struct proj_group *total;
	void **state;           /* by --by key number: its state in GROUPS */
	size_t nstate;
};

/* Count customer C into G: the periods it paid in without a break from
** its first on (its first stop is its churn). */
static void
proj_add(const struct ret_out *out, struct proj_group *g,
    const struct ret_customer *c)
{
	const struct ret_cell *cells = cust_cells(c);
	int64_t c0 = cells[0].period;
	size_t k = (size_t)(c0 - out->rt->first), life = 1;

	if (g->alive == NULL)
		g->alive = xcalloc((size_t)out->n, sizeof *g->alive);
	if (g->alive[k] == NULL)
		g->alive[k] = xcalloc((size_t)(out->rt->last - c0 + 1),
		    sizeof **g->alive);
	while (life < c->ncells && cells[life].period == c0 +
	    (int64_t)life)
		life++;
	for (size_t a = 0; a < life; a++)
		g->alive[k][a]++;
}

static void
proj_customer(struct proj_ctx *e, const struct ret_customer *c)
{
	if (c->ncells == 0)
		return;
	proj_add(e->out, group_state(e->out->rt, e->groups, &e->state,
	    &e->nstate, c->by), c);
	if (e->total != NULL)
		proj_add(e->out, e->total, c);
}

/* The group GRP (NULL: the total) as messages name it. */
static void
proj_label(const struct ret_out *out, const struct group *grp,
    struct strbuf *sb)
{
	const char *part;

	if (grp == NULL) {
		sb_printf(sb, "group (all)");
		return;
	}
	if (out->rt->grouping.nby == 0) {
		sb_printf(sb, "all customers");
		return;
	}
	sb_printf(sb, "group '");
	for (part = grp->key; part != NULL; part = key_next(part, grp->key +
	    grp->keylen))
		sb_printf(sb, "%s%s", part == grp->key ? "" : ",", part);
	sb_printf(sb, "'");
}

/* Fit G's cohorts; a fit error dies (exit 65), a limit is a note. */
static void
proj_fit(const struct ret_out *out, const struct group *grp,
    struct proj_group *g, struct strbuf *notes)
{
	struct sbg_cohort *c = xcalloc((size_t)out->n, sizeof *c);
	struct strbuf label = {0};
	char why[SBG_WHY_MAX];
	size_t nc = 0;

	for (int64_t k = 0; g->alive != NULL && k < out->n; k++) {
		size_t n = (size_t)(out->n - 1 - k);

		if (g->alive[k] == NULL)
			continue;
		c[nc++] = (struct sbg_cohort){ g->alive[k], n };
		if (n > g->maxage)
			g->maxage = n;
	}
	proj_label(out, grp, &label);
	if (sbg_fit(c, nc, &g->fit, why) < 0)
		die(EX_DATAERR, "--project: %s: the sBG does not fit its "
		    "customers: %s", label.s, why);
	if (g->fit.status == SBG_NO_CHURN)
		note(notes, "--project: %s: no customer stopped paying in "
		    "%zu periods observed: the sBG's limit, survival 1 for ever "
		    "(alpha 0, beta infinite)", label.s, g->maxage);
	else if (g->fit.status == SBG_ALL_CHURN)
		note(notes, "--project: %s: every customer stopped paying "
		    "after its first period: the sBG's limit, survival 0 from "
		    "period 1 (alpha infinite, beta 0)", label.s);
	sb_free(&label);
	free(c);
}

/* The rows of G: its projection, or its parameters. */
static void
proj_rows(const struct ret_out *out, const struct group *grp,
    const struct proj_group *g)
{
	const struct ret_config *cfg = &out->rt->cfg;
	const struct sbg_fit *f = &g->fit;
	struct writer *w = out->w;

	if (cfg->params) {
		write_by(out, grp);
		wr_int(w, (int64_t)f->customers);
		wr_int(w, (int64_t)f->churned);
		wr_num(w, f->alpha);
		wr_num(w, f->se_alpha);
		wr_num(w, f->beta);
		wr_num(w, f->se_beta);
		wr_num(w, f->loglik);
		wr_num(w, sbg_derl(f->alpha, f->beta, cfg->discount, 1));
		wr_end(w);
		return;
	}
	for (size_t t = 1; t <= g->maxage + (size_t)cfg->project; t++) {
		struct sbg_estimate s, r;
		double alive = 0, start = 0;

		/* The cohorts observed for t periods or more. */
		for (int64_t k = 0; t <= g->maxage && k < out->n; k++)
			if (g->alive[k] != NULL && (size_t)(out->n - 1 - k) >= t) {
				alive += g->alive[k][t];
				start += g->alive[k][0];
			}
		sbg_project(f, (long)t, 0.95, &s, &r);
		write_by(out, grp);
		wr_int(w, (int64_t)t);
		wr_num(w, start > 0 ? alive / start : NAN);
		wr_num(w, s.value);
		wr_num(w, s.lo);
		wr_num(w, s.hi);
		wr_num(w, r.value);
		wr_num(w, r.lo);
		wr_num(w, r.hi);
		wr_end(w);
	}
}

static const char *const project_cols[] = { "t", "observed_survival",
	"survival", "survival_lo", "survival_hi", "retention", "retention_lo",
	"retention_hi", NULL };
static const char *const params_cols[] = { "customers", "churned", "alpha",
	"alpha_se", "beta", "beta_se", "loglik", "derl", NULL };

static void
proj_free(const struct ret_out *out, struct proj_group *g)
{
	for (int64_t k = 0; g->alive != NULL && k < out->n; k++)
		free(g->alive[k]);
	free(g->alive);
}

void
ret_project(struct retention *rt, struct writer *w, struct strbuf *notes)
{
	struct ret_out out = { rt, 0, w, 0 };
	struct proj_group total = {0};
	struct proj_ctx e = { &out, gt_new(sizeof(struct proj_group)),
	    rt->o->total ? &total : NULL, NULL, 0 };
	struct group **v = NULL;
	size_t n = 0;

	finish_customers(rt);
	if (rt->first <= rt->last) {
		out.n = rt->last - rt->first + 1;
		for (size_t k = 0; k < rt->ncust; k++)
			proj_customer(&e, cust_at(rt, k));
		free(e.state);
		v = gt_ordered(e.groups, 0, rt->grouping.nby);
		n = gt_count(e.groups);
		/* Every fit before the first byte. */
		for (size_t i = 0; i < n; i++)
			proj_fit(&out, v[i], v[i]->state, notes);
		if (e.total != NULL)
			proj_fit(&out, NULL, &total, notes);
	}
	write_by_header(&out);
	header(w, rt->cfg.params ? params_cols : project_cols);
	for (size_t i = 0; i < n; i++)
		proj_rows(&out, v[i], v[i]->state);
	if (e.total != NULL && n > 0)
		proj_rows(&out, NULL, &total);
	for (size_t i = 0; i < n; i++)
		proj_free(&out, v[i]->state);
	proj_free(&out, &total);
	free(v);
	gt_free(e.groups, NULL);
}
