/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "cols.h"
#include "group.h"

struct group_table {
	struct group **slot;     /* open addressing, linear probing */
	size_t nslots;           /* a power of two */
	size_t count;
	size_t state_size;
	struct group *last;      /* the group found last */
	struct arena arena;      /* groups, keys and states */
};

struct group_table *
gt_new(size_t state_size)
{
	struct group_table *t = xcalloc(1, sizeof *t);

	t->nslots = 64;
	t->slot = xcalloc(t->nslots, sizeof *t->slot);
	t->state_size = state_size;
	return t;
}

static void
grow(struct group_table *t)
{
	size_t n = t->nslots * 2;
	struct group **slot = xcalloc(n, sizeof *slot);

	for (size_t i = 0; i < t->nslots; i++) {
		struct group *g = t->slot[i];
		size_t j;

		if (g == NULL)
			continue;
		for (j = g->hash & (n - 1); slot[j] != NULL; j = (j + 1) & (n - 1))
			;
		slot[j] = g;
	}
	free(t->slot);
	t->slot = slot;
	t->nslots = n;
}

static int
same_key(const struct group *g, uint64_t hash, const char *key, size_t keylen)
{
	return g->hash == hash && g->keylen == keylen &&
	    memcmp(g->key, key, keylen) == 0;
}

struct group *
gt_get(struct group_table *t, const char *key, size_t keylen, int *created)
{
	uint64_t hash;
	struct group *g;
	size_t i;

	if (created != NULL)
		*created = 0;
	if (t->last != NULL && t->last->keylen == keylen &&
	    memcmp(t->last->key, key, keylen) == 0)
		return t->last;
	hash = hash_keyed(key, keylen);
	for (i = hash & (t->nslots - 1); (g = t->slot[i]) != NULL;
	    i = (i + 1) & (t->nslots - 1))
		if (same_key(g, hash, key, keylen))
			return t->last = g;

	g = arena_alloc(&t->arena, sizeof *g);
	g->key = arena_memdup(&t->arena, key, keylen);
	g->keylen = keylen;
	g->hash = hash;
	g->state = NULL;
	if (t->state_size > 0) {
		g->state = arena_alloc(&t->arena, t->state_size);
		memset(g->state, 0, t->state_size);
	}
	t->slot[i] = g;
	t->count++;
	if (created != NULL)
		*created = 1;
	/* Keep the load at most 1/2 so that probes stay short. */
	if (t->count * 2 > t->nslots)
		grow(t);
	return t->last = g;
}

size_t
gt_count(const struct group_table *t)
{
	return t->count;
}

