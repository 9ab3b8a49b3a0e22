/* See LICENSE file for copyright and license details. */
/*
** cac's join and output, under several option sets (the first byte picks
** one): an option byte, the spend table, a NUL byte, the leads table (see
** spend_join.h for the checks).
*/
#define main cac_main
#include "../../cmd/cac.c"
#undef main

#include "fuzz.h"
#include "spend_join.h"

static const char *const option_sets[][14] = {
	{ "cac", "--spend", "s", NULL },
	{ "cac", "--spend", "s", "--by", "channel", "--total", NULL },
	{ "cac", "--spend", "s", "--mrr-col", "mrr", "--margin", "0.8", "--total", NULL },
	{ "cac", "--spend", "s", "--period", "month", "--skip-bad", NULL },
	{ "cac", "--spend", "s", "--period", "week", "--stages", "lead,customer", NULL },
	{ "cac", "--spend", "s", "--spend-col", "date=day", "--period", "year",
	    "--fiscal-year-start", "7", NULL },
	{ "cac", "--spend", "s", "--no-dedup", "--period", "day", "--by", "channel", NULL },
	{ "cac", "--spend", "s", "--mrr-col", "mrr", "--margin", "1", "--skip-bad",
	    "--by", "channel", "--precision", "2", NULL },
};

static void
header(struct writer *w, const struct spend_join *j, const void *ctx)
{
	write_header(w, j, ctx);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct tool_spec spec = {
		"--spend FILE [file ...]", "fuzz",
		OPTS_STAGE_LIST | OPTS_TOTAL | OPTS_DEDUP,
		tool_options, handle_option, "leads",
	};
	struct config cfg = {0};
	struct strbuf notes = {0};
	struct kpi_opts o;
	struct role mrr;
	struct spend_join j;

	if (size < 1)
		return 0;
	fuzz_parse(&o, &spec, &cfg, option_sets[data[0] % 8]);
	o.rd.notes = &notes;
	mrr = (struct role){ "mrr", cfg.mrr_col, 1 };
	sj_init(&j, &o, &cfg.spend, cfg.mrr_col != NULL ? &mrr : NULL);
	fuzz_spend_join(&j, data + 1, size - 1, header, write_cell, &cfg);
	sj_free(&j);
	spend_opts_free(&cfg.spend);
	opts_free(&o);
	sb_free(&notes);
	return 0;
}
