/* See LICENSE file for copyright and license details. */
#ifndef KPI_SPEND_H
#define KPI_SPEND_H

#include <stddef.h>
#include <stdint.h>

#include "cols.h"
#include "group.h"
#include "leads.h"
#include "money.h"
#include "opts.h"
#include "reader.h"
#include "writer.h"

/*
** The join behind cac(1) and roi(1): money spent (the spend table) against
** customers won (the leads table), per period and per --by tuple.
**
** Both tables are read whole into cells, one per period and --by tuple
** that either table has a row for. A cell with spend and no customers, or
** with customers and no spend, is kept like any other: every spend row and
** every customer lands in exactly one cell, and none is dropped.
**
** The spend table, one row per day (or month) and channel (kpikit(7)):
**   role      header      meaning
**   date      date        the day: 2024-10-01, or any form date_parse()
**                         reads, counted on its UTC day; or a whole month,
**                         2024-10 (then --period day or week is an error,
**                         since a month's spend cannot be split honestly)
**   amount    amount      money spent, 0 or more
**   kind      kind        marketing or sales (ASCII case ignored); an empty
**                         cell, or no such column, means marketing
**   currency  currency    optional; every row must carry the same code
**   and one role per --by column, named after it, its default header the
** same name: the --by values of both tables meet byte for byte.
** --spend-col ROLE=HEADER reads a role from another header.
**
** The leads table, read as leads.h reads it (stages, --col, duplicates).
** A customer is a lead that reached the last stage (customer by default);
** it was won at that stage's own timestamp, which the lead always has
** when it reached that stage, since the last stage cannot be skipped.
** With --stage-col there are no timestamps, so no date of the win: that
** is a usage error. An optional money column of the customers (MRR for
** cac, the deal amount for roi) is summed per cell; then the leads'
** optional 'currency' column must agree with the spend's. With a count
** column (--count-col, lib/leads.h), a customer row of count N is N
** customers, each with the row's money: N is added to the customers and
** N times the money to the sum; a row of count 0 is no lead at all.
**
** Money is summed exactly, in micro-units (money.h), so a cell's merge is
** exact too.
*/

enum spend_kind { SPEND_MARKETING, SPEND_SALES, SPEND_KINDS };

/* One cell of the join. */
struct spend_cell {
	money spend[SPEND_KINDS];   /* spent, by kind */
	money value;                /* the customers' money column, summed */
	uint64_t customers;         /* customers won */
};

/*
** Fold the spend_cell FROM into INTO by adding, field by field; exact, so
** that the order of merges never changes a result. A sum beyond the range
** of money (a kind's, or all kinds' together) is fatal (exit 65, "a total
** ... is out of range").
*/
void sj_cell_merge(void *into, const void *from);

/*
** The spend of C of the kinds whose entry in KINDS (SPEND_KINDS flags) is
** set, or of all kinds when KINDS is NULL. Never out of range: the join
** keeps the sum of all kinds of every cell in range, and amounts are
** never negative.
*/
money sj_spend(const struct spend_cell *c, const int *kinds);

/*
** The options that name the spend table: --spend FILE, --spend-col. Every
** --spend file is read, in order, into the one table (Google Ads' export
** and Meta's, say), each with its own header; --spend-col and
** --spend-preset apply to each, and one currency to all.
*/
struct spend_opts {
	const char **paths;         /* --spend, in order given */
	size_t npaths;              /* 0 when not given */
	struct colmap_set cols;     /* --spend-col ROLE=HEADER, in order */
	const char *preset_name;    /* --spend-preset NAME, or NULL */
	const struct preset *preset;   /* ... found by spend_opts_resolve() */
};

/*
** Look up --spend-preset (a usage error when it is not a spend preset) and
** add its date formats to O's. Call once the options are parsed.
*/
void spend_opts_resolve(struct spend_opts *so, struct kpi_opts *o);

/*
** The options of the spend table, the same in every tool that reads one:
** put SPEND_TOOL_OPTIONS first in the tool's option table, number the
** tool's own keys from SPEND_OPT_END, and hand every key to
** spend_opts_option() first: it returns 1 when the option was the spend
** table's.
*/
enum { SPEND_OPT_FILE = OPT_TOOL, SPEND_OPT_COL, SPEND_OPT_PRESET,
    SPEND_OPT_END };

#define SPEND_TOOL_OPTIONS \
	{ "spend", "FILE", SPEND_OPT_FILE | OPT_REPEAT, \
	    "the spend table (required; repeatable)" }, \
	{ "spend-col", "ROLE=HEADER", SPEND_OPT_COL | OPT_REPEAT, \
	    "read the spend table's ROLE from column HEADER (repeatable)" }, \
	{ "spend-preset", "NAME", SPEND_OPT_PRESET, \
	    "read the spend table as a known export (google-ads, meta-ads)" }