static int
cmp_groups(const void *a, const void *b)
{
	const struct group *x = *(struct group *const *)a;
	const struct group *y = *(struct group *const *)b;
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int c = memcmp(x->key, y->key, n);

	if (c != 0)
		return c;
	return (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

struct group **
gt_sorted(const struct group_table *t)
{
	struct group **v = xreallocarray(NULL, t->count ? t->count : 1, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < t->nslots; i++)
		if (t->slot[i] != NULL)
			v[n++] = t->slot[i];
	qsort(v, n, sizeof *v, cmp_groups);
	return v;
}

/* Whether S is an integer as groups_order() takes one. */
static int
is_integer(const char *s)
{
	const char *p = s + (*s == '-');

	if (*p < '0' || *p > '9' || (*p == '0' && (p[1] != '\0' || p != s)))
		return 0;
	while (*++p != '\0')
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

/* Two integers of groups_order(), LA and LB bytes: exact at any length. */
static int
cmp_integers(const char *a, size_t la, const char *b, size_t lb)
{
	int neg = *a == '-', c;

	if (neg != (*b == '-'))
		return neg ? -1 : 1;
	if (la != lb)
		c = la < lb ? -1 : 1;
	else
		c = memcmp(a, b, la);
	return neg ? -c : c;
}

/*
** A group being ordered, with a 64-bit stand-in for each of its first
** HINTS key parts that orders as the part does: comparing the hints first
** spares most comparisons a visit to the keys (200000 groups of ids sort
** twice as fast). A part too long for its hint is not "held": then its
** hint only breaks ties it can, and the keys are compared.
*/
enum { HINTS = 2 };

struct ordered {
	uint64_t hint[HINTS];
	struct group *g;
	unsigned held;              /* bit K: hint K is the whole part */
};

/* Which key parts compare as integers: NUM[K] for part K < NPARTS. */
struct order {
	const unsigned char *num;
	size_t nparts;
};

/*
** The hint of part P (LEN bytes), an integer if NUM: the integer itself
** when it has at most 18 digits (those past it as -10^18 or 10^18, which
** no shorter one is), else the first 8 bytes and the NUL after a shorter
** text, big-endian. Returns whether it holds the whole part.
*/
static int
hint_of(uint64_t *h, const char *p, size_t len, int num)
{
	if (num) {
		int neg = *p == '-';
		int64_t v = 0;

		if (len - neg > 18) {
			v = 1000000000000000000;
		} else {
			for (size_t i = neg; i < len; i++)
				v = v * 10 + (p[i] - '0');
		}
		*h = (uint64_t)(neg ? -v : v) ^ ((uint64_t)1 << 63);
		return len - neg <= 18;
	}
	*h = 0;
	for (size_t i = 0; i < 8; i++)
		*h = *h << 8 | (i < len ? (unsigned char)p[i] : 0);
	return len < 8;
}

static int
cmp_ordered(const struct ordered *x, const struct ordered *y,
    const struct order *o)
{
	const char *p = x->g->key, *pe = p + x->g->keylen;
	const char *q = y->g->key, *qe = q + y->g->keylen;

	/* Equal hints of held parts: equal parts, so on to the next one.
	 * (Equal hints are held in both keys or in neither.) */
	for (size_t k = 0; k < HINTS; k++) {
		if (x->hint[k] != y->hint[k])
			return x->hint[k] < y->hint[k] ? -1 : 1;
		if (!(x->held & y->held & 1u << k))
			break;
	}
	for (size_t i = 0; p < pe && q < qe; i++) {
		size_t lp = strlen(p), lq = strlen(q);
		int c = i < o->nparts && o->num[i] ? cmp_integers(p, lp, q, lq) :
		    strcmp(p, q);

		if (c != 0)
			return c;
		p += lp + 1;
		q += lq + 1;
	}
	return (p < pe) - (q < qe);
}

/*
** Merge sort of the N items V by O, TMP room for N / 2 of them: qsort()
** has no argument for O, and glibc's sorts items this size through
** pointers, a cache miss a comparison.
*/
static void
sort_ordered(struct ordered *v, struct ordered *tmp, size_t n,
    const struct order *o)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	sort_ordered(v, tmp, h, o);
	sort_ordered(v + h, tmp, n - h, o);
	if (cmp_ordered(&v[h - 1], &v[h], o) < 0)
		return;
	memcpy(tmp, v, h * sizeof *v);
	while (i < h && j < n)
		v[k++] = cmp_ordered(&tmp[i], &v[j], o) < 0 ? tmp[i++] : v[j++];
	while (i < h)
		v[k++] = tmp[i++];
}

/*
** Which of the parts FIRST to FIRST + NNUM - 1 of the N keys V are
** integers in every key: an array of a flag per part (FIRST + NNUM of
** them) to free, or NULL when none is.
*/
static unsigned char *
integer_parts(struct group *const *v, size_t n, size_t first, size_t nnum)
{
	size_t nparts = first + nnum, left = nnum;
	unsigned char *num;

	if (n < 2 || nnum == 0)
		return NULL;
	num = xcalloc(nparts, 1);
	memset(num + first, 1, nnum);
	for (size_t i = 0; i < n && left > 0; i++) {
		const char *p = v[i]->key, *end = p + v[i]->keylen;

		for (size_t k = 0; k < nparts && p != NULL && p < end;
		    k++, p = key_next(p, end))
			if (num[k] && !is_integer(p)) {
				num[k] = 0;
				left--;
			}
	}
	if (left == 0) {
		free(num);
		return NULL;
	}
	return num;
}

/* Sort the N groups V, in any order, with the parts NUM[K] (K < NPARTS)
** compared as integers. */
static void
sort_groups(struct group **v, size_t n, const unsigned char *num,
    size_t nparts)
{
	struct ordered *o = xreallocarray(NULL, n + n / 2, sizeof *o);

	for (size_t i = 0; i < n; i++) {
		const char *p = v[i]->key, *end = p + v[i]->keylen;

		o[i] = (struct ordered){ .g = v[i] };
		for (size_t k = 0; k < HINTS && p != NULL && p < end;
		    k++, p = key_next(p, end))
			if (hint_of(&o[i].hint[k], p, strlen(p), k < nparts &&
			    num[k]))
				o[i].held |= 1u << k;
	}
	sort_ordered(o, o + n, n, &(struct order){ num, nparts });
	for (size_t i = 0; i < n; i++)
		v[i] = o[i].g;
	free(o);
}

void
groups_order(struct group **v, size_t n, size_t first, size_t nnum)
{
	/* Once per output: which parts are integers in every key. */
	unsigned char *num = integer_parts(v, n, first, nnum);

	if (num != NULL)
		sort_groups(v, n, num, first + nnum);
	free(num);
}

struct group **
gt_ordered(const struct group_table *t, size_t first, size_t nnum)
{
	struct group **v = xreallocarray(NULL, t->count ? t->count : 1,
	    sizeof *v);
	size_t n = 0;
	unsigned char *num;

	for (size_t i = 0; i < t->nslots; i++)
		if (t->slot[i] != NULL)
			v[n++] = t->slot[i];
	/* One sort, not gt_sorted()'s and another. */
	if ((num = integer_parts(v, n, first, nnum)) != NULL)
		sort_groups(v, n, num, first + nnum);
	else
		qsort(v, n, sizeof *v, cmp_groups);
	free(num);
	return v;
}

void
gt_merge(struct group_table *into, const struct group_table *from,
    void (*merge)(void *, void *, const void *), void *ctx)
{
	for (size_t i = 0; i < from->nslots; i++) {
		const struct group *g = from->slot[i];

		if (g != NULL)
			merge(ctx, gt_get(into, g->key, g->keylen, NULL)->state,
			    g->state);
	}
}

void
gt_each(struct group_table *t, void (*fn)(void *, void *), void *ctx)
{
	for (size_t i = 0; i < t->nslots; i++)
		if (t->slot[i] != NULL)
			fn(ctx, t->slot[i]->state);
}

void
gt_free(struct group_table *t, void (*free_state)(void *))
{
	if (t == NULL)
		return;
	if (free_state != NULL)
		for (size_t i = 0; i < t->nslots; i++)
			if (t->slot[i] != NULL)
				free_state(t->slot[i]->state);
	free(t->slot);
	arena_free(&t->arena);
	free(t);
}

void
key_add(struct strbuf *key, const char *s, size_t len)
{
	sb_add(key, s, len);
	sb_addc(key, '\0');
}

const char *
key_next(const char *part, const char *end)
{
	const char *p = part + strlen(part) + 1;

	return p < end ? p : NULL;
}

void
grouping_init(struct grouping *g, const struct grouping_opts *o)
{
	memset(g, 0, sizeof *g);
	g->by = o->by;
	g->nby = o->nby;
	g->period = o->period;
	g->fy_start = o->fy_start;
	g->col = xcalloc(g->nby ? g->nby : 1, sizeof *g->col);
}

int
grouping_bind(struct grouping *g, struct reader *r, unsigned char *want)
{
	for (size_t i = 0; i < g->nby; i++) {
		if ((g->col[i] = cols_find(r, g->by[i], "--by")) < 0)
			return -1;
		if (want != NULL)
			want[g->col[i]] = 1;
	}
	return 0;
}

int
grouping_active(const struct grouping *g)
{
	return g->nby > 0 || g->period != PERIOD_NONE;
}

/* End G's key, its --by values added: the period of T, if G has one;
** an empty key is still a string. */
/* Days whose period label a grouping remembers: period_label() formats
** with snprintf(), a good part of a row's cost; a log has few days. */
#define LABEL_MEMO 512

struct label_memo {
	int64_t day;
	unsigned char len;             /* 0: not set */
	char label[PERIOD_BUFSIZE];
};

static const struct strbuf *
key_finish(struct grouping *g, kpi_time t)
{
	if (g->period != PERIOD_NONE) {
		int64_t day = t >= 0 ? t / MS_PER_DAY :
		    -((-t + MS_PER_DAY - 1) / MS_PER_DAY);
		struct label_memo *m;

		if (g->memo == NULL)
			g->memo = xcalloc(LABEL_MEMO, sizeof *g->memo);
		m = &g->memo[(uint64_t)day % LABEL_MEMO];
		if (m->len == 0 || m->day != day) {
			period_label(m->label, t, g->period, g->fy_start);
			m->len = (unsigned char)strlen(m->label);
			m->day = day;
		}
		key_add(&g->key, m->label, m->len);
	}
	if (g->key.s == NULL)
		sb_add(&g->key, "", 0);
	return &g->key;
}

const struct strbuf *
grouping_key(struct grouping *g, const struct row *row, kpi_time t)
{
	sb_reset(&g->key);
	for (size_t i = 0; i < g->nby; i++)
		key_add(&g->key, row->f[g->col[i]].s, row->f[g->col[i]].len);
	return key_finish(g, t);
}

const struct strbuf *
grouping_key_fields(struct grouping *g, const struct field *by, kpi_time t)
{
	sb_reset(&g->key);
	for (size_t i = 0; i < g->nby; i++)
		key_add(&g->key, by[i].s, by[i].len);
	return key_finish(g, t);
}

size_t
grouping_width(const struct grouping *g)
{
	return g->nby + (g->period != PERIOD_NONE);
}

int
grouping_check_header(const struct grouping *g, struct reader *r,
    const struct row *h, size_t first)
{
	size_t n = grouping_width(g);

	for (size_t i = 0; i < n; i++) {
		const char *want = i < g->nby ? g->by[i] : "period";
		const char *got = first + i < h->n ? h->f[first + i].s : "";

		if (strcmp(got, want) != 0)
			return rd_fail(r, EX_DATAERR, h->line, "column %zu is "
			    "'%s', not the %s column '%s'", first + i + 1, got,
			    i < g->nby ? "--by" : "--period", want);
	}
	return 0;
}

const struct strbuf *
grouping_key_read(struct grouping *g, const struct row *row, size_t first)
{
	size_t n = grouping_width(g);

	sb_reset(&g->key);
	for (size_t i = 0; i < n; i++)
		key_add(&g->key, row->f[first + i].s, row->f[first + i].len);
	if (g->key.s == NULL)
		sb_add(&g->key, "", 0);
	return &g->key;
}

void
grouping_write_header(const struct grouping *g, struct writer *w)
{
	for (size_t i = 0; i < g->nby; i++)
		wr_str(w, g->by[i]);
	if (g->period != PERIOD_NONE)
		wr_str(w, "period");
}

void
grouping_write_key(const struct grouping *g, struct writer *w,
    const struct group *grp)
{
	const char *end = grp->key + grp->keylen, *part = grp->key;
	size_t n = g->nby + (g->period != PERIOD_NONE);

	for (size_t i = 0; i < n && part != NULL; i++) {
		wr_str(w, part);
		part = key_next(part, end);
	}
}

void
grouping_write_total(const struct grouping *g, struct writer *w)
{
	size_t n = g->nby + (g->period != PERIOD_NONE);

	for (size_t i = 0; i < n; i++)
		wr_str(w, "(all)");
}

void
grouping_free(struct grouping *g)
{
	free(g->col);
	free(g->memo);
	sb_free(&g->key);
}
