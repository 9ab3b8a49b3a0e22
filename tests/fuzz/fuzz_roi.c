/* See LICENSE file for copyright and license details. */
/*
** roi's join and output, under several option sets (the first byte picks
** one): an option byte, the spend table, a NUL byte, the leads table (see
** spend_join.h for the checks).
*/
#define main roi_main
#include "../../cmd/roi.c"
#undef main

#include "fuzz.h"
#include "spend_join.h"

static const char *const option_sets[][14] = {
	{ "roi", "--spend", "s", NULL },
	{ "roi", "--spend", "s", "--by", "channel", "--total", NULL },
	{ "roi", "--spend", "s", "--margin", "0.8", "--kind", "marketing", "--total", NULL },
	{ "roi", "--spend", "s", "--period", "month", "--skip-bad", NULL },
	{ "roi", "--spend", "s", "--period", "week", "--stages", "lead,customer",
	    "--kind", "sales", NULL },
	{ "roi", "--spend", "s", "--spend-col", "date=day", "--period", "year",
	    "--fiscal-year-start", "7", NULL },
	{ "roi", "--spend", "s", "--no-dedup", "--period", "day", "--by", "channel", NULL },
	{ "roi", "--spend", "s", "--col", "amount=deal", "--skip-bad", "--by",
	    "channel", "--precision", "2", NULL },
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
	static const struct role amount = { "amount", "amount", 1 };
	struct config cfg = { .kind = { 1, 1 } };
	struct strbuf notes = {0};
	struct kpi_opts o;
	struct spend_join j;

	if (size < 1)
		return 0;
	fuzz_parse(&o, &spec, &cfg, option_sets[data[0] % 8]);
	o.rd.notes = &notes;
	sj_init(&j, &o, &cfg.spend, &amount);
	fuzz_spend_join(&j, data + 1, size - 1, header, write_cell, &cfg);
	sj_free(&j);
	spend_opts_free(&cfg.spend);
	opts_free(&o);
	sb_free(&notes);
	return 0;
}
