/* See LICENSE file for copyright and license details. */
/* lead-convert's row handling and output, under several option sets. */
#define main lead_convert_main
#include "../../cmd/lead-convert.c"
#undef main

#include "fuzz.h"
#include "tool.h"

static const char *const option_sets[][12] = {
	{ "lead-convert", NULL },
	{ "lead-convert", "--by", "channel", "--period", "quarter", "--total", NULL },
	{ "lead-convert", "--window", "30", "--by", "channel", NULL },
	{ "lead-convert", "--asof", "2024-06-30", "--period", "week", NULL },
	{ "lead-convert", "--stage-col", "stage", "--by", "channel", NULL },
	{ "lead-convert", "--stages", "lead,customer", "--skip-bad", "--ci", "0.5", NULL },
	{ "lead-convert", "--no-dedup", "--period", "month", "--fiscal-year-start", "4", NULL },
	{ "lead-convert", "--window", "7", "--asof", "2024-03-01T00:00:00Z", "--skip-bad", NULL },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct tool_spec spec = {
		"[file ...]", "fuzz", OPTS_STAGES | OPTS_WINDOW | OPTS_ASOF |
		    OPTS_ANNOTATE | OPTS_TOTAL | OPTS_DEDUP,
		tool_options, handle_option, "leads",
	};
	struct run run = { .cfg = { .ci = 0.95 } };
	const struct row *row;
	unsigned char *want;
	struct reader *r;

	if (size < 1)
		return 0;
	fuzz_quiet_stdout();
	fuzz_parse(&run.o, &spec, &run.cfg, option_sets[data[0] % 8]);
	part_init(&run.all, &run.o);

	r = fuzz_open(data + 1, size - 1, &run.o, &run.all.leads,
	    &run.all.grouping, &want);
	while (!rd_failed(r) && rd_next(r, &row) > 0)
		count_row(&run.all, r, row);
	if (!rd_failed(r)) {
		lq_finish(&run.all.waiting);
		print_groups(&run);
	}
	rd_close(r);
	free(want);
	lead_part_free(&run.all, NULL);
	opts_free(&run.o);
	return 0;
}
