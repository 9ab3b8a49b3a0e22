/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/reader.c: RFC 4180 section 2, line numbers, every
** structural error message, header lookup, and reading a large file
** across buffer boundaries and a pipe delivering one byte at a time.
*/
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../lib/reader.h"
#include "../../lib/rng.h"
#include "../../lib/util.h"
#include "check.h"

/* All records of TEXT (the header first) as "a|b|c/line;" lines. */
static const char *
dump(const char *text, size_t len, const struct rd_opts *o)
{
	static struct strbuf out;
	struct reader *r = rd_open_mem("t", text, len, o);
	const struct row *row;
	int rc;

	sb_reset(&out);
	sb_add(&out, "", 0);
	if (!rd_failed(r)) {
		const struct row *h = rd_header(r);

		for (size_t i = 0; i < h->n; i++)
			sb_printf(&out, "%s%s", i ? "|" : "", h->f[i].s);
		sb_printf(&out, "/%lu;", h->line);
		while ((rc = rd_next(r, &row)) > 0) {
			for (size_t i = 0; i < row->n; i++)
				sb_printf(&out, "%s%.*s", i ? "|" : "",
				    (int)row->f[i].len, row->f[i].s);
			sb_printf(&out, "/%lu;", row->line);
		}
	}
	if (rd_failed(r))
		sb_printf(&out, "ERROR %d %s", rd_status(r), rd_error(r));
	rd_close(r);
	return out.s;
}

/* Whether TEXT reads the same whole and at every smaller read size, with
** the field limit CAP (0: the default). */
static int
same_at_every_size(const char *text, size_t len, size_t cap)
{
	struct rd_opts whole_opts = { .max_field = cap };
	char *whole = xstrdup(dump(text, len, &whole_opts));
	int same = 1;

	for (size_t rs = 1; rs < len && same; rs++) {
		struct rd_opts o = { .read_size = rs, .max_field = cap };

		same = strcmp(dump(text, len, &o), whole) == 0;
	}
	free(whole);
	return same;
}

/* Whether TEXT reads as WANT with options BASE whole and at every
** smaller read size. */
static int
reads_at_every_size(const char *text, const struct rd_opts *base,
    const char *want)
{
	size_t len = strlen(text);
	int same = strcmp(dump(text, len, base), want) == 0;

	for (size_t rs = 1; rs < len && same; rs++) {
		struct rd_opts o = *base;

		o.read_size = rs;
		same = strcmp(dump(text, len, &o), want) == 0;
	}
	return same;
}

/* TEXT through BASE: WANT whole (checked as NAME), and the same at every
** read size ("NAME, at every read size"). */
static void
reads_opts(const char *name, const char *text, const struct rd_opts *base,
    const char *want)
{
	char label[256];

	check_str(name, dump(text, strlen(text), base), want);
	snprintf(label, sizeof label, "%s, at every read size", name);
	CHECK(label, reads_at_every_size(text, base, want));
}

