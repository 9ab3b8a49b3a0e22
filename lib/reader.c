/* See LICENSE file for copyright and license details. */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "date.h"
#include "reader.h"
#include "util.h"

enum { READ_SIZE = 256 * 1024 };
/* Reasons of --skip-bad counted apart; rows of any more are lumped. */
enum { SKIP_REASONS = 16 };

/* How the bytes split into fields: RFC 4180, or a record a line. */
enum { MODE_CSV, MODE_TSV, MODE_SPACE };

struct reader {
	struct csv_parser parser;
	char *name;
	int delim;
	int mode;                /* MODE_*, from the delimiter */
	char *const *names;      /* rd_opts.header, or NULL */
	size_t nnames;
	int skip_bad;
	size_t max_field;
	struct strbuf *notes;

	/* The bytes: a read buffer over FD, or the caller's memory. */
	int fd;                  /* -1 for memory */
	int own_fd;
	off_t file_pos;          /* offset of the next byte read() gives */
	off_t range_end;         /* read no further (rd_open_range); -1: all */
	off_t size;              /* of a regular file; -1: not known */
	struct progress *progress;
	off_t told_pos;          /* file_pos and rows as last told to it */
	unsigned long told_rows;
	unsigned long quotes;    /* quote bytes given to libcsv */
	size_t read_size;
	unsigned char *buf;      /* owned read buffer, or NULL */
	const unsigned char *mem, *mem_end;   /* memory input not yet taken */
	const unsigned char *pos, *end;
	const unsigned char *plain_end;  /* [pos, plain_end) has no CR, NUL
	                            or byte above 0x7f (see plain_span()) */
	const unsigned char *quote_at;   /* the first quote from where it was
	                            last looked for on, or END: none */
	int eof;                 /* the source has no more bytes */
	int finished;            /* csv_fini() has run */

	/* Where we are. */
	unsigned long line;      /* physical line of *pos, from 1 */
	size_t col;              /* bytes before *pos on its line */
	unsigned char last_byte; /* the byte fed just before *pos */
	int in_record;           /* a record has begun and not yet ended */
	unsigned long rec_line;  /* the line where that record began */
	int ends_in_line;        /* records that ended on the current line */
	int ended_by_cr;         /* the last record ended at a CR */
	int cr_pending;          /* the last byte fed was a CR that ended a
	                            line (not one in quotes), and the byte
	                            after it, in the next buffer, is unseen */
	int stray_record;        /* a second record ended within one segment */
	int too_long;            /* a field passed max_field bytes */
	size_t max_fields;       /* fields per record cap */
	int too_many;            /* a record passed max_fields fields */
	size_t scan_fields;      /* separators check_cap() has seen */

	/* TSV and space-separated: a line that spans reads, kept whole, and
	 * how far the field cap has been checked in it (once it is longer
	 * than the cap): the decoded bytes of its last field so far, and
	 * whether a backslash waits for the byte it escapes. */
	struct strbuf pline;
	size_t scan_at, scan_cur;
	int scan_esc;
	char *dec;               /* a field's decoded bytes */
	size_t dec_cap;

	/* UTF-8 validation state, carried across segments. */
	int u8_need;             /* continuation bytes still expected */
	unsigned char u8_lo, u8_hi;
	size_t u8_col;           /* the column of that sequence's first byte */
	const char *bad_what;    /* the bad byte check_text() found ... */
	const char *bad_from;    /* ... the encoding it suggests ... */
	size_t bad_col;          /* ... and its column */

	/* The record being assembled. */
	char *data;
	size_t data_len, data_cap;
	size_t *off;             /* field start offsets into data */
	size_t *flen;
	size_t nfields, fields_cap;
	struct field *fields;    /* resolved when the record is complete */
	size_t fields_alloc;
	int row_ready;
	unsigned long row_line;
	struct row row;
	const unsigned char *want;

	/* The header. */
	struct row header;
	struct field *hfields;
	int have_header;
	size_t nown;             /* fields of the file's own header */
	char **label;            /* each column as messages name it */
	unsigned char *want_own; /* which of the file's own fields to copy */

	/* A row filter, bound to this file's header. */
	const struct rd_filter *filter;
	void *view;
	int explain;
	const char **dval;       /* derived values: pointers, or NULL ... */
	size_t *doff, *dlen;     /* ... offsets into dstore */
	struct strbuf dstore;
	char *cleanbuf;
	size_t cleancap;

	/* Errors and counts. */
	int status;
	struct strbuf err;
	unsigned long rows, skipped;
	/* --skip-bad: skipped rows by reason (rd_bad()'s format and column),
	 * in order of first appearance, each with its first message; rows of
	 * reasons past the table are counted in skip_other. */
	struct {
		const char *fmt;
		long col;
		unsigned long n;
		char *first;
	} reason[SKIP_REASONS];
	size_t nreason;
	unsigned long skip_other;
};

/* libcsv must keep spaces: RFC 4180 says they are part of a field. */
static int
never_space(unsigned char c)
{
	(void)c;
	return 0;
}

/*
** Whether libcsv's default space handling could change the LEN bytes at S,
** a whole line that starts a record: only a space or tab next to a
** separator, a quote or either end of the line is ever trimmed (or, before
** and after quotes, tolerated). When none is, the default (an inline test)
** gives the same result as never_space() (a call per byte, a third of
** libcsv's time).
*/
/*
** Whether the blank C (a space or a tab) occurs in [S, END), outside
** quotes, next to a separator or a quote (S itself is known not to be
** blank, and the line starts a record, outside quotes). Inside a quoted
** field libcsv keeps every byte, so "Acme, Inc." is no reason to take the
** slow path; the quote parity before each blank says where it is.
*/
static int
blank_touches(const unsigned char *s, const unsigned char *end, int c,
    int delim)
{
	const unsigned char *p = s, *q = s;
	unsigned long quotes = 0;

	if (c == delim)
		return 0;
	while ((p = memchr(p, c, (size_t)(end - p))) != NULL) {
		unsigned char after = p + 1 < end ? p[1] : 0;

		while ((q = memchr(q, '"', (size_t)(p - q))) != NULL) {
			quotes++;
			q++;
		}
		q = p;
		if ((quotes & 1) == 0 && (p[-1] == delim || p[-1] == '"' ||
		    after == delim || after == '"'))
			return 1;
		p++;
	}
	return 0;
}

