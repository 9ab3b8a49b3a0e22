/* See LICENSE file for copyright and license details. */
/*
** lib/num.c's exact fixed-point printer against glibc's snprintf("%.*f"):
** byte for byte, at every precision 0..19, on millions of doubles from a
** fixed seed (random bit patterns, money, rates, exact ties and their
** neighbours, integers, powers of two, values near 2^53 and 2^64,
** subnormals, negatives); and num_format() against its old definition,
** snprintf's text with trailing zeros and "-0" dropped.
**
** NUMFIXED_N=values (default 500000; 20 comparisons each) scales the run.
*/
#include <fenv.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../lib/num.h"
#include "check.h"

#define MAXPREC 19

static uint64_t rng_state = UINT64_C(0x6b707a6b6974);   /* fixed seed */

/* splitmix64: a fixed, well-mixed stream of 64-bit words. */
static uint64_t
next64(void)
{
	uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static double
from_bits(uint64_t b)
{
	double x;

	memcpy(&x, &b, sizeof x);
	return x;
}

/* num_format() as it was: snprintf's digits, trimmed, "-0" as "0". */
static void
old_format(char *buf, double x, int prec)
{
	size_t o;

	if (!isfinite(x)) {
		buf[0] = '\0';
		return;
	}
	prec = prec < 0 ? 0 : prec > 15 ? 15 : prec;
	o = (size_t)snprintf(buf, NUM_BUFSIZE, "%.*f", prec, x);
	if (strchr(buf, '.') != NULL) {
		while (buf[o - 1] == '0')
			buf[--o] = '\0';
		if (buf[o - 1] == '.')
			buf[--o] = '\0';
	}
	if (strspn(buf, "-0") == o)
		strcpy(buf, "0");
}

struct tally {
	const char *name;
	long compared, failed;
};

static void
compare(struct tally *t, double x)
{
	char want[NUM_BUFSIZE], got[NUM_BUFSIZE];

	for (int p = 0; p <= MAXPREC; p++) {
		int n = snprintf(want, sizeof want, "%.*f", p, x);
		size_t len = num_fixed(got, x, p);

		t->compared++;
		if ((size_t)n != len || strcmp(got, want) != 0) {
			if (t->failed++ < 10)
				printf("# %s: %a at %d: num_fixed '%s', "
				    "snprintf '%s'\n", t->name, x, p, got, want);
		}
		if (p > 17)
			continue;
		old_format(want, x, p);
		len = num_format_len(got, x, p);
		t->compared++;
		if ((strcmp(got, want) != 0 || len != strlen(want)) &&
		    t->failed++ < 10)
			printf("# %s: %a at %d: num_format '%s', old '%s'\n",
			    t->name, x, p, got, want);
	}
}

/* X and -X, and the doubles either side of each. */
static void
compare_around(struct tally *t, double x)
{
	compare(t, x);
	compare(t, -x);
	compare(t, nextafter(x, INFINITY));
	compare(t, nextafter(x, -INFINITY));
}

static void
report(struct tally *t)
{
	char name[160], detail[160];

	snprintf(name, sizeof name, "num_fixed and num_format: %s "
	    "(%ld comparisons)", t->name, t->compared);
	snprintf(detail, sizeof detail, "%ld differ", t->failed);
	check_result(t->failed == 0 && t->compared > 0, name, detail);
}

int
main(void)
{
	const char *env = getenv("NUMFIXED_N");
	long n = env != NULL ? atol(env) : 500000, i;
	struct tally t;
	char big[NUM_BUFSIZE];

	setlocale(LC_ALL, "C");

	/* Any bit pattern: NaNs, infinities, 1e300 and 1e-300 included. */
	t = (struct tally){"random bit patterns", 0, 0};
	for (i = 0; i < n / 10; i++)
		compare(&t, from_bits(next64()));
	report(&t);

	/* Bit patterns with magnitudes 2^-70..2^70, where the path is. */
	t = (struct tally){"random mantissas, magnitudes 2^-70..2^70", 0, 0};
	for (i = 0; i < n / 5; i++) {
		uint64_t b = next64(), e = 1023 - 70 + (b >> 53) % 141;

		compare(&t, from_bits((b & UINT64_C(0x800fffffffffffff)) |
		    e << 52));
	}
	report(&t);

	/* Money: whole cents to millionths up to a billion, either sign. */
	t = (struct tally){"money amounts", 0, 0};
	for (i = 0; i < n / 5; i++) {
		uint64_t b = next64();
		int d = (int)(b % 7);
		double v = (double)((b >> 8) % UINT64_C(1000000000000000)) /
		    (double)(d == 0 ? 1 : d == 1 ? 10 : d == 2 ? 100 :
		    d == 3 ? 1000 : d == 4 ? 10000 : d == 5 ? 100000 : 1000000);

		compare(&t, (b & 128) ? -v : v);
	}
	report(&t);

	/* Rates: uniform in [0, 1), and ratios of small counts. */
	t = (struct tally){"rates and ratios", 0, 0};
	for (i = 0; i < n / 5; i++) {
		uint64_t b = next64();

		if (b & 1)
			compare(&t, (double)(b >> 11) / 9007199254740992.0);
		else
			compare(&t, (double)(b >> 40 & 0xfff) /
			    (double)((b >> 20 & 0xfff) + 1));
	}
	report(&t);

	/*
	 * Exact ties: a + j / 2^(p+1), j odd, has p+1 decimals ending in 5,
	 * so it lies exactly halfway at precision p; its neighbours do not.
	 */
	t = (struct tally){"exact halfway cases and their neighbours", 0, 0};
	for (i = 0; i < n / 20; i++) {
		uint64_t b = next64();
		int p = (int)(b % 20), room = 52 - (p + 1);
		uint64_t j = (next64() & ((UINT64_C(1) << (p + 1)) - 1)) | 1;
		uint64_t a = room > 0 ? (b >> 8) % (UINT64_C(1) << room) : 0;
		double x = ldexp((double)j, -(p + 1));

		if ((b >> 5) & 1)
			x += (double)(a % 1000);   /* small whole parts too */
		else
			x += (double)a;
		compare_around(&t, x);
	}
	for (int k = -60; k <= 60; k++)
		for (int m = 1; m <= 99; m += 2) {
			compare_around(&t, m * 1e-7 * ldexp(1, k));
			compare_around(&t, ldexp(m, k));
		}
	compare_around(&t, 0.5);
	compare_around(&t, 0.125);
	compare_around(&t, 2.5);
	compare_around(&t, 1234567.125);
	report(&t);

	/* Integers, powers of two, and the edges of 2^53 and 2^64. */
	t = (struct tally){"integers, powers of two, 2^53, 2^64", 0, 0};
	for (i = 0; i < n / 20; i++)
		compare_around(&t, (double)(next64() >> (next64() % 64)));
	for (int k = -1074; k <= 1023; k++)
		compare_around(&t, ldexp(1, k));
	for (int d = -3000; d <= 3000; d++) {
		compare_around(&t, ldexp(1, 53) + d);
		compare_around(&t, ldexp(1, 64) + d * 4096.0);
		compare_around(&t, ldexp(1, 63) + d * 2048.0);
	}
	compare_around(&t, 0.0);
	compare_around(&t, 18446744073709549568.0);  /* the last below 2^64 */
	compare_around(&t, 1e20);
	compare_around(&t, 1.7976931348623157e308);
	compare(&t, INFINITY);
	compare(&t, -INFINITY);
	compare(&t, NAN);
	compare(&t, -NAN);
	report(&t);

	/* Subnormals, and tiny negatives ("-0.000" from printf). */
	t = (struct tally){"subnormals and tiny values", 0, 0};
	for (i = 0; i < n / 20; i++) {
		uint64_t b = next64();

		compare(&t, from_bits(b & UINT64_C(0x800fffffffffffff)));
		compare(&t, -ldexp((double)(b >> 11), -(int)(b % 128) - 53));
	}
	compare_around(&t, 4.9e-324);
	compare_around(&t, 2.2250738585072014e-308);
	compare_around(&t, -1e-9);
	report(&t);

	/* Another rounding mode goes to printf, which honours it. */
	t = (struct tally){"other rounding modes", 0, 0};
	{
		static const int modes[] = { FE_UPWARD, FE_DOWNWARD,
		    FE_TOWARDZERO };

		for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
			if (fesetround(modes[m]) != 0)
				continue;
			for (i = 0; i < 10000; i++) {
				uint64_t b = next64();

				compare(&t, (double)(b >> 11) / 9007199254740992.0);
				compare(&t, -(double)(b >> 30) / 1024.0);
			}
			compare_around(&t, 0.125);
			compare_around(&t, 2.5);
			fesetround(FE_TONEAREST);
		}
	}
	report(&t);

	/* Under a decimal-comma locale num_fixed still writes '.'. */
	snprintf(big, sizeof big, "%.0f", 1e300);
	if (setlocale(LC_ALL, "de_DE.UTF-8") != NULL) {
		char buf[NUM_BUFSIZE];

		num_fixed(buf, -2.5, 3);
		check_str("num_fixed -2.5 at 3 under de_DE", buf, "-2.500");
		num_fixed(buf, 0.5, 25);          /* snprintf's path */
		check_str("num_fixed 0.5 at 25 under de_DE", buf,
		    "0.5000000000000000000000000");
		num_format(buf, 1e300, 2);        /* snprintf's path */
		check_str("num_format 1e300 under de_DE", buf, big);
		setlocale(LC_ALL, "C");
	}
	return finish();
}
