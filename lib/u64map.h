/* See LICENSE file for copyright and license details. */
#ifndef KPI_U64MAP_H
#define KPI_U64MAP_H

#include <stddef.h>
#include <stdint.h>

/*
** A map from 64-bit keys (any but UINT64_MAX) to values of a fixed size,
** or with size 0 a set: for keys a caller packs from numbers, such as
** (customer number, period) pairs, which need no bytes compared.
**
** Method: open addressing, linear probing, at most half full; a slot holds
** the key plus one (0 marks a free slot) and the value after it, 8-byte
** aligned. The first slot tried is given by the key through MurmurHash3's
** 64-bit finaliser. Growing by doubling places every slot again. Values
** move when the map grows: a pointer u64map_get() returned is good until
** the next u64map_get() of a new key.
**
** Memory per key: 8 bytes plus the value, rounded up to 8, per slot, at a
** load between 1/4 and 1/2.
*/
struct u64map {
	unsigned char *slot;
	size_t nslots;             /* a power of two, or 0 */
	size_t count;
	size_t vsize, ssize;       /* value and slot bytes */
};

/* Set up M for values of VSIZE bytes (0: a set). */
void u64map_init(struct u64map *m, size_t vsize);

/*
** The value of KEY, added zeroed when new; then *CREATED (when not NULL)
** is 1, else 0. For a set, a pointer not to be read or written.
*/
void *u64map_get(struct u64map *m, uint64_t key, int *created);

/*
** Walk M: the value of the first key at or after slot *I, with *KEY set
** and *I moved past it; NULL after the last. Start with *I = 0. Slots
** come in no particular order.
*/
void *u64map_next(const struct u64map *m, size_t *i, uint64_t *key);

size_t u64map_count(const struct u64map *m);

/* Free M's memory; M is then empty, for values of the same size. */
void u64map_free(struct u64map *m);

#endif