static int
trim_sensitive(const unsigned char *s, size_t len, int delim)
{
	const unsigned char *end = s + len;

	while (end > s && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (s == end)
		return 0;
	/* The last byte may sit inside quotes; taking it as outside is safe. */
	if (*s == ' ' || *s == '\t' || end[-1] == ' ' || end[-1] == '\t')
		return 1;
	return blank_touches(s, end, ' ', delim) ||
	    blank_touches(s, end, '\t', delim);
}

static void
on_field(void *s, size_t len, void *arg)
{
	struct reader *r = arg;
	size_t i = r->nfields;

	if (r->row_ready) {
		/* A second record inside one line: only a bare CR does that. */
		r->stray_record = 1;
		return;
	}
	if (i >= r->max_fields) {
		/* Kept no more: memory stays bounded however long the
		 * record; the caller reports it after the parse. */
		r->too_many = 1;
		return;
	}
	if (i == r->fields_cap) {
		r->fields_cap = r->fields_cap ? r->fields_cap * 2 : 32;
		r->off = xreallocarray(r->off, r->fields_cap, sizeof *r->off);
		r->flen = xreallocarray(r->flen, r->fields_cap, sizeof *r->flen);
	}
	if (len > r->max_field)
		r->too_long = 1;
	if (r->want != NULL && (i >= r->nown || !r->want[i]))
		len = 0;
	if (len > SIZE_MAX - r->data_len - 1)
		die(EX_OSERR, "out of memory");
	if (r->data_len + len + 1 > r->data_cap) {
		while (r->data_len + len + 1 > r->data_cap)
			r->data_cap = r->data_cap ? r->data_cap * 2 : 4096;
		r->data = xrealloc(r->data, r->data_cap);
	}
	if (len)
		memcpy(r->data + r->data_len, s, len);
	r->off[i] = r->data_len;
	r->flen[i] = len;
	r->data_len += len;
	r->data[r->data_len++] = '\0';
	r->nfields++;
}

static void
on_record(int c, void *arg)
{
	struct reader *r = arg;

	if (r->row_ready) {
		r->stray_record = 1;
		return;
	}
	r->row_ready = 1;
	r->row_line = r->rec_line;
	r->in_record = 0;
	r->ends_in_line++;
	r->ended_by_cr = c == '\r';
}

static void
vrecord_error(struct reader *r, int status, unsigned long line,
    const char *fmt, va_list ap)
{
	if (r->status != 0)
		return;
	r->status = status;
	sb_reset(&r->err);
	if (line)
		sb_printf(&r->err, "%s:%lu: ", r->name, line);
	else
		sb_printf(&r->err, "%s: ", r->name);
	sb_vprintf(&r->err, fmt, ap);
}

int
rd_fail(struct reader *r, int status, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vrecord_error(r, status, line, fmt, ap);
	va_end(ap);
	return -1;
}

/*
** An input that is not UTF-8 text: say where, what it probably is, and the
** iconv(1) command that converts it from encoding FROM.
*/
static int
encoding_error(struct reader *r, size_t col, const char *what, const char *from)
{
	if (r->fd == 0)
		return rd_fail(r, EX_DATAERR, r->line, "%s at byte %zu: not UTF-8 "
		    "text (%s?); convert it first: iconv -f %s -t UTF-8",
		    what, col + 1, from, from);
	return rd_fail(r, EX_DATAERR, r->line, "%s at byte %zu: not UTF-8 text "
	    "(%s?); convert it first: iconv -f %s -t UTF-8 '%s' > converted.csv",
	    what, col + 1, from, from, r->name);
}

/*
** Check LEN bytes at S: no NUL, valid UTF-8 (the state carries across
** calls), eight bytes at a time while they are plain ASCII. Returns the
** index of the first bad byte, or LEN; for a bad one, what is wrong is
** kept in r->bad_* for bad_text_error(), which the caller raises once the
** bytes before it have been parsed: the first fault in the file is the
** one reported, however the input was cut into buffers.
*/
static size_t
check_text(struct reader *r, const unsigned char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	size_t i = 0;

	while (i < len) {
		unsigned char c;

		if (r->u8_need == 0 && len - i >= 8) {
			uint64_t v;

			memcpy(&v, s + i, 8);
			if (((v - ones) & ~v & highs) == 0 && (v & highs) == 0) {
				i += 8;
				continue;
			}
		}
		c = s[i];
		if (r->u8_need > 0) {
			if (c < r->u8_lo || c > r->u8_hi)
				goto invalid;
			r->u8_lo = 0x80;
			r->u8_hi = 0xbf;
			r->u8_need--;
		} else if (c == 0) {
			r->bad_what = "NUL byte";
			r->bad_from = "UTF-16";
			r->bad_col = r->col + i;
			return i;
		} else if (c >= 0x80) {
			r->u8_col = r->col + i;
			r->u8_lo = 0x80;
			r->u8_hi = 0xbf;
			if (c >= 0xc2 && c <= 0xdf) {
				r->u8_need = 1;
			} else if (c >= 0xe0 && c <= 0xef) {
				r->u8_need = 2;
				if (c == 0xe0)
					r->u8_lo = 0xa0;   /* no overlong forms */
				else if (c == 0xed)
					r->u8_hi = 0x9f;   /* no surrogates */
			} else if (c >= 0xf0 && c <= 0xf4) {
				r->u8_need = 3;
				if (c == 0xf0)
					r->u8_lo = 0x90;
				else if (c == 0xf4)
					r->u8_hi = 0x8f;   /* nothing past U+10FFFF */
			} else {
				goto invalid;
			}
		}
		i++;
	}
	return len;
invalid:
	r->bad_what = "invalid UTF-8";
	r->bad_from = "WINDOWS-1252";
	r->bad_col = r->u8_col;
	return i;
}

static int
bad_text_error(struct reader *r)
{
	return encoding_error(r, r->bad_col, r->bad_what, r->bad_from);
}

/* Tell the progress line what was read since the last time. */
static void
tell_progress(struct reader *r)
{
	progress_add(r->progress, (uint64_t)(r->file_pos - r->told_pos),
	    r->rows - r->told_rows);
	r->told_pos = r->file_pos;
	r->told_rows = r->rows;
}

/* The bytes at [POS, END) are new: what was known of the old ones goes. */
static void
set_window(struct reader *r, const unsigned char *pos,
    const unsigned char *end)
{
	r->pos = pos;
	r->end = end;
	r->plain_end = r->quote_at = pos;
}

/* Make bytes available at r->pos. Returns 1, 0 at the end, -1 on error. */
static int
fill(struct reader *r)
{
	size_t want;
	ssize_t n;

	if (r->pos < r->end)
		return 1;
	if (r->fd < 0) {
		size_t take = (size_t)(r->mem_end - r->mem);

		if (take == 0) {
			r->eof = 1;
			return 0;
		}
		if (take > r->read_size)
			take = r->read_size;
		r->mem += take;
		set_window(r, r->mem - take, r->mem);
		return 1;
	}
	if (r->eof)
		return 0;
	want = r->read_size;
	if (r->range_end >= 0 && (off_t)want > r->range_end - r->file_pos)
		want = r->range_end > r->file_pos ?
		    (size_t)(r->range_end - r->file_pos) : 0;
	do
		n = want > 0 ? read(r->fd, r->buf, want) : 0;
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return rd_fail(r, EX_IOERR, 0, "read error: %s", strerror(errno));
	r->file_pos += n;
	if (r->progress != NULL)
		tell_progress(r);
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	set_window(r, r->buf, r->buf + n);
	return 1;
}

static int
parse_error(struct reader *r, size_t at)
{
	int e = csv_error(&r->parser);

	if (e == CSV_EPARSE)
		return rd_fail(r, EX_DATAERR, r->line,
		    "malformed CSV at byte %zu: a quote must open a field and "
		    "close it, right before a separator or the line end "
		    "(write a quote inside a quoted field as \"\")",
		    r->col + at + 1);
	if (e == CSV_ENOMEM)
		die(EX_OSERR, "out of memory");
	return rd_fail(r, EX_SOFTWARE, r->line, "CSV parser: %s",
	    csv_strerror(e));
}

/*
** A field longer than the limit: most often a quote that never closes,
** which would otherwise buffer the rest of the file.
*/
static int
too_long_error(struct reader *r)
{
	return rd_fail(r, EX_DATAERR, r->rec_line, "a field runs past %zu "
	    "bytes: an unterminated quote in the record starting here? "
	    "(--max-field raises the limit)", r->max_field);
}

/*
** A record with more fields than the cap (--max-fields): ten megabytes of
** commas, say, which would otherwise keep some 20 bytes per field.
*/
static int
too_many_error(struct reader *r, unsigned long line)
{
	return rd_fail(r, EX_DATAERR, line, "the record starting here has "
	    "more than %zu fields (--max-fields raises the limit)",
	    r->max_fields);
}

static int
bare_cr_error(struct reader *r)
{
	if (r->fd == 0)
		return rd_fail(r, EX_DATAERR, r->line,
		    "a bare CR ends a line (classic Mac OS line ends); convert "
		    "them first: tr '\\r' '\\n'");
	return rd_fail(r, EX_DATAERR, r->line,
	    "a bare CR ends a line (classic Mac OS line ends); convert them "
	    "first: tr '\\r' '\\n' < '%s' > converted.csv", r->name);
}

/* The input's last byte is a CR outside quotes, which no LF follows: a
** bare CR as kpikit(7) has it, most often a CRLF cut short. */
static int
cr_at_end_error(struct reader *r)
{
	return rd_fail(r, EX_DATAERR, r->line, "the input ends in a CR "
	    "without its LF (a cut CRLF line end, or a bare CR): add the LF, "
	    "or remove the CR");
}

/*
** Feed libcsv one segment: the bytes up to and including the next LF, or
** up to the end of the buffer. Feeding line by line is what lets us know
** the physical line of every record and error.
*/
/*
** The first byte C in [P, END), or NULL: memchr() for the few bytes of a
** field, where its call and set-up cost more than the search. Eight bytes
** at a time: a byte of V ^ C*0x01..01 is zero where C is, and the lowest
** zero byte is the lowest bit of (W - 0x01..01) & ~W & 0x80..80 (a borrow
** can mark the bytes above one, never one below it).
*/
static inline const unsigned char *
find_sep(const unsigned char *p, const unsigned char *end, unsigned char c)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL, pattern = ones * c;

	for (; end - p >= 8; p += 8) {
		uint64_t w, zero;

		memcpy(&w, p, 8);
		w ^= pattern;
		if ((zero = (w - ones) & ~w & highs) != 0)
			return p + __builtin_ctzll(zero) / 8;
	}
	for (; p < end; p++)
		if (*p == c)
			return p;
	return NULL;
#else
	return memchr(p, c, (size_t)(end - p));
#endif
}

