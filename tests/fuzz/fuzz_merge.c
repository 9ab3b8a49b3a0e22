/* See LICENSE file for copyright and license details. */
/*
** The --merge part reader (lib/part.c), through funnel, whose parts hold
** every kind of row: counts, values (the days of each step), leads,
** seen ids, latest, notes. The first input byte picks an option set
** (its low 7 bits) and whether to mend the trailers (its high bit); the
** rest is the stream of parts.
**
** A mutated part almost never keeps a right checksum, so the fuzzer would
** rarely get past the end row to the merged arithmetic. Mended, the input
** is read as CSV and written again with each end row's count and checksum
** made to fit the rows above it (computed here, from kpikit(7), PARTS,
** not with lib/part.c's code), so the rest of the reader is what decides.
** Checks, beyond not crashing:
**
**  - merged output reads back as CSV whose figures are plain numbers;
**  - a mended stream the merge takes is refused once its last end row is
**    cut off: a cut part is always found;
**  - a mended stream of two or more parts gives the same bytes with its
**    first part moved to the end: parts from --jobs or GNU parallel come
**    in any order, and the merge is a sum.
*/
#define main funnel_main
#include "../../cmd/funnel.c"
#undef main

#include <errno.h>
#include <inttypes.h>

#include "../../lib/writer.h"
#include "lead_tool.h"

static const struct fuzz_set sets[] = {
	{ 1, { "funnel", "--merge", NULL } },
	{ 2, { "funnel", "--merge", "--by", "channel", NULL } },
	{ 1, { "funnel", "--merge", "--lost", NULL } },
	{ 3, { "funnel", "--merge", "--by", "channel", "--period", "quarter",
	    "--total", NULL } },
	{ 1, { "funnel", "--merge", "--window", "30", NULL } },
	{ 1, { "funnel", "--merge", "--asof", "2024-06-30", NULL } },
	{ 1, { "funnel", "--merge", "--stages", "lead,sql,customer", NULL } },
	{ 2, { "funnel", "--merge", "--stage-col", "stage", "--by", "channel",
	    NULL } },
};

/* The checksum of a part as kpikit(7) describes it, again. */
static void
fold(uint64_t *s, uint64_t h)
{
	*s = ((*s << 27 | *s >> 37) ^ h) * 0x9e3779b97f4a7c15ULL;
}

/*
** Write ROW to W and into the checksum SUM and row count ROWS, or, for an
** end row, write the count and checksum that fit and start again. The
** offset of each part's header goes to STARTS (up to 8), that of the last
** end row to *LASTEND.
*/
static void
mend_row(struct writer *w, const struct row *row, uint64_t *sum,
    uint64_t *rows, size_t *starts, size_t *nstarts, size_t *lastend)
{
	long at = ftell(w->fp);

	if (row->n >= 3 && strcmp(row->f[0].s, "end") == 0) {
		char n[32], x[32];

		*lastend = (size_t)at;
		snprintf(n, sizeof n, "%" PRIu64, *rows);
		snprintf(x, sizeof x, "%016" PRIx64, *sum);
		for (size_t i = 0; i + 2 < row->n; i++)
			wr_field(w, row->f[i].s, row->f[i].len);
		wr_str(w, n);
		wr_str(w, x);
		wr_end(w);
		return;
	}
	if (strcmp(row->f[0].s, "part") == 0) {
		*sum = 0x6b70696b69742d31ULL;
		*rows = 0;
		if (*nstarts < 8)
			starts[(*nstarts)++] = (size_t)at;
	}
	for (size_t i = 0; i < row->n; i++) {
		fold(sum, hash_bytes(row->f[i].s, row->f[i].len));
		wr_field(w, row->f[i].s, row->f[i].len);
	}
	fold(sum, 0x1e);
	(*rows)++;
	wr_end(w);
}

/* DATA mended into *OUT (*LEN bytes; the caller frees it); 0, or -1 when
** it is no CSV to mend. */
static int
mend(const uint8_t *data, size_t size, char **out, size_t *len,
    size_t *starts, size_t *nstarts, size_t *lastend)
{
	struct rd_opts ro = { .max_field = 4096 };
	struct reader *r = rd_open_mem("fuzz", data, size, &ro);
	const struct row *row;
	struct writer w;
	uint64_t sum = 0, rows = 0;
	FILE *fp;
	int rc = -1;

	*nstarts = 0;
	*lastend = 0;
	if (rd_failed(r)) {
		rd_close(r);
		return -1;
	}
	if ((fp = open_memstream(out, len)) == NULL)
		fuzz_fail("open_memstream");
	wr_init(&w, fp, 6);
	mend_row(&w, rd_header(r), &sum, &rows, starts, nstarts, lastend);
	while ((rc = rd_next(r, &row)) > 0)
		mend_row(&w, row, &sum, &rows, starts, nstarts, lastend);
	fclose(fp);
	rd_close(r);
	if (rc < 0) {
		free(*out);
		*out = NULL;
	}
	return rc < 0 ? -1 : 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg = { 0 };
	const struct fuzz_set *set;
	char *in = NULL, *out, *again;
	size_t inlen, outlen, againlen, starts[8], nstarts, lastend;

	if (size < 1)
		return 0;
	/* Parts name the tool that wrote them, tool_name(): the seeds were
	 * made by funnel, not by this program. */
	program_invocation_short_name = "funnel";
	set = &sets[(data[0] & 0x7f) % (sizeof sets / sizeof sets[0])];
	if (!(data[0] & 0x80)) {
		out = fuzz_lead_run(&tool, &cfg, sizeof cfg, set, NULL, 1,
		    data + 1, size - 1, &outlen);
		if (out != NULL)
			fuzz_check_output(out, outlen, set->nkeys);
		free(out);
		return 0;
	}
	if (mend(data + 1, size - 1, &in, &inlen, starts, &nstarts,
	    &lastend) < 0)
		return 0;
	out = fuzz_lead_run(&tool, &cfg, sizeof cfg, set, NULL, 1,
	    (const uint8_t *)in, inlen, &outlen);
	if (out == NULL) {
		free(in);
		return 0;
	}
	fuzz_check_output(out, outlen, set->nkeys);

	/* Cut before the last end row: refused. */
	again = fuzz_lead_run(&tool, &cfg, sizeof cfg, set, NULL, 1,
	    (const uint8_t *)in, lastend, &againlen);
	if (again != NULL)
		fuzz_fail("a stream cut before its last end row is refused");

	/* The first part moved to the end: the same bytes. */
	if (nstarts >= 2) {
		char *turned = xmalloc(inlen);
		size_t first = starts[1] - starts[0];

		memcpy(turned, in + starts[1], inlen - starts[1]);
		memcpy(turned + inlen - starts[1], in, first);
		FUZZ_CHECK(starts[0] == 0);
		again = fuzz_lead_run(&tool, &cfg, sizeof cfg, set, NULL, 1,
		    (const uint8_t *)turned, inlen, &againlen);
		if (again == NULL || againlen != outlen ||
		    memcmp(again, out, outlen) != 0) {
			if (getenv("FUZZ_SHOW") != NULL)
				fprintf(stderr, "in order:\n%.*s\nturned:\n%.*s\n",
				    (int)outlen, out, again ? (int)againlen : 0,
				    again ? again : "");
			fuzz_fail("the parts in another order merge the same");
		}
		free(again);
		free(turned);
	}
	free(out);
	free(in);
	return 0;
}
