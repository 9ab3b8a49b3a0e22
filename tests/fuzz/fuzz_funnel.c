/* See LICENSE file for copyright and license details. */
/* funnel on the driver's steps, under several option sets
** (tests/fuzz/lead_tool.h says what is checked). Its key columns are
** the groups and the stage. */
#define main funnel_main
#include "../../cmd/funnel.c"
#undef main

#include "lead_tool.h"

static const struct fuzz_set sets[] = {
	{ 1, { "funnel", NULL } },
	{ 2, { "funnel", "--by", "channel", "--total", NULL } },
	{ 2, { "funnel", "--lost", "--period", "quarter", NULL } },
	{ 1, { "funnel", "--asof", "2024-06-30", "--skip-bad", NULL } },
	{ 2, { "funnel", "--stage-col", "stage", "--by", "channel", NULL } },
	{ 1, { "funnel", "--stages", "lead,sql,customer", "--no-dedup", NULL } },
	{ 2, { "funnel", "--merge", "--by", "channel", NULL } },
	{ 1, { "funnel", "--merge", "--lost", NULL } },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg = { 0 };

	fuzz_lead_tool(&tool, &cfg, sizeof cfg, sets,
	    sizeof sets / sizeof sets[0], data, size);
	return 0;
}