/*
** The first byte in [P, END) that the checks of a line must look at: a CR
** that a LF does not follow in [P, END) (lone_cr()), a NUL or a byte above
** 0x7f (check_text()); END when there is none. Sixteen bytes at a time in
** the compiler's vector types (SSE2 on x86-64, NEON on arm64), each beside
** the byte after it, so that a CRLF line end is no stop: as fast per byte
** as the memchr() it saves, without the cost of a call a line.
*/
typedef unsigned char bytes16 __attribute__((vector_size(16)));

static const unsigned char *
plain_span(const unsigned char *p, const unsigned char *end)
{
	for (; end - p > 16; p += 16) {
		bytes16 v, next, hit;
		uint64_t half[2];

		memcpy(&v, p, 16);
		memcpy(&next, p + 1, 16);
		hit = (bytes16)(((v == '\r') & (next != '\n')) | (v == 0) |
		    (v >= 0x80));
		memcpy(half, &hit, 16);
		if ((half[0] | half[1]) != 0)
			break;
	}
	for (; p < end; p++) {
		if (*p == '\r' && p + 1 < end && p[1] == '\n')
			continue;
		if (*p == '\r' || *p == 0 || *p >= 0x80)
			return p;
	}
	return end;
}

/*
** split_plain_line() of a line with quotes in it, [S, END) without its
** line end: each field either has no quote, or is quoted whole, its
** closing quote followed by the separator or the line end, with no quote
** doubled inside ("Harbor Health, Inc."). Any other line (a field that
** goes on past the line, "" inside one, a stray quote, which strict
** RFC 4180 refuses) is left to libcsv, which reads it or names the fault.
** The fields are found first and handed on only when the whole line
** qualifies, so that a line left to libcsv has changed nothing. Returns
** as split_plain_line().
*/
static int
split_quoted_line(struct reader *r, const unsigned char *s,
    const unsigned char *end, int cr)
{
	enum { MOST = 64 };              /* fields a line taken this way */
	struct { const unsigned char *at; size_t len; } f[MOST];
	const unsigned char *p = s;
	size_t n = 0;
	unsigned long quotes = 0;

	for (;; n++) {
		const unsigned char *d, *stop;

		if (n == MOST)
			return -1;
		if (p < end && *p == '"') {
			d = memchr(p + 1, '"', (size_t)(end - p - 1));
			if (d == NULL || (d + 1 < end && d[1] != r->delim))
				return -1;
			f[n].at = p + 1;
			f[n].len = (size_t)(d - p - 1);
			quotes += 2;
			if (d + 1 == end)
				break;
			p = d + 2;
			continue;
		}
		d = find_sep(p, end, r->delim);
		stop = d != NULL ? d : end;
		if (memchr(p, '"', (size_t)(stop - p)) != NULL)
			return -1;
		f[n].at = p;
		f[n].len = (size_t)(stop - p);
		if (d == NULL)
			break;
		p = d + 1;
	}
	r->in_record = 1;
	r->rec_line = r->line;
	for (size_t i = 0; i <= n; i++)
		on_field((void *)f[i].at, f[i].len, r);
	on_record(cr ? '\r' : '\n', r);
	r->quotes += quotes;
	return 0;
}

/*
** A whole line, its LF last, with no CR but one right before the LF (as
** feed_segment() has made sure: lone_cr()), that starts a record: RFC 4180
** reads it by splitting at the separators, as libcsv would, only much
** faster than libcsv's byte loop (split_quoted_line() when it has
** quotes). Hand the fields and the record end straight to the callbacks.
** Returns 0, or -1 when the line does not qualify (libcsv then reads it).
*/
static int
split_plain_line(struct reader *r, const unsigned char *s, size_t len,
    int quoted)
{
	const unsigned char *end = s + len - 1, *p = s;   /* end: the LF */
	int cr = 0;

	if (r->in_record || r->col != 0)
		return -1;
	if (end > s && end[-1] == '\r') {
		end--;
		cr = 1;
	}
	if (end == s)
		return 0;        /* a blank line: no record, as libcsv */
	if (quoted)
		return split_quoted_line(r, s, end, cr);
	r->in_record = 1;
	r->rec_line = r->line;
	for (;;) {
		const unsigned char *d = find_sep(p, end, r->delim);
		const unsigned char *stop = d != NULL ? d : end;

		on_field((void *)p, (size_t)(stop - p), r);
		if (d == NULL)
			break;
		p = d + 1;
	}
	on_record(cr ? '\r' : '\n', r);
	return 0;
}

