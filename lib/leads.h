/* See LICENSE file for copyright and license details. */
#ifndef KPI_LEADS_H
#define KPI_LEADS_H

#include <stddef.h>

#include "cols.h"
#include "date.h"
#include "group.h"
#include "opts.h"
#include "parallel.h"
#include "reader.h"

/*
** The leads table of kpikit(7): one row per lead, a creation date, one
** timestamp column per later stage (or one current-stage column with
** --stage-col), an optional lost date and id. Shared by every tool that
** reads leads, so that "reached a stage" means one thing everywhere.
*/

#define MAX_STAGES 16
#define DEFAULT_STAGES "lead,mql,sql,opportunity,customer"

struct stages {
	size_t n;                       /* 2 to MAX_STAGES */
	char *name[MAX_STAGES];
};

/*
** Parse LIST (comma-separated stage names; NULL for DEFAULT_STAGES) into
** S. Names are 1-32 bytes of letters, digits, '_' and '-', all different;
** anything else is a usage error (exit 64).
*/
void stages_parse(struct stages *s, const char *list);
void stages_free(struct stages *s);

/* The index of the stage named by LEN bytes at NAME (ASCII letters compared
** without case), or -1. */
int stages_find(const struct stages *s, const char *name, size_t len);

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
};

/* What a tool reads of the leads table, and how. */
struct leads {
	struct stages st;
	const char *stage_col;         /* --stage-col header, or NULL */
	long long window_ms;           /* --window in ms; -1 without */
	kpi_time asof;                 /* --asof; NO_TIME without */
	const struct kpi_opts *opts;   /* for --col */
	const struct date_formats *dates;
	int dedup;                     /* drop rows whose id was seen */

	struct role roles[MAX_STAGES + 8];
	size_t nroles, nextra;
	char *headers[MAX_STAGES];     /* "mql_at" and so on */

	/* Bound to the current file by leads_bind(). */
	long col_id, col_created, col_lost, col_stage;
	long col_at[MAX_STAGES];
	long col_extra[8];

	/* Duplicate ids. */
	struct group_table *ids;
	unsigned long duplicates;
	char *first_duplicate;         /* "FILE:LINE: id 'X'" */
};

/*
** Set up L from the options: the stages, --stage-col, --window, --asof,
** --no-dedup, and the roles: id, created, one per later stage (header
** NAME_at; none with --stage-col), lost, then the tool's NEXTRA EXTRA roles
** (at most 8). Checks --col against these roles. --window with
** --stage-col is a usage error: a current stage has no timestamp.
*/
void leads_init(struct leads *l, const struct kpi_opts *o,
    const struct role *extra, size_t nextra);

/*
** Bind L's roles to R's header (and --stage-col). Returns 0, or -1 with
** the error recorded in R. COLS_WANTED, if not NULL, gets a 1 for each
** column bound (for rd_want()); it must have one entry per header field.
*/
int leads_bind(struct leads *l, struct reader *r, unsigned char *cols_wanted);

/*
** Decode ROW into *D. The rules (kpikit(7), "Stages"):
**  - created must be a date; the others may be empty (not reached);
**  - D->top is the highest stage whose timestamp is set (with --stage-col:
**    the current stage); a lead has reached every stage up to D->top, a
**    skipped stage included;
**  - D->reach[s] is when it reached stage s: the earliest timestamp of s
**    and the stages after it (so a skipped stage is reached when a later
**    one is, and reach never decreases along the funnel); NO_TIME with
**    --stage-col, which has no timestamps.
** A bad value is recorded with rd_bad(); returns -1 (skip the row), else 0.
*/
int leads_decode(struct leads *l, struct reader *r, const struct row *row,
    struct lead *d);

/*
** The highest stage D counts as reached under --window and an as-of time
** ASOF (NO_TIME: none): a stage counts when reached no later than ASOF
** and, with --window, no more than the window after creation. -1 when the
** lead did not yet exist at ASOF.
*/
int leads_top(const struct leads *l, const struct lead *d, kpi_time asof);

/*
** Whether the row of D repeats an id already seen (then it is to be left
** out: the first row wins). The first repeat is remembered for
** leads_report(). Rows without an id, or with an empty one, never repeat.
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

/*
** Leads waiting for the as-of time (ADMIT_LATER). A tool pushes a small
** item per such lead (what it would add to its group) with the lead's
** creation time; the queue applies an item, with APPLY(CTX, item), as soon
** as the latest timestamp seen shows that the lead is old enough, and the
** rest at the end. So it holds only the leads of the last window, and is
** swept whenever it has doubled. The result is the same as knowing the
** as-of time from the start.
*/
struct lead_queue {
	size_t item_size;
	long long window_ms;
	void (*apply)(void *ctx, const void *item);
	void *ctx;
	kpi_time latest;            /* the latest timestamp seen so far */
	unsigned char *items;       /* (created, item) records */
	size_t n, cap, sweep_at;
};

