/* See LICENSE file for copyright and license details. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio_ext.h>
#include <string.h>

#include "num.h"
#include "util.h"
#include "writer.h"

void
wr_init(struct writer *w, FILE *fp, int precision)
{
	w->fp = fp;
	w->ofs = ',';
	w->precision = precision;
	w->at_start = 1;
	w->at_bof = 1;
	w->lone_empty = 0;
	/*
	 * Fully buffered, even on a terminal. (glibc takes the size only
	 * with a buffer of the caller's: stdout gets st_blksize bytes,
	 * commonly 4 KiB, and a buffer of ours would outlive every free().)
	 */
	if (fp == stdout && __fbufsize(fp) == 0)   /* no output yet */
		setvbuf(fp, NULL, _IOFBF, 0);
}

void
wr_set_ofs(struct writer *w, int ofs)
{
	w->ofs = ofs;
}

/* Start a field of LEN bytes: the separator before it, if any. */
static void
separate(struct writer *w, size_t len)
{
	if (!w->at_start)
		putc_unlocked(w->ofs, w->fp);
	w->lone_empty = w->at_start && len == 0;
	w->at_start = 0;
	w->at_bof = 0;
}

/*
** A TSV field: the bytes as they are, but TAB, LF, CR and backslash as
** the two-byte escapes \t, \n, \r and \\, so that no field byte ends a
** field or a line and every escape reads back to its byte.
*/
static void
tsv_field(struct writer *w, const char *s, size_t len)
{
	size_t from = 0;

	for (size_t i = 0; i < len; i++) {
		char e;

		switch (s[i]) {
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		case '\\': e = '\\'; break;
		default: continue;
		}
		fwrite_unlocked(s + from, 1, i - from, w->fp);
		putc_unlocked('\\', w->fp);
		putc_unlocked(e, w->fp);
		from = i + 1;
	}
	fwrite_unlocked(s + from, 1, len - from, w->fp);
}

/*
** Whether any of the LEN bytes at S is at or below the highest of OFS,
** '"', LF and CR: a field without one needs no quotes, and the exact test
** runs only on the few fields this lets through (bytes of 0x80 and up are
** above any ASCII separator). Eight bytes at a time: (x - 0x01..01 * n) &
** ~x & 0x80..80 is nonzero exactly when a byte of x is below n, for n up
** to 128 (the lowest such byte borrows into its own top bit; a byte of
** 0x80 or more has its top bit cleared by ~x).
*/
static int
may_need_quotes(const char *s, size_t len, int ofs)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	unsigned top = (unsigned char)ofs > '"' ? (unsigned char)ofs : '"';
	size_t i = 0;

	if (top < 128)
		for (; i + 8 <= len; i += 8) {
			uint64_t x;

			memcpy(&x, s + i, sizeof x);
			if (((x - ones * (top + 1)) & ~x & ones * 0x80) != 0)
				return 1;
		}
	for (; i < len; i++)
		if ((unsigned char)s[i] <= top)
			return 1;
	return 0;
}

void
wr_field(struct writer *w, const char *s, size_t len)
{
	/* U+FEFF first in the output would read back as a byte-order mark. */
	int quote = w->at_bof && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0;

	if (w->ofs == '\t') {
		separate(w, len);
		tsv_field(w, s, len);
		return;
	}
	separate(w, len);
	if (!quote && may_need_quotes(s, len, w->ofs))
		for (size_t i = 0; i < len; i++)
			if (s[i] == w->ofs || s[i] == '"' || s[i] == '\n' ||
			    s[i] == '\r') {
				quote = 1;
				break;
			}
	if (!quote) {
		fwrite_unlocked(s, 1, len, w->fp);
		return;
	}
	putc_unlocked('"', w->fp);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			putc_unlocked('"', w->fp);
		putc_unlocked(s[i], w->fp);
	}
	putc_unlocked('"', w->fp);
}

void
wr_str(struct writer *w, const char *s)
{
	wr_field(w, s, strlen(s));
}

void
wr_strf(struct writer *w, const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	wr_field(w, sb.s != NULL ? sb.s : "", sb.len);
	sb_free(&sb);
}

void
wr_num(struct writer *w, double x)
{
	char buf[NUM_BUFSIZE];

	size_t len = num_format_len(buf, x, w->precision);

	wr_field(w, buf, len);
}

void
wr_int(struct writer *w, int64_t x)
{
	separate(w, 1);
	fprintf(w->fp, "%" PRId64, x);
}

void
wr_empty(struct writer *w)
{
	separate(w, 0);
}

void
wr_end(struct writer *w)
{
	if (w->lone_empty && w->ofs != '\t')
		fputs_unlocked("\"\"", w->fp);
	putc_unlocked('\n', w->fp);
	w->at_start = 1;
	w->lone_empty = 0;
	/*
	 * Write the buffer out between rows rather than when it fills in
	 * the middle of one: output cut short by an error (vdie() drops
	 * what is still buffered), as --annotate's streamed rows can be,
	 * then ends with a whole row.
	 */
	if (w->fp == stdout && __fpending(w->fp) >= __fbufsize(w->fp) / 4 * 3)
		fflush_unlocked(w->fp);
}
