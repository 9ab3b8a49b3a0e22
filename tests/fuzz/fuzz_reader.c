/* See LICENSE file for copyright and license details. */
/*
** The CSV reader. The first byte chooses the delimiter (a tab: TSV;
** RD_SPACE: blank-separated) and a read size; the rest is the input.
** Checks, beyond not crashing:
**  - every record has as many fields as the header, fields hold no NUL
**    and are NUL-terminated, line numbers never go back;
**  - the records (or the error) are the same when read whole and when
**    read a few bytes at a time;
**  - what was read, written back by lib/writer and read again, is the
**    same records (the writer's quoting round-trips), and so for TSV
**    (its escapes round-trip).
*/
#include <string.h>

#include "../../lib/reader.h"
#include "../../lib/util.h"
#include "../../lib/writer.h"
#include "fuzz.h"

/* All records of the input as one byte string, and the error if any. */
static void
read_all(const uint8_t *data, size_t size, const struct rd_opts *o,
    struct strbuf *out, FILE *rewrite)
{
	struct reader *r = rd_open_mem("fuzz", data, size, o);
	const struct row *row;
	unsigned long last_line = 0;
	struct writer w;
	int rc;

	if (rewrite != NULL) {
		wr_init(&w, rewrite, 6);
		if (o->delim == '\t')
			wr_set_ofs(&w, '\t');
	}
	sb_add(out, "", 0);
	if (!rd_failed(r)) {
		const struct row *h = rd_header(r);

		for (size_t i = 0; i < h->n; i++) {
			sb_add(out, h->f[i].s, h->f[i].len);
			sb_addc(out, '\x1f');
			if (rewrite != NULL)
				wr_field(&w, h->f[i].s, h->f[i].len);
		}
		sb_addc(out, '\x1e');
		if (rewrite != NULL)
			wr_end(&w);
		while ((rc = rd_next(r, &row)) > 0) {
			FUZZ_CHECK(row->n == h->n);
			FUZZ_CHECK(row->line >= last_line);
			FUZZ_CHECK(row->line > h->line);
			last_line = row->line;
			for (size_t i = 0; i < row->n; i++) {
				FUZZ_CHECK(row->f[i].s[row->f[i].len] == '\0');
				FUZZ_CHECK(memchr(row->f[i].s, 0, row->f[i].len) == NULL);
				sb_add(out, row->f[i].s, row->f[i].len);
				sb_addc(out, '\x1f');
				if (rewrite != NULL)
					wr_field(&w, row->f[i].s, row->f[i].len);
			}
			sb_addc(out, '\x1e');
			if (rewrite != NULL)
				wr_end(&w);
		}
	}
	if (rd_failed(r))
		sb_printf(out, "ERROR %d %s", rd_status(r), rd_error(r));
	rd_close(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[] = { ',', '\t', RD_SPACE, '|' };
	struct rd_opts whole = {0}, bits = {0};
	struct strbuf a = {0}, b = {0}, c = {0};
	char *text = NULL;
	size_t textlen = 0;
	FILE *rewrite;

	if (size < 1)
		return 0;
	whole.delim = bits.delim = delims[data[0] & 3];
	whole.max_field = bits.max_field = 4096;
	bits.read_size = 1 + (data[0] >> 2);
	rewrite = open_memstream(&text, &textlen);
	read_all(data + 1, size - 1, &whole, &a, rewrite);
	read_all(data + 1, size - 1, &bits, &b, NULL);
	FUZZ_CHECK(a.len == b.len && memcmp(a.s, b.s, a.len) == 0);
	fclose(rewrite);
	/* The round trip, for input that read cleanly with commas. */
	/* TSV too, but for U+FEFF opening the first field (after a skipped
	 * byte-order mark) and a record of one empty field (a header of
	 * blanks, trimmed), which TSV cannot write but as a mark and as an
	 * empty line. */
	if ((whole.delim == ',' || (whole.delim == '\t' &&
	    !(a.len >= 3 && memcmp(a.s, "\xef\xbb\xbf", 3) == 0) &&
	    !(a.len >= 2 && memcmp(a.s, "\x1f\x1e", 2) == 0) &&
	    memmem(a.s, a.len, "\x1e\x1f\x1e", 3) == NULL)) &&
	    memmem(a.s, a.len, "ERROR", 5) == NULL) {
		struct rd_opts plain = { .delim = whole.delim,
		    .max_field = 1 << 20 };

		read_all((const uint8_t *)text, textlen, &plain, &c, NULL);
		FUZZ_CHECK(a.len == c.len && memcmp(a.s, c.s, a.len) == 0);
	}
	free(text);
	sb_free(&a);
	sb_free(&b);
	sb_free(&c);
	return 0;
}
