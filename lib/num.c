/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "util.h"

/* Powers of ten that a double holds exactly. */
static const double exact_pow10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The slow path: the exact text through strtod in the C locale. */
static const char *
parse_slow(const char *s, size_t len, double *out)
{
	char stackbuf[128], *buf = stackbuf, *end;
	locale_t c_locale;
	double x;
	int saved;

	if (len >= sizeof stackbuf)
		buf = xmalloc(len + 1);
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* An allocation failure is never a verdict on the number. */
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (c_locale == (locale_t)0)
		die(EX_OSERR, "out of memory");
	saved = errno;
	errno = 0;
	x = strtod_l(buf, &end, c_locale);
	freelocale(c_locale);
	if (buf != stackbuf)
		free(buf);
	if (!isfinite(x) || (errno == ERANGE && fabs(x) > 1.0)) {
		errno = saved;
		return "out of range";
	}
	errno = saved;
	*out = x;
	return NULL;
}

const char *
num_parse(const char *s, size_t len, double *out)
{
	const char *p, *end, *start;
	uint64_t mant = 0;
	int digits = 0, scale = 0, negative = 0, any = 0;
	long exp10 = 0;
	double x;

	while (len > 0 && is_blank(s[len - 1]))
		len--;
	while (len > 0 && is_blank(*s)) {
		s++;
		len--;
	}
	p = s;
	end = s + len;
	if (p < end && (*p == '+' || *p == '-'))
		negative = *p++ == '-';
	start = p;
	for (; p < end && is_digit(*p); p++, any = 1) {
		if (mant == 0 && *p == '0')
			continue;
		if (digits < 19)
			mant = mant * 10 + (uint64_t)(*p - '0');
		else
			scale++;
		digits++;
	}
	if (p < end && *p == '.') {
		for (p++; p < end && is_digit(*p); p++, any = 1) {
			if (mant == 0 && *p == '0') {
				scale--;
				continue;
			}
			if (digits < 19) {
				mant = mant * 10 + (uint64_t)(*p - '0');
				scale--;
			}
			digits++;
		}
	}
	if (!any)
		return "not a number";
	if (p < end && (*p == 'e' || *p == 'E')) {
		int eneg = 0, edigits = 0;

		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		for (; p < end && is_digit(*p); p++, edigits++)
			if (exp10 < 100000)
				exp10 = exp10 * 10 + (*p - '0');
		if (edigits == 0)
			return "not a number";
		if (eneg)
			exp10 = -exp10;
	}
	if (p != end)
		return "not a number";

	exp10 += scale;
	if (mant == 0) {
		x = 0.0;
	} else if (digits <= 19 && mant <= (UINT64_C(1) << 53) &&
	    exp10 >= -22 && exp10 <= 22) {
		x = (double)mant;
		x = exp10 < 0 ? x / exact_pow10[-exp10] : x * exact_pow10[exp10];
	} else {
		const char *err = parse_slow(start, (size_t)(end - start), &x);

		if (err != NULL)
			return err;
	}
	*out = negative ? -x : x;
	return NULL;
}

char *
num_format(char *buf, double x, int prec)
{
	char tmp[NUM_BUFSIZE];
	size_t i, o = 0;
	int n, seen_point = 0;

	if (!isfinite(x)) {
		buf[0] = '\0';
		return buf;
	}
	if (prec < 0)
		prec = 0;
	if (prec > 15)
		prec = 15;
	n = snprintf(tmp, sizeof tmp, "%.*f", prec, x);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		buf[0] = '\0';
		return buf;
	}
	/*
	 * %f writes only a sign, digits and the locale's decimal point (which
	 * may be ',' or several bytes): keep the digits, write '.' for it.
	 */
	for (i = 0; tmp[i] != '\0'; i++) {
		char c = tmp[i];

		if (is_digit(c) || (c == '-' && o == 0)) {
			buf[o++] = c;
		} else if (!seen_point) {
			buf[o++] = '.';
			seen_point = 1;
		}
	}
	buf[o] = '\0';
	if (seen_point) {
		while (o > 0 && buf[o - 1] == '0')
			buf[--o] = '\0';
		if (o > 0 && buf[o - 1] == '.')
			buf[--o] = '\0';
	}
	/* A value that rounds to zero prints as "0", never "-0". */
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] != '-' && buf[i] != '0')
			return buf;
	strcpy(buf, "0");
	return buf;
}

const char *
num_parse_int(const char *s, long long min, long long max, long long *out)
{
	const char *p = s;
	long long v = 0;
	int negative = 0;

	if (*p == '+' || *p == '-')
		negative = *p++ == '-';
	if (!is_digit(*p))
		return "not a whole number";
	for (; is_digit(*p); p++) {
		int d = *p - '0';

		if (v > (INT64_MAX - d) / 10)
			return "out of range";
		v = v * 10 + d;
	}
	if (*p != '\0')
		return "not a whole number";
	if (negative)
		v = -v;
	if (v < min || v > max)
		return "out of range";
	*out = v;
	return NULL;
}