/*
** The bytes of [S, S + LEN) up to and including the first CR that a byte
** other than a LF follows, or 0 if there is none.
*/
static size_t
lone_cr(const unsigned char *s, size_t len)
{
	const unsigned char *p = s, *end = s + len;

	while ((p = memchr(p, '\r', (size_t)(end - p))) != NULL && p + 1 < end) {
		if (p[1] != '\n')
			return (size_t)(p - s) + 1;
		p++;
	}
	return 0;
}

static int
feed_segment(struct reader *r)
{
	const unsigned char *s = r->pos;
	size_t avail = (size_t)(r->end - r->pos), len, good, used, cut;
	const unsigned char *nl = memchr(s, '\n', avail);
	unsigned char before_lf;
	int plain;

	len = nl != NULL ? (size_t)(nl - s) + 1 : avail;
	if (r->cr_pending && s[0] != '\n')
		return bare_cr_error(r);
	r->cr_pending = 0;
	/*
	 * A whole line with no CR, NUL or high byte needs neither search
	 * below, and where the next quote is tells whether the line has
	 * one: each is looked for once over the buffer, not once a line,
	 * which for short lines costs more than the search. (At a line
	 * start no UTF-8 sequence is open: a LF ends any.)
	 */
	if (s >= r->plain_end)
		r->plain_end = plain_span(s, r->end);
	if (s >= r->quote_at && (r->quote_at = memchr(s, '"', avail)) == NULL)
		r->quote_at = r->end;
	plain = nl != NULL && s + len <= r->plain_end && r->u8_need == 0;
	/*
	 * A CR with a byte after it that is not a LF ends the segment: if
	 * libcsv ends a record or an empty line there, the CR is bare, and
	 * that is known at once, whatever follows it (a bad byte, a quote,
	 * another record) and wherever the buffer ends.
	 */
	cut = 0;
	if (!plain && (cut = lone_cr(s, len)) != 0) {
		len = cut;
		nl = NULL;
	}
	good = plain ? len : check_text(r, s, len);
	if (nl != NULL && good == len && split_plain_line(r, s, len,
	    r->quote_at < s + len) == 0) {
		if (r->too_long)
			return too_long_error(r);
		if (r->too_many)
			return too_many_error(r, r->line);
		r->last_byte = '\n';
		r->pos += len;
		r->line++;
		r->ends_in_line = 0;
		return 0;
	}
	/*
	 * The fast default space handling only for a whole line that starts a
	 * record and has no space it could trim; anything else, the exact way.
	 */
	if (!r->in_record && r->col == 0 && nl != NULL && good == len &&
	    !trim_sensitive(s, len, r->delim))
		csv_set_space_func(&r->parser, NULL);
	else
		csv_set_space_func(&r->parser, never_space);
	if (!r->in_record) {
		for (size_t i = 0; i < good; i++)
			if (s[i] != '\r' && s[i] != '\n') {
				r->in_record = 1;
				r->rec_line = r->line;
				break;
			}
	}
	for (const unsigned char *q = s; (q = memchr(q, '"', (size_t)(s + good - q))) != NULL; q++)
		r->quotes++;
	used = csv_parse(&r->parser, s, good, on_field, on_record, r);
	/*
	 * The field's own length, whole or so far, not the bytes fed: it
	 * passes the limit at the same byte however the input is cut. The
	 * limit comes first: any later fault lies beyond it. So far, libcsv
	 * may hold one byte more than the field: a quote that may be the
	 * closing one (entry_pos, a public member of struct csv_parser).
	 */
	if (r->too_long || (r->parser.entry_pos > 0 &&
	    r->parser.entry_pos - 1 > r->max_field))
		return too_long_error(r);
	if (r->too_many)
		return too_many_error(r, r->rec_line);
	if (used < good)
		return parse_error(r, used);
	if (r->stray_record)
		return bare_cr_error(r);
	if (good < len)
		return bad_text_error(r);
	if (cut != 0 && (r->row_ready || !r->in_record))
		return bare_cr_error(r);    /* the lone CR ended a line */


	before_lf = len >= 2 ? s[len - 2] : r->last_byte;
	r->last_byte = s[len - 1];
	r->pos += len;
	if (nl == NULL) {
		r->cr_pending = s[len - 1] == '\r' && !r->in_record;
		r->col += len;
		return 0;
	}
	if (r->ends_in_line > 1 ||
	    (r->ends_in_line == 1 && r->ended_by_cr && before_lf != '\r'))
		return bare_cr_error(r);
	r->line++;
	r->col = 0;
	r->ends_in_line = 0;
	return 0;
}

/*
** TSV and space-separated text (MODE_TSV, MODE_SPACE): a record is a line,
** split by the reader itself; libcsv never sees these bytes.
*/

/* Whether C separates fields in space-separated text. */
static int
is_space_sep(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/*
** Decode the TSV escapes of the LEN bytes at S into r->dec: \t, \n, \r
** and \\ to TAB, LF, CR and a backslash; any other backslash stays, with
** the byte after it. Returns the decoded length.
*/
static size_t
tsv_decode(struct reader *r, const unsigned char *s, size_t len)
{
	size_t n = 0;

	if (len + 1 > r->dec_cap) {
		r->dec_cap = len + 64;
		r->dec = xrealloc(r->dec, r->dec_cap);
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (c == '\\' && i + 1 < len) {
			switch (s[i + 1]) {
			case 't': c = '\t'; i++; break;
			case 'n': c = '\n'; i++; break;
			case 'r': c = '\r'; i++; break;
			case '\\': i++; break;
			default: break;
			}
		}
		r->dec[n++] = (char)c;
	}
	return n;
}

/* The length of the LEN bytes at S as a field counts for the cap: the
** bytes decoded, CR bytes not counted (see check_cap()). */
static size_t
cap_length(const struct reader *r, const unsigned char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r')
			continue;
		if (r->mode == MODE_TSV && s[i] == '\\' && i + 1 < len &&
		    strchr("tnr\\", s[i + 1]) != NULL)
			i++;
		n++;
	}
	return n;
}

static int
plain_too_long_error(struct reader *r)
{
	return rd_fail(r, EX_DATAERR, r->line, "a field runs past %zu bytes "
	    "(--max-field raises the limit)", r->max_field);
}

/*
** Check the field cap over the part of r->pline not yet checked, once the
** line is longer than the cap (no field of a shorter one can pass it).
** The count is cap_length()'s, kept across reads, so that the field that
** passes the cap is found however the line was read. A CR is not counted:
** one before the LF ends the line, and any other is an error of its own.
*/
static int
check_cap(struct reader *r)
{
	const unsigned char *s = (const unsigned char *)r->pline.s;

	if (r->pline.len <= r->max_field)
		return 0;
	for (; r->scan_at < r->pline.len; r->scan_at++) {
		unsigned char c = s[r->scan_at];

		if (r->mode == MODE_TSV ? c == '\t' : is_space_sep(c)) {
			/* A separator (of a run of blanks, the first) ends
			 * a field: past the field cap, the line is cut. */
			if ((r->mode == MODE_TSV || r->scan_cur > 0) &&
			    ++r->scan_fields >= r->max_fields)
				return too_many_error(r, r->line);
			r->scan_cur = 0;
			r->scan_esc = 0;
			continue;
		}
		if (c == '\r')
			continue;
		if (r->scan_esc) {
			r->scan_esc = 0;
			if (strchr("tnr\\", c) != NULL)
				continue;     /* the pair is one byte, counted */
		} else if (r->mode == MODE_TSV && c == '\\') {
			r->scan_esc = 1;
		}
		if (++r->scan_cur > r->max_field)
			return plain_too_long_error(r);
	}
	return 0;
}

