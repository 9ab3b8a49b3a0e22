/* See LICENSE file for copyright and license details. */
#include <stdlib.h>
#include <string.h>

#include "asof.h"
#include "util.h"

void
asof_init(struct asof_queue *q, long long window_ms, size_t item_size,
    void (*apply)(void *ctx, const void *item), void *ctx)
{
	memset(q, 0, sizeof *q);
	q->item_size = item_size;
	q->window_ms = window_ms;
	q->apply = apply;
	q->ctx = ctx;
	q->latest = NO_TIME;
	q->sweep_at = 1024;
}

void
asof_see(struct asof_queue *q, kpi_time t)
{
	if (t != NO_TIME && t > q->latest)
		q->latest = t;
}

/* Apply the items of leads created at or before CUTOFF; keep the rest
** (or, when DROP, forget them). */
static void
sweep(struct asof_queue *q, kpi_time cutoff, int drop)
{
	size_t rec = sizeof(kpi_time) + q->item_size, kept = 0;

	for (size_t i = 0; i < q->n; i++) {
		unsigned char *p = q->items + i * rec;
		kpi_time created;

		memcpy(&created, p, sizeof created);
		if (created <= cutoff)
			q->apply(q->ctx, p + sizeof created);
		else if (!drop)
			memmove(q->items + kept++ * rec, p, rec);
	}
	q->n = drop ? 0 : kept;
}

void
asof_push(struct asof_queue *q, kpi_time created, const void *item)
{
	size_t rec = sizeof(kpi_time) + q->item_size;

	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 1024;
		q->items = xreallocarray(q->items, q->cap, rec);
	}
	memcpy(q->items + q->n * rec, &created, sizeof created);
	memcpy(q->items + q->n * rec + sizeof created, item, q->item_size);
	q->n++;
	/* The as-of time is at least the latest seen: settle who is old enough. */
	if (q->n >= q->sweep_at && q->latest != NO_TIME) {
		sweep(q, q->latest - q->window_ms, 0);
		q->sweep_at = q->n * 2 > 1024 ? q->n * 2 : 1024;
	}
}

kpi_time
asof_finish(struct asof_queue *q, kpi_time latest)
{
	asof_see(q, latest);
	if (q->latest != NO_TIME)
		sweep(q, q->latest - q->window_ms, 1);
	q->n = 0;
	return q->latest;
}

void
asof_free(struct asof_queue *q)
{
	free(q->items);
	q->items = NULL;
	q->n = q->cap = 0;
}