void lq_init(struct lead_queue *q, const struct leads *l, size_t item_size,
    void (*apply)(void *ctx, const void *item), void *ctx);

/* Note that the input holds timestamp T (every counted row's latest). */
void lq_see(struct lead_queue *q, kpi_time t);

/* Queue ITEM (item_size bytes, copied) of a lead created at CREATED. */
void lq_push(struct lead_queue *q, kpi_time created, const void *item);

/*
** At the end of the input: the as-of time is the latest timestamp seen;
** apply the items of leads created at least the window before it and drop
** the others. Returns that as-of time (NO_TIME when nothing was seen).
*/
kpi_time lq_finish(struct lead_queue *q);

/*
** Apply the items of the leads already old enough by the latest time seen
** and keep the others, which ITEM() (if not NULL) then visits with their
** creation times: what a partial result (--partial) has to pass on.
*/
void lq_settle(struct lead_queue *q,
    void (*item)(void *ctx, kpi_time created, const void *item), void *ctx);

/* As lq_finish(), with the as-of time at least LATEST: the latest
** timestamp of the whole input, when a queue saw only one chunk of it. */
kpi_time lq_finish_at(struct lead_queue *q, kpi_time latest);

void lq_free(struct lead_queue *q);

/*
** Read every input file of O as a leads table: open it (stdin for none),
** bind L's roles and G's --by columns (G may be NULL), read only the
** columns they need, and call ROW(CTX, reader, row) for each data row. Any
** error dies with its message and status; a row error under --skip-bad is
** counted (ROW returns -1 after rd_bad()) and reported when the file ends.
*/
void leads_read(const struct kpi_opts *o, struct leads *l, struct grouping *g,
    int (*row)(void *ctx, struct reader *r, const struct row *row), void *ctx);

/*
** What a tool reading leads builds, from all the input or from one chunk
** of it on its own thread (--jobs): the columns bound per file, the groups
** and the leads waiting for the as-of time. A tool's own part struct
** starts with one, so that lib/ can read and merge parts for it.
*/
struct lead_part {
	struct leads leads;
	struct grouping grouping;
	struct group_table *groups;   /* of the tool's per-group state */
	struct lead_queue waiting;
};

/* Set up P from O, for groups of STATE_SIZE bytes and queue items of
** ITEM_SIZE bytes applied by APPLY. */
void lead_part_init(struct lead_part *p, const struct kpi_opts *o,
    size_t state_size, size_t item_size,
    void (*apply)(void *ctx, const void *item));

/* Free what lead_part_init() made; FREE_STATE (may be NULL) frees what
** each group state owns. */
void lead_part_free(struct lead_part *p, void (*free_state)(void *));

/* The functions a tool gives leads_read_parts(). */
struct lead_part_tool {
	/* A new part (struct lead_part first) for one chunk; CTX below. */
	void *(*start)(void *ctx);
	/* One row into a part; -1 after rd_bad(). */
	int (*row)(void *part, struct reader *r, const struct row *row);
	/* Whether a part holds nothing to tell (no note with a line). */
	int (*clean)(const void *part);
	void (*free)(void *part);
	/* Fold one group state into another (gt_merge()). */
	void (*merge)(void *into, const void *from);
	void *ctx;
};

/*
** Read the input of O into ALL: on --jobs threads when it can be (see
** lib/parallel.h), else in one pass with leads_read(); then settle the
** leads still waiting, at the latest timestamp of the whole input, which
** ALL->waiting.latest then holds. Chunk parts merge into ALL in input
** order. With --jobs and duplicate detection on, the reading is on one
** thread, and NOTES says so.
*/
void leads_read_parts(const struct kpi_opts *o, struct lead_part *all,
    const struct lead_part_tool *tool, struct strbuf *notes);

/*
** Whether header H names L's stages, in order, from column FIRST on (the
** columns of a --partial output); else the error is recorded in R, naming
** the column, and -1 returned.
*/
int leads_check_stage_header(const struct leads *l, struct reader *r,
    const struct row *h, size_t first);

/* Report the duplicate count and the first repeat, if any, with note() to
** the --skip-bad notes of the options (see rd_opts.notes). */
void leads_report(const struct leads *l);

void leads_free(struct leads *l);

#endif
