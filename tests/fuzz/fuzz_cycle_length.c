/* See LICENSE file for copyright and license details. */
/*
** cycle-length's row handling and output, under several option sets (the
** first byte picks one). Beyond not crashing: a group's closed cycles are
** its won rows (and lost ones with --include-lost), never negative; the
** output reads back as CSV whose figures are plain numbers or empty.
** --annotate's loop (annotate() reads files) is repeated here around the
** same classify().
*/
#define main cycle_length_main
#include "../../cmd/cycle-length.c"
#undef main

#include "fuzz.h"
#include "tool.h"

static const char *const option_sets[][12] = {
	{ "cycle-length", NULL },
	{ "cycle-length", "--km", "--by", "channel", "--total", NULL },
	{ "cycle-length", "--from", "mql", "--to", "opportunity", "--include-lost", NULL },
	{ "cycle-length", "--km", "--asof", "2024-03-31", "--period", "month", NULL },
	{ "cycle-length", "--stages", "lead,won", "--unit", "hours", "--km", NULL },
	{ "cycle-length", "--skip-bad", "--km", "--include-lost", "--unit", "weeks", NULL },
	{ "cycle-length", "--no-dedup", "--period", "week", "--to", "sql", NULL },
	{ "cycle-length", "--annotate", "--asof", "2024-06-30T12:00:00Z", "--skip-bad", NULL },
};

/* annotate()'s body for one row (its header checks are the tool's). */
static void
annotate_row(struct run *run, struct writer *w, struct reader *r,
    const struct row *row)
{
	const struct unit *unit = run->cfg.unit;
	kpi_time asof = run->all.lp.leads.asof;
	struct lead d;
	struct cycle c;

	if (leads_decode(&run->all.lp.leads, r, row, &d) < 0 ||
	    classify(&run->all, r, row, &d, &c) < 0)
		return;
	if (c.status == WON || c.status == LOST)
		FUZZ_CHECK(c.end >= c.start);
	for (size_t f = 0; f < row->n; f++)
		wr_field(w, row->f[f].s, row->f[f].len);
	if (c.status == WON || c.status == LOST)
		wr_num(w, (double)(c.end - c.start) / unit->ms);
	else if (c.status == OPEN && asof != NO_TIME)
		wr_num(w, (double)(asof - c.start) / unit->ms);
	else
		wr_empty(w);
	wr_str(w, status_name[c.status]);
	wr_end(w);
}

static void
check_groups(const struct run *run)
{
	struct group **v = gt_sorted(run->all.lp.groups);
	size_t n = gt_count(run->all.lp.groups);

	for (size_t i = 0; i < n; i++) {
		const struct tally *t = v[i]->state;

		FUZZ_CHECK(t->closed.n == t->won +
		    (run->cfg.include_lost ? t->lost : 0));
		FUZZ_CHECK(t->open_start.n == (run->cfg.km ? t->open : 0));
		for (size_t j = 0; j < t->closed.n; j++)
			FUZZ_CHECK(t->closed.v[j] >= 0);
	}
	free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct tool_spec spec = {
		"[file ...]", "fuzz", OPTS_STAGES | OPTS_ASOF | OPTS_ANNOTATE |
		    OPTS_TOTAL | OPTS_DEDUP,
		tool_options, handle_option, "leads",
	};
	struct run run = { .cfg = { .unit = &units[0] } };
	const struct stages *st;
	const struct row *row;
	unsigned char *want = NULL;
	struct reader *r;
	struct strbuf notes = {0};
	char *out = NULL;
	size_t outlen = 0;

	if (size < 1)
		return 0;
	fuzz_parse(&run.o, &spec, &run.cfg, option_sets[data[0] % 8]);
	run.o.rd.notes = &notes;
	part_init(&run.all, &run);
	st = &run.all.lp.leads.st;
	run.from = stage_option(st, "from", run.cfg.from, 0);
	run.to = stage_option(st, "to", run.cfg.to, (int)st->n - 1);

	fuzz_capture_begin(&out, &outlen);
	if (run.o.annotate) {
		struct writer w;

		wr_init(&w, stdout, run.o.precision);
		r = rd_open_mem("fuzz", data + 1, size - 1, &run.o.rd);
		if (!rd_failed(r) && leads_bind(&run.all.lp.leads, r, NULL) == 0)
			while (rd_next(r, &row) > 0)
				annotate_row(&run, &w, r, row);
	} else {
		r = fuzz_open(data + 1, size - 1, &run.o, &run.all.lp.leads,
		    &run.all.lp.grouping, &want);
		while (!rd_failed(r) && rd_next(r, &row) > 0)
			count_row(&run.all, r, row);
		if (!rd_failed(r)) {
			check_groups(&run);
			print_groups(&run);
		}
	}
	fuzz_capture_end(&out, &outlen);
	/* Annotated rows repeat the input's fields, and the status is text. */
	if (!rd_failed(r))
		fuzz_check_output(out, outlen, run.o.annotate ? (size_t)-1 :
		    run.o.nby + (run.o.period != PERIOD_NONE));
	free(out);
	rd_close(r);
	leads_report(&run.all.lp.leads);
	sb_free(&notes);
	free(want);
	lead_part_free(&run.all.lp, tally_free);
	opts_free(&run.o);
	return 0;
}
