/* See LICENSE file for copyright and license details. */
/*
** --date-format: the formats themselves come from the input, as a user's
** or a preset file's would. The first line holds up to four strptime(3)
** formats separated by TABs; the rest (up to 127 bytes) is the date text.
** Only formats date_format_check() takes are used, as opts.c and
** lib/preset.c use only those. Checks, for a text date_parse() accepts:
**
**  - its year (UTC) lies in 1900-2200: a format never lets a two-digit
**    year through as the year 26 (date.h);
**  - it prints back (ISO, UTC) to the same instant;
**  - it is what the first of the built-in forms and then each format
**    alone reads: formats are tried in order, and the first that reads
**    the text decides.
*/
#include <string.h>

#include "../../lib/date.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char line[512], text[128], iso[32];
	char *fmt[4];
	struct date_formats df = { fmt, 0 };
	const uint8_t *nl = memchr(data, '\n', size);
	size_t flen, n;
	kpi_time t, back, one;
	char *p;

	if (nl == NULL || memchr(data, '\0', size) != NULL)
		return 0;
	flen = (size_t)(nl - data);
	if (flen >= sizeof line)
		return 0;
	memcpy(line, data, flen);
	line[flen] = '\0';
	n = size - flen - 1;
	if (n >= sizeof text)
		n = sizeof text - 1;
	memcpy(text, nl + 1, n);
	text[n] = '\0';
	for (p = line; p != NULL && df.n < 4; ) {
		char *tab = strchr(p, '\t');

		if (tab != NULL)
			*tab++ = '\0';
		if (date_format_check(p) == NULL)
			fmt[df.n++] = p;
		p = tab;
	}
	if (date_parse(text, n, df.n > 0 ? &df : NULL, &t) != NULL)
		return 0;
	FUZZ_CHECK(t >= days_from_civil(1900, 1, 1) * MS_PER_DAY);
	FUZZ_CHECK(t < days_from_civil(2201, 1, 1) * MS_PER_DAY);
	date_format_iso(iso, t);
	FUZZ_CHECK(date_parse(iso, strlen(iso), NULL, &back) == NULL);
	FUZZ_CHECK(back == t);

	/* The first reading, alone, is this one. */
	if (date_parse(text, n, NULL, &one) == NULL) {
		FUZZ_CHECK(one == t);
		return 0;
	}
	for (size_t i = 0; i < df.n; i++) {
		struct date_formats single = { &fmt[i], 1 };

		if (date_parse(text, n, &single, &one) == NULL) {
			FUZZ_CHECK(one == t);
			return 0;
		}
	}
	fuzz_fail("a text the formats read is read by one of them");
	return 0;
}
