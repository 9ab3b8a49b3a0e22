/* See LICENSE file for copyright and license details. */
/* cycle-length on the driver's steps, under several option sets
** (tests/fuzz/lead_tool.h says what is checked). */
#define main cycle_length_main
#include "../../cmd/cycle-length.c"
#undef main

#include "lead_tool.h"

static const struct fuzz_set sets[] = {
	{ 0, { "cycle-length", NULL } },
	{ 1, { "cycle-length", "--km", "--by", "channel", "--total", NULL } },
	{ 0, { "cycle-length", "--from", "mql", "--to", "opportunity", "--include-lost", NULL } },
	{ 1, { "cycle-length", "--km", "--asof", "2024-03-31", "--period", "month", NULL } },
	{ 0, { "cycle-length", "--stages", "lead,won", "--unit", "hours", "--km", NULL } },
	{ 0, { "cycle-length", "--skip-bad", "--km", "--include-lost", "--unit", "weeks", NULL } },
	{ 1, { "cycle-length", "--no-dedup", "--period", "week", "--to", "sql", NULL } },
	{ 1, { "cycle-length", "--merge", "--km", "--by", "channel", NULL } },
	{ 0, { "cycle-length", "--merge", "--include-lost", NULL } },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg = { .unit = unit_find("days", UNITS_DURATION) };

	fuzz_lead_tool(&tool, &cfg, sizeof cfg, sets,
	    sizeof sets / sizeof sets[0], data, size);
	return 0;
}