/* One field of a line: decoded (TSV) and within the cap. */
static int
plain_field(struct reader *r, const unsigned char *s, size_t len)
{
	if (cap_length(r, s, len) > r->max_field)
		return plain_too_long_error(r);
	if (r->mode == MODE_TSV && memchr(s, '\\', len) != NULL) {
		size_t n = tsv_decode(r, s, len);

		on_field(r->dec, n, r);
	} else {
		on_field((void *)s, len, r);
	}
	return 0;
}

/*
** The line of LEN bytes at S (without its LF) as a record on r->line: a
** CR at its end is part of the line end, any other is a bare CR. A TSV
** line that is empty, or a space-separated one of blanks, is no record.
*/
static int
plain_line(struct reader *r, const unsigned char *s, size_t len)
{
	const unsigned char *end, *p;

	if (len > 0 && s[len - 1] == '\r')
		len--;
	end = s + len;
	p = s;
	if (r->mode == MODE_SPACE) {
		while (p < end && is_space_sep(*p))
			p++;
		while (end > p && is_space_sep(end[-1]))
			end--;
	}
	if (p == end)
		return memchr(s, '\r', len) != NULL ? bare_cr_error(r) : 0;
	r->rec_line = r->line;
	for (;;) {
		const unsigned char *stop = p;

		if (r->mode == MODE_TSV) {
			stop = memchr(p, '\t', (size_t)(end - p));
			if (stop == NULL)
				stop = end;
		} else {
			while (stop < end && !is_space_sep(*stop))
				stop++;
		}
		if (plain_field(r, p, (size_t)(stop - p)) < 0)
			return -1;
		if (r->too_many)
			return too_many_error(r, r->rec_line);
		if (stop == end)
			break;
		p = stop + 1;
		if (r->mode == MODE_SPACE)
			while (is_space_sep(*p))
				p++;   /* the line's end is no blank: it stops */
	}
	if (memchr(s, '\r', len) != NULL)
		return bare_cr_error(r);
	if (r->too_long)
		return plain_too_long_error(r);
	on_record('\n', r);
	r->in_record = 0;
	return 0;
}

/* The line in r->pline is whole: read it, and start the next. */
static int
plain_pline(struct reader *r)
{
	int rc = plain_line(r, (const unsigned char *)r->pline.s, r->pline.len);

	sb_reset(&r->pline);
	r->scan_at = r->scan_cur = r->scan_fields = 0;
	r->scan_esc = 0;
	return rc;
}

/*
** Feed a TSV or space-separated segment: the bytes up to and including
** the next LF, or to the end of the buffer. A line all in one buffer is
** read where it is; one that spans buffers is gathered in r->pline.
*/
static int
feed_plain(struct reader *r)
{
	const unsigned char *s = r->pos;
	size_t avail = (size_t)(r->end - r->pos), len, good;
	const unsigned char *nl = memchr(s, '\n', avail);

	len = nl != NULL ? (size_t)(nl - s) + 1 : avail;
	good = check_text(r, s, len);
	if (nl != NULL && good == len && r->pline.len == 0) {
		r->pos += len;
		if (plain_line(r, s, len - 1) < 0)
			return -1;
	} else {
		size_t keep = good < len ? good : nl != NULL ? len - 1 : len;

		sb_add(&r->pline, s, keep);
		if (check_cap(r) < 0)
			return -1;
		if (good < len)
			return bad_text_error(r);
		r->pos += len;
		if (nl == NULL) {
			r->col += len;
			return 0;
		}
		if (plain_pline(r) < 0)
			return -1;
	}
	r->line++;
	r->col = 0;
	return 0;
}

static int
finish(struct reader *r)
{
	if (r->mode != MODE_CSV) {
		r->finished = 1;
		if (r->u8_need > 0)
			return encoding_error(r, r->u8_col,
			    "truncated UTF-8 sequence", "WINDOWS-1252");
		return r->pline.len > 0 ? plain_pline(r) : 0;
	}
	r->finished = 1;
	if (r->u8_need > 0)
		return encoding_error(r, r->u8_col, "truncated UTF-8 sequence",
		    "WINDOWS-1252");
	if (csv_fini(&r->parser, on_field, on_record, r) != 0)
		return rd_fail(r, EX_DATAERR, r->rec_line,
		    "unterminated quoted field: a quote opens in the record "
		    "starting here and never closes");
	if (r->stray_record || r->ends_in_line > 1)
		return bare_cr_error(r);
	if (r->cr_pending)
		return cr_at_end_error(r);
	return 0;
}

