/* See LICENSE file for copyright and license details. */
/* Unit tests of lib/writer.c: quoting, the lone empty field, and what
** reads back through lib/reader.c as written. */
#include <stdio.h>
#include <stdlib.h>

#include "../../lib/reader.h"
#include "../../lib/writer.h"
#include "check.h"

/* What W wrote to *BUF so far, NUL-terminated. */
static const char *
written(FILE *fp, char **buf)
{
	fflush(fp);
	return *buf;
}

int
main(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct writer w;
	struct reader *r;
	const struct row *row;

	wr_init(&w, fp, 6);
	/* U+FEFF opening the output is quoted, or it would read back as a
	 * byte-order mark and vanish; anywhere else it is plain text. */
	wr_str(&w, "\xef\xbb\xbfid");
	wr_str(&w, "a,b");
	wr_str(&w, "say \"hi\"");
	wr_end(&w);
	wr_str(&w, "\xef\xbb\xbfx");
	wr_empty(&w);
	wr_num(&w, 0.5);
	wr_end(&w);
	check_str("quoting", written(fp, &buf),
	    "\"\xef\xbb\xbfid\",\"a,b\",\"say \"\"hi\"\"\"\n"
	    "\xef\xbb\xbfx,,0.5\n");
	/* wr_strf(): formatted, quoted as any field, empty, and long. */
	wr_strf(&w, "%s_%s", "mean", "days");
	wr_strf(&w, "%s,%d", "a", 1);
	wr_strf(&w, "%s", "");
	wr_strf(&w, "%0200d", 7);
	wr_end(&w);
	{
		char want[256] = "mean_days,\"a,1\",,";
		size_t n = strlen(want);

		memset(want + n, '0', 199);
		strcpy(want + n + 199, "7\n");
		check_str("wr_strf", strchr(strchr(written(fp, &buf), '\n') + 1,
		    '\n') + 1, want);
	}

	r = rd_open_mem("t", buf, len, NULL);
	check_str("U+FEFF first reads back", rd_header(r)->f[0].s,
	    "\xef\xbb\xbfid");
	check_int("a row", rd_next(r, &row), 1);
	check_str("U+FEFF later reads back", row->f[0].s, "\xef\xbb\xbfx");
	rd_close(r);
	fclose(fp);
	free(buf);

	/* A line of one empty field is written "", or it would read back as
	 * a blank line, which is no record. */
	buf = NULL;
	fp = open_memstream(&buf, &len);
	wr_init(&w, fp, 6);
	wr_str(&w, "only");
	wr_end(&w);
	wr_empty(&w);
	wr_end(&w);
	check_str("a lone empty field", written(fp, &buf), "only\n\"\"\n");
	r = rd_open_mem("t", buf, len, NULL);
	check_int("reads back as a record", rd_next(r, &row), 1);
	check_int("of one empty field", (long long)(row->n + row->f[0].len), 1);
	rd_close(r);
	fclose(fp);
	free(buf);

	/* --ofs tab: TSV, the escapes written, and read back by the TSV
	 * reader byte for byte; a quote is plain. */
	{
		static const char *const f[] = { "a\tb", "l1\nl2\r", "c:\\x\\t",
		    "say \"hi\"", "" };
		struct rd_opts tsv = { .delim = '\t' };
		int same = 1;

		buf = NULL;
		fp = open_memstream(&buf, &len);
		wr_init(&w, fp, 6);
		wr_set_ofs(&w, '\t');
		for (size_t i = 0; i < 5; i++)
			wr_str(&w, f[i]);
		wr_str(&w, "x");
		wr_str(&w, "k");
		wr_end(&w);
		for (size_t i = 0; i < 5; i++)
			wr_str(&w, f[i]);
		wr_num(&w, 0.25);
		wr_int(&w, -3);
		wr_end(&w);
		check_str("ofs tab: TSV escapes", written(fp, &buf),
		    "a\\tb\tl1\\nl2\\r\tc:\\\\x\\\\t\tsay \"hi\"\t\tx\tk\n"
		    "a\\tb\tl1\\nl2\\r\tc:\\\\x\\\\t\tsay \"hi\"\t\t0.25\t-3\n");
		r = rd_open_mem("t", buf, len, &tsv);
		for (size_t i = 0; i < 5; i++)
			same &= rd_header(r)->f[i].len == strlen(f[i]) &&
			    memcmp(rd_header(r)->f[i].s, f[i], strlen(f[i])) == 0;
		check_int("ofs tab: a row", rd_next(r, &row), 1);
		for (size_t i = 0; i < 5; i++)
			same &= strcmp(row->f[i].s, f[i]) == 0;
		same &= strcmp(row->f[5].s, "0.25") == 0 &&
		    strcmp(row->f[6].s, "-3") == 0;
		CHECK("ofs tab: every field reads back", same);
		rd_close(r);
		fclose(fp);
		free(buf);
	}
	/* --ofs ';': CSV quoting with ';' in the comma's place. */
	buf = NULL;
	fp = open_memstream(&buf, &len);
	wr_init(&w, fp, 6);
	wr_set_ofs(&w, ';');
	wr_str(&w, "a;b");
	wr_str(&w, "a,b");
	wr_str(&w, "q\"");
	wr_num(&w, 1.5);
	wr_end(&w);
	wr_empty(&w);
	wr_end(&w);
	check_str("ofs semicolon: quoted as CSV", written(fp, &buf),
	    "\"a;b\";a,b;\"q\"\"\";1.5\n\"\"\n");
	{
		struct rd_opts semi = { .delim = ';' };

		r = rd_open_mem("t", buf, len, &semi);
		check_str("ofs semicolon: reads back", rd_header(r)->f[0].s,
		    "a;b");
		check_int("ofs semicolon: four fields", (long long)rd_header(r)->n,
		    4);
		rd_close(r);
	}
	fclose(fp);
	free(buf);
	return finish();
}
