/* See LICENSE file for copyright and license details. */
#ifndef KPI_CREDIT_H
#define KPI_CREDIT_H

#include <stddef.h>

#include "opts.h"
#include "reader.h"
#include "spend.h"
#include "writer.h"

/*
** --attribution FILE of cac(1) and roi(1): the customers and revenue of
** each channel are those attribute(1) credited it, not those of the leads'
** own channel. FILE is attribute's output: the columns model, channel,
** conversions and value (others, such as share and the interval, are not
** read). The spend is the whole spend table summed per channel (the
** one --by column), over all its dates: attribution has no periods, so
** the spend of the journeys' window is given by giving cac and roi the
** spend of that window. One row per channel of either table, sorted by
** channel (byte order), its period column "(all)".
*/

/*
** The usage errors of --attribution FILE (ATTRIBUTION) in O and SO:
** exactly one --by column (the channel, met in the spend table), no
** --period (the spend is summed over all its dates), no leads file (FILE
** replaces the leads table), no --join (which fills in that table), FILE
** and a --spend file not both standard input, and not the option
** LEADS_OPTION (say "--mrr-col", which reads the leads table; NULL: none
** given).
*/
void credit_settle(const struct kpi_opts *o, const struct spend_opts *so,
    const char *attribution, const char *leads_option);

/* The credited conversions and value of each channel of one model. */
struct credit {
	size_t n;
	char **channel;        /* NUL-terminated; no two equal */
	double *conv, *value;  /* 0 or more */
};

/*
** Read attribute's output PATH (NULL or "-": standard input) through RO
** (the delimiter and notes; no --header, no filter), the rows of model
** MODEL, or when MODEL is NULL of the one model the file holds, into C.
** Errors end the program: a file that cannot be opened (66); a missing
** column, a bad or negative number, a channel twice in one model, no row
** of MODEL, or two models and no MODEL (65, naming the file, line and
** column, or the models found).
*/
void credit_read(struct credit *c, const char *path, const struct rd_opts *ro,
    const char *model);

void credit_free(struct credit *c);

/*
** A row of the join: a channel's spend over all periods and its credited
** conversions and value. SPEND is a cell's spend (its customers and
** value unused).
*/
struct credit_row {
	const char *channel;
	struct spend_cell spend;
	double conv, value;
};

/*
** The rows of J's spend (read, one --by column) joined with C, sorted by
** channel, in a new array of *N rows (the caller frees it; the channels
** point into J and C). With TOTAL, one more last row, channel "(all)",
** the sum of all. A sum out of the range of money is fatal (exit 65).
*/
struct credit_row *credit_join(const struct spend_join *j,
    const struct credit *c, int total, size_t *n);

#endif