/* TSV, space-separated text and --header names (rd_opts.delim '\t' and
** RD_SPACE, rd_opts.header). */
static void
plain_formats(void)
{
	struct rd_opts tsv = { .delim = '\t' }, sp = { .delim = RD_SPACE };
	char *names[] = { "id", " day ", "n" };
	struct rd_opts hd = { .header = names, .nheader = 3 };
	struct rd_opts hsp = { .delim = RD_SPACE, .header = names,
	    .nheader = 3 };
	struct rd_opts htsv = { .delim = '\t', .header = names, .nheader = 3 };

	/* The escapes: \t \n \r \\ decoded; \q and a last \ kept; \\t is
	 * a backslash and a t. Escapes and CRLF split at every read size. */
	reads_opts("tsv: escapes decoded",
	    "a\tb\r\nx\\ty\\n\\r\tp\\\\q\\q\\\r\n\"\t\\\\t\n",
	    &tsv, "a|b/1;x\ty\n\r|p\\q\\q\\/2;\"|\\t/3;");
	reads_opts("tsv: empty fields and lines, no final LF",
	    "a\tb\n\t\n\n\r\n \t \nu\tv",
	    &tsv, "a|b/1;|/2; | /5;u|v/6;");
	reads_opts("tsv: a backslash before a tab stays, the tab splits",
	    "a\tb\nx\\\ty\n", &tsv, "a|b/1;x\\|y/2;");
	reads_opts("tsv: a BOM skipped, UTF-8 kept",
	    "\xef\xbb\xbf" "a\tb\n\xc3\xa9\t\xe2\x82\xac\n", &tsv,
	    "a|b/1;\xc3\xa9|\xe2\x82\xac/2;");
	reads_opts("tsv: a wrong field count names the line",
	    "a\tb\n1\t2\n1\t2\t3\n", &tsv,
	    "a|b/1;1|2/2;ERROR 65 t:3: 3 fields, but the header has 2");
	reads_opts("tsv: a bare CR",
	    "a\tb\n1\r2\tx\n", &tsv,
	    "a|b/1;ERROR 65 t:2: a bare CR ends a line (classic Mac OS line "
	    "ends); convert them first: tr '\\r' '\\n' < 't' > converted.csv");
	reads_opts("tsv: invalid UTF-8 across reads",
	    "a\tb\n1\tx\xe2\x82\n", &tsv,
	    "a|b/1;ERROR 65 t:2: invalid UTF-8 at byte 4: not UTF-8 text "
	    "(WINDOWS-1252?); convert it first: iconv -f WINDOWS-1252 -t "
	    "UTF-8 't' > converted.csv");
	{
		/* The cap counts decoded bytes: \t\t\t is 3 of them. */
		struct rd_opts cap = { .delim = '\t', .max_field = 3 };

		reads_opts("tsv: the cap counts decoded bytes",
		    "a\tb\n\\t\\t\\t\tabc\r\n", &cap,
		    "a|b/1;\t\t\t|abc/2;");
		reads_opts("tsv: a field past the cap",
		    "a\tb\nabc\tx\\\\yz\n", &cap,
		    "a|b/1;ERROR 65 t:2: a field runs past 3 bytes (--max-field "
		    "raises the limit)");
		reads_opts("tsv: past the cap before bad UTF-8 on its line",
		    "a\tb\nab\tabcd\xff\n", &cap,
		    "a|b/1;ERROR 65 t:2: a field runs past 3 bytes (--max-field "
		    "raises the limit)");
		cap.delim = RD_SPACE;
		reads_opts("space: a field past the cap",
		    "a b\n abc  abcd\n", &cap,
		    "a|b/1;ERROR 65 t:2: a field runs past 3 bytes (--max-field "
		    "raises the limit)");
	}
	reads_opts("space: blank runs, ends ignored, blank lines skipped",
	    " customer_id  date\t amount \r\n 00001 19970101  11.77\r\n"
	    "\r\n  \t \n00002\t19970112 \t 12.00", &sp,
	    "customer_id|date|amount/1;00001|19970101|11.77/2;"
	    "00002|19970112|12.00/5;");
	reads_opts("space: no quoting, no escapes",
	    "a b c\n\"x y\" \\t\n", &sp, "a|b|c/1;\"x|y\"|\\t/2;");
	reads_opts("space: a short row names its line",
	    "a b c\n1 2 3\n 1 2 \n", &sp,
	    "a|b|c/1;1|2|3/2;ERROR 65 t:3: 2 fields, but the header has 3");
	reads_opts("--header: the first line is data, line 1",
	    "1,2026-01-01,3\n2,2026-01-02,4\n", &hd,
	    "id|day|n/0;1|2026-01-01|3/1;2|2026-01-02|4/2;");
	reads_opts("--header: empty input is no rows", "", &hd, "id|day|n/0;");
	reads_opts("--header: a BOM skipped", "\xef\xbb\xbf" "1,2,3\n", &hd,
	    "id|day|n/0;1|2|3/1;");
	reads_opts("--header: a wrong field count names the line",
	    "1,2,3\n1,2\n", &hd,
	    "id|day|n/0;1|2|3/1;ERROR 65 t:2: 2 fields, but the header has 3");
	reads_opts("--header with space-separated text",
	    " 00001 19970101  11.77\r\n 00002 19970112 12.00\r\n", &hsp,
	    "id|day|n/0;00001|19970101|11.77/1;00002|19970112|12.00/2;");
	reads_opts("--header with TSV", "a\\tb\tc\t\n", &htsv,
	    "id|day|n/0;a\tb|c|/1;");
	{
		struct reader *r = rd_open_mem("t", "1,2,3\n", 6, &hd);

		check_int("--header: names trimmed for rd_col", rd_col(r, "day"),
		    1);
		check_int("--header: data start at offset 0",
		    (long)rd_data_offset(r), 0);
		rd_close(r);
	}
}

static void
reads(const char *name, const char *text, const char *want)
{
	check_str(name, dump(text, strlen(text), NULL), want);
}

/*
** A row filter of its own, not a preset, to try the interface: the header
** is the record that starts with "id"; a record starting with '#' is junk;
** it derives "copy" (of the second column) and "k" (the constant "K").
*/
static const char *
toy_name(const void *ctx)
{
	return ctx;
}

static int
toy_is_header(const void *ctx, const struct row *row)
{
	(void)ctx;
	return strcmp(row->f[0].s, "id") == 0;
}

static char *
toy_header_wanted(const void *ctx)
{
	(void)ctx;
	return xstrdup("'id'");
}

static void *
toy_bind(const void *ctx, const struct row *header, const char *file,
    struct strbuf *notes, int explain)
{
	static int view;

	(void)header;
	if (explain)
		note(notes, "%s: %s: copy = the second column", file,
		    (const char *)ctx);
	return &view;
}

static size_t
toy_columns(const void *view)
{
	(void)view;
	return 2;
}

static const char *
toy_column(const void *view, size_t j)
{
	(void)view;
	return j == 0 ? "copy" : "k";
}

static long
toy_source(const void *view, size_t j)
{
	(void)view;
	return j == 0 ? 1 : -1;
}

