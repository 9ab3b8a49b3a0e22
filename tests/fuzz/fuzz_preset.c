/* See LICENSE file for copyright and license details. */
/*
** Presets: their parser, and reading a file through one. The first byte
** picks a built-in preset (0-6) or, for 7, a preset text at the start of
** the input, ended by a line "===". The rest is the CSV. Checks: every
** row has as many fields as the header (the derived columns included),
** each NUL-terminated; the records are the same read whole and a few
** bytes at a time. A preset text with an error gets a message naming the
** input and a line within it ("fuzz:LINE: ..."). Every field that reads
** as a date through the preset's date formats (which a preset file sets
** with date-format) lies in the years 1900-2200 (lib/date.h).
*/
#include <string.h>

#include <ctype.h>

#include "../../lib/date.h"
#include "../../lib/preset.h"
#include "../../lib/reader.h"
#include "../../lib/util.h"
#include "fuzz.h"

/* A date read from the LEN bytes at S through DF lies in 1900-2200. */
static void
check_date(const char *s, size_t len, const struct date_formats *df)
{
	kpi_time t;

	if (date_parse(s, len, df, &t) != NULL)
		return;
	FUZZ_CHECK(t >= days_from_civil(1900, 1, 1) * MS_PER_DAY);
	FUZZ_CHECK(t < days_from_civil(2201, 1, 1) * MS_PER_DAY);
}

/* MSG is "fuzz:LINE: ...", LINE from 1 to one past the text's lines. */
static void
check_message(const char *msg, const uint8_t *text, size_t len)
{
	size_t lines = 1;
	unsigned long line = 0;
	const char *p = msg + 5;

	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	FUZZ_CHECK(strncmp(msg, "fuzz:", 5) == 0);
	FUZZ_CHECK(isdigit((unsigned char)*p));
	while (isdigit((unsigned char)*p))
		line = line * 10 + (unsigned long)(*p++ - '0');
	FUZZ_CHECK(*p == ':');
	FUZZ_CHECK(line >= 1 && line <= lines + 1);
}

static void
read_all(const uint8_t *data, size_t size, const struct rd_opts *o,
    const struct date_formats *df, struct strbuf *out)
{
	struct reader *r = rd_open_mem("fuzz", data, size, o);
	const struct row *row;

	sb_add(out, "", 0);
	if (!rd_failed(r)) {
		size_t n = rd_header(r)->n;

		while (rd_next(r, &row) > 0) {
			FUZZ_CHECK(row->n == n);
			for (size_t i = 0; i < row->n; i++) {
				FUZZ_CHECK(row->f[i].s[row->f[i].len] == '\0');
				if (df != NULL)
					check_date(row->f[i].s, row->f[i].len, df);
				sb_add(out, row->f[i].s, row->f[i].len);
				sb_addc(out, '\x1f');
			}
			sb_addc(out, '\x1e');
		}
	}
	if (rd_failed(r))
		sb_printf(out, "ERROR %d %s", rd_status(r), rd_error(r));
	rd_close(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const builtin[] = { "hubspot-contacts",
	    "hubspot-deals", "salesforce-leads", "salesforce-opportunities",
	    "pipedrive-deals", "google-ads", "meta-ads" };
	struct preset_set set = {0};
	struct rd_opts whole = {0}, bits = {0};
	const struct preset *p;
	struct strbuf notes = {0}, a = {0}, b = {0};
	struct date_formats df;
	char *const *fmts;
	const uint8_t *csv = data + 1;
	size_t csvlen = size ? size - 1 : 0;

	if (size < 1)
		return 0;
	presets_builtin(&set);
	if (data[0] % 8 == 7) {
		const uint8_t *sep = memmem(csv, csvlen, "\n===\n", 5);
		char *err;

		if (sep == NULL)
			goto out;
		err = presets_parse(&set, "fuzz", (const char *)csv,
		    (size_t)(sep - csv));
		if (err != NULL)
			check_message(err, csv, (size_t)(sep - csv));
		free(err);
		if (set.n == 7)
			goto out;    /* the text defined no preset */
		p = set.v[set.n - 1];
		csvlen -= (size_t)(sep + 5 - csv);
		csv = sep + 5;
	} else {
		p = presets_find(&set, builtin[data[0] % 8]);
	}
	whole.notes = bits.notes = &notes;
	whole.explain = bits.explain = 1;
	whole.max_field = bits.max_field = 4096;
	whole.filter = bits.filter = preset_filter(p);
	bits.read_size = 1 + (data[0] >> 3);
	df.n = preset_date_formats(p, &fmts);
	df.fmt = (char **)fmts;
	read_all(csv, csvlen, &whole, df.n > 0 ? &df : NULL, &a);
	read_all(csv, csvlen, &bits, NULL, &b);
	FUZZ_CHECK(a.len == b.len && memcmp(a.s, b.s, a.len) == 0);
out:
	sb_free(&notes);
	sb_free(&a);
	sb_free(&b);
	presets_free(&set);
	return 0;
}
