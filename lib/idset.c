/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "idset.h"

struct id_slot {
	uint64_t hash;
	const unsigned char *id;   /* its length (LEB128), then its bytes;
	                              NULL: the slot is free */
};

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

/* Whether S holds the LEN bytes at ID, whose hash is HASH. */
static int
has_id(const struct idset *s, uint64_t hash, const char *id, size_t len)
{
	if (s->nslots == 0)
		return 0;
	for (size_t i = hash & (s->nslots - 1); s->slot[i].id != NULL;
	    i = (i + 1) & (s->nslots - 1))
		if (s->slot[i].hash == hash && same_id(s->slot[i].id, id, len))
			return 1;
	return 0;
}

enum { HUGE_PAGE = 2 << 20 };

/*
** N free slots. A table of 2 MB or more is mapped on its own and asked
** for huge pages: each lookup lands on a random slot, and with 4 kB pages
** nearly each one would first miss the TLB (a 16 MB table spans 4096
** pages; the TLB holds about 1500).
*/
static struct id_slot *
slots_new(size_t n)
{
	size_t size = n * sizeof(struct id_slot);
	char *p, *at;

	if (size < HUGE_PAGE)
		return xcalloc(n, sizeof(struct id_slot));
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
	return (struct id_slot *)at;
}

static void
slots_free(struct id_slot *slot, size_t n)
{
	if (n * sizeof *slot < HUGE_PAGE)
		free(slot);
	else
		munmap(slot, n * sizeof *slot);
}

/* Take N slots (a power of two, more than now), placing each id again. */
static void
resize(struct idset *s, size_t n)
{
	struct id_slot *slot = slots_new(n);

	for (size_t i = 0; i < s->nslots; i++) {
		size_t j;

		if (s->slot[i].id == NULL)
			continue;
		for (j = s->slot[i].hash & (n - 1); slot[j].id != NULL;
		    j = (j + 1) & (n - 1))
			;
		slot[j] = s->slot[i];
	}
	slots_free(s->slot, s->nslots);
	s->slot = slot;
	s->nslots = n;
}

/* Double the slots, to 1024 at first. */
static void
grow(struct idset *s)
{
	resize(s, s->nslots ? 2 * s->nslots : 1024);
}

void
idset_reserve(struct idset *s, size_t n)
{
	size_t want = 1024;

	/* At most 7/10 full with N ids; a table of 2^60 slots is no room. */
	while (want < (size_t)1 << 60 && want / 10 * 7 < n)
		want *= 2;
	if (want > s->nslots)
		resize(s, want);
}

uint64_t
idset_hash(const char *id, size_t len)
{
	return hash_bytes(id, len);
}

int
idset_add(struct idset *s, const char *id, size_t len)
{
	return idset_add_hashed(s, hash_bytes(id, len), id, len);
}

int
idset_add_hashed(struct idset *s, uint64_t hash, const char *id, size_t len)
{
	unsigned char *p, lenbuf[10];
	size_t i, n;

	if (s->nslots == 0)
		grow(s);
	for (i = hash & (s->nslots - 1); s->slot[i].id != NULL;
	    i = (i + 1) & (s->nslots - 1))
		if (s->slot[i].hash == hash && same_id(s->slot[i].id, id, len))
			return 0;
	if (len > SIZE_MAX - 16)
		die(EX_OSERR, "out of memory");
	n = put_len(lenbuf, len);
	p = arena_bytes(&s->arena, n + len);
	memcpy(p, lenbuf, n);
	memcpy(p + n, id, len);
	s->slot[i].hash = hash;
	s->slot[i].id = p;
	/* At most 7/10 full, so that probe runs stay short. */
	if (++s->count * 10 > s->nslots * 7)
		grow(s);
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
	enum { AHEAD = 16 };        /* slots fetched before they are looked up */
	size_t found = 0;

	if (other->nslots == 0)
		return 0;
	for (size_t i = 0; i < s->nslots; i++) {
		const struct id_slot *e = &s->slot[i];
		const unsigned char *bytes;
		size_t len;

		if (i + AHEAD < s->nslots && s->slot[i + AHEAD].id != NULL)
			__builtin_prefetch(&other->slot[s->slot[i + AHEAD].hash &
			    (other->nslots - 1)]);
		if (e->id == NULL)
			continue;
		len = get_len(e->id, &bytes);
		if (has_id(other, e->hash, (const char *)bytes, len)) {
			idset_add_hashed(into, e->hash, (const char *)bytes, len);
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
	if (s->slot != NULL)
		slots_free(s->slot, s->nslots);
	arena_free(&s->arena);
	memset(s, 0, sizeof *s);
}
