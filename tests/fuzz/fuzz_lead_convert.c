/* See LICENSE file for copyright and license details. */
/* lead-convert on the driver's steps, under several option sets
** (tests/fuzz/lead_tool.h says what is checked). */
#define main lead_convert_main
#include "../../cmd/lead-convert.c"
#undef main

#include "lead_tool.h"

static const struct fuzz_set sets[] = {
	{ 0, { "lead-convert", NULL } },
	{ 2, { "lead-convert", "--by", "channel", "--period", "quarter", "--total", NULL } },
	{ 1, { "lead-convert", "--window", "30", "--by", "channel", NULL } },
	{ 1, { "lead-convert", "--asof", "2024-06-30", "--period", "week", NULL } },
	{ 1, { "lead-convert", "--stage-col", "stage", "--by", "channel", NULL } },
	{ 0, { "lead-convert", "--stages", "lead,customer", "--skip-bad", "--ci", "0.5", NULL } },
	{ 1, { "lead-convert", "--no-dedup", "--period", "month", "--fiscal-year-start", "4", NULL } },
	{ 0, { "lead-convert", "--window", "7", "--asof", "2024-03-01T00:00:00Z", "--skip-bad", NULL } },
	{ 1, { "lead-convert", "--merge", "--by", "channel", NULL } },
	{ 2, { "lead-convert", "--merge", "--window", "30", "--by", "channel", "--period", "month", NULL } },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg = { 0.95 };

	fuzz_lead_tool(&tool, &cfg, sizeof cfg, sets,
	    sizeof sets / sizeof sets[0], data, size);
	return 0;
}
