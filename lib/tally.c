/* See LICENSE file for copyright and license details. */
#include <string.h>

#include "tally.h"

size_t
tally_size(const struct tally_layout *l, size_t nstages)
{
	return l->stage_size > 0 ? l->stage_size * nstages : l->size;
}

int
tally_staged(const struct tally_field *f)
{
	return f->kind == TALLY_STAGE_COUNTS || f->kind == TALLY_STAGE_VALUES;
}

/* Where slot S of field F lies in T: SIZE bytes apart in an array, or a
** stage's struct apart. */
static void *
slot(const struct tally_layout *l, const struct tally_field *f, void *t,
    size_t s, size_t size)
{
	return (char *)t + f->offset + s * (l->stage_size > 0 ? l->stage_size :
	    size);
}

uint64_t *
tally_count(const struct tally_layout *l, const struct tally_field *f,
    void *t, size_t s)
{
	return slot(l, f, t, s, sizeof(uint64_t));
}

struct dvec *
tally_values(const struct tally_layout *l, const struct tally_field *f,
    void *t, size_t s)
{
	return slot(l, f, t, s, sizeof(struct dvec));
}

/* How many slots field F has: one, or one per stage of the run's
** NSTAGES (a field-major tally's later slots stay zero). */
static size_t
slots(const struct tally_field *f, size_t nstages)
{
	return tally_staged(f) ? nstages : 1;
}

int
tally_merge(const struct tally_layout *l, size_t nstages, void *into,
    const void *from)
{
	void *src = (void *)from;   /* read only, through the same accessors */

	for (const struct tally_field *f = l->field; f->name != NULL; f++)
		for (size_t s = 0; s < slots(f, nstages); s++)
			if (f->kind == TALLY_COUNT || f->kind == TALLY_STAGE_COUNTS) {
				uint64_t *a = tally_count(l, f, into, s);
				uint64_t b = *tally_count(l, f, src, s);

				if (b > (uint64_t)INT64_MAX ||
				    *a > (uint64_t)INT64_MAX - b)
					return -1;
				*a += b;
			} else {
				dvec_append(tally_values(l, f, into, s),
				    tally_values(l, f, src, s));
			}
	return 0;
}

void
tally_free(const struct tally_layout *l, size_t nstages, void *t)
{
	for (const struct tally_field *f = l->field; f->name != NULL; f++)
		if (f->kind == TALLY_VALUES || f->kind == TALLY_STAGE_VALUES)
			for (size_t s = 0; s < slots(f, nstages); s++)
				dvec_free(tally_values(l, f, t, s));
}

const struct tally_field *
tally_find(const struct tally_layout *l, const char *name, size_t len)
{
	for (const struct tally_field *f = l->field; f->name != NULL; f++)
		if (strlen(f->name) == len && memcmp(f->name, name, len) == 0)
			return f;
	return NULL;
}
