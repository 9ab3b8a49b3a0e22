/* See LICENSE file for copyright and license details. */
/* lib/u64map: 64-bit keys to values, and sets, through many doublings. */
#include <stdint.h>
#include <stdio.h>

#include "../../lib/u64map.h"
#include "check.h"

int
main(void)
{
	struct u64map set, map;
	int created, bad = 0;
	size_t n = 200000, i = 0, walked = 0;
	uint64_t key, sum = 0, want = 0;
	uint64_t *v;

	u64map_init(&set, 0);
	u64map_get(&set, 0, &created);
	CHECK("key 0 is a key", created == 1);
	u64map_get(&set, 0, &created);
	CHECK("and is found", created == 0);
	u64map_get(&set, UINT64_MAX - 1, &created);
	CHECK("the largest key", created == 1 && u64map_count(&set) == 2);
	u64map_free(&set);
	CHECK("empty after free", u64map_count(&set) == 0);

	/* Keys as rfm.c packs them: customer << 23 | period, values their
	 * running sums; each key twice. */
	u64map_init(&map, sizeof(uint64_t));
	for (int pass = 0; pass < 2; pass++)
		for (uint64_t c = 0; c < n; c++) {
			uint64_t k = c << 23 | (c % 17);

			v = u64map_get(&map, k, &created);
			if (created != (pass == 0) || *v != (pass ? c : 0))
				bad++;
			*v += c;
		}
	CHECK("each key new once, its value kept through growing", bad == 0 &&
	    u64map_count(&map) == n);
	while ((v = u64map_next(&map, &i, &key)) != NULL) {
		walked++;
		if (*v != 2 * (key >> 23) || (key & ((1u << 23) - 1)) !=
		    (key >> 23) % 17)
			bad++;
		sum += *v;
	}
	for (uint64_t c = 0; c < n; c++)
		want += 2 * c;
	CHECK("the walk meets every key once with its value", bad == 0 &&
	    walked == n && sum == want);
	u64map_free(&map);
	return finish();
}