static const char *
toy_skip(const void *view, const struct row *row)
{
	(void)view;
	return row->f[0].s[0] == '#' ? "#*" : NULL;
}

static void
toy_value(const void *view, size_t j, const struct row *row, char *scratch,
    const char **out, size_t *len)
{
	(void)view;
	if (j == 0) {
		memcpy(scratch, row->f[1].s, row->f[1].len + 1);
		*out = scratch;
		*len = row->f[1].len;
	} else {
		*out = "K";
		*len = 1;
	}
}

static void
toy_want(const void *view, const unsigned char *want, unsigned char *own)
{
	(void)view;
	own[0] = 1;
	if (want[2])
		own[1] = 1;
}

static void
toy_free(void *view)
{
	(void)view;
}

static const struct rd_filter_ops toy_ops = {
	toy_name, toy_is_header, toy_header_wanted, toy_bind, toy_columns,
	toy_column, toy_source, toy_skip, toy_value, toy_want, toy_free,
};

/*
** Lines with quotes are split in the reader itself when each field is
** quoted whole or has no quote (split_quoted_line()), by libcsv
** otherwise, and always by libcsv when the line comes in pieces (a
** small read size). Random documents of such fields and of the ones
** libcsv must take (a doubled quote, a stray one, a field over two lines,
** a blank before a quote, a bare quote) must read the same at every read
** size: the same records, or the same error at the same place. So must
** lines with the bytes whole lines are searched for at once
** (plain_span(): a lone CR, a NUL, a byte that is not UTF-8), which a read
** size below the line's length sends the one line at a time way.
*/
static void
check_quoted_lines(void)
{
	static const char *const pieces[] = {
		"a", "", "\"Harbor Health, Inc.\"", "\"\"", "\"x\"\"y\"",
		"\"q\"z", "b\"c", " \"s\"", "\"s\" ", "\"two\nlines\"",
		"\"", "\"cr\r\nlf\"", "\"\xc3\xa9t\xc3\xa9\"", "12",
		/* Around the eight bytes the separator is looked for at once. */
		"abcdefg", "abcdefgh", "abcdefghi", "2026-04-09T14:05:29Z",
		/* What plain_span() stops at, sixteen bytes or more into a
		 * line: a lone CR, a byte that is not UTF-8, a NUL (written
		 * for the \001), a CR that a LF follows only inside quotes. */
		"x\ry", "\xff", "0123456789abcdefghij", "n\001l", "\"\r\"",
	};
	enum { NPIECES = sizeof pieces / sizeof pieces[0] };
	static const size_t sizes[] = { 1, 2, 3, 5, 7, 64 };
	uint64_t x = 2026;
	size_t differ = 0, docs = 3000;

	for (size_t d = 0; d < docs; d++) {
		struct strbuf doc = {0};
		char *whole;
		size_t lines = 1 + (size_t)(splitmix64(&x) % 6);

		sb_adds(&doc, "h1,h2,h3\n");
		for (size_t l = 0; l < lines; l++) {
			/* Mostly three fields, well formed (the first five
			 * pieces, 26 times in 44); now and then not. */
			size_t nf = splitmix64(&x) % 8 == 0 ? 2 : 3;

			for (size_t f = 0; f < nf; f++) {
				uint64_t k = splitmix64(&x) % (26 + NPIECES);
				size_t pick = (size_t)(k < 26 ? k % 5 : k - 26);

				if (f > 0)
					sb_addc(&doc, ',');
				for (const char *c = pieces[pick]; *c; c++)
					sb_addc(&doc, *c == '\001' ? '\0' : *c);
			}
			sb_adds(&doc, splitmix64(&x) % 2 ? "\r\n" : "\n");
		}
		whole = xstrdup(dump(doc.s, doc.len, NULL));
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			struct rd_opts o = { .read_size = sizes[i] };

			if (strcmp(dump(doc.s, doc.len, &o), whole) != 0) {
				if (differ++ == 0)
					printf("# differs at read size %zu: %s\n",
					    sizes[i], doc.s);
			}
		}
		free(whole);
		sb_free(&doc);
	}
	CHECK("quoted lines: the same records or error at every read size, "
	    "3000 documents", differ == 0);
}

