/* See LICENSE file for copyright and license details. */
#ifndef KPI_IDSET_H
#define KPI_IDSET_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
** A set of ids (byte strings), for duplicate detection: which ids have
** been seen. Made for many short keys and nothing else: open addressing
** over slots of 16 bytes (the id's 64-bit hash, and where its bytes are),
** linear probing, at most 7/10 full; the ids themselves, each after its
** length, in an arena. A lookup of a new id reads one slot run and no id;
** ids are compared byte for byte whenever their hashes agree, so two
** different ids are never taken for one.
**
** Memory, per distinct id of L bytes: 16 bytes a slot at a load between
** 0.35 and 0.7 (23 to 46 bytes), and L + 1 in the arena (L + 2 from 128
** bytes on, L + 3 from 16384: the length goes before the id, 7 bits a
** byte).
** Initialise with {0}.
*/
struct idset {
	struct id_slot *slot;
	size_t nslots;             /* a power of two, or 0 */
	size_t count;
	struct arena arena;
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
** more: growing by doubling places every id again and, while it does,
** holds both tables (half as much memory again). Never shrinks S.
*/
void idset_reserve(struct idset *s, size_t n);

/*
** Add to INTO each id of S that OTHER holds too; returns how many ids of
** S were found in OTHER. For --jobs: the ids of a chunk that an earlier
** chunk has already seen. S's slots are walked in order and each id is
** looked up in OTHER by the hash its slot keeps, fetched a few slots
** ahead, so that the lookups wait on memory side by side. Ids are
** compared byte for byte, as in idset_add().
*/
size_t idset_add_common(struct idset *into, const struct idset *s,
    const struct idset *other);

size_t idset_count(const struct idset *s);

void idset_free(struct idset *s);

#endif
