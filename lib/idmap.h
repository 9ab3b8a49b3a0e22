/* See LICENSE file for copyright and license details. */
#ifndef KPI_IDMAP_H
#define KPI_IDMAP_H

#include <stddef.h>
#include <stdint.h>

/*
** Ids (byte strings) numbered 0, 1, 2, ... in the order they are first
** added: the dense number indexes the caller's own array of per-id state,
** which then lives in one allocation and is walked in order, instead of a
** hash table of pointers to states scattered over the heap (one cache miss
** per state, and a free() each). Made for a customer table of millions.
**
** Method: open addressing, linear probing, at most half full, over slots
** of 8 bytes (the high 32 bits of the id's hash_keyed(), seeded per
** process, and its number plus one; 0 marks a free slot); an id's first
** slot to try is given by the top bits of its hash, so that slots run in
** hash order and growing by doubling moves them in order (no random
** writes, no hashing again). The
** ids lie one after another in one block, id K at OFF[K] to OFF[K + 1].
** Ids are compared byte for byte whenever the 32 bits agree, so two
** different ids are never taken for one. The id found last is tried
** first, so input sorted by id costs one comparison a row. And while the
** ids come sorted (each new one bytewise after the one added before it),
** a new id cannot have been seen and no slots are kept at all: the first
** id out of order makes them, for every id so far, and from then on every
** id is looked up.
**
** Memory per id of L bytes: (once out of order) 8 bytes a slot at a load between 1/4 and 1/2
** (16 to 32 bytes), 8 in OFF, L in the block. At most 2^31 ids; past it
** idmap_get() ends the program with a message. Initialise with {0}.
*/
struct idmap {
	uint64_t *slot;            /* hash >> 32 << 32 | (number + 1); 0: free */
	size_t nslots;             /* 2^BITS, or 0 */
	unsigned bits;
	int hashed;                /* the slots are in use (not sorted) */
	size_t count;
	size_t last;               /* the number found or added last */
	char *bytes;               /* the ids, in number order */
	size_t len, cap;
	size_t *off;               /* COUNT + 1 offsets into BYTES */
	size_t capoff;
};

/*
** The number of the LEN bytes at ID: the one it was given when first
** added, or the next (idmap_count() before the call) when it is new, and
** then *CREATED (when not NULL) is 1, else 0.
*/
size_t idmap_get(struct idmap *m, const char *id, size_t len, int *created);

/*
** idmap_get() in two steps, for a lookup in a large map, which waits on
** memory: the hash of the id, and a hint to bring its first slot into
** the cache (changes nothing); then, after other work that hides the
** wait, idmap_get_hashed() with that hash.
*/
uint64_t idmap_hash(const char *id, size_t len);
void idmap_prefetch(const struct idmap *m, uint64_t hash);
size_t idmap_get_hashed(struct idmap *m, uint64_t hash, const char *id,
    size_t len, int *created);

/* Whether every id so far came sorted (then idmap_get() looks nothing up
** and hashes nothing: no need for the two steps above). */
int idmap_sorted(const struct idmap *m);

/* The id of number K (< idmap_count()): its bytes, *LEN of them (not
** NUL-terminated), valid until the next idmap_get(). */
const char *idmap_id(const struct idmap *m, size_t k, size_t *len);

size_t idmap_count(const struct idmap *m);

/* Free M's memory; M is then empty, ready for use again. */
void idmap_free(struct idmap *m);

#endif
