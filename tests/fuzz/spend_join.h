/* See LICENSE file for copyright and license details. */
/*
** The frame of cac's and roi's entry points: both read two tables into
** lib/spend's join. The input is an option byte, the spend table, a NUL
** byte, the leads table (a NUL is never valid CSV for the reader, so it
** cannot hide a case; without one, the leads are empty). The tables go
** through the tool's own sj_bind_* and sj_add_* as sj_read_spend() and
** sj_read_leads() would send them, and the output through the tool's
** write_cell(). Checks, beyond not crashing: every cell's money is 0 or
** more, the customers counted are at most the leads rows, and the output
** reads back as CSV of plain numbers or empty fields.
*/
#ifndef KPI_FUZZ_SPEND_JOIN_H
#define KPI_FUZZ_SPEND_JOIN_H

#include "../../lib/spend.h"
#include "fuzz.h"
#include "tool.h"

/* Read one table through BIND and ADD; 0, or -1 where the tool dies. */
static inline int
fuzz_read_table(struct spend_join *j, const char *name, const uint8_t *data,
    size_t size, int (*bind)(struct spend_join *, struct reader *,
    unsigned char *), int (*add)(struct spend_join *, struct reader *,
    const struct row *), unsigned long *rows)
{
	struct reader *r = rd_open_mem(name, data, size, &j->o->rd);
	unsigned char *want = NULL;
	const struct row *row;
	int failed;

	if (!rd_failed(r)) {
		want = xcalloc(rd_header(r)->n, 1);
		if (bind(j, r, want) == 0) {
			rd_want(r, want);
			while (rd_next(r, &row) > 0)
				add(j, r, row);
		}
	}
	failed = rd_failed(r);
	*rows = rd_rows(r);
	rd_close(r);
	free(want);
	return failed ? -1 : 0;
}

/*
** Whether sj_total() would find the totals in range (else the tool dies,
** "a total ... is out of range", before writing anything). Amounts are
** never negative, so the sum of all kinds of all cells is the largest.
*/
static inline int
fuzz_total_fits(const struct spend_join *j, uint64_t *customers)
{
	size_t n;
	struct group **v = sj_cells(j, &n);
	money all = 0, value = 0;
	int fits = 1;

	*customers = 0;
	for (size_t i = 0; i < n; i++) {
		const struct spend_cell *c = v[i]->state;

		for (int k = 0; k < SPEND_KINDS; k++) {
			FUZZ_CHECK(c->spend[k] >= 0);
			fits &= money_add(&all, c->spend[k]) == 0;
		}
		FUZZ_CHECK(c->value >= 0);
		fits &= money_add(&value, c->value) == 0;
		*customers += c->customers;
	}
	free(v);
	return fits;
}

/*
** Run one input through J (set up by the caller with sj_init()), writing
** the header with HEADER and the rows with WRITE_CELL (CTX for both).
*/
static inline void
fuzz_spend_join(struct spend_join *j, const uint8_t *data, size_t size,
    void (*header)(struct writer *, const struct spend_join *, const void *),
    void (*write_cell)(struct writer *, const struct spend_cell *,
    const void *), const void *ctx)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t spend_len = nul != NULL ? (size_t)(nul - data) : size;
	const uint8_t *leads = nul != NULL ? nul + 1 : data + size;
	size_t leads_len = (size_t)(data + size - leads);
	unsigned long spend_rows, lead_rows;
	uint64_t customers;
	char *out = NULL;
	size_t outlen = 0;
	struct writer w;

	if (fuzz_read_table(j, "spend", data, spend_len, sj_bind_spend,
	    sj_add_spend, &spend_rows) < 0 ||
	    fuzz_read_table(j, "leads", leads, leads_len, sj_bind_leads,
	    sj_add_lead, &lead_rows) < 0)
		return;
	leads_report(&j->leads, j->o->rd.notes);
	if (!fuzz_total_fits(j, &customers) && j->o->total)
		return;
	FUZZ_CHECK(customers <= lead_rows);
	fuzz_capture_begin(&out, &outlen);
	wr_init(&w, stdout, j->o->precision);
	header(&w, j, ctx);
	sj_write_rows(j, &w, write_cell, ctx);
	fuzz_capture_end(&out, &outlen);
	fuzz_check_output(out, outlen, 1 + j->o->group.nby);
	free(out);
}

#endif
