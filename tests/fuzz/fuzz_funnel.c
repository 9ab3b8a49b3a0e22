/* See LICENSE file for copyright and license details. */
/* funnel's row handling and output, under several option sets. */
#define main funnel_main
#include "../../cmd/funnel.c"
#undef main

#include "fuzz.h"
#include "tool.h"

static const char *const option_sets[][12] = {
	{ "funnel", NULL },
	{ "funnel", "--lost", "--by", "channel", "--total", NULL },
	{ "funnel", "--window", "30", "--period", "quarter", NULL },
	{ "funnel", "--asof", "2024-06-30", "--lost", NULL },
	{ "funnel", "--stage-col", "stage", "--lost", NULL },
	{ "funnel", "--stages", "lead,sql,customer", "--skip-bad", NULL },
	{ "funnel", "--no-dedup", "--period", "week", NULL },
	{ "funnel", "--window", "3", "--asof", "2024-01-10", "--skip-bad", NULL },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct tool_spec spec = {
		"[file ...]", "fuzz", OPTS_STAGES | OPTS_WINDOW | OPTS_ASOF |
		    OPTS_TOTAL | OPTS_DEDUP,
		tool_options, handle_option, "leads",
	};
	struct run run = {0};
	const struct row *row;
	unsigned char *want;
	struct reader *r;

	if (size < 1)
		return 0;
	fuzz_quiet_stdout();
	fuzz_parse(&run.o, &spec, &run.cfg, option_sets[data[0] % 8]);
	part_init(&run.all, &run.o);

	r = fuzz_open(data + 1, size - 1, &run.o, &run.all.lp.leads,
	    &run.all.lp.grouping, &want);
	while (!rd_failed(r) && rd_next(r, &row) > 0)
		count_row(&run.all, r, row);
	if (!rd_failed(r)) {
		lq_finish(&run.all.lp.waiting);
		print_groups(&run);
	}
	rd_close(r);
	free(want);
	part_free(&run.all);
	opts_free(&run.o);
	return 0;
}
