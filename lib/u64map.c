/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "u64map.h"
#include "util.h"

static uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

static uint64_t
key_at(const unsigned char *slot)
{
	uint64_t k;

	memcpy(&k, slot, sizeof k);
	return k;
}

void
u64map_init(struct u64map *m, size_t vsize)
{
	memset(m, 0, sizeof *m);
	m->vsize = vsize;
	m->ssize = sizeof(uint64_t) + (vsize + 7) / 8 * 8;
}

static void
grow(struct u64map *m)
{
	size_t n = m->nslots ? 2 * m->nslots : 1024, mask = n - 1;
	unsigned char *slot = xcalloc(n, m->ssize);

	for (size_t j = 0; j < m->nslots; j++) {
		const unsigned char *s = m->slot + j * m->ssize;
		uint64_t k = key_at(s);
		size_t i;

		if (k == 0)
			continue;
		for (i = mix(k) & mask; key_at(slot + i * m->ssize) != 0;
		    i = (i + 1) & mask)
			;
		memcpy(slot + i * m->ssize, s, m->ssize);
	}
	free(m->slot);
	m->slot = slot;
	m->nslots = n;
}

void *
u64map_get(struct u64map *m, uint64_t key, int *created)
{
	size_t mask, i;
	uint64_t k = key + 1, at;

	if (created != NULL)
		*created = 0;
	if (k == 0)
		die(EX_SOFTWARE, "internal error: u64map key UINT64_MAX");
	if (2 * (m->count + 1) > m->nslots)
		grow(m);
	mask = m->nslots - 1;
	for (i = mix(k) & mask; (at = key_at(m->slot + i * m->ssize)) != 0;
	    i = (i + 1) & mask)
		if (at == k)
			return m->slot + i * m->ssize + sizeof k;
	memcpy(m->slot + i * m->ssize, &k, sizeof k);
	m->count++;
	if (created != NULL)
		*created = 1;
	return m->slot + i * m->ssize + sizeof k;
}

void *
u64map_next(const struct u64map *m, size_t *i, uint64_t *key)
{
	for (; *i < m->nslots; (*i)++) {
		const unsigned char *s = m->slot + *i * m->ssize;
		uint64_t k = key_at(s);

		if (k != 0) {
			*key = k - 1;
			(*i)++;
			return (void *)(s + sizeof k);
		}
	}
	return NULL;
}

size_t
u64map_count(const struct u64map *m)
{
	return m->count;
}

void
u64map_free(struct u64map *m)
{
	free(m->slot);
	u64map_init(m, m->vsize);
}
