/* See LICENSE file for copyright and license details. */
#ifndef KPI_IDSET_H
#define KPI_IDSET_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
** A set of ids (byte strings), for duplicate detection: which ids have
** been seen, exactly. Ids are compared byte for byte, never by a hash
** alone, so two different ids are never taken for one. Made for the
** exports people have, whose ids mostly come in order (a record id, or
** rows by creation date), and for the rest.
**
** The run: ids that come in ascending order (idset_order()) are appended
** to one block of bytes, each after what it shares with the id before it
** (front coding, a fresh start every RUN_BLOCK ids, whose places a small
** index keeps). An id after the last one is new without a lookup; one
** before it is looked up by a binary search over the blocks and a walk of
** one block. Memory: a few bytes an id when neighbours share most of
** their bytes (3.3 for "L5123456", "L5123457", ...).
**
** The table: the ids that come out of order, in open addressing over
** slots of 8 bytes (32 bits of the id's hash, and where its bytes are),
** linear probing, at most 7/10 full; the ids themselves, each after its
** length, in a second block. A lookup of a new id reads one slot run and,
** but once in 4 billion, no id. Memory, per id of L bytes: 8 bytes a slot
** at a load between 0.35 and 0.7 (11 to 23 bytes), and L + 1 (L + 2 from
** 128 bytes on, L + 3 from 16384: the length goes before the id, 7 bits a
** byte). The table holds at most 4 GiB of ids (some 400 million of ten
** bytes); past it idset_add() ends the program with a message that says
** so.
**
** An id that comes before the run's last and is not in the run goes to
** the table, unless at most MAX_CUT (8) ids of the run come after it:
** those are taken off the run into the table, and it goes on the run (so
** that one id far ahead of the rest does not send every id after it to
** the table). Once more than a quarter as many ids have come out of
** order (to the table, or cut off the run) as are in the run, and more
** than 1024, the run is given up: its ids go into the table, and every id after
** them, so that input in no order costs what a table alone does.
** idset_reserve() sizes the table from then on (and at once, when the
** run is given up already), so that a set that knows how many ids are
** coming never grows it (growing holds the old and the new table at
** once). Initialise with {0}.
*/
struct idset {
	/* The run. */
	unsigned char *run;        /* front-coded ids, ascending */
	size_t run_len, run_cap, run_count;
	size_t *block;             /* where each block of RUN_BLOCK starts */
	size_t nblocks, block_cap;
	unsigned char *last;       /* the run's last id, whole */
	size_t last_len, last_cap;
	size_t longest;            /* the run's longest id, in bytes */
	size_t behind;             /* ids that came out of order */
	int no_run;                /* given up: every id goes to the table */
	size_t changes;            /* ids added, and the run given up */
	size_t expect;             /* idset_reserve()'s N, for the table */

	/* The table. */
	uint64_t *slot;            /* tag << 32 | where; 0: free */
	size_t nslots;             /* a power of two, or 0 */
	size_t count;              /* ids in the table */
	unsigned char *bytes;      /* the ids; byte 0 unused, so "where" > 0 */
	size_t len, cap;
};

/*
** The order of the run, and of every sort of ids a tool may want: -1, 0
** or 1 as id A (LA bytes) comes before, is, or comes after id B. Natural
** order: runs of digits compare as the numbers they write ("L9" before
** "L10", "00Q5e0000" before "00Q5e0001"), other bytes as unsigned bytes,
** a digit run sitting where its first digit does among them; ids that
** differ only in leading zeros ("L01", "L1"), then, in byte order. A
** total order, 0 only for the same bytes.
*/
int idset_order(const char *a, size_t la, const char *b, size_t lb);

/*
** Add the LEN bytes at ID to S. Returns 1 when it was not in S (now it
** is), 0 when it was already.
*/
int idset_add(struct idset *s, const char *id, size_t len);

/* The hash of the LEN bytes at ID: hash_keyed(), for tables of ids
** that are looked up in an idset's too (lib/join.c). */
uint64_t idset_hash(const char *id, size_t len);

/* What idset_probe() found out about an id, for idset_add_probed(). */
struct idset_probe {
	size_t stamp;              /* the set's changes when probed */
	int beyond;                /* the id came after every id of the run
	                              and the table was empty: it is new */
	int hashed;                /* HASH is the id's idset_hash() */
	uint64_t hash;
};

/*
** Look at the LEN bytes at ID ahead of an idset_add_probed() of it, into
** P: whether it comes after every id so far (then it is new, and no
** lookup is needed: a file sorted by id), else its hash, and start
** bringing into the cache the slot of the table where it would be: a
** lookup in a large table waits on memory, and work done in between
** (parsing the rest of the row) hides the wait. Changes nothing.
*/
void idset_probe(const struct idset *s, const char *id, size_t len,
    struct idset_probe *p);

/*
** idset_add() of the id that P was made for. What P found is used only
** if S has not changed since; either way the result is idset_add()'s.
*/
int idset_add_probed(struct idset *s, const struct idset_probe *p,
    const char *id, size_t len);

/*
** Expect N ids in all. Once the ids go to the table (the run given up),
** make room there for N, so that it does not grow until it holds more:
** slots for N, and bytes for N ids as long on average as those it holds
** (none yet: 16 bytes). Never shrinks S.
*/
void idset_reserve(struct idset *s, size_t n);

/*
** Add to INTO's table each id of S that OTHER holds too; returns how many
** ids of S were found in OTHER. For --jobs: the ids of a chunk that an
** earlier chunk has already seen, to read it again with (they go to the
** table, so that the chunk's own ids, coming in order, still make a run).
** The two runs are walked side by side where their ranges meet; each
** other id is looked up, a few at a time, so that the lookups wait on
** memory together.
*/
size_t idset_add_common(struct idset *into, const struct idset *s,
    const struct idset *other);

size_t idset_count(const struct idset *s);

void idset_free(struct idset *s);

#endif