/* Assemble the next record into r->row. Returns 1, 0 at the end, -1. */
static int
next_record(struct reader *r)
{
	r->data_len = 0;
	r->nfields = 0;
	while (!r->row_ready) {
		int more;

		if (r->status != 0)
			return -1;
		if (r->finished)
			return 0;
		more = fill(r);
		if (more < 0)
			return -1;
		if ((!more ? finish(r) : r->mode != MODE_CSV ? feed_plain(r) :
		    feed_segment(r)) < 0)
			return -1;
	}
	/*
	 * A record that ended at a CR is whole only if a LF follows it: a
	 * CR that ends the input is a bare CR too (kpikit(7)). When the CR
	 * was the last byte fed, look at the next one before handing the
	 * record out, so that where a buffer happens to end never decides
	 * whether a bad record is seen.
	 */
	if (r->ended_by_cr && r->last_byte == '\r' && r->pos == r->end &&
	    !r->finished) {
		int more = fill(r);

		if (more < 0)
			return -1;
		if (more == 0)
			return cr_at_end_error(r);
		if (*r->pos != '\n')
			return bare_cr_error(r);
	}
	r->row_ready = 0;
	if (r->nfields > r->fields_alloc) {
		r->fields_alloc = r->fields_cap;
		r->fields = xreallocarray(r->fields, r->fields_alloc,
		    sizeof *r->fields);
	}
	for (size_t i = 0; i < r->nfields; i++) {
		r->fields[i].s = r->data + r->off[i];
		r->fields[i].len = r->flen[i];
	}
	r->row.f = r->fields;
	r->row.n = r->nfields;
	r->row.line = r->row_line;
	return 1;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
** Report a record the filter skips: its line, its first field, and why:
** it matched PATTERN, or it was above the header (PATTERN NULL). Lines
** above the header are told into ABOVE, and told only once the header is
** found: when it never is, the one error says it all.
*/
static void
note_skip(struct reader *r, const char *pattern, struct strbuf *above)
{
	char esc[ESCAPED_MAX];

	escape_text(esc, sizeof esc, r->row.f[0].s, r->row.f[0].len);
	if (pattern == NULL)
		sb_printf(above, "%s:%lu: skipped above the header (%s): '%s'\n",
		    r->name, r->row.line, r->filter->ops->name(r->filter->ctx), esc);
	else
		note(r->notes, "%s:%lu: skipped, matches '%s' (%s): '%s'", r->name,
		    r->row.line, pattern, r->filter->ops->name(r->filter->ctx), esc);
}

/* Tell the lines above the header, one note each. */
static void
note_above(struct reader *r, struct strbuf *above)
{
	const char *p = above->s, *nl;

	while (p != NULL && (nl = strchr(p, '\n')) != NULL) {
		note(r->notes, "%.*s", (int)(nl - p), p);
		p = nl + 1;
	}
	sb_free(above);
}

/* How messages name each column: 'Name', or where a derived one came from. */
static void
make_labels(struct reader *r)
{
	char esc[ESCAPED_MAX];
	size_t nd = r->header.n - r->nown;

	r->label = xcalloc(r->header.n, sizeof *r->label);
	for (size_t i = 0; i < r->nown; i++) {
		struct strbuf sb = {0};

		sb_printf(&sb, "'%s'", escape_text(esc, sizeof esc,
		    r->header.f[i].s, r->header.f[i].len));
		r->label[i] = sb.s;
	}
	for (size_t j = 0; j < nd; j++) {
		struct strbuf sb = {0};
		const struct rd_filter_ops *ops = r->filter->ops;
		long src = ops->source(r->view, j);

		if (src >= 0)
			sb_printf(&sb, "'%s' (as %s)", escape_text(esc, sizeof esc,
			    r->header.f[src].s, r->header.f[src].len),
			    ops->column(r->view, j));
		else
			sb_printf(&sb, "%s (%s)", ops->column(r->view, j),
			    ops->name(r->filter->ctx));
		r->label[r->nown + j] = sb.s;
	}
}

/* Bind the filter to the header and add its columns' names. */
static void
bind_filter(struct reader *r)
{
	const struct rd_filter_ops *ops = r->filter->ops;
	size_t nd, n = r->header.n, total = 0;
	struct field *f;
	char *names;

	/* What --explain tells is printed at once (see rd_explain()). */
	r->view = ops->bind(r->filter->ctx, &r->header, r->name,
	    r->explain ? NULL : r->notes, r->explain);
	nd = ops->columns(r->view);
	for (size_t j = 0; j < nd; j++)
		total += strlen(ops->column(r->view, j)) + 1;
	f = xcalloc(n + nd, sizeof *f);
	memcpy(f, r->hfields, n * sizeof *f);
	/* One block for the names, owned by the first derived column. */
	names = nd > 0 ? xmalloc(total) : NULL;
	for (size_t j = 0; j < nd; j++) {
		size_t len = strlen(ops->column(r->view, j));

		memcpy(names, ops->column(r->view, j), len + 1);
		f[n + j].s = names;
		f[n + j].len = len;
		names += len + 1;
	}
	free(r->hfields);
	r->hfields = f;
	r->header.f = f;
	r->header.n = n + nd;
	r->dval = xcalloc(nd ? nd : 1, sizeof *r->dval);
	r->doff = xcalloc(nd ? nd : 1, sizeof *r->doff);
	r->dlen = xcalloc(nd ? nd : 1, sizeof *r->dlen);
}

static int
read_header(struct reader *r)
{
	const struct rd_filter *fl = r->filter;
	struct strbuf above = {0};
	size_t total = 0;
	unsigned long nabove = 0;
	char *names, *wanted;
	struct field *given = NULL;
	int rc;

	if (r->names != NULL) {
		/* --header: the names are the header, line 0; no record is. */
		given = xcalloc(r->nnames, sizeof *given);
		for (size_t i = 0; i < r->nnames; i++) {
			given[i].s = r->names[i];
			given[i].len = strlen(r->names[i]);
		}
		r->row.f = given;
		r->row.n = r->nnames;
		r->row.line = 0;
	}
	for (; given == NULL;) {
		if ((rc = next_record(r)) < 0) {
			sb_free(&above);
			return -1;
		}
		if (rc > 0 && (fl == NULL || fl->ops->is_header(fl->ctx, &r->row)))
			break;
		if (rc == 0 && nabove == 0) {
			sb_free(&above);
			return rd_fail(r, EX_DATAERR, 0, "empty input: no header line");
		}
		if (rc == 0 || ++nabove > RD_MAX_ABOVE) {
			wanted = fl->ops->header_wanted(fl->ctx);
			rd_fail(r, EX_DATAERR, 0, "no header line with %s in its "
			    "first %d lines (%s)", wanted, RD_MAX_ABOVE,
			    fl->ops->name(fl->ctx));
			free(wanted);
			sb_free(&above);
			return -1;
		}
		note_skip(r, NULL, &above);
	}
	if (given == NULL)
		note_above(r, &above);
	for (size_t i = 0; i < r->row.n; i++)
		total += r->row.f[i].len + 1;
	names = xmalloc(total);
	r->hfields = xcalloc(r->row.n, sizeof *r->hfields);
	for (size_t i = 0; i < r->row.n; i++) {
		const char *s = r->row.f[i].s;
		size_t len = r->row.f[i].len;

		while (len > 0 && is_blank(s[len - 1]))
			len--;
		while (len > 0 && is_blank(*s)) {
			s++;
			len--;
		}
		memcpy(names, s, len);
		names[len] = '\0';
		r->hfields[i].s = names;
		r->hfields[i].len = len;
		names += len + 1;
	}
	r->header.f = r->hfields;
	r->header.n = r->row.n;
	r->header.line = r->row.line;
	r->nown = r->row.n;
	r->have_header = 1;
	free(given);
	if (r->filter != NULL)
		bind_filter(r);
	make_labels(r);
	return 0;
}

/* Append the filter's derived values to the current row. */
static void
add_derived(struct reader *r)
{
	size_t nd = r->header.n - r->nown, longest = 0;

	for (size_t i = 0; i < r->row.n; i++)
		if (r->row.f[i].len > longest)
			longest = r->row.f[i].len;
	if (longest + 1 > r->cleancap) {
		r->cleancap = longest + 64;
		r->cleanbuf = xrealloc(r->cleanbuf, r->cleancap);
	}
	sb_reset(&r->dstore);
	for (size_t j = 0; j < nd; j++) {
		const char *out;

		r->filter->ops->value(r->view, j, &r->row, r->cleanbuf, &out,
		    &r->dlen[j]);
		r->dval[j] = out;
		if (out == r->cleanbuf) {
			r->dval[j] = NULL;
			r->doff[j] = r->dstore.len;
			sb_add(&r->dstore, out, r->dlen[j]);
			sb_addc(&r->dstore, '\0');
		}
	}
	if (r->nown + nd > r->fields_alloc) {
		r->fields_alloc = r->nown + nd;
		r->fields = xreallocarray(r->fields, r->fields_alloc,
		    sizeof *r->fields);
	}
	for (size_t j = 0; j < nd; j++) {
		r->fields[r->nown + j].s = r->dval[j] != NULL ? r->dval[j] :
		    r->dstore.s + r->doff[j];
		r->fields[r->nown + j].len = r->dlen[j];
	}
	r->row.f = r->fields;
	r->row.n = r->nown + nd;
}

static struct reader *
reader_new(const char *name, const struct rd_opts *opts)
{
	struct reader *r = xcalloc(1, sizeof *r);

	r->name = xstrdup(name);
	r->delim = opts && opts->delim ? opts->delim : ',';
	r->mode = r->delim == '\t' ? MODE_TSV : r->delim == RD_SPACE ?
	    MODE_SPACE : MODE_CSV;
	r->names = opts && opts->nheader > 0 ? opts->header : NULL;
	r->nnames = r->names != NULL ? opts->nheader : 0;
	r->skip_bad = opts ? opts->skip_bad : 0;
	r->notes = opts ? opts->notes : NULL;
	r->filter = opts ? opts->filter : NULL;
	r->explain = opts ? opts->explain : 0;
	r->progress = opts ? opts->progress : NULL;
	r->max_field = opts && opts->max_field ? opts->max_field : RD_MAX_FIELD;
	r->max_fields = opts && opts->max_fields ? opts->max_fields :
	    RD_MAX_FIELDS;
	r->read_size = opts && opts->read_size ? opts->read_size : READ_SIZE;
	r->line = 1;
	r->fd = -1;
	r->range_end = -1;
	r->size = -1;
	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die(EX_OSERR, "out of memory");
	csv_set_space_func(&r->parser, never_space);
	if (r->mode == MODE_CSV)
		csv_set_delim(&r->parser, (unsigned char)r->delim);
	csv_set_realloc_func(&r->parser, xrealloc);
	csv_set_free_func(&r->parser, free);
	/* libcsv grows a field's buffer by this much each time (128 bytes
	 * by default): a 1 MiB field is then 8,192 reallocs, each a copy
	 * where realloc cannot grow in place (as under AddressSanitizer,
	 * where a 2 MB field took 34 s). */
	csv_set_blk_size(&r->parser, 64 * 1024);
	return r;
}

/*
** Look at the first bytes, at P (HAVE of them): reject UTF-16 or UTF-32,
** skip a UTF-8 byte-order mark. Returns the bytes to skip, or -1.
*/
static long
check_start(struct reader *r, const unsigned char *p, size_t have)
{
	if (have >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff)))
		return encoding_error(r, 0, "UTF-16 byte-order mark", "UTF-16");
	if (have >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 3;
	return 0;
}

