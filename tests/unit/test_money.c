/* See LICENSE file for copyright and license details. */
/* Unit tests of lib/money.c: exact micro-units from decimal text. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../lib/money.h"
#include "../../lib/num.h"
#include "check.h"

static void
parses(const char *text, long long want)
{
	char name[128];
	money m = -42;
	const char *err = money_parse(text, strlen(text), &m);

	snprintf(name, sizeof name, "money_parse '%s'", text);
	if (err != NULL) {
		check_str(name, err, "(success)");
		return;
	}
	check_int(name, m, want);
}

static void
fails(const char *text, const char *want)
{
	char name[128];
	money m = -42;

	snprintf(name, sizeof name, "money_parse rejects '%s'", text);
	check_str(name, money_parse(text, strlen(text), &m), want);
	snprintf(name, sizeof name, "money_parse '%s' leaves *out", text);
	check_int(name, m, -42);
}

static void
formats(money x, int prec, const char *want)
{
	char name[128], buf[MONEY_BUFSIZE];

	snprintf(name, sizeof name, "money_format %lld at %d", (long long)x,
	    prec);
	check_str(name, money_format(buf, x, prec), want);
}

/* A small deterministic generator for the comparison with num_parse. */
static uint64_t
next(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int
main(void)
{
	uint64_t seed = 1;
	int mismatches = 0;
	money sum;

	parses("0", 0);
	parses("-0", 0);
	parses("0.1", 100000);
	parses("1200", 1200000000);
	parses("  -0.5\t", -500000);
	parses("+7", 7000000);
	parses("5.", 5000000);
	parses(".5", 500000);
	parses("00012.50", 12500000);
	parses("1.5e6", 1500000000000);
	parses("15E-1", 1500000);
	parses("1e-6", 1);
	parses("123456.789012", 123456789012);
	parses("1e12", 1000000000000000000);
	parses("9223372036854.775807", INT64_MAX);
	parses("-9223372036854.775807", -INT64_MAX);
	parses("1e-400", 0);
	parses("0e999999", 0);

	/* Beyond the sixth decimal: rounded half to even. */
	parses("0.0000004", 0);
	parses("0.0000005", 0);
	parses("0.0000015", 2);
	parses("0.0000025", 2);
	parses("0.00000250001", 3);
	parses("0.0000035", 4);
	parses("-0.0000035", -4);
	parses("5e-7", 0);
	parses("6e-7", 1);
	parses("15e-7", 2);
	parses("123456.789012345", 123456789012);
	parses("0.9999995", 1000000);
	parses("33.333333333333336", 33333333);

	fails("", "not a number");
	fails("  ", "not a number");
	fails("$12", "not a number");
	fails("1,200", "not a number");
	fails("12abc", "not a number");
	fails("nan", "not a number");
	fails("123e999999", "out of range");
	fails("1e13", "out of range");
	fails("9223372036854.775808", "out of range");
	fails("9223372036854.7758075", "out of range");
	fails("-9223372036854.775808", "out of range");

	/*
	 * Against num_parse() on random amounts with up to 6 decimals below
	 * 1e9, where the double times 1e6, rounded, is exactly the micros.
	 */
	for (int i = 0; i < 200000; i++) {
		static const uint64_t pow10[] = { 1, 10, 100, 1000, 10000,
		    100000, 1000000 };
		int decimals = (int)(next(&seed) % 7);
		uint64_t units = next(&seed) % 1000000000;
		uint64_t frac = next(&seed) % pow10[decimals];
		uint64_t want = units * 1000000 + frac * pow10[6 - decimals];
		char text[64];
		double x;
		money m;

		if (decimals > 0)
			snprintf(text, sizeof text, "%llu.%0*llu",
			    (unsigned long long)units, decimals,
			    (unsigned long long)frac);
		else
			snprintf(text, sizeof text, "%llu",
			    (unsigned long long)units);
		if (money_parse(text, strlen(text), &m) != NULL ||
		    num_parse(text, strlen(text), &x) != NULL ||
		    (uint64_t)m != want || m != llround(x * 1e6))
			if (mismatches++ == 0)
				printf("  first mismatch: '%s'\n", text);
	}
	check_int("money_parse agrees with num_parse on 200000 amounts",
	    mismatches, 0);

	sum = INT64_MAX - 1;
	check_int("money_add within range", money_add(&sum, 1), 0);
	check_int("money_add reaches INT64_MAX", sum, INT64_MAX);
	check_int("money_add past the range fails", money_add(&sum, 1), -1);
	check_int("money_add leaves the sum on failure", sum, INT64_MAX);
	sum = -INT64_MAX;
	check_int("money_add below the range fails", money_add(&sum, -2), -1);

	/*
	 * The plain form ([-]digits[.digits], up to 12 and 6 digits) has a
	 * fast path: it must give what the general path gives for the same
	 * number written so that the fast path does not take it (with an
	 * exponent, or a blank before it), and what the digits say: the
	 * integer micros written out as digits, point 6 from the right.
	 */
	{
		static const char *const plain[] = { "0", "-0", "7", "34.02",
			"-34.02", "0.5", "000012.340000", "999999999999.999999",
			"-999999999999.999999", "1.000001", "123456.7", "5.05",
			NULL };
		uint64_t st = 12345;
		int bad = 0;

		for (int i = 0; plain[i] != NULL; i++) {
			char other[64], name[160];
			money a = 1, b = 2;

			snprintf(other, sizeof other, "%se0", plain[i]);
			snprintf(name, sizeof name, "money_parse fast %s = %s",
			    plain[i], other);
			check_int(name, money_parse(plain[i], strlen(plain[i]),
			    &a) == NULL && money_parse(other, strlen(other),
			    &b) == NULL && a == b, 1);
		}
		/* 100000 random amounts, 1-12 digits, 0-6 decimals. */
		for (int i = 0; i < 100000; i++) {
			char s[64], e[72];
			uint64_t r;
			long long whole, frac;
			int nfrac;
			money a = 1, b = 2, want;

			st += 0x9e3779b97f4a7c15ULL;
			r = st ^ (st >> 29);
			r *= 0xbf58476d1ce4e5b9ULL;
			r ^= r >> 32;
			whole = (long long)(r % 1000000000000ULL);
			nfrac = (int)(r >> 40) % 7;
			frac = (long long)((r >> 20) % 1000000ULL);
			for (int k = nfrac; k < 6; k++)
				frac /= 10;
			if (nfrac == 0)
				snprintf(s, sizeof s, "%s%lld", r & 1 ? "-" : "",
				    whole);
			else
				snprintf(s, sizeof s, "%s%lld.%0*lld", r & 1 ? "-" :
				    "", whole, nfrac, frac);
			snprintf(e, sizeof e, " %s", s);
			want = whole * 1000000;
			for (int k = nfrac; k < 6; k++)
				frac *= 10;
			want += frac;
			if (r & 1)
				want = -want;
			if (money_parse(s, strlen(s), &a) != NULL ||
			    money_parse(e, strlen(e), &b) != NULL || a != b ||
			    a != want) {
				if (bad++ == 0)
					printf("# '%s': %lld, '%s': %lld, want %lld\n",
					    s, (long long)a, e, (long long)b,
					    (long long)want);
			}
		}
		check_int("money_parse fast and general paths agree on 100000 "
		    "amounts", bad, 0);
	}

	formats(0, 6, "0");
	formats(1, 6, "0.000001");
	formats(123456789, 6, "123.456789");
	formats(123456789, 15, "123.456789");
	formats(120000000, 6, "120");
	formats(-120500000, 6, "-120.5");
	formats(1049350000, 1, "1049.4");      /* a tie: to even */
	formats(1049250000, 1, "1049.2");
	formats(1049250001, 1, "1049.3");
	formats(2500000, 0, "2");
	formats(3500000, 0, "4");
	formats(-500000, 0, "0");              /* never "-0" */
	formats(-500001, 0, "-1");
	formats(999999, 2, "1");
	formats(994999, 2, "0.99");
	formats(INT64_MAX, 6, "9223372036854.775807");
	formats(INT64_MIN, 6, "-9223372036854.775808");
	formats(INT64_MAX, 0, "9223372036855");
	return finish();
}
