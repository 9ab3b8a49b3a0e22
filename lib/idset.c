/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "idset.h"

enum {
	MEAN_ID = 16            /* bytes an id takes, before any is seen */
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

/* Take N slots (a power of two, more than now) and place every id again,
** walking the ids in the order they came. */
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

/* Make room for MORE bytes of ids (at least twice what there is, when it
 * must grow), or end the program past 4 GiB. */
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

void
idset_reserve(struct idset *s, size_t n)
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

/* Whether S holds the LEN bytes at ID, whose hash is HASH. */
static int
has_id(const struct idset *s, uint64_t hash, const char *id, size_t len)
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

uint64_t
idset_hash(const char *id, size_t len)
{
	return hash_keyed(id, len);
}

int
idset_add(struct idset *s, const char *id, size_t len)
{
	return idset_add_hashed(s, hash_keyed(id, len), id, len);
}

int
idset_add_hashed(struct idset *s, uint64_t hash, const char *id, size_t len)
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
	/* At most 7/10 full, so that probe runs stay short. */
	if (++s->count * 10 > s->nslots * 7)
		resize(s, 2 * s->nslots);
	return 1;
}

void
idset_prefetch(const struct idset *s, uint64_t hash)
{
	if (s->nslots > 0)
		__builtin_prefetch(&s->slot[hash & (s->nslots - 1)]);
}

size_t
idset_add_common(struct idset *into, const struct idset *s,
    const struct idset *other)
{
	enum { AHEAD = 16 };        /* lookups that wait on memory together */
	struct { uint64_t hash; const unsigned char *id; size_t len; } b[AHEAD];
	size_t at = 1, found = 0;

	if (other->nslots == 0)
		return 0;
	while (at < s->len) {
		size_t n = 0;

		for (; n < AHEAD && at < s->len; n++) {
			b[n].len = get_len(s->bytes + at, &b[n].id);
			b[n].hash = hash_keyed(b[n].id, b[n].len);
			idset_prefetch(other, b[n].hash);
			at = (size_t)(b[n].id - s->bytes) + b[n].len;
		}
		for (size_t k = 0; k < n; k++)
			if (has_id(other, b[k].hash, (const char *)b[k].id,
			    b[k].len)) {
				idset_add_hashed(into, b[k].hash,
				    (const char *)b[k].id, b[k].len);
				found++;
			}
	}
	return found;
}

size_t
idset_count(const struct idset *s)
{
	return s->count;
}

void
idset_free(struct idset *s)
{
	big_free(s->slot, s->nslots * sizeof *s->slot);
	big_free(s->bytes, s->cap);
	memset(s, 0, sizeof *s);
}
