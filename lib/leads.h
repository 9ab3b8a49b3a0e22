/* See LICENSE file for copyright and license details. */
#ifndef KPI_LEADS_H
#define KPI_LEADS_H

#include <stddef.h>

#include "cols.h"
#include "date.h"
#include "idset.h"
#include "join.h"
#include "reader.h"
#include "stages.h"

/*
** The leads table of kpikit(7): one row per lead, a creation date, one
** timestamp column per later stage (or one current-stage column with
** --stage-col), an optional lost date and id. Shared by every tool that
** reads leads, so that "reached a stage" means one thing everywhere.
*/

/* The options that say how to read the leads table (--stages and so on). */
struct leads_opts {
	const char *stages;            /* --stages, NULL for the default */
	const char *stage_col;         /* --stage-col, NULL when not given */
	const char **stage_map;        /* --stage-map VALUE=STAGE, as given */
	size_t nstage_map;
	long long window_days;         /* --window; -1 when not given */
	kpi_time asof;                 /* --asof; NO_TIME when not given */
	int dedup;                     /* 1 unless --no-dedup */
	const char *count_col;         /* --count-col, NULL when not given */
	int count_ok;                  /* the tool reads a count column
	                                  (OPTS_COUNT): --count-col, or
	                                  --col count=HEADER */
	double stale_days;             /* --stale; -1 when not given */
};

/* One decoded lead. */
struct lead {
	kpi_time created;              /* NO_TIME when there is no created column */
	kpi_time at[MAX_STAGES];       /* each stage's own timestamp (NO_TIME: empty) */
	kpi_time reach[MAX_STAGES];    /* when it reached each stage (see below) */
	int top;                       /* the highest stage reached; -1: none */
	kpi_time lost;                 /* NO_TIME when not lost */
	kpi_time latest;               /* the latest timestamp in the row */
	const char *id;                /* NULL without an id column */
	size_t idlen;
	struct idset_probe idprobe;    /* set with the id by leads_set_id() */
	uint64_t count;                /* how many leads the row stands for:
	                                  its count column, 0 to COUNT_MAX;
	                                  1 without one */
	int64_t value[2];              /* a leads tool's own values of the
	                                  row (lib/leadtool.h, decode());
	                                  0 without */
	int placing;                   /* which time the lead is counted:
	                                  0, or 1 for place_again()'s */
};

/*
** The largest count a row may give (--count-col): 2^53, below which every
** whole number is exact as a double too, so that the weights of
** durations (funnel) and the products of amounts stay exact.
*/
#define COUNT_MAX (1ULL << 53)

/*
** Where the first case of a note was met: "FILE:LINE", then DETAIL if
** any. A chunk read on its own thread (--jobs) counts its lines from its
** start; leads_shift() moves them once the chunks before it are counted.
** Read back from a part, the whole text is DETAIL and FILE is NULL.
** Initialise with {0}: nothing met.
*/
struct place {
	char *file;
	unsigned long line;
	char *detail;
};

/* What a tool reads of the leads table, and how. */
struct leads {
	struct stages st;
	const char *stage_col;         /* --stage-col header, or NULL */
	struct stage_map stage_map;    /* --stage-map: its values' stages */
	long long window_ms;           /* --window in ms; -1 without */
	kpi_time asof;                 /* --asof; NO_TIME without */
	const struct colmap_set *cols; /* --col */
	const struct date_formats *dates;
	int dedup;                     /* drop rows whose id was seen */

	struct role roles[MAX_STAGES + 9];
	size_t nroles, nextra;
	size_t ncount;                 /* 1 with a count column, else 0: its
	                                  role is the last */
	char *headers[MAX_STAGES];     /* "mql_at" and so on */

	/* Bound to the current file by leads_bind(). */
	long col_id, col_created, col_lost, col_stage;
	long col_at[MAX_STAGES];
	long col_extra[8];
	long col_count;                /* -1 without a count column */
	uint64_t counted;              /* the counts of the rows decoded so
	                                  far, added: never past INT64_MAX */

	/* Duplicate ids. */
	struct idset *ids;             /* NULL under --no-dedup */
	off_t ids_from;                /* where this file's rows start */
	unsigned long ids_rows;        /* rows with an id in this file */
	unsigned long duplicates;
	struct place first_duplicate;  /* FILE:LINE, then ": id 'X'" */

