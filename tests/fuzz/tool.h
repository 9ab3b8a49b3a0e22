/* See LICENSE file for copyright and license details. */
/*
** The frame of a tool's fuzz entry point: the first input byte picks one
** of the tool's option sets, the rest is the leads CSV, read from memory
** through the tool's own row handler (its source is included with main
** renamed, so the static functions are the real ones). Errors end the run
** as they would end the tool, without exiting.
*/
#ifndef KPI_FUZZ_TOOL_H
#define KPI_FUZZ_TOOL_H

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/leads.h"
#include "../../lib/num.h"
#include "../../lib/reader.h"

/* Parse the NULL-terminated OPTIONS as the tool would its command line. */
static inline void
fuzz_parse(struct kpi_opts *o, const struct tool_spec *spec, void *ctx,
    const char *const *options)
{
	char *argv[16];
	int argc = 0;

	while (options[argc] != NULL && argc < 15) {
		argv[argc] = (char *)options[argc];
		argc++;
	}
	argv[argc] = NULL;
	optind = 0;    /* glibc: start getopt afresh */
	opts_parse(o, spec, ctx, argc, argv);
}

/* Open the CSV, bind L and G; NULL when the header is already bad. */
static inline struct reader *
fuzz_open(const uint8_t *data, size_t size, const struct kpi_opts *o,
    struct leads *l, struct grouping *g, unsigned char **want)
{
	struct reader *r = rd_open_mem("fuzz", data, size, &o->rd);

	*want = NULL;
	if (rd_failed(r))
		return r;
	*want = xcalloc(rd_header(r)->n, 1);
	if (leads_bind(l, r, *want) == 0 && grouping_bind(g, r, *want) == 0)
		rd_want(r, *want);
	return r;
}

/*
** Capture what the tool writes on stdout in memory (stdout is assignable
** in glibc), for fuzz_check_output(); fuzz_capture_end() restores it and
** returns the bytes (*LEN of them), which the caller frees.
*/
static FILE *fuzz_saved_stdout;

static inline void
fuzz_capture_begin(char **buf, size_t *len)
{
	FILE *mem = open_memstream(buf, len);

	if (mem == NULL)
		fuzz_fail("open_memstream");
	fuzz_saved_stdout = stdout;
	stdout = mem;
}

static inline char *
fuzz_capture_end(char **buf, size_t *len)
{
	fclose(stdout);
	stdout = fuzz_saved_stdout;
	(void)len;
	return *buf;
}

/* Whether the LEN bytes at S are a number as num_format() writes one. */
static inline int
fuzz_is_number(const char *s, size_t len)
{
	double x;

	return len > 0 && num_parse(s, len, &x) == NULL && isfinite(x) &&
	    (s[0] != '-' || x != 0) && memchr(s, 'e', len) == NULL &&
	    memchr(s, ' ', len) == NULL && s[len - 1] != '.';
}

/*
** Check a tool's CSV output, LEN bytes at BUF: it reads back cleanly with
** lib/'s reader (so it is RFC 4180, every row as wide as the header), and
** every field after the first NKEYS (the group key columns, which repeat
** input text) is empty (undefined) or a plain number: never nan, inf or
** -0. A NKEYS of (size_t)-1 checks the shape only. A column headed TEXT
** (when not NULL) holds text, not figures, wherever it stands.
*/
static inline void
fuzz_check_output_text(const char *buf, size_t len, size_t nkeys,
    const char *text)
{
	struct rd_opts ro = { .max_field = 1 << 20 };
	struct reader *r;
	const struct row *row;
	long skip = -1;
	int rc;

	if (getenv("FUZZ_SHOW") != NULL)    /* to look at a replayed input */
		fwrite(buf, 1, len, stderr);
	if (len == 0)
		return;
	r = rd_open_mem("output", buf, len, &ro);
	FUZZ_CHECK(!rd_failed(r));
	if (text != NULL)
		skip = rd_col(r, text);
	while ((rc = rd_next(r, &row)) > 0)
		for (size_t i = nkeys; i < row->n; i++)
			if ((long)i != skip && row->f[i].len > 0 &&
			    !fuzz_is_number(row->f[i].s, row->f[i].len)) {
				fprintf(stderr, "output field %zu of line %lu: '%s'\n",
				    i + 1, row->line, row->f[i].s);
				fuzz_fail("a number in the output");
			}
	FUZZ_CHECK(rc == 0);
	rd_close(r);
}

static inline void
fuzz_check_output(const char *buf, size_t len, size_t nkeys)
{
	fuzz_check_output_text(buf, len, nkeys, NULL);
}

static inline void
fuzz_quiet_stdout(void)
{
	static int done;

	if (!done && freopen("/dev/null", "w", stdout) != NULL)
		done = 1;
}

#endif
