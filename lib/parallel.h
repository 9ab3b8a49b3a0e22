/* See LICENSE file for copyright and license details. */
#ifndef KPI_PARALLEL_H
#define KPI_PARALLEL_H

#include <stddef.h>
#include <sys/types.h>

#include "opts.h"
#include "reader.h"

/*
** --jobs: the input files are cut into chunks at line starts and each
** chunk is read on its own thread, with its own CSV parser, into its own
** state; the tool then merges the states in input order, so that the
** result is the same, byte for byte, for every number of jobs.
**
** Only clean data is read in parallel. The result must come from one
** sequential read instead (par_read() returns 0) when an input is not a
** regular file, when any chunk meets an error, a skipped row or any other
** warning (the sequential read then tells it, with its right line), or
** when a chunk border fell inside a quoted field (an odd number of quotes
** before it).
**
** The chunks' readers all count into the one rd_opts.progress of the
** options (its counts are atomic); when the chunks' work is thrown away,
** par_read() starts its counts again for the sequential read.
*/

/* What a tool gives par_read(). */
struct par_tool {
	void *(*start)(void *ctx);     /* a new state for one chunk */
	/* Bind the columns of R's header; mark what to read in WANT. */
	int (*bind)(void *state, struct reader *r, unsigned char *want);
	/* One row; -1 after rd_bad(). */
	int (*row)(void *state, struct reader *r, const struct row *row);
	/* Whether the state holds no warning to give. */
	int (*clean)(const void *state);
	void (*free)(void *state);
	void *ctx;
};

/*
** Read the files of O on JOBS threads, each chunk into a state from
** TOOL->start(). Returns the number of states, in input order, through
** *STATES (a new array the caller frees, after TOOL->free on each), or 0
** when the input must be read sequentially (see above); no state is then
** left.
*/
size_t par_read(const struct kpi_opts *o, size_t jobs,
    const struct par_tool *tool, void ***states);

#endif
