/* See LICENSE file for copyright and license details. */
/* Unit tests of lib/num.c: the strict parser and the one printer. */
#include <locale.h>
#include <stdlib.h>

#include "../../lib/num.h"
#include "check.h"

static void
parses(const char *text, double want)
{
	char name[128];
	double x = -12345;
	const char *err = num_parse(text, strlen(text), &x);

	snprintf(name, sizeof name, "num_parse '%s'", text);
	if (err != NULL)
		check_str(name, err, NULL);
	else
		/* Exactly the double strtod gives: the nearest one. */
		check_result(x == want, name, "not the nearest double");
}

static void
rejects(const char *text, const char *want)
{
	char name[128];
	double x = 7;

	snprintf(name, sizeof name, "num_parse rejects '%s'", text);
	check_str(name, num_parse(text, strlen(text), &x), want);
}

static void
formats(double x, int prec, const char *want)
{
	char name[128], buf[NUM_BUFSIZE];

	snprintf(name, sizeof name, "num_format %.17g at %d", x, prec);
	check_str(name, num_format(buf, x, prec), want);
}

int
main(void)
{
	parses("12", 12);
	parses("-0.5", -0.5);
	parses("+3", 3);
	parses(".5", 0.5);
	parses("5.", 5);
	parses("  42.25\t", 42.25);
	parses("0.1", 0.1);
	parses("1234567.89", 1234567.89);
	parses("1.5e6", 1.5e6);
	parses("2E-3", 2e-3);
	parses("000123.4500", 123.45);
	/* Beyond the fast path: 20 significant digits, big exponents. */
	parses("12345678901234567890", 12345678901234567890.0);
	parses("0.30000000000000004441", 0.30000000000000004441);
	parses("1e300", 1e300);
	parses("4.9e-324", 4.9e-324);
	parses("9007199254740993", 9007199254740993.0);

	rejects("", "not a number");
	rejects("   ", "not a number");
	rejects("$1,200", "not a number");
	rejects("1,200", "not a number");
	rejects("12abc", "not a number");
	rejects("0x10", "not a number");
	rejects("inf", "not a number");
	rejects("-Infinity", "not a number");
	rejects("nan", "not a number");
	rejects("1e", "not a number");
	rejects("1.2.3", "not a number");
	rejects("--1", "not a number");
	rejects("1 000", "not a number");
	rejects(".", "not a number");
	rejects("1e400", "out of range");
	rejects("-1e999", "out of range");

	formats(0.5, 6, "0.5");
	formats(1.0 / 3, 6, "0.333333");
	formats(2.0 / 3, 6, "0.666667");
	formats(3, 6, "3");
	formats(1234567.125, 2, "1234567.12");   /* an exact tie: to even, as printf */
	formats(0.125, 2, "0.12");
	formats(-0.0, 6, "0");
	formats(-0.0000001, 6, "0");
	formats(-0.4, 0, "0");
	formats(-2.5, 0, "-2");
	formats(-1.5, 6, "-1.5");
	formats(1e20, 6, "100000000000000000000");
	formats(NAN, 6, "");
	formats(INFINITY, 6, "");
	formats(-INFINITY, 6, "");
	formats(0.1 + 0.2, 15, "0.3");
	formats(0.1 + 0.2, 17, "0.3");       /* precision capped at 15 */

	{
		long long v = 0;

		check_str("num_parse_int 90", num_parse_int("90", 0, 100, &v), NULL);
		check_int("num_parse_int 90 value", v, 90);
		check_str("num_parse_int range", num_parse_int("101", 0, 100, &v),
		    "out of range");
		check_str("num_parse_int junk", num_parse_int("9x", 0, 100, &v),
		    "not a whole number");
		check_str("num_parse_int overflow", num_parse_int(
		    "99999999999999999999", 0, 100, &v), "out of range");
		check_str("num_parse_int +7", num_parse_int("+7", 0, 100, &v), NULL);
		check_int("num_parse_int +7 value", v, 7);
		check_str("num_parse_int -3", num_parse_int("-3", -5, 5, &v), NULL);
		check_int("num_parse_int -3 value", v, -3);
		check_str("num_parse_int below the range", num_parse_int("-6", -5, 5, &v),
		    "out of range");
		check_str("num_parse_int empty", num_parse_int("", 0, 100, &v),
		    "not a whole number");
		check_str("num_parse_int sign alone", num_parse_int("-", 0, 100, &v),
		    "not a whole number");
		check_str("num_parse_int trailing space", num_parse_int("5 ", 0, 100, &v),
		    "not a whole number");
		check_str("num_parse_int decimal", num_parse_int("5.0", 0, 100, &v),
		    "not a whole number");
	}
	/* A negative precision is 0 (and 2.5 rounds to even, as printf's). */
	formats(2.5, -1, "2");
	formats(3.5, -1, "4");
	/* Exponents: signs, capital E, and one with no digits. */
	parses("1E+3", 1000);
	parses("-2.5e-3", -0.0025);
	parses("+.5e1", 5);
	rejects("1e", "not a number");
	rejects("1e+", "not a number");
	rejects("e5", "not a number");
	rejects("1e5x", "not a number");
	rejects(".", "not a number");
	rejects("+", "not a number");

	/*
	 * Under a decimal-comma locale the text must not change. tests/run.sh
	 * builds de_DE.UTF-8 with localedef and points LOCPATH at it.
	 */
	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
		check_result(0, "setlocale de_DE.UTF-8", "locale not available "
		    "(tests/run.sh makes it with localedef; is 'locales' installed?)");
	} else {
		char buf[NUM_BUFSIZE];
		double x = 0;

		snprintf(buf, sizeof buf, "%.1f", 0.5);
		check_str("de_DE really writes a decimal comma", buf, "0,5");
		formats(1234.5, 2, "1234.5");
		formats(-0.25, 6, "-0.25");
		check_str("num_parse '2.75' under de_DE",
		    num_parse("2.75", 4, &x), NULL);
		check_near("num_parse '2.75' value under de_DE", x, 2.75, 0);
		check_str("num_parse '1e400' under de_DE (slow path)",
		    num_parse("1e400", 5, &x), "out of range");
		check_str("num_parse 20 digits under de_DE (slow path)",
		    num_parse("1234567890.1234567891", 21, &x), NULL);
		check_near("its value", x, 1234567890.1234567891, 0);
		check_str("num_parse '2,75' under de_DE", num_parse("2,75", 4, &x),
		    "not a number");
		setlocale(LC_ALL, "C");
	}
	return finish();
}
