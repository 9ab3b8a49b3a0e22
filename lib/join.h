/* See LICENSE file for copyright and license details. */
#ifndef KPI_JOIN_H
#define KPI_JOIN_H

#include <stddef.h>

#include "date.h"
#include "reader.h"
#include "util.h"

/*
** --join FILE: a leads table split over several files keyed by the lead
** id (leads in one export, won deals in another). Each joined file is
** read whole, first, into memory: for each of its rows the id, and the
** values of the columns it has of the lead's times (one per stage, the
** created date being the first, and lost) and of the --by columns. Then,
** as each row of the main table is decoded, the rows of the joined files
** with its id fill in what the main row leaves empty (kpikit(7), JOIN):
**
**  - the same --col and --preset mappings read every file, main and
**    joined; a joined file needs the id column and at least one of the
**    others (a time or a --by column), and may lack the rest;
**  - a value is the main row's when it is not empty, else that of the
**    first joined file that has one; two different non-empty values for
**    one lead (main and joined, or two joined files) are a data error
**    naming both places: a joined file fills in, it never overrides;
**    times compare as instants, --by values byte for byte;
**  - in a joined file an empty id, a bad date, or an id on two rows is a
**    data error naming the file, line and column (both lines for the
**    id), and under --skip-bad the row is skipped and counted by reason
**    (the first of two rows with one id stands);
**  - a joined row whose id no lead of the main table has is counted, and
**    join_report() names the first of each file: it is never silently
**    dropped.
**
** Memory: per joined row, the id and --by texts plus 1 byte each, 8
** bytes per time column the file has, 16 per --by column, a 32-byte row
** record and 16 to 32 bytes of hash slots (kpikit(7), SCALE, has it
** measured). The tables are read only once loaded, so the threads of
** --jobs share them; each thread has its own view (per-row scratch),
** and only sets a row's "matched" byte, atomically.
*/

struct join;
struct join_view;
struct kpi_opts;
struct leads;
struct lead;

/*
** Read the N files FILES (NULL: standard input) as joined tables for the
** leads table L (its roles, dates and --col mappings, not yet bound),
** through the reader options RO (delimiter, --preset filter, --skip-bad,
** notes), with the NBY --by columns BY. A file that cannot be opened, or
** holds an error without --skip-bad, ends the program with its message,
** after FAILED(CTX, message) if FAILED is not NULL (--partial writes a
** part that says it failed).
*/
struct join *join_load(char *const *files, size_t n, const struct leads *l,
    const struct rd_opts *ro, char *const *by, size_t nby,
    void (*failed)(void *ctx, const char *why), void *ctx);

/*
** --join as every leads tool takes it, the driver's (lib/leadtool.c) and
** the spend join's (lib/spend.c) alike: check that the shared options O
** allow it, read O's --join files with join_load() as the joined tables
** of the leads table L (set up by leads_init(), not yet bound), and have
** L read through a view of them (leads_set_join()). FAILED and CTX are
** join_load()'s. Usage errors (exit 64): --stage-col, whose current
** stage has no times to fill in; --join - when a main file is standard
** input too; --merge with --no-dedup, whose parts carry no ids. Returns
** the joined tables: the caller gives each other reader of the main
** table a view of its own (join_view_new()), and frees them with
** join_free() once every view is freed (leads_free() frees L's).
*/
struct join *join_open(const struct kpi_opts *o, struct leads *l,
    void (*failed)(void *ctx, const char *why), void *ctx);

/* Whether some joined file has the time of stage S (S = the number of
** stages: lost). */
int join_has_time(const struct join *j, size_t s);

/* A view of J for one reader of the main table (one per thread). */
struct join_view *join_view_new(const struct join *j);
void join_view_free(struct join_view *v);

/* The joined tables V views. */
const struct join *join_view_join(const struct join_view *v);

/*
** Bind V to the main table R, whose lead columns L has just bound: the
** --by columns are found in R, or may be absent when a joined file has
** them (an absent one found nowhere, or one R has twice, is an error
** recorded in R: -1). Marks in WANT (may be NULL) the columns bound.
*/
int join_bind(struct join_view *v, const struct leads *l, struct reader *r,
    unsigned char *want);

/*
** Fill in lead D, read from ROW of R (its times from the main row set,
** its created date and id too), from the joined rows with its id, as the
** rules above say; the --by values of the lead are then join_by(V).
** Returns 0, or -1 after rd_bad() on two values for one lead.
*/
int join_lead(struct join_view *v, const struct leads *l, struct reader *r,
    const struct row *row, struct lead *d);

/*
** Where time T (a stage's, or lost: T = the number of stages) of the last
** lead join_lead() filled in came from: "FILE:LINE (column 'C')", a new
** string; NULL when it came from the main row, or is empty.
*/
char *join_where(const struct join_view *v, size_t t);

/*
** Whether time T (a stage's, or lost: T = the number of stages) of the
** last lead join_lead() filled in came from a joined file; if so, its
** value as that file has it in *AT (before anything leads_decode() makes
** of it after the join). 0, *AT untouched, when it is the main row's or
** empty.
*/
int join_time(const struct join_view *v, size_t t, kpi_time *at);

/* The --by values of the last lead join_lead() filled in: NBY fields. */
const struct field *join_by(const struct join_view *v);

/* The lead last filled in counts: the joined rows it matched have a lead.
** (A main row skipped as bad does not make its joined rows matched.) */
void join_keep(struct join_view *v);

/* --merge: the lead with the id of LEN bytes at ID was in a part; the
** joined rows with that id have a lead. */
void join_keep_id(struct join_view *v, const char *id, size_t len);

/*
** With note() to NOTES, for each joined file whose rows had ids of no
** lead: how many, and the first (FILE:LINE: id 'X').
*/
void join_report(const struct join *j, struct strbuf *notes);

void join_free(struct join *j);

#endif
