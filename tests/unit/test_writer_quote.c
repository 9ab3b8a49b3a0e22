/* See LICENSE file for copyright and license details. */
/*
** lib/writer.c's quoting decision (a word-at-a-time pre-test, then the
** exact one) against the rule written out plainly: a CSV field is quoted
** when it holds the separator, '"', LF or CR. Random fields (fixed seed)
** of every length to 40 over bytes chosen to sit around the thresholds,
** with separators ',', ';', '|' and a byte of 0x80 and up.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../lib/writer.h"
#include "check.h"

static uint64_t rng_state = 7;      /* fixed seed */

static uint32_t
next32(void)
{
	rng_state = rng_state * UINT64_C(6364136223846793005) +
	    UINT64_C(1442695040888963407);
	return (uint32_t)(rng_state >> 33);
}

/* The field as it must come out: quoted (quotes doubled) or as is. */
static void
expect(char *out, const char *s, size_t len, char ofs)
{
	int quote = 0;
	size_t o = 0;

	for (size_t i = 0; i < len; i++)
		quote |= s[i] == ofs || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r';
	if (quote)
		out[o++] = '"';
	for (size_t i = 0; i < len; i++) {
		if (quote && s[i] == '"')
			out[o++] = '"';
		out[o++] = s[i];
	}
	if (quote)
		out[o++] = '"';
	out[o] = '\0';
}

int
main(void)
{
	static const char bytes[] = "a ,;|\"\n\r\t!#+-.\x7f\x80\xa9\xff\x01";
	static const char seps[] = { ',', ';', '|', (char)0xa6 };
	long bad = 0, n = 0;

	for (size_t k = 0; k < sizeof seps; k++) {
		char *buf = NULL;
		size_t size = 0;
		FILE *fp = open_memstream(&buf, &size);
		struct writer w;

		wr_init(&w, fp, 6);
		wr_set_ofs(&w, seps[k]);
		wr_str(&w, "x");     /* past the start: no byte-order-mark rule */
		for (int i = 0; i < 200000; i++) {
			char field[48], want[128];
			size_t len = next32() % 41;
			long at;

			for (size_t j = 0; j < len; j++)
				field[j] = bytes[next32() % (sizeof bytes - 1)];
			/* Mostly plain fields, as real data has. */
			if (next32() % 2)
				for (size_t j = 0; j < len; j++)
					if (next32() % 8 != 0)
						field[j] = 'a';
			expect(want, field, len, seps[k]);
			fflush(fp);
			at = (long)size;
			wr_field(&w, field, len);
			fflush(fp);
			n++;
			/* What it wrote: the separator, then the field. */
			if (size - (size_t)at != 1 + strlen(want) ||
			    memcmp(buf + at + 1, want, strlen(want)) != 0)
				bad++;
		}
		fclose(fp);
		free(buf);
	}
	{
		char name[96];

		snprintf(name, sizeof name, "wr_field quotes as the rule says "
		    "(%ld random fields)", n);
		check_int(name, bad, 0);
	}
	return finish();
}
