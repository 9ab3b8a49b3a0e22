/* See LICENSE file for copyright and license details. */
/*
** csvdump: the records lib/'s reader returns, one JSON array per line (the
** header first), for the conformance tests. Not installed.
**
**   csvdump [-d C] [-r BYTES] [FILE]     read with BYTES a read (default 256 KiB)
**   csvdump -a MAX FILE                  read FILE from memory MAX times, with
**                                        1, 2, ... MAX bytes at a time, and
**                                        check every result (records or error)
**                                        is the same; print it once
**
** On a reader error: the records so far, then the message on stderr and the
** reader's exit status.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/reader.h"
#include "../../lib/util.h"

static void
json_string(struct strbuf *out, const char *s, size_t len)
{
	sb_addc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			sb_printf(out, "\\%c", c);
		else if (c == '\n')
			sb_adds(out, "\\n");
		else if (c == '\r')
			sb_adds(out, "\\r");
		else if (c == '\t')
			sb_adds(out, "\\t");
		else if (c < 0x20)
			sb_printf(out, "\\u%04x", c);
		else
			sb_addc(out, (char)c);
	}
	sb_addc(out, '"');
}

static void
json_row(struct strbuf *out, const struct row *row)
{
	sb_addc(out, '[');
	for (size_t i = 0; i < row->n; i++) {
		if (i)
			sb_addc(out, ',');
		json_string(out, row->f[i].s, row->f[i].len);
	}
	sb_adds(out, "]\n");
}

/* Dump R into OUT; the error, if any, into ERR. Returns the exit status. */
static int
dump(struct reader *r, struct strbuf *out, struct strbuf *err)
{
	const struct row *row;
	int rc;

	if (!rd_failed(r)) {
		json_row(out, rd_header(r));
		while ((rc = rd_next(r, &row)) > 0)
			json_row(out, row);
	}
	if (rd_failed(r)) {
		sb_printf(err, "csvdump: %s\n", rd_error(r));
		return rd_status(r);
	}
	return 0;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = {0};
	char buf[65536];
	size_t n;

	if (f == NULL)
		die(EX_NOINPUT, "%s: cannot open", path);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&sb, buf, n);
	fclose(f);
	sb_add(&sb, "", 0);
	*len = sb.len;
	return sb.s;
}

int
main(int argc, char *argv[])
{
	struct rd_opts o = {0};
	struct strbuf out = {0}, err = {0};
	long all = 0;
	int c, status;

	while ((c = getopt(argc, argv, "a:d:r:")) != -1)
		switch (c) {
		case 'a': all = atol(optarg); break;
		case 'd': o.delim = optarg[0] == 't' ? '\t' : optarg[0]; break;
		case 'r': o.read_size = (size_t)atol(optarg); break;
		default:
			fputs("usage: csvdump [-d C] [-r BYTES] [-a MAX] [file]\n",
			    stderr);
			return 64;
		}
	if (all > 0) {
		size_t len;
		char *text = slurp(argv[optind], &len);
		struct strbuf first = {0}, first_err = {0};
		int first_status = 0;

		for (long k = 1; k <= all; k++) {
			struct reader *r;

			o.read_size = (size_t)k;
			r = rd_open_mem(argv[optind], text, len, &o);
			sb_reset(&out);
			sb_reset(&err);
			sb_add(&out, "", 0);
			sb_add(&err, "", 0);
			status = dump(r, &out, &err);
			rd_close(r);
			if (k == 1) {
				sb_add(&first, out.s, out.len);
				sb_add(&first_err, err.s, err.len);
				first_status = status;
			} else if (strcmp(out.s, first.s) != 0 ||
			    strcmp(err.s, first_err.s) != 0 || status != first_status) {
				fprintf(stderr, "csvdump: %s: reading %ld bytes at a "
				    "time differs from reading 1\n", argv[optind], k);
				first_status = 70;
				sb_reset(&first);
				sb_reset(&first_err);
				break;
			}
		}
		if (first.s != NULL)
			fputs(first.s, stdout);
		if (first_err.s != NULL)
			fputs(first_err.s, stderr);
		sb_free(&first);
		sb_free(&first_err);
		free(text);
		status = first_status;
	} else {
		struct reader *r = rd_open_or_die(optind < argc ? argv[optind] :
		    NULL, &o);

		status = dump(r, &out, &err);
		rd_close(r);
		if (out.s != NULL)
			fputs(out.s, stdout);
		if (err.s != NULL)
			fputs(err.s, stderr);
	}
	/* Freed, so that valgrind (make check-valgrind) sees no leak. */
	sb_free(&out);
	sb_free(&err);
	return status;
}
