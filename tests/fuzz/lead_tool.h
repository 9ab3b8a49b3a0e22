/* See LICENSE file for copyright and license details. */
/*
** The frame of a leads tool's fuzz entry point, on the driver's steps
** (lib/leadtool.h). The first input byte picks one of the tool's option
** sets, the rest is the input: a leads table, or under a set with
** "--merge" a part. Beyond not crashing:
**
**  - the output reads back as CSV whose figures are plain numbers or
**    empty (fuzz_check_output());
**  - a leads table run whole, and run with --partial then --merge of
**    that part, print the same bytes: the part format carries all that
**    the arithmetic needs, and the merge reader takes back every part the
**    writer makes.
*/
#ifndef KPI_FUZZ_LEAD_TOOL_H
#define KPI_FUZZ_LEAD_TOOL_H

#include <string.h>

#include "../../lib/leadtool.h"
#include "fuzz.h"
#include "tool.h"

struct fuzz_set {
	size_t nkeys;                 /* key columns of the output */
	const char *argv[14];         /* NULL-terminated, argv[0] the tool */
};

/* ARGV of SET, with EXTRA (may be NULL) appended. */
static inline int
fuzz_argv(const struct fuzz_set *set, const char *extra, char **argv)
{
	int argc = 0;

	while (set->argv[argc] != NULL && argc < 14) {
		argv[argc] = (char *)set->argv[argc];
		argc++;
	}
	if (extra != NULL)
		argv[argc++] = (char *)extra;
	argv[argc] = NULL;
	optind = 0;    /* glibc: start getopt afresh */
	return argc;
}

/*
** Run TOOL (with a fresh copy of CFG, SIZE bytes, for each run) under
** SET with EXTRA on the LEN bytes at DATA: a leads table, or a part when
** MERGE. Returns the output (the caller frees it), or NULL where the tool
** would have stopped with an error.
*/
static inline char *
fuzz_lead_run(const struct lead_tool *tool, const void *cfg, size_t size,
    const struct fuzz_set *set, const char *extra, int merge,
    const uint8_t *data, size_t len, size_t *outlen)
{
	char *argv[16], why[1024];
	char *out = NULL;
	void *c = xmalloc(size);
	int argc, bad;
	struct lead_driver *d;
	struct reader *r;

	memcpy(c, cfg, size);
	argc = fuzz_argv(set, extra, argv);
	d = lead_tool_open(tool, c, argc, argv);
	r = rd_open_mem("fuzz", data, len, lead_tool_rd_opts(d));
	bad = merge ? lead_tool_merge(d, r) < 0 ||
	    lead_tool_merged(d, why, sizeof why) != NULL :
	    lead_tool_feed(d, r) < 0;
	rd_close(r);
	if (!bad) {
		fuzz_capture_begin(&out, outlen);
		lead_tool_print(d);
		fuzz_capture_end(&out, outlen);
	}
	lead_tool_close(d);
	free(c);
	return out;
}

static inline void
fuzz_lead_tool(const struct lead_tool *tool, const void *cfg, size_t size,
    const struct fuzz_set *sets, size_t nsets, const uint8_t *data,
    size_t len)
{
	const struct fuzz_set *set;
	char *whole, *part, *merged;
	size_t wlen, plen, mlen;
	int merge = 0;

	if (len < 1)
		return;
	fuzz_quiet_stdout();
	set = &sets[data[0] % nsets];
	for (size_t i = 0; set->argv[i] != NULL; i++)
		merge |= strcmp(set->argv[i], "--merge") == 0;
	whole = fuzz_lead_run(tool, cfg, size, set, NULL, merge, data + 1,
	    len - 1, &wlen);
	if (whole == NULL)
		return;
	fuzz_check_output(whole, wlen, set->nkeys);
	if (!merge) {
		part = fuzz_lead_run(tool, cfg, size, set, "--partial", 0,
		    data + 1, len - 1, &plen);
		FUZZ_CHECK(part != NULL);
		merged = fuzz_lead_run(tool, cfg, size, set, "--merge", 1,
		    (const uint8_t *)part, plen, &mlen);
		if (merged == NULL || mlen != wlen ||
		    memcmp(merged, whole, wlen) != 0) {
			if (getenv("FUZZ_SHOW") != NULL)
				fprintf(stderr, "part:\n%.*s\nmerged:\n%.*s\n",
				    (int)plen, part, merged ? (int)mlen : 0,
				    merged ? merged : "");
			fuzz_fail("--partial then --merge equals one run");
		}
		free(part);
		free(merged);
	}
	free(whole);
}

#endif