	/* Leads with a stage dated before the stage before it. */
	unsigned long backwards;
	struct place first_backwards;  /* FILE:LINE, then ": column 'X': ..." */
	int order_bad;                 /* with --skip-bad, such a lead is a bad
	                                  row (the leads tools; set by the
	                                  driver after leads_init()) */

	/* --stale: an open lead quiet this long counts as lost; -1 without. */
	long long stale_ms;

	/* --join: the joined tables as this reader sees them (lib/join.h);
	** NULL without. leads_free() frees it. */
	struct join_view *join;
};

/*
** Set up L from O: the stages, --stage-col, --window, --asof, --no-dedup,
** and the roles: id, created, one per later stage (header NAME_at; none
** with --stage-col), lost, then the tool's NEXTRA EXTRA roles (at most 8),
** then, when O->count_ok and a count column is named (--count-col COL,
** or --col count=HEADER; both at once is a usage error), the role count.
** Checks the --col mappings COLS against these roles. CREATED_NEEDED says
** whether the created column is required even with --stage-col (periods
** and --asof need creation dates). --window with --stage-col is a usage
** error: a current stage has no timestamp.
*/
void leads_init(struct leads *l, const struct leads_opts *o,
    const struct colmap_set *cols, const struct date_formats *dates,
    int created_needed, const struct role *extra, size_t nextra);

/*
** Bind L's roles to R's header (and --stage-col). Returns 0, or -1 with
** the error recorded in R. COLS_WANTED, if not NULL, gets a 1 for each
** column bound (for rd_want()); it must have one entry per header field.
*/
int leads_bind(struct leads *l, struct reader *r, unsigned char *cols_wanted);

/*
** Decode ROW into *D. The rules (kpikit(7), "Stages"):
**  - created must be a date; the others may be empty (not reached);
**  - dates that go back (see leads_order()) are counted in L->backwards,
**    the first row's place kept; the lead still counts, by its timestamps
**    as they are; but with L->order_bad and --skip-bad the row is bad,
**    skipped with rd_bad();
**  - with --stale (L->stale_ms >= 0), a stale lead gets its lost time
**    (see leads_stale());
**  - D->top is the highest stage whose timestamp is set (with --stage-col:
**    the current stage); a lead has reached every stage up to D->top, a
**    skipped stage included;
**  - D->reach[s] is when it reached stage s: the earliest timestamp of s
**    and the stages after it (so a skipped stage is reached when a later
**    one is); NO_TIME with --stage-col, which has no timestamps;
**  - D->count is how many leads the row stands for: 1 without a count
**    column; with one, its value, a whole number from 0 to COUNT_MAX in
**    plain digits (spaces and tabs around it are ignored). Empty, a
**    sign, a fraction, an exponent (1e3), anything else, or more than
**    COUNT_MAX is a bad value, and so is a count that takes the sum of
**    the counts of L's rows so far (L->counted) past INT64_MAX, the
**    range of every tally: a tally can then never overflow while the
**    rows are read.
** A bad value is recorded with rd_bad(); returns -1 (skip the row), else 0.
*/
int leads_decode(struct leads *l, struct reader *r, const struct row *row,
    struct lead *d);

/*
** Add N, the count of the row ROW (as leads_decode() reads it, or of a
** lead a part holds), to L->counted; when that would pass INT64_MAX, the
** row is bad instead: rd_bad() on its column COL, -1. Else 0.
*/
int leads_count_add(struct leads *l, struct reader *r, const struct row *row,
    long col, uint64_t n);

/*
** Whether lead D's dates go back in time (kpikit(7), "Stages"): a stage's
** own timestamp before that of the nearest earlier stage that has one,
** or, for a lead lost by --asof (the end of the input without it) and
** not at the last stage by then, lost_at before the timestamp of a stage
** it reached by then (the latest such). Returns 1 with *LATE the stage
** dated too early (the number of stages L->st.n for lost_at) and *EARLY
** the stage it is before; else 0. Data entered out of order: the stages
** are facts, only the times between them are doubtful.
*/
int leads_order(const struct leads *l, const struct lead *d, size_t *late,
    size_t *early);

/*
** --stale: if lead D is open at --asof L->asof (created by then, neither
** at the last stage nor lost by then) and its latest timestamp by then,
** T, is more than L->stale_ms before it, set D's lost time to T +
** L->stale_ms (and its latest, if later) and return 1; else 0. Nothing
** without --stale. --asof is required with --stale (opts_parse()).
*/
int leads_stale(const struct leads *l, struct lead *d);

