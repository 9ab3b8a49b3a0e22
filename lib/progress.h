/* See LICENSE file for copyright and license details. */
#ifndef KPI_PROGRESS_H
#define KPI_PROGRESS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

/*
** A progress line on stderr for long reads (kpikit(7), PROGRESS): the
** bytes read of the total where the total is known, the rows, the rate
** and the time left, as in
**
**     lead-convert: 412 MB of 1.29 GB (32%), 3.12M rows, 180 MB/s, 4 s left
**
** The line appears only once a run has taken PROGRESS_AFTER_MS, is
** redrawn at most every PROGRESS_EVERY_MS, and is erased by
** progress_done() and before any message on stderr (util.h, vwarn()), so
** short runs print nothing and messages are never garbled.
**
** It is drawn with a carriage return and erased with one, spaces and
** another: no escape sequences, so it works on any terminal and, when
** --progress forces it onto a file or a pipe, leaves lines a reader that
** knows '\r' (pv(1), less -r, a log viewer) shows as the last state.
**
** The caller owns the struct (struct kpi_opts holds one); the readers it
** is handed to (rd_opts.progress) count into it with progress_add() once
** per read(2) of up to 256 KiB, from any number of threads (--jobs): two
** relaxed atomic adds and a look at the clock, and a draw only by the one
** thread that gets the lock. Nothing else is shared.
*/

#define PROGRESS_AFTER_MS 1000   /* no line for runs shorter than this */
#define PROGRESS_EVERY_MS 250    /* at most four redraws a second */

enum progress_mode { PROGRESS_AUTO, PROGRESS_ON, PROGRESS_OFF };

struct progress {
	int on;                  /* set by progress_init(), then read only */
	int tty;                 /* stderr is a terminal */
	int width;               /* its columns; 0: unknown */
	int64_t total;           /* bytes of all the inputs; -1: unknown */
	int64_t t0;              /* ns: when counting (re)started */
	int64_t every;           /* ns between draws */
	_Atomic uint64_t bytes, rows;
	_Atomic int64_t next;    /* ns: the next time a draw may be due */
	pthread_mutex_t lock;    /* held while drawing or erasing */
	int done;                /* under lock: draw no more */
	size_t shown;            /* under lock: columns the line on screen
	                            takes; 0: none is */
};

/*
** Set up P for MODE: PROGRESS_AUTO draws when stderr is a terminal,
** PROGRESS_ON always, PROGRESS_OFF never. The clock starts now. For the
** tests, the environment variables KPIKIT_PROGRESS_AFTER_MS and
** KPIKIT_PROGRESS_EVERY_MS (milliseconds; 0: at every read) replace
** PROGRESS_AFTER_MS and PROGRESS_EVERY_MS. Returns whether P will draw; when it
** will not, every other call is a no-op, and the readers need not be
** given P at all.
*/
int progress_init(struct progress *p, enum progress_mode mode);

/*
** Add the size of the input PATH (NULL or "-": standard input) to the
** total. An input that is not a regular file (a pipe) makes the total
** unknown: the line then shows no share and no time left.
*/
void progress_expect(struct progress *p, const char *path);

/*
** Count BYTES more bytes and ROWS more rows read, and draw the line if
** it is due. Safe from several threads at once.
*/
void progress_add(struct progress *p, uint64_t bytes, uint64_t rows);

/*
** Start the counts again from zero: the input is about to be read once
** more (--jobs falling back to one thread). Only while no thread adds.
*/
void progress_rewind(struct progress *p);

/*
** Erase the line, if one is shown, and draw no more: call it once the
** input is read, before the result goes to standard output (which may be
** the same terminal). Safe to call more than once.
*/
void progress_done(struct progress *p);

/* progress_done(), then free what progress_init() took. */
void progress_free(struct progress *p);

#endif
