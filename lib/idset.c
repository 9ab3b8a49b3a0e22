/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "idset.h"

enum {
	MEAN_ID = 16,           /* bytes an id takes, before any is seen */
	RUN_BLOCK = 32,         /* ids a block of the run, the first whole */
	GIVE_UP_MIN = 1024,     /* ids out of order before the run may go */
	MAX_CUT = 8,            /* ids taken off the run's end for one */
	SHORT_ID = 256          /* ids a lookup decodes on the stack */
};

#define MAX_BYTES ((size_t)UINT32_MAX)  /* "where" is 32 bits */

/* Write LEN as LEB128 (7 bits a byte, low first) at P; its byte count. */
static size_t
put_len(unsigned char *p, size_t len)
{
	size_t n = 0;

	do {
		p[n++] = (unsigned char)((len & 0x7f) | (len > 0x7f ? 0x80 : 0));
		len >>= 7;
	} while (len > 0);
	return n;
}

/* The length of the stored id at P; *BYTES gets where its bytes are. */
static size_t
get_len(const unsigned char *p, const unsigned char **bytes)
{
	size_t len = 0;
	unsigned shift = 0;

	do {
		len |= (size_t)(*p & 0x7f) << shift;
		shift += 7;
	} while (*p++ & 0x80);
	*bytes = p;
	return len;
}

/* Whether the stored id at P is the LEN bytes at ID. */
static int
same_id(const unsigned char *p, const char *id, size_t len)
{
	const unsigned char *bytes;

	return get_len(p, &bytes) == len && memcmp(bytes, id, len) == 0;
}

/* How many bytes A and B, of N bytes each at least, begin with alike:
** eight at a time, then one. */
static size_t
common_prefix(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	size_t k = 0;

	for (; k + 8 <= n; k += 8) {
		uint64_t u, v;

		memcpy(&u, x + k, 8);
		memcpy(&v, y + k, 8);
		if (u != v) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return k + (size_t)__builtin_ctzll(u ^ v) / 8;
#else
			return k + (size_t)__builtin_clzll(u ^ v) / 8;
#endif
		}
	}
	while (k < n && x[k] == y[k])
		k++;
	return k;
}

/* A slot: the high 32 bits of HASH, and WHERE. The slot index comes from
** the low bits, so the two say different things about the id. */
static uint64_t
slot_of(uint64_t hash, size_t where)
{
	return (hash >> 32) << 32 | (uint64_t)where;
}

/* Whether slot E holds an id of hash HASH (its 32 bits of it). */
static int
same_tag(uint64_t e, uint64_t hash)
{
	return (e >> 32) == (hash >> 32);
}

/* ---- The table ---- */

/* Take N slots (a power of two, more than now) and place every id of the
** table again, walking them in the order they came. */
static void
resize(struct idset *s, size_t n)
{
	uint64_t *slot = big_alloc(n * sizeof *slot);
	size_t at = 1;

	while (at < s->len) {
		const unsigned char *id;
		size_t len = get_len(s->bytes + at, &id);
		uint64_t hash = hash_keyed(id, len);
		size_t i;

		for (i = hash & (n - 1); slot[i] != 0; i = (i + 1) & (n - 1))
			;
		slot[i] = slot_of(hash, at);
		at = (size_t)(id - s->bytes) + len;
	}
	big_free(s->slot, s->nslots * sizeof *s->slot);
	s->slot = slot;
	s->nslots = n;
}

/* Make room for MORE bytes of ids in the table (at least twice what there
 * is, when it must grow), or end the program past 4 GiB. */
static void
room(struct idset *s, size_t more)
{
	size_t need, cap = s->cap;
	unsigned char *bytes;

	if (s->len == 0)
		s->len = 1;     /* "where" 0 marks a free slot */
	if (more > MAX_BYTES - s->len)
		die(EX_SOFTWARE, "more than 4 GiB of distinct ids: too many to "
		    "find duplicates among; give --no-dedup");
	need = s->len + more;
	if (need <= s->cap)
		return;
	while (cap < need)
		cap = cap < 4096 ? 4096 : cap > MAX_BYTES / 2 ? MAX_BYTES : 2 * cap;
	bytes = big_alloc(cap);
	if (s->bytes != NULL)
		memcpy(bytes, s->bytes, s->len);
	big_free(s->bytes, s->cap);
	s->bytes = bytes;
	s->cap = cap;
}