/*
** Fill D's top, reach and latest from its at[], lost and (with --stage-col)
** top, as leads_decode() does: for a lead read back from a part.
*/
void leads_derive(const struct leads *l, struct lead *d);

/*
** The column D's reach time T of stage S came from: that of the first
** stage from S on whose own timestamp is T (a skipped stage is reached
** when a later one is), so that a message can name the cell. -1 when no
** stage from S on has T (T is not D->reach[S]), as with --stage-col.
*/
long leads_reach_col(const struct leads *l, const struct lead *d, int s,
    kpi_time t);

/*
** The highest stage D counts as reached under --window and an as-of time
** ASOF (NO_TIME: none): a stage counts when reached no later than ASOF
** and, with --window, no more than the window after creation. -1 when the
** lead did not yet exist at ASOF.
*/
int leads_top(const struct leads *l, const struct lead *d, kpi_time asof);

/*
** Give D the id of LEN bytes at ID. Under duplicate detection, also
** probe the id set for it (idset_probe()): leads_duplicate() then needs
** no lookup for an id after every one so far, as in a file sorted by id,
** and finds the others' slot in the cache.
*/
void leads_set_id(const struct leads *l, struct lead *d, const char *id,
    size_t len);

/*
** Whether the lead D, read from ROW, repeats an id already seen (then it
** is to be left out: the first row wins). The first repeat is remembered
** for leads_report(). Rows without an id, or with an empty one, never
** repeat.
*/
int leads_duplicate(struct leads *l, const struct reader *r,
    const struct row *row, const struct lead *d);

/*
** Whether and when a lead counts, under --asof and --window. Returns
** ADMIT_NEVER when it does not (created after --asof, or less than the
** window before it), ADMIT_NOW when it does, and ADMIT_LATER when that
** depends on the as-of time still unknown: with --window and no --asof,
** the as-of time is the input's latest timestamp, known only at its end.
** *TOP gets leads_top() at the explicit --asof (if any).
*/
enum admit { ADMIT_NEVER, ADMIT_NOW, ADMIT_LATER };
enum admit leads_admit(const struct leads *l, const struct lead *d, int *top);

/* Report the duplicate count and the first repeat, if any, with note() to
** NOTES. */
void leads_report(const struct leads *l, struct strbuf *notes);

/* The text of place P, as a note tells it: a new string, or NULL when
** nothing was met. */
char *place_text(const struct place *p);

/* Keep TEXT (read from a part) as P, unless P already holds a place. */
void place_keep_text(struct place *p, const char *text);

/*
** --jobs: L was read from a chunk whose first line is LINES lines below
** where its reader counted from; move the places it keeps by as much.
*/
void leads_shift(struct leads *l, unsigned long lines);

/*
** Add what FROM found (duplicates, stages out of order) to INTO, FROM
** having been read after INTO: a place INTO lacks is taken from FROM.
** FROM's counts and places are left empty.
*/
void leads_merge_notes(struct leads *into, struct leads *from);

/*
** --jobs, settle() of lib/parallel.h for a tool whose chunk states hold
** leads tables (LEADS_OF gives a state's): chunk K counted the first row
** of each of its ids, but a chunk before it may have had the id first,
** which makes that row a repeat. Returns a new state from START(CTX)
** whose leads know those ids already, to read chunk K again with; NULL
** when there are none (the usual case: a repeat most often follows its
** first row closely) or under --no-dedup.
*/
void *leads_settle(void *const *states, size_t k,
    struct leads *(*leads_of)(void *state), void *(*start)(void *ctx),
    void *ctx);

/*
** --join (lib/join.h): read the joined tables through V, which L then
** owns. The main table must then have the id column; a stage (not the
** created date) that some joined file has may be missing from it.
*/
void leads_set_join(struct leads *l, struct join_view *v);

/*
** The roles a joined table is read by, into ROLES (MAX_STAGES + 8 of
** them): L's, the id required and the others optional; TIME_ROLE[t]
** gets the index in ROLES of the time t of a lead: each stage's (the
** created date first), then lost. Returns how many roles.
*/
size_t leads_join_roles(const struct leads *l, struct role *roles,
    int *time_role);

/*
** The time of a lead (a stage's, the created date first, or lost: the
** number of stages) whose column, as --col maps it, is named HEADER; -1
** when none is (or with --stage-col, for a stage after the first).
*/
int leads_time_of(const struct leads *l, const char *header);

void leads_free(struct leads *l);

#endif
