/* See LICENSE file for copyright and license details. */
/*
** The example of lib/leadtool.h, whole: the leads of each group and those
** that reached the last stage. The tests build it and run it
** (tests/cases/example-tool/), so the example stays true.
*/
#include <stddef.h>
#include <stdint.h>

#include "../../lib/leadtool.h"

struct tally { uint64_t reached[MAX_STAGES]; };

static const struct tally_field fields[] = {
	{ "reached", TALLY_STAGE_COUNTS, offsetof(struct tally, reached) },
	{ NULL, 0, 0 },
};

static void
add(const struct lead_run *run, void *tally, const struct lead *d, int top)
{
	struct tally *t = tally;

	(void)run;
	(void)d;
	for (int s = 0; s <= top; s++)
		t->reached[s]++;
}

static void
header(const struct lead_run *run, struct writer *w)
{
	lead_key_header(run, w);
	wr_str(w, "leads");
	wr_str(w, "won");
	wr_end(w);
}

static void
write_tally(const struct lead_run *run, struct writer *w, void *tally,
    const struct lead_key *key)
{
	struct tally *t = tally;

	lead_key_write(key, w);
	wr_int(w, (int64_t)t->reached[0]);
	wr_int(w, (int64_t)t->reached[run->leads->st.n - 1]);
	wr_end(w);
}

int
main(int argc, char *argv[])
{
	static const struct lead_tool tool = {
		.spec = { "[file ...]", "Leads and wins.", OPTS_STAGES |
		    OPTS_ASOF | OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS | OPTS_PARTS,
		    NULL, NULL, "leads" },
		.tally = { sizeof(struct tally), fields },
		.add = add, .header = header, .write = write_tally,
	};

	return lead_tool_main(&tool, NULL, argc, argv);
}
