/* See LICENSE file for copyright and license details. */
#ifndef KPI_ASOF_H
#define KPI_ASOF_H

#include <stddef.h>

#include "date.h"

/*
** Leads waiting for the as-of time. With --window and no --asof, whether
** a lead counts depends on the as-of time, which is then the latest
** timestamp of the whole input, known only at its end. A tool pushes a
** small item per such lead (what it would add to its group) with the
** lead's creation time; the queue applies an item, with APPLY(CTX, item),
** as soon as the latest timestamp seen shows that the lead is old enough,
** and the rest at the end. So it holds only the leads of the last window,
** and is swept whenever it has doubled. The result is the same as knowing
** the as-of time from the start.
*/
struct asof_queue {
	size_t item_size;
	long long window_ms;
	void (*apply)(void *ctx, const void *item);
	void *ctx;
	kpi_time latest;            /* the latest timestamp seen so far */
	unsigned char *items;       /* (created, item) records */
	size_t n, cap, sweep_at;
};

/* Set up Q for items of ITEM_SIZE bytes, a window of WINDOW_MS (-1: none). */
void asof_init(struct asof_queue *q, long long window_ms, size_t item_size,
    void (*apply)(void *ctx, const void *item), void *ctx);

/* Note that the input holds timestamp T (every counted row's latest). */
void asof_see(struct asof_queue *q, kpi_time t);

/* Queue ITEM (item_size bytes, copied) of a lead created at CREATED. */
void asof_push(struct asof_queue *q, kpi_time created, const void *item);

/*
** At the end of the input: the as-of time is the latest timestamp seen
** (at least LATEST, when the queue saw only one chunk of the input; give
** NO_TIME otherwise); apply the items of leads created at least the window
** before it and drop the others. Returns that as-of time (NO_TIME when
** nothing was seen).
*/
kpi_time asof_finish(struct asof_queue *q, kpi_time latest);

void asof_free(struct asof_queue *q);

#endif