/* Size the table for N ids in all (see idset_reserve()). */
static void
table_reserve(struct idset *s, size_t n)
{
	size_t want = 1024, mean = MEAN_ID;

	/* At most 7/10 full with N ids; a table of 2^60 slots is no room. */
	while (want < (size_t)1 << 60 && want / 10 * 7 < n)
		want *= 2;
	if (want > s->nslots)
		resize(s, want);
	if (s->count > 0)
		mean = (s->len - 1) / s->count + 1;
	if (s->len == 0)
		s->len = 1;
	/* Room only up to the 4 GiB an id may be added within. */
	if (n > s->count)
		room(s, n - s->count < (MAX_BYTES - s->len) / mean ?
		    (n - s->count) * mean : MAX_BYTES - s->len);
}

/* Whether the table of S holds the LEN bytes at ID, whose hash is HASH. */
static int
table_has(const struct idset *s, uint64_t hash, const char *id, size_t len)
{
	if (s->nslots == 0)
		return 0;
	for (size_t i = hash & (s->nslots - 1); s->slot[i] != 0;
	    i = (i + 1) & (s->nslots - 1))
		if (same_tag(s->slot[i], hash) &&
		    same_id(s->bytes + (uint32_t)s->slot[i], id, len))
			return 1;
	return 0;
}

/* Add the LEN bytes at ID, of hash HASH, to the table of S: 1 when new. */
static int
table_add(struct idset *s, uint64_t hash, const char *id, size_t len)
{
	unsigned char lenbuf[10];
	size_t i, n;

	if (s->nslots == 0)
		resize(s, 1024);
	for (i = hash & (s->nslots - 1); s->slot[i] != 0;
	    i = (i + 1) & (s->nslots - 1))
		if (same_tag(s->slot[i], hash) &&
		    same_id(s->bytes + (uint32_t)s->slot[i], id, len))
			return 0;
	n = put_len(lenbuf, len);
	room(s, n + len);
	memcpy(s->bytes + s->len, lenbuf, n);
	memcpy(s->bytes + s->len + n, id, len);
	s->slot[i] = slot_of(hash, s->len);
	s->len += n + len;
	s->changes++;
	/* At most 7/10 full, so that probe runs stay short. */
	if (++s->count * 10 > s->nslots * 7)
		resize(s, 2 * s->nslots);
	return 1;
}

/* ---- The run ---- */

/*
** Each id of the run is two lengths (put_len()), the bytes it shares with
** the id before it and the bytes that follow, then those bytes; the first
** of a block shares none. A cursor walks the run forward, keeping the id
** it is at whole in BUF (as long as the run's longest id).
*/
struct cursor {
	const unsigned char *at, *end;  /* the next id; the end of the run */
	unsigned char *buf;
	size_t len;                     /* of the id in BUF */
	unsigned char small[SHORT_ID];
};

static void
cursor_open(struct cursor *c, const struct idset *s, size_t from)
{
	c->at = s->run + from;
	c->end = s->run + s->run_len;
	c->buf = s->longest <= SHORT_ID ? c->small : xmalloc(s->longest);
	c->len = 0;
}

static void
cursor_close(struct cursor *c)
{
	if (c->buf != c->small)
		free(c->buf);
}

/* Step C to the next id of the run: 0, or -1 past the last. */
static int
cursor_next(struct cursor *c)
{
	const unsigned char *bytes;
	size_t shared, more;

	if (c->at >= c->end)
		return -1;
	shared = get_len(c->at, &bytes);
	more = get_len(bytes, &bytes);
	memcpy(c->buf + shared, bytes, more);
	c->len = shared + more;
	c->at = bytes + more;
	return 0;
}

