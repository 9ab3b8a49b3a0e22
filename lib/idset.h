/* See LICENSE file for copyright and license details. */
#ifndef KPI_IDSET_H
#define KPI_IDSET_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
** A set of ids (byte strings), for duplicate detection: which ids have
** been seen. Made for many short keys and nothing else: open addressing
** over slots of 8 bytes (32 bits of the id's hash, and where its bytes
** are), linear probing, at most 7/10 full; the ids themselves, each after
** its length, one after another in one block. A lookup of a new id reads
** one slot run and, but once in 4 billion, no id; ids are compared byte
** for byte whenever the 32 bits agree, so two different ids are never
** taken for one.
**
** Memory, per distinct id of L bytes: 8 bytes a slot at a load between
** 0.35 and 0.7 (11 to 23 bytes), and L + 1 in the block (L + 2 from 128
** bytes on, L + 3 from 16384: the length goes before the id, 7 bits a
** byte). The block holds at most 4 GiB (some 400 million ids of ten
** bytes); past it idset_add() ends the program with a message that says
** so. idset_reserve() sizes both from the ids so far, so that a set that
** knows how many ids are coming never grows (growing holds the old and
** the new table at once).
** Initialise with {0}.
*/
struct idset {
	uint64_t *slot;            /* tag << 32 | where; 0: free */
	size_t nslots;             /* a power of two, or 0 */
	size_t count;
	unsigned char *bytes;      /* the ids; byte 0 unused, so "where" > 0 */
	size_t len, cap;
};

/*
** Add the LEN bytes at ID to S. Returns 1 when it was not in S (now it
** is), 0 when it was already.
*/
int idset_add(struct idset *s, const char *id, size_t len);

/* The hash of the LEN bytes at ID, for the two calls below. */
uint64_t idset_hash(const char *id, size_t len);

/* idset_add() of an id whose idset_hash() is HASH. */
int idset_add_hashed(struct idset *s, uint64_t hash, const char *id,
    size_t len);

/*
** Start bringing into the cache the slot where an id of hash HASH would
** be, for an idset_add_hashed() of it a little later: a lookup in a large
** set waits on memory, and work done in between (parsing the rest of the
** row) hides the wait. Changes nothing.
*/
void idset_prefetch(const struct idset *s, uint64_t hash);

/*
** Make room for N ids in all, so that S does not grow until it holds
** more: slots for N, and bytes for N ids as long on average as those it
** holds (none yet: 16 bytes). Growing by doubling places every id again
** and, while it does, holds both tables. Never shrinks S.
*/
void idset_reserve(struct idset *s, size_t n);

/*
** Add to INTO each id of S that OTHER holds too; returns how many ids of
** S were found in OTHER. For --jobs: the ids of a chunk that an earlier
** chunk has already seen. S's ids are walked in the order they came, a
** few at a time: their slots in OTHER are fetched together, then looked
** at, so that the lookups wait on memory side by side. Ids are compared
** byte for byte, as in idset_add().
*/
size_t idset_add_common(struct idset *into, const struct idset *s,
    const struct idset *other);

size_t idset_count(const struct idset *s);

void idset_free(struct idset *s);

#endif
