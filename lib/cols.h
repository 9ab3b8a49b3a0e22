/* See LICENSE file for copyright and license details. */
#ifndef KPI_COLS_H
#define KPI_COLS_H

#include <stddef.h>

#include "opts.h"
#include "reader.h"

/*
** Columns by role. A tool names the roles it reads and each role's default
** header; --col ROLE=HEADER maps a role to another header. Matching is
** exact after trimming (see rd_col() for "HEADER#N").
*/
struct role {
	const char *name;        /* "created" */
	const char *header;      /* default header: "created_at" */
	int required;
};

/*
** Check that every --col in O names one of the N ROLES; a --col for an
** unknown role is a usage error (exit 64) that lists the roles.
*/
void cols_check_roles(const struct kpi_opts *o, const struct role *roles,
    size_t n);

/*
** Find each of the N ROLES in R's header (the last --col for a role wins)
** and store its column index in IDX[i], or -1 for an optional role that
** is absent. A required role that is absent, or a header that occurs more
** than once, is an error recorded in R (the message lists the headers
** found, or says how to pick one occurrence): returns -1. Else 0.
*/
int cols_bind(struct reader *r, const struct role *roles, size_t n,
    const struct kpi_opts *o, long *idx);

/*
** As cols_check_roles() and cols_bind(), for a table whose roles another
** option than --col maps (cac's spend table has --spend-col): the NMAP
** mappings at MAP, that option named OPTION ("--spend-col") in messages.
** cols_check_roles() and cols_bind() are these with O's --col.
*/
void cols_check_map(const struct colmap *map, size_t nmap, const char *option,
    const struct role *roles, size_t n);
int cols_bind_map(struct reader *r, const struct role *roles, size_t n,
    const struct colmap *map, size_t nmap, const char *option, long *idx);

/*
** The column named HEADER in R, which the tool needs for WHAT (say,
** "--by"); an absent or repeated header is recorded in R as an error, and
** -1 returned.
*/
long cols_find(struct reader *r, const char *header, const char *what);

/*
** The whole decimal number in column COL of ROW, in [MIN, MAX], into *OUT:
** for a tool reading back its own --partial output. Anything else is a
** row error ("'x' is not a number of TOOL --partial (not a whole
** number)"): returns -1 after rd_bad(); else 0.
*/
int cols_partial_int(struct reader *r, const struct row *row, size_t col,
    long long min, long long max, long long *out);

#endif
