/* See LICENSE file for copyright and license details. */
#ifndef KPI_COLS_H
#define KPI_COLS_H

#include <stddef.h>

#include "reader.h"

/*
** Columns by role. A tool names the roles it reads and each role's default
** header; --col ROLE=HEADER maps a role to another header. Matching is
** exact after trimming (see rd_col() for "HEADER#N").
*/
/* --col ROLE=HEADER, and its like for other tables (--spend-col). */
struct colmap {
	char *role;
	char *header;
};

struct colmap_set {
	struct colmap *v;
	size_t n;
};

/* Add ARG, "ROLE=HEADER", to SET; anything else is a usage error naming
** OPTION ("--col"). */
void colmap_add(struct colmap_set *set, const char *option, const char *arg);
void colmap_free(struct colmap_set *set);

struct role {
	const char *name;        /* "created" */
	const char *header;      /* default header: "created_at" */
	int required;
};

/*
** Check that every --col in COLS names one of the N ROLES; a --col for an
** unknown role is a usage error (exit 64) that lists the roles.
*/
void cols_check_roles(const struct colmap_set *cols, const struct role *roles,
    size_t n);

/*
** Find each of the N ROLES in R's header (the last --col for a role wins)
** and store its column index in IDX[i], or -1 for an optional role that
** is absent. A required role that is absent, or a header that occurs more
** than once, is an error recorded in R (the message lists the headers
** found, or says how to pick one occurrence): returns -1. Else 0.
*/
int cols_bind(struct reader *r, const struct role *roles, size_t n,
    const struct colmap_set *cols, long *idx);

/*
** As cols_check_roles() and cols_bind(), for a table whose roles another
** option than --col maps (cac's spend table has --spend-col): the
** mappings MAP, that option named OPTION ("--spend-col") in messages.
** cols_check_roles() and cols_bind() are these with --col.
*/
void cols_check_map(const struct colmap_set *map, const char *option,
    const struct role *roles, size_t n);
int cols_bind_map(struct reader *r, const struct role *roles, size_t n,
    const struct colmap_set *map, const char *option, long *idx);

/*
** The header ROLE is read from under the mappings COLS: the last --col
** for it, else its default. For a role that may be absent (--join).
*/
const char *cols_header(const struct colmap_set *cols, const struct role *role);

/*
** The column named HEADER in R, which the tool needs for WHAT (say,
** "--by"); an absent or repeated header is recorded in R as an error, and
** -1 returned.
*/
long cols_find(struct reader *r, const char *header, const char *what);

#endif
