/* See LICENSE file for copyright and license details. */
/*
** The number parser and printer. Checks: an accepted text is a finite
** double equal to what strtod gives for it (the nearest one); a printed
** number never reads "nan", "inf" or "-0", and reads back within half a
** unit of its last decimal.
*/
#include <math.h>
#include <string.h>

#include "../../lib/num.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[512], buf[NUM_BUFSIZE];
	double x, y;
	size_t n = size < sizeof text - 1 ? size : sizeof text - 1;

	memcpy(text, data, n);
	text[n] = '\0';
	if (num_parse(text, n, &x) == NULL) {
		char *end;
		const char *s = text;

		FUZZ_CHECK(isfinite(x));
		FUZZ_CHECK(memchr(text, 0, n) == NULL);
		while (*s == ' ' || *s == '\t')
			s++;
		y = strtod(s, &end);
		FUZZ_CHECK(x == y || (x == 0 && y == 0));
	} else {
		/* Not a number: then take the bytes as a double to print. */
		if (size < sizeof x)
			return 0;
		memcpy(&x, data, sizeof x);
	}
	for (int prec = 0; prec <= 15; prec += 3) {
		num_format(buf, x, prec);
		if (!isfinite(x)) {
			FUZZ_CHECK(buf[0] == '\0');
			continue;
		}
		FUZZ_CHECK(strstr(buf, "nan") == NULL && strstr(buf, "inf") == NULL);
		FUZZ_CHECK(strcmp(buf, "-0") != 0);
		FUZZ_CHECK(num_parse(buf, strlen(buf), &y) == NULL);
		FUZZ_CHECK(fabs(y - x) <= 0.5 * pow(10, -prec) * (1 + 1e-9) +
		    fabs(x) * 1e-15);
	}
	return 0;
}
