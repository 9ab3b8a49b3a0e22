/* See LICENSE file for copyright and license details. */
/*
** The date parser and periods. Checks: an accepted date lies in years
** 0001-9999, prints back (ISO, UTC) to the same instant, and lies within
** the bounds of each of its period labels, whatever the fiscal year start.
** A format date_suggest() names for the text reads it.
*/
#include <string.h>

#include "../../lib/date.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *formats[] = { "%m/%d/%Y", "%d.%m.%Y %H:%M", "%Y%m%d%z" };
	struct date_formats df = { formats, 3 };
	char text[128], iso[32];
	kpi_time t, back, start, end;
	size_t n;

	if (size < 1)
		return 0;
	n = size - 1 < sizeof text - 1 ? size - 1 : sizeof text - 1;
	memcpy(text, data + 1, n);
	text[n] = '\0';
	if (memchr(text, 0, n) != NULL)
		return 0;
	{
		const char *alt, *fmt = date_suggest(text, n, &alt);
		char *one[1];
		struct date_formats sf = { one, 1 };

		if (fmt != NULL) {
			one[0] = (char *)fmt;
			FUZZ_CHECK(date_parse(text, n, &sf, &t) == NULL);
		}
		if (alt != NULL) {
			FUZZ_CHECK(fmt != NULL);
			one[0] = (char *)alt;
			FUZZ_CHECK(date_parse(text, n, &sf, &t) == NULL);
		}
	}
	if (date_parse(text, n, (data[0] & 1) ? &df : NULL, &t) != NULL)
		return 0;
	FUZZ_CHECK(t >= days_from_civil(1, 1, 1) * MS_PER_DAY - 24 * 3600000LL);
	FUZZ_CHECK(t < days_from_civil(10000, 1, 1) * MS_PER_DAY + 24 * 3600000LL);
	date_format_iso(iso, t);
	if (t >= days_from_civil(1, 1, 1) * MS_PER_DAY &&
	    t < days_from_civil(10000, 1, 1) * MS_PER_DAY) {
		FUZZ_CHECK(date_parse(iso, strlen(iso), NULL, &back) == NULL);
		FUZZ_CHECK(back == t);
	}
	for (int p = PERIOD_DAY; p <= PERIOD_YEAR; p++) {
		int fy = 1 + (data[0] >> 1) % 12;
		char label[PERIOD_BUFSIZE];

		period_label(label, t, p, fy);
		if (t < days_from_civil(1, 12, 1) * MS_PER_DAY ||
		    t >= days_from_civil(9999, 1, 1) * MS_PER_DAY)
			continue;   /* fiscal years beyond 9999 have no label */
		FUZZ_CHECK(period_bounds(label, p, fy, &start, &end) == 0);
		FUZZ_CHECK(start <= t && t < end);
	}
	return 0;
}
