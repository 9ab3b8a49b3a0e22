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
** A chunk's reader counts lines from the chunk's start; once every chunk
** is read, each state is told how many lines came before its chunk
** (shift), so that what it noted names its true line. When the first row
** of a key wins (duplicate ids), a chunk cannot know alone which of its
** rows a chunk before it has already seen: settle() looks at the states
** of the chunks before it and gives a state to read the chunk again with
** (the rarer case), or none.
**
** The result must come from one sequential read instead (par_read()
** returns 0) when an input is not a regular file, when any chunk meets
** an error or a skipped row (the sequential read then tells it, with its
** right line), or when a chunk border fell inside a quoted field (an odd
** number of quotes before it).
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
	/* The chunk starts LINES lines below where its reader counted from:
	 * move the lines the state keeps. May be NULL. */
	void (*shift)(void *state, unsigned long lines);
	/*
	 * Once every chunk is read: a new state from start(), made ready to
	 * read chunk K (K >= 1) again because STATES[0..K-1] change how its
	 * rows count; NULL when they do not. Runs on several threads at once:
	 * it may only read STATES. May be NULL.
	 */
	void *(*settle)(void *ctx, void *const *states, size_t k);
	void (*free)(void *state);
	void *ctx;
};

/* How par_read() went, for --explain. */
struct par_report {
	size_t chunks;           /* read on threads; 0: read sequentially */
	size_t again;            /* chunks read a second time (settle()) */
	const char *why;         /* when read sequentially: why */
};

/*
** Read the files of O on JOBS threads, each chunk into a state from
** TOOL->start(). Returns the number of states, in input order, through
** *STATES (a new array the caller frees, after TOOL->free on each), or 0
** when the input must be read sequentially (see above); no state is then
** left. *REPORT says how it went.
*/
size_t par_read(const struct kpi_opts *o, size_t jobs,
    const struct par_tool *tool, void ***states, struct par_report *report);

/*
** --explain, once the tool keeps the chunks' result: bind each file's
** header as a chunk does, so that the reader and TOOL->bind tell where
** each column comes from, as a sequential read tells it (the chunks'
** readers, on threads, tell nothing). A tool that reads sequentially
** after all (par_read() returned 0, or it threw the chunks away) must not
** call it: the sequential read tells it. Nothing without --explain.
*/
void par_explain_columns(const struct kpi_opts *o,
    const struct par_tool *tool);

/* --explain: tell in NOTES how par_read() went, when O asks. */
void par_explain(const struct kpi_opts *o, const struct par_report *how,
    struct strbuf *notes);

#endif