/* Read the first 4 bytes of a file (a pipe may deliver them one by one). */
static int
read_start(struct reader *r, size_t bufsize)
{
	size_t got = 0;

	while (got < 4) {
		ssize_t n = read(r->fd, r->buf + got, bufsize - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return rd_fail(r, EX_IOERR, 0, "read error: %s",
			    strerror(errno));
		if (n == 0) {
			r->eof = 1;
			break;
		}
		got += (size_t)n;
	}
	r->file_pos += (off_t)got;
	set_window(r, r->buf, r->buf + got);
	return 0;
}

static struct reader *
start(struct reader *r)
{
	long skip = check_start(r, r->pos, (size_t)(r->end - r->pos));

	if (skip >= 0) {
		r->pos += skip;
		read_header(r);
	}
	return r;
}

struct reader *
rd_open(const char *path, const struct rd_opts *opts)
{
	struct reader *r;
	struct stat st;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0) {
		r = reader_new(path == NULL ? "<stdin>" : "-", opts);
		r->fd = 0;
	} else {
		do
			fd = open(path, O_RDONLY | O_CLOEXEC);
		while (fd < 0 && errno == EINTR);
		if (fd < 0)
			return NULL;
		if (fstat(fd, &st) != 0)
			st.st_mode = 0;
		if (S_ISDIR(st.st_mode)) {
			close(fd);
			errno = EISDIR;
			return NULL;
		}
		r = reader_new(path, opts);
		r->fd = fd;
		r->own_fd = 1;
		if (S_ISREG(st.st_mode))
			r->size = st.st_size;
	}
	/* The first read takes at least the 4 bytes the start check needs. */
	r->buf = xmalloc(r->read_size < 4 ? 4 : r->read_size);
	if (read_start(r, r->read_size < 4 ? 4 : r->read_size) < 0)
		return r;
	return start(r);
}

struct reader *
rd_open_or_die(const char *path, const struct rd_opts *opts)
{
	struct reader *r = rd_open(path, opts);

	if (r == NULL)
		die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (rd_failed(r))
		rd_die(r);
	return r;
}

off_t
rd_data_offset(const struct reader *r)
{
	return r->file_pos - (off_t)(r->end - r->pos);
}

unsigned long
rd_quotes(const struct reader *r)
{
	return r->quotes;
}

off_t
rd_end(const struct reader *r)
{
	return r->range_end >= 0 ? r->range_end : r->size;
}

unsigned long
rd_line(const struct reader *r)
{
	return r->line;
}

struct reader *
rd_open_range(const char *path, off_t start, off_t end,
    const struct rd_opts *opts)
{
	struct reader *r = rd_open(path, opts);

	if (r == NULL || rd_failed(r))
		return r;
	/* The header has been read from the top; now go to the range. */
	if (start != rd_data_offset(r)) {
		if (lseek(r->fd, start, SEEK_SET) < 0) {
			rd_fail(r, EX_IOERR, 0, "seek error: %s", strerror(errno));
			return r;
		}
		r->file_pos = r->told_pos = start;
		set_window(r, r->buf, r->buf);
		r->eof = 0;
	} else if (r->file_pos > end) {
		/* Reading the header read past the range: keep only its part. */
		r->end -= r->file_pos - end;
		r->file_pos = end;
		if (r->told_pos > end)
			r->told_pos = end;
	}
	r->range_end = end;
	return r;
}

struct reader *
rd_open_mem(const char *name, const void *buf, size_t len,
    const struct rd_opts *opts)
{
	struct reader *r = reader_new(name, opts);
	long skip;

	r->mem = buf;
	r->mem_end = r->mem + len;
	if ((skip = check_start(r, r->mem, len)) < 0)
		return r;
	r->mem += skip;
	set_window(r, r->mem, r->mem);
	read_header(r);
	return r;
}

int
rd_next(struct reader *r, const struct row **row)
{
	int rc;

	for (;;) {
		if (r->status != 0)
			return -1;
		rc = next_record(r);
		if (rc <= 0)
			return rc;
		if (r->view != NULL) {
			const char *why = r->filter->ops->skip(r->view, &r->row);

			if (why != NULL) {
				note_skip(r, why, NULL);
				continue;
			}
		}
		r->rows++;
		if (r->row.n == r->nown)
			break;
		rd_bad(r, &r->row, -1, "%zu field%s, but the header has %zu",
		    r->row.n, r->row.n == 1 ? "" : "s", r->nown);
	}
	if (r->view != NULL)
		add_derived(r);
	*row = &r->row;
	return 1;
}

const struct row *
rd_header(const struct reader *r)
{
	return &r->header;
}

const char *
rd_name(const struct reader *r)
{
	return r->name;
}

const char *
rd_label(const struct reader *r, long col)
{
	return r->label[col];
}

int
rd_delim(const struct reader *r)
{
	return r->delim;
}

