/* See LICENSE file for copyright and license details. */
#ifndef KPI_GROUP_H
#define KPI_GROUP_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "reader.h"
#include "util.h"
#include "writer.h"

/*
** Groups: a hash table from a key (the tuple of --by values, plus the
** period label) to a tool's per-group state, a zeroed block of a fixed
** size. A key is its parts, each followed by a NUL byte (the reader
** rejects NUL in input, so the form is unambiguous), built with key_add().
** Comparing two keys bytewise then orders them by their first part, then
** the second, and so on: byte order of UTF-8, the same in every locale.
*/
struct group {
	const char *key;      /* the parts, each NUL-terminated */
	size_t keylen;        /* bytes of key, the NULs included */
	uint64_t hash;
	void *state;          /* STATE_SIZE bytes, zeroed at creation */
};

struct group_table;

/* A new empty table whose groups each carry STATE_SIZE bytes of state. */
struct group_table *gt_new(size_t state_size);

/*
** The group with key KEY (KEYLEN bytes), created with a zeroed state when
** it is new; then *CREATED (if not NULL) is set to 1, else 0. The group
** and its state stay where they are until gt_free(). The group found last
** is checked first, so sorted input costs one comparison a row.
*/
struct group *gt_get(struct group_table *t, const char *key, size_t keylen,
    int *created);

/* Number of groups. */
size_t gt_count(const struct group_table *t);

/*
** All groups, sorted by key (bytewise), in a new array of gt_count()
** pointers that the caller frees (the groups stay the table's).
*/
struct group **gt_sorted(const struct group_table *t);

/*
** The output order of the N groups V, sorted by gt_sorted(): key parts
** FIRST to FIRST + NNUM - 1 (the --by values) compare as integers when
** that part of every one of the N keys is one ('-' or not, then digits,
** without a leading zero: "0" but not "007" or "-0"), the other parts
** and all parts of a column holding anything else bytewise as before.
** V is left as it is when no part is all integers.
*/
void groups_order(struct group **v, size_t n, size_t first, size_t nnum);

/* All groups of T in that order, as gt_sorted() then groups_order() but
** with one sort. */
struct group **gt_ordered(const struct group_table *t, size_t first,
    size_t nnum);

/*
** Fold FROM into INTO: each group of FROM is created in INTO if new, and
** MERGE(CTX, into_state, from_state) combines the two states. FROM is
** left as it was. This is how partial results of chunks of an input
** combine.
*/
void gt_merge(struct group_table *into, const struct group_table *from,
    void (*merge)(void *ctx, void *into, const void *from), void *ctx);

/* Call FN(CTX, state) for each group, in no particular order. */
void gt_each(struct group_table *t, void (*fn)(void *ctx, void *state),
    void *ctx);

/* Free the table; FREE_STATE (may be NULL) is first called on each
** state, for states that own memory. */
void gt_free(struct group_table *t, void (*free_state)(void *));

/* Append one key part, LEN bytes at S, and its terminating NUL to KEY. */
void key_add(struct strbuf *key, const char *s, size_t len);

/* The part after PART in a key ending at END, or NULL after the last. */
const char *key_next(const char *part, const char *end);

/* The options that say how to group: --by, --period, --fiscal-year-start. */
struct grouping_opts {
	char **by;             /* --by column names, in order */
	size_t nby;
	int period;            /* enum period; PERIOD_NONE without --period */
	int fy_start;          /* --fiscal-year-start, 1-12 (default 1) */
};

/*
** How a tool groups rows: by the --by columns, then by the --period of one
** date of the row. Output key columns are the --by names, then "period".
*/
struct grouping {
	char **by;             /* --by column names */
	size_t nby;
	int period;            /* enum period */
	int fy_start;
	long *col;             /* the --by columns in the current file */
	struct strbuf key;
	struct label_memo *memo;    /* period labels of days seen (group.c) */
};

/* Set up G from O (which must outlive G). */
void grouping_init(struct grouping *g, const struct grouping_opts *o);

/*
** Find the --by columns in R's header; mark them in WANT (may be NULL).
** Returns 0, or -1 with the error recorded in R.
*/
int grouping_bind(struct grouping *g, struct reader *r, unsigned char *want);

/* Whether G groups at all (--by or --period given). */
int grouping_active(const struct grouping *g);

/*
** The key of ROW whose period date is T: its --by values, then the label
** of T's period. Valid until the next call.
*/
const struct strbuf *grouping_key(struct grouping *g, const struct row *row,
    kpi_time t);

/*
** As grouping_key(), with the --by values given as BY (one field per
** --by column) instead of read from a row: --join fills them in from
** other files (lib/join.h).
*/
const struct strbuf *grouping_key_fields(struct grouping *g,
    const struct field *by, kpi_time t);

/* Write the key columns' names, then those of a group's key, then the
** "(all)" key of a total row. */
void grouping_write_header(const struct grouping *g, struct writer *w);
void grouping_write_key(const struct grouping *g, struct writer *w,
    const struct group *grp);
void grouping_write_total(const struct grouping *g, struct writer *w);

/* How many key columns G writes: the --by columns, then "period". */
size_t grouping_width(const struct grouping *g);

/*
** Reading back what a tool wrote with G (--merge of --partial outputs):
** whether header H names G's key columns, from column FIRST on, as
** grouping_write_header() wrote them (else the error is recorded in R,
** naming the column, and -1 returned); and the key of ROW from its fields
** at FIRST on, as grouping_key() made it (valid until the next call).
*/
int grouping_check_header(const struct grouping *g, struct reader *r,
    const struct row *h, size_t first);
const struct strbuf *grouping_key_read(struct grouping *g,
    const struct row *row, size_t first);

void grouping_free(struct grouping *g);

#endif
