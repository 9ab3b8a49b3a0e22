/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "idmap.h"
#include "util.h"

#define TAG_MASK 0xffffffff00000000ULL

/* The slot where an id whose hash has the high 32 bits TAG (in the high
** half) belongs in a table of 2^BITS slots: the top BITS bits of the
** hash. Slots are thus in hash order, so that growing walks the old table
** and fills the new one in order, not at random (and needs no hash of the
** ids again). */
static size_t
home(uint64_t tag, unsigned bits)
{
	return (size_t)(tag >> (64 - bits));
}

static void
grow(struct idmap *m)
{
	unsigned bits = m->bits ? m->bits + 1 : 10;
	size_t n = (size_t)1 << bits, mask = n - 1;
	uint64_t *slot;

	if (bits > 32)
		die(EX_SOFTWARE, "more than %u distinct ids", 0x7fffffffU);
	slot = xcalloc(n, sizeof *slot);
	for (size_t j = 0; j < m->nslots; j++) {
		size_t i;

		if (m->slot[j] == 0)
			continue;
		for (i = home(m->slot[j] & TAG_MASK, bits); slot[i] != 0;
		    i = (i + 1) & mask)
			;
		slot[i] = m->slot[j];
	}
	free(m->slot);
	m->slot = slot;
	m->nslots = n;
	m->bits = bits;
}

static int
same(const struct idmap *m, size_t k, const char *id, size_t len)
{
	return m->off[k + 1] - m->off[k] == len && (len == 0 ||
	    memcmp(m->bytes + m->off[k], id, len) == 0);
}

/* Whether the id K is bytewise before the LEN bytes at ID (a prefix
** before a longer id). */
static int
before(const struct idmap *m, size_t k, const char *id, size_t len)
{
	size_t klen = m->off[k + 1] - m->off[k];
	int c = memcmp(m->bytes + m->off[k], id, klen < len ? klen : len);

	return c < 0 || (c == 0 && klen < len);
}

/* Leave the sorted mode: slots for every id so far. */
static void
index_all(struct idmap *m)
{
	unsigned bits = 10;
	size_t mask;

	while (((size_t)1 << bits) < 2 * (m->count + 1))
		bits++;
	if (bits > 32)
		die(EX_SOFTWARE, "more than %u distinct ids", 0x7fffffffU);
	m->bits = bits;
	m->nslots = (size_t)1 << bits;
	m->slot = xcalloc(m->nslots, sizeof *m->slot);
	mask = m->nslots - 1;
	for (size_t k = 0; k < m->count; k++) {
		uint64_t tag = hash_keyed(m->bytes + m->off[k], m->off[k + 1] -
		    m->off[k]) & TAG_MASK;
		size_t i;

		for (i = home(tag, bits); m->slot[i] != 0; i = (i + 1) & mask)
			;
		m->slot[i] = tag | (uint64_t)(k + 1);
	}
	m->hashed = 1;
}

uint64_t
idmap_hash(const char *id, size_t len)
{
	return hash_keyed(id, len);
}

void
idmap_prefetch(const struct idmap *m, uint64_t hash)
{
	if (m->hashed)
		__builtin_prefetch(&m->slot[home(hash & TAG_MASK, m->bits)]);
}

/* idmap_get() with the id's hash at HASH, or made here when NULL (and
** only when the slots are in use: not while ids come sorted). */
static size_t
get(struct idmap *m, const uint64_t *hash, const char *id, size_t len,
    int *created)
{
	uint64_t tag;
	size_t mask, i, k;

	if (created != NULL)
		*created = 0;
	if (m->count > 0 && same(m, m->last, id, len))
		return m->last;
	/* Sorted so far: an id after the last added is new. */
	if (!m->hashed && m->count > 0 && !before(m, m->count - 1, id, len))
		index_all(m);
	if (m->hashed) {
		tag = (hash != NULL ? *hash : idmap_hash(id, len)) & TAG_MASK;
		if (2 * (m->count + 1) > m->nslots)
			grow(m);
		mask = m->nslots - 1;
		for (i = home(tag, m->bits); m->slot[i] != 0;
		    i = (i + 1) & mask) {
			if ((m->slot[i] & TAG_MASK) != tag)
				continue;
			k = (size_t)(m->slot[i] & ~TAG_MASK) - 1;
			if (same(m, k, id, len))
				return m->last = k;
		}
		m->slot[i] = tag | (uint64_t)(m->count + 1);
	}
	k = m->count;
	if (k >= 0x7fffffffU)
		die(EX_SOFTWARE, "more than %u distinct ids", 0x7fffffffU);
	if (m->len + len < m->len)
		die(EX_OSERR, "out of memory");
	if (m->bytes == NULL || m->len + len > m->cap) {
		m->cap = m->cap ? 2 * m->cap : 65536;
		if (m->cap < m->len + len)
			m->cap = m->len + len;
		m->bytes = xrealloc(m->bytes, m->cap);
	}
	if (k + 2 > m->capoff) {
		m->capoff = m->capoff ? 2 * m->capoff : 1024;
		m->off = xreallocarray(m->off, m->capoff, sizeof *m->off);
		m->off[0] = 0;
	}
	if (len > 0)
		memcpy(m->bytes + m->len, id, len);
	m->len += len;
	m->off[k + 1] = m->len;
	m->count++;
	if (created != NULL)
		*created = 1;
	return m->last = k;
}

size_t
idmap_get(struct idmap *m, const char *id, size_t len, int *created)
{
	return get(m, NULL, id, len, created);
}

size_t
idmap_get_hashed(struct idmap *m, uint64_t hash, const char *id, size_t len,
    int *created)
{
	return get(m, &hash, id, len, created);
}

int
idmap_sorted(const struct idmap *m)
{
	return !m->hashed;
}

const char *
idmap_id(const struct idmap *m, size_t k, size_t *len)
{
	*len = m->off[k + 1] - m->off[k];
	return m->bytes + m->off[k];
}

size_t
idmap_count(const struct idmap *m)
{
	return m->count;
}

void
idmap_free(struct idmap *m)
{
	free(m->slot);
	free(m->bytes);
	free(m->off);
	memset(m, 0, sizeof *m);
}