long
rd_col(const struct reader *r, const char *name)
{
	size_t len = strlen(name), baselen, i;
	long found = RD_NO_COLUMN, nth = 0;
	const char *hash;

	while (len > 0 && is_blank(name[len - 1]))
		len--;
	while (len > 0 && is_blank(*name)) {
		name++;
		len--;
	}
	for (i = 0; i < r->header.n; i++) {
		if (r->header.f[i].len != len ||
		    memcmp(r->header.f[i].s, name, len) != 0)
			continue;
		if (found != RD_NO_COLUMN)
			return RD_AMBIGUOUS;
		found = (long)i;
	}
	if (found != RD_NO_COLUMN)
		return found;

	/* "NAME#N": the Nth column called NAME. */
	hash = memrchr(name, '#', len);
	if (hash == NULL || hash + 1 == name + len)
		return RD_NO_COLUMN;
	for (const char *p = hash + 1; p < name + len; p++) {
		if (*p < '0' || *p > '9' || nth > 100000)
			return RD_NO_COLUMN;
		nth = nth * 10 + (*p - '0');
	}
	baselen = (size_t)(hash - name);
	for (i = 0; i < r->header.n; i++)
		if (r->header.f[i].len == baselen &&
		    memcmp(r->header.f[i].s, name, baselen) == 0 && --nth == 0)
			return (long)i;
	return RD_NO_COLUMN;
}

void
rd_want(struct reader *r, const unsigned char *want)
{
	if (want == NULL) {
		r->want = NULL;
		return;
	}
	/* A derived column needs the fields it is made from, and the junk
	 * rules look at theirs on every record. */
	free(r->want_own);
	r->want_own = xcalloc(r->nown ? r->nown : 1, 1);
	memcpy(r->want_own, want, r->nown);
	if (r->view != NULL)
		r->filter->ops->want(r->view, want, r->want_own);
	r->want = r->want_own;
}

int
rd_bad(struct reader *r, const struct row *row, long col, const char *fmt, ...)
{
	struct strbuf msg = {0};
	va_list ap;

	sb_printf(&msg, "%s:%lu: ", r->name, row->line);
	if (col >= 0 && (size_t)col < r->header.n)
		sb_printf(&msg, "column %s: ", r->label[col]);
	va_start(ap, fmt);
	sb_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (r->skip_bad) {
		size_t i;

		r->skipped++;
		for (i = 0; i < r->nreason; i++)
			if (r->reason[i].col == col && (r->reason[i].fmt == fmt ||
			    strcmp(r->reason[i].fmt, fmt) == 0))
				break;
		if (i == r->nreason && i < SKIP_REASONS) {
			r->reason[i].fmt = fmt;
			r->reason[i].col = col;
			r->reason[i].n = 0;
			r->reason[i].first = xstrdup(msg.s);
			r->nreason++;
		}
		if (i < r->nreason)
			r->reason[i].n++;
		else
			r->skip_other++;
	} else if (r->status == 0) {
		r->status = EX_DATAERR;
		sb_reset(&r->err);
		sb_adds(&r->err, msg.s);
	}
	sb_free(&msg);
	return -1;
}

int
rd_bad_date(struct reader *r, const struct row *row, long col,
    const char *s, size_t len, const char *why)
{
	char esc[ESCAPED_MAX];
	const char *alt, *fmt = date_suggest(s, len, &alt);

	escape_text(esc, sizeof esc, s, len);
	if (fmt != NULL && alt != NULL)
		return rd_bad(r, row, col, "'%s': %s; try --date-format '%s' "
		    "(US) or '%s'", esc, why, fmt, alt);
	if (fmt != NULL)
		return rd_bad(r, row, col, "'%s': %s; try --date-format '%s'",
		    esc, why, fmt);
	return rd_bad(r, row, col, "'%s': %s", esc, why);
}

void
rd_explain(const struct reader *r, const char *fmt, ...)
{
	struct strbuf sb = {0};
	va_list ap;

	if (!r->explain)
		return;
	va_start(ap, fmt);
	sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	note(NULL, "%s: %s", r->name, sb.s);
	sb_free(&sb);
}

int
rd_failed(const struct reader *r)
{
	return r->status != 0;
}

const char *
rd_error(const struct reader *r)
{
	return r->status != 0 ? r->err.s : NULL;
}

int
rd_status(const struct reader *r)
{
	return r->status;
}

void
rd_die(const struct reader *r)
{
	die(r->status ? r->status : EX_SOFTWARE, "%s",
	    r->status ? r->err.s : "internal error: no reader error");
}

unsigned long
rd_rows(const struct reader *r)
{
	return r->rows;
}

unsigned long
rd_skipped(const struct reader *r)
{
	return r->skipped;
}

int
rd_skipping(const struct reader *r)
{
	return r->skip_bad;
}

void
rd_close(struct reader *r)
{
	if (r == NULL)
		return;
	if (r->nreason == 1 && r->skip_other == 0) {
		note(r->notes, "skipped %lu bad row%s of %s; the first: %s",
		    r->skipped, r->skipped == 1 ? "" : "s", r->name,
		    r->reason[0].first);
	} else if (r->nreason > 0) {
		if (r->skip_other == 0)
			note(r->notes, "skipped %lu bad rows of %s, for %zu "
			    "reasons:", r->skipped, r->name, r->nreason);
		else
			note(r->notes, "skipped %lu bad rows of %s, for more "
			    "than %d reasons:", r->skipped, r->name, SKIP_REASONS);
		for (size_t i = 0; i < r->nreason; i++)
			note(r->notes, "  %lu row%s: %s", r->reason[i].n,
			    r->reason[i].n == 1 ? "" : "s", r->reason[i].first);
		if (r->skip_other > 0)
			note(r->notes, "  %lu row%s of other reasons",
			    r->skip_other, r->skip_other == 1 ? "" : "s");
	}
	csv_free(&r->parser);
	if (r->own_fd)
		close(r->fd);
	free(r->buf);
	free(r->name);
	free(r->data);
	free(r->off);
	free(r->flen);
	free(r->fields);
	if (r->hfields != NULL) {
		free((char *)r->hfields[0].s);
		if (r->header.n > r->nown)
			free((char *)r->hfields[r->nown].s);
	}
	free(r->hfields);
	if (r->label != NULL)
		for (size_t i = 0; i < r->header.n; i++)
			free(r->label[i]);
	free(r->label);
	free(r->want_own);
	if (r->view != NULL)
		r->filter->ops->free(r->view);
	free(r->dval);
	free(r->doff);
	free(r->dlen);
	sb_free(&r->dstore);
	free(r->cleanbuf);
	sb_free(&r->pline);
	free(r->dec);
	sb_free(&r->err);
	for (size_t i = 0; i < r->nreason; i++)
		free(r->reason[i].first);
	free(r);
}

int
rd_each(struct reader *r,
    int (*bind)(void *ctx, struct reader *r, unsigned char *want),
    int (*row)(void *ctx, struct reader *r, const struct row *row),
    void *ctx)
{
	unsigned char *want;
	const struct row *rw;
	int rc = -1;

	if (rd_failed(r))
		return -1;
	want = xcalloc(rd_header(r)->n, 1);
	if (bind(ctx, r, want) == 0) {
		rd_want(r, want);
		while ((rc = rd_next(r, &rw)) > 0)
			(void)row(ctx, r, rw);
	}
	free(want);
	return rc < 0 ? -1 : 0;
}
