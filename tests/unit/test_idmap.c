/* See LICENSE file for copyright and license details. */
/* lib/idmap: ids numbered in the order they came, sorted or not. */
#include <stdio.h>
#include <string.h>

#include "../../lib/idmap.h"
#include "check.h"

/* Whether id K of M is the LEN bytes at S. */
static int
is(const struct idmap *m, size_t k, const char *s, size_t len)
{
	size_t n;
	const char *id = idmap_id(m, k, &n);

	return n == len && memcmp(id, s, len) == 0;
}

int
main(void)
{
	struct idmap m = {0};
	char id[32];
	int created, bad = 0;
	size_t n = 300000;

	/* Sorted, then out of order: numbers stay those first given. */
	CHECK("first id is 0", idmap_get(&m, "A", 1, &created) == 0 &&
	    created == 1);
	CHECK("same again", idmap_get(&m, "A", 1, &created) == 0 &&
	    created == 0);
	CHECK("a longer id after it is new", idmap_get(&m, "AB", 2,
	    &created) == 1 && created == 1);
	CHECK("then B", idmap_get(&m, "B", 1, &created) == 2 && created);
	CHECK("back to A, out of order: found", idmap_get(&m, "A", 1,
	    &created) == 0 && created == 0);
	CHECK("AB found", idmap_get(&m, "AB", 2, &created) == 1 && !created);
	CHECK("a prefix is another id", idmap_get(&m, "", 0, &created) == 3 &&
	    created == 1);
	CHECK("the empty id found again", idmap_get(&m, "", 0, &created) == 3 &&
	    created == 0);
	CHECK("a NUL byte inside counts", idmap_get(&m, "A\0x", 3, &created) ==
	    4 && created == 1);
	CHECK("ids read back", is(&m, 0, "A", 1) && is(&m, 1, "AB", 2) &&
	    is(&m, 2, "B", 1) && is(&m, 3, "", 0) && is(&m, 4, "A\0x", 3));
	CHECK("count", idmap_count(&m) == 5);
	idmap_free(&m);
	CHECK("empty after free", idmap_count(&m) == 0);

	/* N ids in sorted order (no slots), each again through the slots
	 * made when an id comes out of order, in reverse. */
	for (size_t i = 0; i < n; i++) {
		int len = snprintf(id, sizeof id, "C%07zu", i);

		if (idmap_get(&m, id, (size_t)len, &created) != i || !created)
			bad++;
	}
	CHECK("sorted ids numbered in order", bad == 0 && !m.hashed);
	for (size_t i = n; i-- > 0; ) {
		int len = snprintf(id, sizeof id, "C%07zu", i);
		uint64_t h = idmap_hash(id, (size_t)len);

		idmap_prefetch(&m, h);
		if (idmap_get_hashed(&m, h, id, (size_t)len, &created) != i ||
		    created)
			bad++;
	}
	CHECK("found again in reverse, through the slots", bad == 0 &&
	    m.hashed);
	/* New ids among them, through many doublings. */
	for (size_t i = 0; i < n; i++) {
		int len = snprintf(id, sizeof id, "D%zu", (i * 7919) % n);

		if (idmap_get(&m, id, (size_t)len, &created) != n + i ||
		    !created)
			bad++;
	}
	for (size_t i = 0; i < 2 * n; i++) {
		int len = i < n ? snprintf(id, sizeof id, "C%07zu", i) :
		    snprintf(id, sizeof id, "D%zu", ((i - n) * 7919) % n);

		if (idmap_get(&m, id, (size_t)len, &created) != i || created ||
		    !is(&m, i, id, (size_t)len))
			bad++;
	}
	CHECK("2N ids, each its own number", bad == 0 &&
	    idmap_count(&m) == 2 * n);
	idmap_free(&m);
	return finish();
}