/* The first id of block B of S's run, whole: its bytes and length. */
static const unsigned char *
block_first(const struct idset *s, size_t b, size_t *len)
{
	const unsigned char *bytes;

	(void)get_len(s->run + s->block[b], &bytes);    /* shares none */
	*len = get_len(bytes, &bytes);
	return bytes;
}

/* The last block of S's run, from block LO on, whose first id comes at
** or before ID (LEN bytes); LO - 1 when there is none. The last block is
** tried first: a repeated row most often follows the first closely. */
static size_t
find_block(const struct idset *s, size_t lo, const char *id, size_t len)
{
	size_t hi = s->nblocks;            /* blocks [lo, hi) not yet ruled */

	if (hi > lo) {
		size_t flen;
		const unsigned char *first = block_first(s, hi - 1, &flen);

		if (idset_order((const char *)first, flen, id, len) <= 0)
			return hi - 1;
		hi--;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, flen;
		const unsigned char *first = block_first(s, mid, &flen);

		if (idset_order((const char *)first, flen, id, len) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

/*
** Whether S's run holds the LEN bytes at ID; *AFTER (when not NULL) gets
** how many of its ids come after ID.
*/
static int
run_find(const struct idset *s, const char *id, size_t len, size_t *after)
{
	struct cursor c;
	size_t b, rank;
	int found = 0;

	if (after != NULL)
		*after = s->run_count;
	if (s->run_count == 0 ||
	    (b = find_block(s, 0, id, len)) == (size_t)-1)
		return 0;
	cursor_open(&c, s, s->block[b]);
	if (b + 1 < s->nblocks)
		c.end = s->run + s->block[b + 1];
	for (rank = b * RUN_BLOCK; cursor_next(&c) == 0; rank++) {
		int order = idset_order((const char *)c.buf, c.len, id, len);

		if (order >= 0) {
			found = order == 0;
			break;
		}
	}
	cursor_close(&c);
	if (after != NULL)
		*after = s->run_count - rank;
	return found;
}

/* Whether S's run holds the LEN bytes at ID. */
static int
run_has(const struct idset *s, const char *id, size_t len)
{
	return len <= s->longest && run_find(s, id, len, NULL);
}

/* Whether the LEN bytes at ID come after every id of S's run. */
static int
run_beyond(const struct idset *s, const char *id, size_t len)
{
	return s->run_count == 0 ||
	    idset_order((const char *)s->last, s->last_len, id, len) < 0;
}

/* The run's last id is now LEN bytes: the SHARED it shares with the last
** before, then the bytes at MORE. */
static void
set_last(struct idset *s, const void *more, size_t shared, size_t len)
{
	if (len > s->last_cap) {
		s->last_cap = len > 2 * s->last_cap ? len : 2 * s->last_cap;
		s->last = xrealloc(s->last, s->last_cap);
	}
	memcpy(s->last + shared, more, len - shared);
	s->last_len = len;
}

/* Append the LEN bytes at ID, which come after every id, to S's run. */
static void
run_append(struct idset *s, const char *id, size_t len)
{
	size_t shared = 0, need;

	if (s->run_count % RUN_BLOCK == 0) {
		if (s->nblocks == s->block_cap) {
			s->block_cap = s->block_cap ? 2 * s->block_cap : 64;
			s->block = xreallocarray(s->block, s->block_cap,
			    sizeof *s->block);
		}
		s->block[s->nblocks++] = s->run_len;
	} else {
		shared = common_prefix(s->last, id,
		    len < s->last_len ? len : s->last_len);
	}
	need = s->run_len + 20 + len - shared;     /* 20: two lengths */
	if (need > s->run_cap) {
		s->run_cap = need > 2 * s->run_cap ? need : 2 * s->run_cap;
		s->run = xrealloc(s->run, s->run_cap);
	}
	if (shared < 0x80 && len - shared < 0x80) {
		/* The common case, two one-byte lengths. */
		s->run[s->run_len++] = (unsigned char)shared;
		s->run[s->run_len++] = (unsigned char)(len - shared);
	} else {
		s->run_len += put_len(s->run + s->run_len, shared);
		s->run_len += put_len(s->run + s->run_len, len - shared);
	}
	memcpy(s->run + s->run_len, id + shared, len - shared);
	s->run_len += len - shared;

	set_last(s, id + shared, shared, len);
	if (len > s->longest)
		s->longest = len;
	s->run_count++;
	s->changes++;
}

/*
** Keep the first KEEP ids of S's run, and move the others to its table:
** they came early, and the ids after them belong before them.
*/
static void
run_cut(struct idset *s, size_t keep)
{
	struct cursor c;
	size_t j = keep > 0 ? (keep - 1) / RUN_BLOCK * RUN_BLOCK : 0;
	size_t cut = s->run_len;

	cursor_open(&c, s, s->block[j / RUN_BLOCK]);
	for (; j < s->run_count; j++) {
		if (j == keep)
			cut = (size_t)(c.at - s->run);
		(void)cursor_next(&c);
		if (j + 1 == keep)
			set_last(s, c.buf, 0, c.len);
		else if (j >= keep)
			(void)table_add(s, hash_keyed(c.buf, c.len),
			    (const char *)c.buf, c.len);
	}
	cursor_close(&c);
	s->run_len = cut;
	s->run_count = keep;
	s->nblocks = (keep + RUN_BLOCK - 1) / RUN_BLOCK;
	if (keep == 0)
		s->last_len = 0;
}

static void
run_free(struct idset *s)
{
	free(s->run);
	free(s->block);
	free(s->last);
	s->run = s->last = NULL;
	s->block = NULL;
	s->run_len = s->run_cap = s->run_count = 0;
	s->nblocks = s->block_cap = s->last_len = s->last_cap = 0;
	s->longest = 0;
}

/* Give up the run: its ids go to the table, as every id will. */
static void
give_up(struct idset *s)
{
	struct cursor c;
	size_t n = s->count + s->run_count;

	table_reserve(s, s->expect > n ? s->expect : n);
	cursor_open(&c, s, 0);
	while (cursor_next(&c) == 0)
		(void)table_add(s, hash_keyed(c.buf, c.len), (const char *)c.buf,
		    c.len);
	cursor_close(&c);
	run_free(s);
	s->no_run = 1;
	s->changes++;
}

/* ---- The set ---- */

/* '0' to '9', whatever the locale. */
static int
is_digit(char c)
{
	return (unsigned char)(c - '0') < 10;
}

/*
** idset_order() where the first byte that differs decides it at once:
** outside a digit run, or inside one with no leading zero (the common
** case: "L5123456" against "L5123457"). Returns 2 when it does not.
*/
static int
order_at_first_difference(const char *a, size_t la, const char *b,
    size_t lb)
{
	size_t n = la < lb ? la : lb, k = common_prefix(a, b, n), r, ea, eb;

	if (k == n)
		return 2;               /* the same, or one begins the other */
	if (!(k > 0 && is_digit(a[k - 1])) && !(is_digit(a[k]) && is_digit(b[k])))
		return (unsigned char)a[k] < (unsigned char)b[k] ? -1 : 1;
	/* In a digit run, or at the start of one in both: the longer number
	 * is the larger, unless a leading zero makes the lengths lie. */
	for (r = k; r > 0 && is_digit(a[r - 1]); r--)
		;
	if (a[r] == '0' || b[r] == '0')
		return 2;
	for (ea = k; ea < la && is_digit(a[ea]); ea++)
		;
	for (eb = k; eb < lb && is_digit(b[eb]); eb++)
		;
	if (ea - r != eb - r)
		return ea - r < eb - r ? -1 : 1;
	return (unsigned char)a[k] < (unsigned char)b[k] ? -1 : 1;
}

int
idset_order(const char *a, size_t la, const char *b, size_t lb)
{
	size_t i = 0, j = 0;
	int fast = order_at_first_difference(a, la, b, lb);

	if (fast != 2)
		return fast;

	while (i < la && j < lb) {
		if (is_digit(a[i]) && is_digit(b[j])) {
			size_t ea, eb;

			while (i < la && a[i] == '0')
				i++;
			while (j < lb && b[j] == '0')
				j++;
			for (ea = i; ea < la && is_digit(a[ea]); )
				ea++;
			for (eb = j; eb < lb && is_digit(b[eb]); )
				eb++;
			if (ea - i != eb - j)
				return ea - i < eb - j ? -1 : 1;
			for (; i < ea; i++, j++)
				if (a[i] != b[j])
					return a[i] < b[j] ? -1 : 1;
			continue;
		}
		if (a[i] != b[j])
			return (unsigned char)a[i] < (unsigned char)b[j] ? -1 : 1;
		i++, j++;
	}
	if (i < la || j < lb)
		return i < la ? 1 : -1;
	/* The same but for leading zeros: in byte order. */
	{
		int c = memcmp(a, b, la < lb ? la : lb);

		return c != 0 ? (c < 0 ? -1 : 1) : la < lb ? -1 : la > lb;
	}
}

uint64_t
idset_hash(const char *id, size_t len)
{
	return hash_keyed(id, len);
}

/* Start bringing into the cache the slot of S's table where an id of
** hash HASH would be. */
static void
prefetch(const struct idset *s, uint64_t hash)
{
	if (s->nslots > 0)
		__builtin_prefetch(&s->slot[hash & (s->nslots - 1)]);
}

void
idset_probe(const struct idset *s, const char *id, size_t len,
    struct idset_probe *p)
{
	p->stamp = s->changes;
	p->beyond = !s->no_run && s->count == 0 && run_beyond(s, id, len);
	p->hashed = !p->beyond;
	p->hash = 0;
	if (p->hashed) {
		p->hash = hash_keyed(id, len);
		prefetch(s, p->hash);
	}
}

/* idset_add() of ID, whose hash is HASH when HASHED. */
static int
add(struct idset *s, int hashed, uint64_t hash, const char *id, size_t len)
{
	size_t after;
	int order;

	if (s->no_run)
		return table_add(s, hashed ? hash : hash_keyed(id, len), id, len);
	if (s->count > 0) {
		if (!hashed)
			hash = hash_keyed(id, len), hashed = 1;
		if (table_has(s, hash, id, len))
			return 0;
	}
	if (s->run_count == 0 ||
	    (order = idset_order((const char *)s->last, s->last_len, id, len)) < 0) {
		run_append(s, id, len);
		return 1;
	}
	if (order == 0 || run_find(s, id, len, &after))
		return 0;       /* most often the last: a row exported twice */
	if (after <= MAX_CUT) {
		/* It belongs among the run's last few: they came early
		 * (one id far ahead of the rest, or two swapped). */
		run_cut(s, s->run_count - after);
		run_append(s, id, len);
	} else {
		(void)table_add(s, hashed ? hash : hash_keyed(id, len), id, len);
		after = 1;
	}
	/* Ids out of order: those cut off the run, or this one. */
	s->behind += after;
	if (s->behind > GIVE_UP_MIN && s->behind > s->run_count / 4)
		give_up(s);
	return 1;
}

int
idset_add(struct idset *s, const char *id, size_t len)
{
	return add(s, 0, 0, id, len);
}

int
idset_add_probed(struct idset *s, const struct idset_probe *p,
    const char *id, size_t len)
{
	if (p->stamp != s->changes)
		return add(s, 0, 0, id, len);
	if (p->beyond) {
		run_append(s, id, len);
		return 1;
	}
	return add(s, p->hashed, p->hash, id, len);
}

void
idset_reserve(struct idset *s, size_t n)
{
	if (n > s->expect)
		s->expect = n;
	if (s->no_run)
		table_reserve(s, n);
}

/* Whether OTHER holds the LEN bytes at ID, whose hash is HASH. */
static int
has(const struct idset *other, uint64_t hash, const char *id, size_t len)
{
	return table_has(other, hash, id, len) || run_has(other, id, len);
}

/*
** Add to INTO's table the ids of S's run that OTHER's run holds: the two
** walked side by side over the range where they meet, OTHER's from the
** block where S's first id would be. Returns how many.
*/
static size_t
common_runs(struct idset *into, const struct idset *s,
    const struct idset *other)
{
	struct cursor a, b;
	size_t found = 0, start, flen;
	const unsigned char *first;
	int more_a, more_b;

	if (s->run_count == 0 || other->run_count == 0)
		return 0;
	first = block_first(s, 0, &flen);
	if (idset_order((const char *)other->last, other->last_len,
	    (const char *)first, flen) < 0 ||
	    idset_order((const char *)s->last, s->last_len,
	    (const char *)block_first(other, 0, &flen), flen) < 0)
		return 0;       /* the ranges do not meet */
	first = block_first(s, 0, &flen);       /* flen was OTHER's */
	start = find_block(other, 0, (const char *)first, flen);
	cursor_open(&a, s, 0);
	cursor_open(&b, other, other->block[start == (size_t)-1 ? 0 : start]);
	more_a = cursor_next(&a) == 0;
	more_b = cursor_next(&b) == 0;
	while (more_a && more_b) {
		int order = idset_order((const char *)a.buf, a.len,
		    (const char *)b.buf, b.len);

		if (order == 0) {
			(void)table_add(into, hash_keyed(a.buf, a.len),
			    (const char *)a.buf, a.len);
			found++;
			more_a = cursor_next(&a) == 0;
			more_b = cursor_next(&b) == 0;
		} else if (order < 0) {
			more_a = cursor_next(&a) == 0;
		} else {
			more_b = cursor_next(&b) == 0;
		}
	}
	cursor_close(&a);
	cursor_close(&b);
	return found;
}

/*
** Add to INTO's table the ids of SET's table that S holds (in its run
** only, when RUN_ONLY, or anywhere), a few at a time so that the lookups
** wait on memory together. Returns how many.
*/
static size_t
common_table(struct idset *into, const struct idset *set,
    const struct idset *s, int run_only)
{
	enum { AHEAD = 16 };        /* lookups that wait on memory together */
	struct { uint64_t hash; const unsigned char *id; size_t len; } b[AHEAD];
	size_t at = 1, found = 0;

	while (at < set->len) {
		size_t n = 0;

		for (; n < AHEAD && at < set->len; n++) {
			b[n].len = get_len(set->bytes + at, &b[n].id);
			b[n].hash = hash_keyed(b[n].id, b[n].len);
			if (!run_only)
				prefetch(s, b[n].hash);
			at = (size_t)(b[n].id - set->bytes) + b[n].len;
		}
		for (size_t k = 0; k < n; k++) {
			const char *id = (const char *)b[k].id;

			if (run_only ? run_has(s, id, b[k].len) :
			    has(s, b[k].hash, id, b[k].len)) {
				(void)table_add(into, b[k].hash, id, b[k].len);
				found++;
			}
		}
	}
	return found;
}

size_t
idset_add_common(struct idset *into, const struct idset *s,
    const struct idset *other)
{
	/* Each id of a set is in its run or its table, never both: the
	 * three meetings below find each common id once. */
	return common_runs(into, s, other) +       /* S's run, OTHER's run */
	    common_table(into, other, s, 1) +      /* S's run, OTHER's table */
	    common_table(into, s, other, 0);       /* S's table, all OTHER */
}

size_t
idset_count(const struct idset *s)
{
	return s->count + s->run_count;
}

void
idset_free(struct idset *s)
{
	run_free(s);
	big_free(s->slot, s->nslots * sizeof *s->slot);
	big_free(s->bytes, s->cap);
	memset(s, 0, sizeof *s);
}