int
main(void)
{
	/* RFC 4180 section 2. */
	reads("rfc4180 rule 1: CRLF ends records",
	    "aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n", "aaa|bbb|ccc/1;zzz|yyy|xxx/2;");
	reads("rfc4180 rule 2: no line end after the last record",
	    "aaa,bbb,ccc\r\nzzz,yyy,xxx", "aaa|bbb|ccc/1;zzz|yyy|xxx/2;");
	reads("rfc4180 rule 3: a header, same field count",
	    "field_name,field_name2\r\naaa,bbb\r\n", "field_name|field_name2/1;aaa|bbb/2;");
	reads("rfc4180 rule 4: spaces belong to the field",
	    "a,b\naaa , bbb\n", "a|b/1;aaa | bbb/2;");
	reads("rfc4180 rule 5: fields may be quoted",
	    "a,b,c\n\"aaa\",\"bbb\",\"ccc\"\n", "a|b|c/1;aaa|bbb|ccc/2;");
	reads("rfc4180 rule 6: CRLF and comma inside quotes",
	    "a,b,c\r\n\"aaa\",\"b\r\nbb\",\"c,cc\"\r\nzzz,yyy,xxx\r\n",
	    "a|b|c/1;aaa|b\r\nbb|c,cc/2;zzz|yyy|xxx/4;");
	reads("rfc4180 rule 7: a quote doubled inside quotes",
	    "a,b,c\n\"aaa\",\"b\"\"bb\",\"ccc\"\n", "a|b|c/1;aaa|b\"bb|ccc/2;");

	/* Lines, blank lines, BOM, mixed line ends, empty fields. */
	reads("line numbers after a multi-line field",
	    "a,b\n1,\"x\ny\nz\"\n2,3\n", "a|b/1;1|x\ny\nz/2;2|3/5;");
	reads("blank lines are skipped, lines still counted",
	    "a,b\n\n1,2\r\n\r\n\n3,4", "a|b/1;1|2/3;3|4/6;");
	reads("leading blank lines", "\n\na,b\n1,2\n", "a|b/3;1|2/4;");
	reads("a UTF-8 BOM is skipped", "\xef\xbb\xbf" "id,name\n1,x\n",
	    "id|name/1;1|x/2;");
	reads("a BOM before a quoted header", "\xef\xbb\xbf\"id\",name\n1,x\n",
	    "id|name/1;1|x/2;");
	reads("header names are trimmed, values are not",
	    " id ,\tname\n 1 , x \n", "id|name/1; 1 | x /2;");
	reads("empty and quoted-empty fields", "a,b,c\n,\"\",\n", "a|b|c/1;||/2;");
	reads("CR inside quotes is data", "a\n\"x\ry\"\n", "a/1;x\ry/2;");
	reads("UTF-8 text passes", "name\nZürich 東京 🚀\n",
	    "name/1;Zürich 東京 🚀/2;");
	reads("a lone quoted empty field", "a\n\"\"\n", "a/1;/2;");
	/*
	 * Lines with spaces take libcsv's fast default path only when nothing
	 * could be trimmed; either way every space must come back.
	 */
	reads("inner spaces (fast path)", "a,b\nx y,z  w\n", "a|b/1;x y|z  w/2;");
	reads("a space before a separator", "a,b\nx ,y\n", "a|b/1;x |y/2;");
	reads("a tab after a separator", "a,b\nx,\ty\n", "a|b/1;x|\ty/2;");
	reads("a space at the line end", "a,b\nx,y \r\n", "a|b/1;x|y /2;");
	reads("a space at the line start", "a,b\n x,y\n", "a|b/1; x|y/2;");
	reads("a line of spaces is a record", "a\n   \n", "a/1;   /2;");
	reads("blanks inside quotes are kept (fast default path)",
	    "a,b\n\"Acme, Inc.\",\" x \"\n", "a|b/1;Acme, Inc.| x /2;");
	reads("a blank after a closing quote is still an error",
	    "a,b\n\"x\" ,y\n",
	    "a|b/1;ERROR 65 t:2: malformed CSV at byte 4: a quote must open a "
	    "field and close it, right before a separator or the line end "
	    "(write a quote inside a quoted field as \"\")");
	reads("a blank before an opening quote is still an error",
	    "a,b\n\"p, q\",x, \"y\"\n",
	    "a|b/1;ERROR 65 t:2: malformed CSV at byte 11: a quote must open a "
	    "field and close it, right before a separator or the line end "
	    "(write a quote inside a quoted field as \"\")");
	reads("fast and exact paths alternate",
	    "a,b\nx y,z\n\"p, q\",r \nu,v\n\"m\nn\",o o\n",
	    "a|b/1;x y|z/2;p, q|r /3;u|v/4;m\nn|o o/5;");
	{
		/* A tab delimiter reads TSV: a quote is a byte like any. */
		struct rd_opts tsv = { .delim = '\t' };
		const char *t = "a\tb\tc\n1,5\t\"x\ty\"\n";

		check_str("tab delimiter: TSV, no quoting",
		    dump(t, strlen(t), &tsv), "a|b|c/1;1,5|\"x|y\"/2;");
	}

	/* Structural errors: exact texts. */
	reads("stray quote inside an unquoted field",
	    "a,b\n1,x\"y\n",
	    "a|b/1;ERROR 65 t:2: malformed CSV at byte 4: a quote must open a field "
	    "and close it, right before a separator or the line end (write a "
	    "quote inside a quoted field as \"\")");
	reads("text after a closing quote",
	    "a,b\n1,\"ab\"c\n",
	    "a|b/1;ERROR 65 t:2: malformed CSV at byte 7: a quote must open a field "
	    "and close it, right before a separator or the line end (write a "
	    "quote inside a quoted field as \"\")");
	reads("space before an opening quote",
	    "a,b\n1, \"x\"\n",
	    "a|b/1;ERROR 65 t:2: malformed CSV at byte 4: a quote must open a field "
	    "and close it, right before a separator or the line end (write a "
	    "quote inside a quoted field as \"\")");
	reads("error column on a later line of a multi-line record",
	    "a,b\n1,\"x\ny\"z\n",
	    "a|b/1;ERROR 65 t:3: malformed CSV at byte 3: a quote must open a field "
	    "and close it, right before a separator or the line end (write a "
	    "quote inside a quoted field as \"\")");
	reads("unterminated quote at the end",
	    "a,b\n1,2\n3,\"abc\n4,5\n",
	    "a|b/1;1|2/2;ERROR 65 t:3: unterminated quoted field: a quote opens "
	    "in the record starting here and never closes");
	reads("ragged row, short", "a,b,c\n1,2\n",
	    "a|b|c/1;ERROR 65 t:2: 2 fields, but the header has 3");
	reads("ragged row, long", "a,b\n1,2\n1,2,3\n",
	    "a|b/1;1|2/2;ERROR 65 t:3: 3 fields, but the header has 2");
	reads("a trailing comma makes a row ragged", "a,b\n1,2,\n",
	    "a|b/1;ERROR 65 t:2: 3 fields, but the header has 2");
	check_str("NUL byte", dump("a,b\n1,\0\n", 8, NULL),
	    "a|b/1;ERROR 65 t:2: NUL byte at byte 3: not UTF-8 text (UTF-16?); "
	    "convert it first: iconv -f UTF-16 -t UTF-8 't' > converted.csv");
	check_str("UTF-16LE BOM", dump("\xff\xfe" "a\0,\0b\0", 8, NULL),
	    "ERROR 65 t:1: UTF-16 byte-order mark at byte 1: not UTF-8 text "
	    "(UTF-16?); convert it first: iconv -f UTF-16 -t UTF-8 't' > "
	    "converted.csv");
	check_str("UTF-16BE BOM", dump("\xfe\xff\0a", 4, NULL),
	    "ERROR 65 t:1: UTF-16 byte-order mark at byte 1: not UTF-8 text "
	    "(UTF-16?); convert it first: iconv -f UTF-16 -t UTF-8 't' > "
	    "converted.csv");
	reads("Latin-1 byte", "name\nCaf\xe9\n",
	    "name/1;ERROR 65 t:2: invalid UTF-8 at byte 4: not UTF-8 text "
	    "(WINDOWS-1252?); convert it first: iconv -f WINDOWS-1252 -t UTF-8 "
	    "'t' > converted.csv");
	reads("overlong UTF-8", "name\n\xc0\xaf\n",
	    "name/1;ERROR 65 t:2: invalid UTF-8 at byte 1: not UTF-8 text "
	    "(WINDOWS-1252?); convert it first: iconv -f WINDOWS-1252 -t UTF-8 "
	    "'t' > converted.csv");
	reads("UTF-8 surrogate", "name\nx\xed\xa0\x80\n",
	    "name/1;ERROR 65 t:2: invalid UTF-8 at byte 2: not UTF-8 text "
	    "(WINDOWS-1252?); convert it first: iconv -f WINDOWS-1252 -t UTF-8 "
	    "'t' > converted.csv");
	reads("UTF-8 past U+10FFFF", "name\n\xf4\x90\x80\x80\n",
	    "name/1;ERROR 65 t:2: invalid UTF-8 at byte 1: not UTF-8 text "
	    "(WINDOWS-1252?); convert it first: iconv -f WINDOWS-1252 -t UTF-8 "
	    "'t' > converted.csv");
	reads("truncated UTF-8 at the end", "name\nab\xe2\x82",
	    "name/1;ERROR 65 t:2: truncated UTF-8 sequence at byte 3: not UTF-8 "
	    "text (WINDOWS-1252?); convert it first: iconv -f WINDOWS-1252 -t "
	    "UTF-8 't' > converted.csv");
	reads("bare CR line ends", "a,b\r1,2\r3,4\r",
	    "ERROR 65 t:1: a bare CR ends a line (classic Mac OS line ends); "
	    "convert them first: tr '\\r' '\\n' < 't' > converted.csv");
	reads("a bare CR inside an unquoted field", "a,b\n1,2\r3\n",
	    "a|b/1;ERROR 65 t:2: a bare CR ends a line (classic Mac OS line "
	    "ends); convert them first: tr '\\r' '\\n' < 't' > converted.csv");
	reads("a bare CR alone on a line", "a\n\rb\n",
	    "a/1;ERROR 65 t:2: a bare CR ends a line (classic Mac OS line "
	    "ends); convert them first: tr '\\r' '\\n' < 't' > converted.csv");
	/* kpikit(7): a CR outside quotes that no LF follows is an error,
	** at the end of the input too (a CRLF cut short, most often). */
	reads("a CR ends the file: nothing follows it", "h\nx\r",
	    "h/1;ERROR 65 t:2: the input ends in a CR without its LF (a cut "
	    "CRLF line end, or a bare CR): add the LF, or remove the CR");
	reads("a CR ends the file after a blank line", "h\n\r",
	    "h/1;ERROR 65 t:2: the input ends in a CR without its LF (a cut "
	    "CRLF line end, or a bare CR): add the LF, or remove the CR");
	reads("a CR inside quotes is data", "a,b\n\"x\ry\",\"\r\"\r\n",
	    "a|b/1;x\ry|\r/2;");
	{
		/*
		 * Every text of up to 6 bytes over a alphabet of the bytes that
		 * matter (a letter, a separator, a quote, CR, LF, a space, a
		 * byte that is not UTF-8) reads the same at every read size:
		 * the same records, the same first fault; also with a field
		 * limit of 3 bytes, which fields of up to 5 meet from both
		 * sides.
		 */
		static const char alphabet[] = "a,\"\r\n \xfd";
		const size_t k = sizeof alphabet - 1, maxlen = 6;
		size_t total = 0, differ = 0;
		char text[8], *first_differ = NULL;

		for (size_t len = 1; len <= maxlen; len++) {
			size_t n = 1;

			for (size_t i = 0; i < len; i++)
				n *= k;
			for (size_t code = 0; code < n; code++) {
				size_t c = code;
				char esc[ESCAPED_MAX];

				for (size_t i = 0; i < len; i++, c /= k)
					text[i] = alphabet[c % k];
				for (size_t cap = 0; cap <= 3; cap += 3)
					if (!same_at_every_size(text, len, cap) &&
					    differ++ == 0)
						first_differ = xstrdup(escape_text(
						    esc, sizeof esc, text, len));
				total++;
			}
		}
		check_result(differ == 0, "all short texts: the same at every "
		    "read size", first_differ != NULL ? first_differ : "");
		check_int("all short texts: how many", (long long)total,
		    7 + 49 + 343 + 2401 + 16807 + 117649);
		free(first_differ);
	}
	/* The record before the CR is not handed out: its end is bad. */
	reads("a bare CR on the last line", "a\nx\ry",
	    "a/1;ERROR 65 t:2: a bare CR ends a line (classic Mac OS line "
	    "ends); convert them first: tr '\\r' '\\n' < 't' > converted.csv");
	{
		/*
		 * Whatever the size of the reads, a bare CR is the fault told
		 * when it comes first: before a bad byte later on the line,
		 * or a quote libcsv refuses, whether or not a field ends between
		 * them (fuzz_preset found whole reads and small ones telling
		 * different faults).
		 */
		static const char *const texts[] = {
			"a\r ic - Search,Search perfor\x94",
			"a\r ic\x94", "a\r\x94", "h\nx\ry\nz\n", "h\nx\r\xff\n",
			"a,b\r\n1,2\r 3\n", "h\nx\ry\"z\n",
			"Camp 1,~*gn(e\rampaign typ.00\",2*62,e\rampaign\n",
			"\x03\r\r", "h\nx\r\"y\r\n", "h\nx\r\r\n", "h\n\"a\rb\"\r\r",
			"\r\xfd", "h\n\r\xfd", "h\n\"a\"\r\r\xfd",
		};

		for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
			size_t len = strlen(texts[t]);
			char *whole = xstrdup(dump(texts[t], len, NULL));

			check_result(strstr(whole, "a bare CR ends a line") != NULL,
			    "a bare CR before a bad byte: told", whole);
			for (size_t n = 1; n <= len; n++) {
				struct rd_opts o = { .read_size = n };

				check_str("a bare CR: the same at every read size",
				    dump(texts[t], len, &o), whole);
			}
			free(whole);
		}
	}
	reads("empty input", "", "ERROR 65 t: empty input: no header line");
	reads("only blank lines", "\n\r\n\n",
	    "ERROR 65 t: empty input: no header line");
	reads("header only", "a,b\n", "a|b/1;");
	{
		/* A stray quote must fail at the cap, not at the end of the file. */
		struct rd_opts small = { .max_field = 64 };
		struct strbuf big = {0};

		sb_adds(&big, "a,b\n1,2\n3,\"oops\n");
		for (int i = 0; i < 1000; i++)
			sb_adds(&big, "5,6\n");
		check_str("a stray quote hits the field cap",
		    dump(big.s, big.len, &small),
		    "a|b/1;1|2/2;ERROR 65 t:3: a field runs past 64 bytes: an "
		    "unterminated quote in the record starting here? (--max-field "
		    "raises the limit)");
		sb_free(&big);
	}

	/* rd_col: trimmed, exact, NAME#N, ambiguous, missing. */
	{
		const char *t = "id,Create Date, amount ,Create Date,x#1\n";
		struct reader *r = rd_open_mem("t", t, strlen(t), NULL);

		check_int("rd_col exact", rd_col(r, "id"), 0);
		check_int("rd_col trimmed", rd_col(r, "amount"), 2);
		check_int("rd_col argument trimmed", rd_col(r, " amount "), 2);
		check_int("rd_col case matters", rd_col(r, "ID"), RD_NO_COLUMN);
		check_int("rd_col repeated", rd_col(r, "Create Date"), RD_AMBIGUOUS);
		check_int("rd_col #1", rd_col(r, "Create Date#1"), 1);
		check_int("rd_col #2", rd_col(r, "Create Date#2"), 3);
		check_int("rd_col #3", rd_col(r, "Create Date#3"), RD_NO_COLUMN);
		check_int("rd_col a literal #", rd_col(r, "x#1"), 4);
		check_int("rd_col missing", rd_col(r, "nope"), RD_NO_COLUMN);
		check_int("rd_col bad #", rd_col(r, "id#x"), RD_NO_COLUMN);
		rd_close(r);
	}

	/* rd_want: unread columns come back empty. */
	{
		const char *t = "a,b,c\n1,2,3\n";
		const unsigned char want[] = { 1, 0, 1 };
		struct reader *r = rd_open_mem("t", t, strlen(t), NULL);
		const struct row *row;

		rd_want(r, want);
		check_int("rd_want row", rd_next(r, &row), 1);
		check_str("rd_want wanted", row->f[2].s, "3");
		check_str("rd_want unwanted", row->f[1].s, "");
		rd_close(r);
	}

	/* rd_bad and --skip-bad. */
	{
		const char *t = "a,b\n1,2\nx\n3,4\n5,6\n";
		struct rd_opts skip = { .skip_bad = 1 };
		struct reader *r = rd_open_mem("t", t, strlen(t), &skip);
		const struct row *row;
		int n = 0;

		while (rd_next(r, &row) > 0) {
			n++;
			if (row->f[0].s[0] == '3')
				rd_bad(r, row, 1, "bad '%s'", row->f[1].s);
		}
		check_int("skip-bad rows returned", n, 3);
		check_int("skip-bad skipped", (long long)rd_skipped(r), 2);
		check_int("skip-bad not failed", rd_failed(r), 0);
		check_int("rows read", (long long)rd_rows(r), 4);
		rd_close(r);

		r = rd_open_mem("t", t, strlen(t), NULL);
		check_int("without skip-bad, first row", rd_next(r, &row), 1);
		rd_bad(r, row, 1, "bad '%s'", row->f[1].s);
		check_int("without skip-bad, the error stops", rd_next(r, &row), -1);
		check_str("rd_bad message", rd_error(r), "t:2: column 'b': bad '2'");
		rd_close(r);
	}

	/* --skip-bad counts by reason, a format and a column, each with its
	 * first message; past 16 reasons the rest are lumped. */
	{
		const char *t = "a,b\n1,x\n2,y\n3,z\n4,w\n5,v\n";
		struct strbuf notes = {0};
		struct rd_opts skip = { .skip_bad = 1, .notes = &notes };
		struct reader *r = rd_open_mem("t", t, strlen(t), &skip);
		const struct row *row;
		struct strbuf want = {0}, big = {0};

		while (rd_next(r, &row) > 0) {
			switch (row->f[0].s[0]) {
			case '1': case '4':
				rd_bad(r, row, 1, "bad '%s'", row->f[1].s);
				break;
			case '2':
				rd_bad(r, row, 0, "bad '%s'", row->f[0].s);
				break;
			case '3':
				rd_bad(r, row, 1, "worse '%s'", row->f[1].s);
				break;
			}
		}
		rd_close(r);
		check_str("skip-bad by reason", notes.s,
		    "test_reader: skipped 4 bad rows of t, for 3 reasons:\n"
		    "test_reader:   2 rows: t:2: column 'b': bad 'x'\n"
		    "test_reader:   1 row: t:3: column 'a': bad '2'\n"
		    "test_reader:   1 row: t:4: column 'b': worse 'z'\n");

		/* 18 columns, a bad value in each, the first twice. */
		sb_adds(&big, "c0");
		for (int i = 1; i < 18; i++)
			sb_printf(&big, ",c%d", i);
		sb_addc(&big, '\n');
		for (int j = -1; j < 18; j++) {
			for (int i = 0; i < 18; i++)
				sb_printf(&big, "%s%d", i ? "," : "",
				    i == (j < 0 ? 0 : j));
			sb_addc(&big, '\n');
		}
		sb_reset(&notes);
		r = rd_open_mem("t", big.s, big.len, &skip);
		while (rd_next(r, &row) > 0)
			for (size_t i = 0; i < 18; i++)
				if (row->f[i].s[0] == '1')
					rd_bad(r, row, (long)i, "bad");
		rd_close(r);
		sb_adds(&want, "test_reader: "
		    "skipped 19 bad rows of t, for more than 16 reasons:\n"
		    "test_reader:   2 rows: t:2: column 'c0': bad\n");
		for (int i = 1; i < 16; i++)
			sb_printf(&want, "test_reader:   1 row: t:%d: column "
			    "'c%d': bad\n", i + 3, i);
		sb_adds(&want, "test_reader:   2 rows of other reasons\n");
		check_str("skip-bad past 16 reasons", notes.s, want.s);
		sb_free(&big);
		sb_free(&want);
		sb_free(&notes);
	}

	/* A file much larger than the read buffer, multi-line fields crossing
	 * buffer boundaries: every field and line number must come back. */
	{
		char path[] = "/tmp/kpikit-reader-XXXXXX";
		int fd = mkstemp(path);
		FILE *f = fdopen(fd, "w");
		struct reader *r;
		const struct row *row;
		unsigned long line = 2, bad = 0, n = 0;
		int rc;

		fputs("n,text,crlf\r\n", f);
		for (unsigned long i = 0; i < 60000; i++) {
			if (i % 7 == 0)
				fprintf(f, "%lu,\"multi\nline %lu, \"\"q\"\"\",x\r\n", i, i);
			else
				fprintf(f, "%lu,plain %lu,x\n", i, i);
		}
		fclose(f);
		r = rd_open(path, NULL);
		while ((rc = rd_next(r, &row)) > 0) {
			char want[64];

			if (n % 7 == 0)
				snprintf(want, sizeof want, "multi\nline %lu, \"q\"", n);
			else
				snprintf(want, sizeof want, "plain %lu", n);
			if (row->line != line || strtoul(row->f[0].s, NULL, 10) != n ||
			    strcmp(row->f[1].s, want) != 0 || strcmp(row->f[2].s, "x"))
				bad++;
			line += n % 7 == 0 ? 2 : 1;
			n++;
		}
		check_int("large file: all records", (long long)n, 60000);
		check_int("large file: fields and lines right", (long long)bad, 0);
		check_int("large file: clean end", rc, 0);
		rd_close(r);
		unlink(path);
	}

	/* A pipe that delivers one byte at a time: the BOM check must wait. */
	{
		const char *t = "\xef\xbb\xbfid\n7\n";
		int p[2], saved = dup(0);
		struct reader *r;
		const struct row *row;
		pid_t pid;

		if (pipe(p) == 0 && (pid = fork()) == 0) {
			close(p[0]);
			for (const char *c = t; *c; c++) {
				if (write(p[1], c, 1) != 1)
					_exit(1);
				usleep(2000);
			}
			_exit(0);
		}
		close(p[1]);
		dup2(p[0], 0);
		close(p[0]);
		r = rd_open("-", NULL);
		check_str("pipe: BOM skipped, header read", rd_header(r)->f[0].s, "id");
		check_int("pipe: row", rd_next(r, &row), 1);
		check_str("pipe: value", row->f[0].s, "7");
		check_str("pipe: name", rd_name(r), "-");
		rd_close(r);
		wait(NULL);
		dup2(saved, 0);
		close(saved);
	}
	/* A row filter: header below a title, junk skipped, derived columns. */
	{
		const char *t = "Report\nid,v\n1,a\n#sum,b\n2,cc\n";
		struct rd_filter toy = { &toy_ops, "toy" };
		struct strbuf notes = {0};
		struct rd_opts fo = { .filter = &toy, .notes = &notes,
		    .explain = 1 };
		unsigned char want[4] = { 0, 0, 0, 1 };
		struct reader *r;
		const struct row *row;
		int same = 1;

		check_str("filter: rows", dump(t, strlen(t), &fo),
		    "id|v|copy|k/2;1|a|a|K/3;2|cc|cc|K/5;");
		CHECK("filter: a title line skipped", strstr(notes.s,
		    "t:1: skipped above the header (toy): 'Report'\n") != NULL);
		CHECK("filter: junk skipped", strstr(notes.s,
		    "t:4: skipped, matches '#*' (toy): '#sum'\n") != NULL);
		/* What --explain tells is printed at once, not noted. */
		CHECK("filter: explained at once", strstr(notes.s,
		    "toy: copy = the second column") == NULL);
		for (size_t rs = 1; rs < strlen(t); rs++) {
			struct rd_opts o = fo;

			o.read_size = rs;
			same &= strcmp(dump(t, strlen(t), &o),
			    "id|v|copy|k/2;1|a|a|K/3;2|cc|cc|K/5;") == 0;
		}
		CHECK("filter: the same at every read size", same);
		fo.explain = 0;
		r = rd_open_mem("t", t, strlen(t), &fo);
		check_int("filter: rd_col of a derived column", rd_col(r, "k"), 3);
		rd_want(r, want);
		check_int("filter: rd_want row", rd_next(r, &row), 1);
		check_str("filter: what the filter reads is read", row->f[0].s, "1");
		check_str("filter: unwanted", row->f[1].s, "");
		rd_bad(r, row, 2, "bad");
		check_str("filter: label of a copied column", rd_error(r),
		    "t:3: column 'v' (as copy): bad");
		rd_close(r);
		fo.skip_bad = 1;
		r = rd_open_mem("t", t, strlen(t), &fo);
		check_int("filter: row", rd_next(r, &row), 1);
		rd_bad(r, row, 3, "bad");
		rd_close(r);
		CHECK("filter: label of a constant column", strstr(notes.s,
		    "the first: t:3: column k (toy): bad\n") != NULL);
		check_str("filter: no header", dump("x\ny\n", 4, &fo),
		    "ERROR 65 t: no header line with 'id' in its first 50 lines "
		    "(toy)");
		sb_free(&notes);
	}
	plain_formats();
	check_quoted_lines();
	return finish();
}
