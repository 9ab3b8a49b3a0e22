/* See LICENSE file for copyright and license details. */
/* lib/idset: which ids were seen, exactly, however many. */
#include <stdio.h>
#include <string.h>

#include "../../lib/idset.h"
#include "check.h"

int
main(void)
{
	struct idset s = {0};
	char id[300], big[200];
	size_t fresh = 0, again = 0;

	/* Ids that are prefixes of each other, or differ in a NUL byte, are
	 * different ids. */
	CHECK("new id", idset_add(&s, "L1", 2) == 1);
	CHECK("same id again", idset_add(&s, "L1", 2) == 0);
	CHECK("its prefix is another id", idset_add(&s, "L", 1) == 1);
	CHECK("an extension is another id", idset_add(&s, "L10", 3) == 1);
	CHECK("a NUL byte inside counts", idset_add(&s, "L1\0x", 4) == 1);
	CHECK("and is found again", idset_add(&s, "L1\0x", 4) == 0);
	CHECK("the empty id is one id", idset_add(&s, "", 0) == 1 &&
	    idset_add(&s, "", 0) == 0);

	/* Ids of 128 bytes and more keep a two-byte length. */
	memset(big, 'x', sizeof big);
	CHECK("a 127-byte id", idset_add(&s, big, 127) == 1);
	CHECK("a 128-byte id is not it", idset_add(&s, big, 128) == 1);
	CHECK("a 200-byte id", idset_add(&s, big, 200) == 1);
	CHECK("each found again", idset_add(&s, big, 127) == 0 &&
	    idset_add(&s, big, 128) == 0 && idset_add(&s, big, 200) == 0);

	/* 300,000 ids, through many doublings, then each again: every one
	 * is new the first time and known the second. */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 300000; i++) {
			int n = snprintf(id, sizeof id, "C%07d", i);

			idset_prefetch(&s, idset_hash(id, (size_t)n));
			if (idset_add(&s, id, (size_t)n))
				fresh++;
			else
				again++;
		}
	CHECK("300000 ids new once", fresh == 300000);
	CHECK("and known the second time", again == 300000);
	CHECK("the count", idset_count(&s) == 300000 + 8);
	CHECK("the early ids are still there", idset_add(&s, "L1", 2) == 0 &&
	    idset_add(&s, "L", 1) == 0);
	idset_free(&s);
	CHECK("empty after free", idset_count(&s) == 0 &&
	    idset_add(&s, "L1", 2) == 1);
	idset_free(&s);

	/* Reserved for 100,000 ids: the table and the bytes do not move
	 * while they come. */
	{
		struct idset r = {0}, a = {0}, b = {0}, common = {0};
		const uint64_t *slots;
		const unsigned char *bytes;
		int moved = 0;

		idset_add(&r, "X0000000", 8);
		idset_reserve(&r, 100000);
		slots = r.slot;
		bytes = r.bytes;
		for (int i = 1; i < 100000; i++) {
			int n = snprintf(id, sizeof id, "X%07d", i);

			idset_add(&r, id, (size_t)n);
			moved |= r.slot != slots || r.bytes != bytes;
		}
		CHECK("reserved: no growing for the ids announced", !moved &&
		    idset_count(&r) == 100000);
		CHECK("reserved: at most 7/10 full", r.nslots * 7 / 10 >= 100000);
		idset_free(&r);

		/* The ids of B that A has: every third of B's. */
		for (int i = 0; i < 30000; i++) {
			int n = snprintf(id, sizeof id, "A%d", i);

			idset_add(&a, id, (size_t)n);
		}
		for (int i = 0; i < 30000; i += 3) {
			int n = snprintf(id, sizeof id, "A%d", i);

			idset_add(&b, id, (size_t)n);
			n = snprintf(id, sizeof id, "B%d", i);
			idset_add(&b, id, (size_t)n);
			idset_add(&b, id, (size_t)n + 1);  /* with its NUL */
		}
		CHECK("common: the ids of B that A holds",
		    idset_add_common(&common, &b, &a) == 10000 &&
		    idset_count(&common) == 10000);
		CHECK("common: those and no other", idset_add(&common, "A0", 2) == 0 &&
		    idset_add(&common, "A29997", 6) == 0 &&
		    idset_add(&common, "A1", 2) == 1 &&
		    idset_add(&common, "B0", 2) == 1);
		CHECK("common with an empty set: none",
		    idset_add_common(&common, &b, &(struct idset){0}) == 0);
		idset_free(&a);
		idset_free(&b);
		idset_free(&common);
	}
	return finish();
}
