/* See LICENSE file for copyright and license details. */
#include <string.h>

#include "tally.h"

uint64_t *
tally_count(const struct tally_field *f, void *t, size_t s)
{
	return (uint64_t *)((char *)t + f->offset) + s;
}

struct dvec *
tally_values(const struct tally_field *f, void *t, size_t s)
{
	return (struct dvec *)((char *)t + f->offset) + s;
}

/* How many slots field F has: one, or one per stage. */
static size_t
slots(const struct tally_field *f)
{
	return f->kind == TALLY_STAGE_COUNTS || f->kind == TALLY_STAGE_VALUES ?
	    MAX_STAGES : 1;
}

int
tally_merge(const struct tally_layout *l, void *into, const void *from)
{
	void *src = (void *)from;   /* read only, through the same accessors */

	for (const struct tally_field *f = l->field; f->name != NULL; f++)
		for (size_t s = 0; s < slots(f); s++)
			if (f->kind == TALLY_COUNT || f->kind == TALLY_STAGE_COUNTS) {
				uint64_t *a = tally_count(f, into, s);
				uint64_t b = *tally_count(f, src, s);

				if (b > (uint64_t)INT64_MAX ||
				    *a > (uint64_t)INT64_MAX - b)
					return -1;
				*a += b;
			} else {
				dvec_append(tally_values(f, into, s),
				    tally_values(f, src, s));
			}
	return 0;
}

void
tally_free(const struct tally_layout *l, void *t)
{
	for (const struct tally_field *f = l->field; f->name != NULL; f++)
		if (f->kind == TALLY_VALUES || f->kind == TALLY_STAGE_VALUES)
			for (size_t s = 0; s < slots(f); s++)
				dvec_free(tally_values(f, t, s));
}

const struct tally_field *
tally_find(const struct tally_layout *l, const char *name, size_t len)
{
	for (const struct tally_field *f = l->field; f->name != NULL; f++)
		if (strlen(f->name) == len && memcmp(f->name, name, len) == 0)
			return f;
	return NULL;
}
