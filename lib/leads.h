/* See LICENSE file for copyright and license details. */
#ifndef KPI_LEADS_H
#define KPI_LEADS_H

#include <stddef.h>

#include "cols.h"
#include "date.h"
#include "group.h"
#include "opts.h"
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

/* Print the duplicate count and the first repeat on stderr, if any. */
void leads_report(const struct leads *l);

void leads_free(struct leads *l);

#endif
