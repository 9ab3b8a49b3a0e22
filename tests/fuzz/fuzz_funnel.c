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
	leads_init(&run.leads, &run.o, NULL, 0);
	grouping_init(&run.grouping, &run.o);
	run.groups = gt_new(sizeof(struct tally));
	lq_init(&run.waiting, &run.leads, sizeof(struct contribution), apply,
	    NULL);

	r = fuzz_open(data + 1, size - 1, &run.o, &run.leads, &run.grouping, &want);
	while (!rd_failed(r) && rd_next(r, &row) > 0)
		count_row(&run, r, row);
	if (!rd_failed(r)) {
		lq_finish(&run.waiting);
		print_groups(&run);
	}
	rd_close(r);
	free(want);
	gt_free(run.groups, tally_free);
	grouping_free(&run.grouping);
	leads_free(&run.leads);
	lq_free(&run.waiting);
	free(run.first_out_of_order);
	opts_free(&run.o);
	return 0;
}