int spend_opts_option(struct spend_opts *so, int key, const char *arg);

/* Tell P (progress_expect()) of every --spend file. */
void spend_opts_expect(const struct spend_opts *so, struct progress *p);

/* Add one --spend-col ARG (ROLE=HEADER) to SO; any other form is a usage
** error (exit 64). */
void spend_opts_add_col(struct spend_opts *so, const char *arg);
void spend_opts_free(struct spend_opts *so);

/* The gross margin ARG of --margin, above 0 and at most 1 (0.8 for 80%);
** anything else is a usage error (exit 64). */
double spend_opt_margin(const char *arg);

struct spend_join {
	const struct kpi_opts *o;
	const struct spend_opts *so;
	int period;                 /* enum period; quarter unless given */
	struct leads leads;
	struct join *join;          /* --join: the joined tables, or NULL */
	int has_value;              /* the leads' money column is read */
	struct role value;          /* ... as this role */
	char *value_empty;          /* the message for an empty one */
	struct role *roles;         /* of the spend table */
	size_t nroles;
	long *spend_col;            /* its columns in the spend file */
	long *by_col;               /* the --by columns in the leads file */
	struct group_table *cells;  /* of struct spend_cell */
	char *currency;             /* the currency seen first, or NULL */
	char *currency_where;       /* "FILE:LINE" where it was seen */
	struct strbuf key;
};

/*
** Set up J from O (--by, --period, --fiscal-year-start, --col, --stages,
** duplicates, --join) and SO. VALUE, if not NULL, is the role of the
** customers' money column, which is then required (cac's mrr, roi's
** amount). Usage errors (exit 64): no --spend; --spend and the leads both
** standard input; --stage-col; a --spend-col or --col for no role; a --by
** column named "period", the name of the output's period column; and
** join_open()'s. With --join, the joined files are read here, whole
** (lib/join.h, join_open()), and fill in the leads' stage times and --by
** values as the leads tools have them (kpikit(7), JOIN); the money column
** is the main table's own.
*/
void sj_init(struct spend_join *j, const struct kpi_opts *o,
    const struct spend_opts *so, const struct role *value);

/*
** Find the spend roles in R's header, or the leads roles and --by columns;
** mark the columns read in WANT (one entry per header field; may be NULL).
** Returns 0, or -1 with the error recorded in R.
*/
int sj_bind_spend(struct spend_join *j, struct reader *r, unsigned char *want);
int sj_bind_leads(struct spend_join *j, struct reader *r, unsigned char *want);

/*
** Add one row of the spend table (bound by sj_bind_spend), or of the leads
** table (bound by sj_bind_leads: only a customer counts, once per id, as
** many customers as its count), to its cell. A bad value is recorded with rd_bad() (the message names the
** column) and -1 returned; the cell is then unchanged. Else 0.
*/
int sj_add_spend(struct spend_join *j, struct reader *r, const struct row *row);
int sj_add_lead(struct spend_join *j, struct reader *r, const struct row *row);

/*
** Read the whole spend table (every --spend file, in order), or one leads
** file PATH (NULL or "-": standard input), into J. Bad data is fatal as
** the reader reports it (exit 65, 66 for a file that cannot be opened),
** unless --skip-bad.
*/
void sj_read_spend(struct spend_join *j);
void sj_read_leads(struct spend_join *j, const char *path);

/* Read the spend table, then every leads file of the options, then report
** the leads' duplicate ids, and with --join the joined rows of no lead:
** all that cac and roi read. */
void sj_read(struct spend_join *j);

/*
** The cells sorted by period, then by the --by values (bytewise), in a new
** array of *N pointers that the caller frees; a group's state is its
** struct spend_cell. Period labels of one kind have one width, so that
** bytewise is chronological.
*/
struct group **sj_cells(const struct spend_join *j, size_t *n);

/* The sum of all cells, for a --total row; a sum out of range is fatal
** (see sj_cell_merge()). */
void sj_total(const struct spend_join *j, struct spend_cell *total);

/* Write the names of the key columns: "period", then the --by columns. */
void sj_write_key_header(const struct spend_join *j, struct writer *w);

/*
** Write one line per cell, in sj_cells() order, and with --total a last
** line of sj_total() whose key columns are "(all)": the key columns, then
** what WRITE_CELL writes of the cell (with CTX), which ends the line.
** The total is summed before anything is written, so that a total out of
** range leaves the output empty.
*/
void sj_write_rows(const struct spend_join *j, struct writer *w,
    void (*write_cell)(struct writer *, const struct spend_cell *,
    const void *ctx), const void *ctx);

void sj_free(struct spend_join *j);

#endif
