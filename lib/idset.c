/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "idset.h"

enum {
	HUGE_PAGE = 2 << 20,
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

/*
** SIZE bytes of zeros. A block of 2 MB or more is mapped on its own and
** asked for huge pages: each lookup lands on a random slot, and with 4 kB
** pages nearly each one would first miss the TLB (a 16 MB table spans
** 4096 pages; the TLB holds about 1500), and every 4 kB page touched
** first costs a page fault.
*/
static void *
big_alloc(size_t size)
{
	char *p, *at;

	if (size < HUGE_PAGE)
		return xcalloc(size, 1);
	/* A huge page must start on a multiple of its size: map one more
	 * and give back the ends. */
	p = mmap(NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		die(EX_OSERR, "out of memory");
	at = p + (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
	if (at > p)
		munmap(p, (size_t)(at - p));
	if (at + size < p + size + HUGE_PAGE)
		munmap(at + size, (size_t)(p + size + HUGE_PAGE - (at + size)));
#ifdef MADV_HUGEPAGE
	(void)madvise(at, size, MADV_HUGEPAGE);  /* a hint: fine if refused */
#endif
	return at;
}

/* Free P, of SIZE bytes from big_alloc(). */
static void
big_free(void *p, size_t size)
{
	if (p == NULL)
		return;
	if (size < HUGE_PAGE)
		free(p);
	else
		munmap(p, size);
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
