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
**    in any order, and the merge is a sum. Unless an id has lead or seen
**    rows in two parts: then the first part wins, as kpikit(7) says.
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

/* What mend() learns of the stream. */
struct mended {
	size_t starts[8];          /* offsets of the first parts' headers */
	size_t nstarts;
	size_t lastend;            /* offset of the last end row */
	char **id;                 /* the ids of lead and seen rows */
	size_t *part;              /* the part of each */
	size_t nid;
	int shared;                /* an id has rows in two parts */
};

/* Note id ID (LEN bytes) of part PART; set M->shared when another part
** had it. Inputs are short: a linear search is enough. */
static void
note_id(struct mended *m, const char *id, size_t len, size_t part)
{
	for (size_t i = 0; i < m->nid; i++)
		if (strlen(m->id[i]) == len && memcmp(m->id[i], id, len) == 0 &&
		    m->part[i] != part)
			m->shared = 1;
	m->id = xreallocarray(m->id, m->nid + 1, sizeof *m->id);
	m->part = xreallocarray(m->part, m->nid + 1, sizeof *m->part);
	m->id[m->nid] = xmemdup(id, len);
	m->part[m->nid++] = part;
}

static void
mended_free(struct mended *m)
{
	for (size_t i = 0; i < m->nid; i++)
		free(m->id[i]);
	free(m->id);
	free(m->part);
}

/* The checksum of a part as kpikit(7) describes it, again. */
static void
fold(uint64_t *s, uint64_t h)
{
	*s = ((*s << 27 | *s >> 37) ^ h) * 0x9e3779b97f4a7c15ULL;
}

/*
** Write ROW to W and into the checksum SUM and row count ROWS, or, for an
** end row, write the count and checksum that fit and start again; note
** in M where parts begin and end, and their ids.
*/
static void
mend_row(struct writer *w, const struct row *row, uint64_t *sum,
    uint64_t *rows, struct mended *m, size_t *parts)
{
	long at = ftell(w->fp);

	if (row->n >= 3 && (strcmp(row->f[0].s, "lead") == 0 ||
	    strcmp(row->f[0].s, "seen") == 0))
		note_id(m, row->f[row->n - 2].s, row->f[row->n - 2].len, *parts);
	if (row->n >= 3 && strcmp(row->f[0].s, "end") == 0) {
		char n[32], x[32];

		m->lastend = (size_t)at;
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
		(*parts)++;
		if (m->nstarts < 8)
			m->starts[m->nstarts++] = (size_t)at;
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
    struct mended *m)
{
	struct rd_opts ro = { .max_field = 4096 };
	struct reader *r = rd_open_mem("fuzz", data, size, &ro);
	const struct row *row;
	struct writer w;
	uint64_t sum = 0, rows = 0;
	size_t parts = 0;
	FILE *fp;
	int rc = -1;

	if (rd_failed(r)) {
		rd_close(r);
		return -1;
	}
	if ((fp = open_memstream(out, len)) == NULL)
		fuzz_fail("open_memstream");
	wr_init(&w, fp, 6);
	mend_row(&w, rd_header(r), &sum, &rows, m, &parts);
	while ((rc = rd_next(r, &row)) > 0)
		mend_row(&w, row, &sum, &rows, m, &parts);
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
	size_t inlen, outlen, againlen;
	struct mended m = {0};

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
	if (mend(data + 1, size - 1, &in, &inlen, &m) < 0) {
		mended_free(&m);
		return 0;
	}
	out = fuzz_lead_run(&tool, &cfg, sizeof cfg, set, NULL, 1,
	    (const uint8_t *)in, inlen, &outlen);
	if (out == NULL) {
		mended_free(&m);
		free(in);
		return 0;
	}
	fuzz_check_output(out, outlen, set->nkeys);

	/* Cut before the last end row: refused. */
	again = fuzz_lead_run(&tool, &cfg, sizeof cfg, set, NULL, 1,
	    (const uint8_t *)in, m.lastend, &againlen);
	if (again != NULL)
		fuzz_fail("a stream cut before its last end row is refused");

	/* The first part moved to the end: the same bytes. */
	if (m.nstarts >= 2 && !m.shared) {
		char *turned = xmalloc(inlen);
		size_t first = m.starts[1] - m.starts[0];

		memcpy(turned, in + m.starts[1], inlen - m.starts[1]);
		memcpy(turned + inlen - m.starts[1], in, first);
		FUZZ_CHECK(m.starts[0] == 0);
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
	mended_free(&m);
	free(out);
	free(in);
	return 0;
}
