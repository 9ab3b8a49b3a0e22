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

/* 10^0 .. 10^19: the scales of the exact fixed-point path. */
static const uint64_t pow10_u64[] = {
	UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000),
	UINT64_C(10000), UINT64_C(100000), UINT64_C(1000000),
	UINT64_C(10000000), UINT64_C(100000000), UINT64_C(1000000000),
	UINT64_C(10000000000), UINT64_C(100000000000),
	UINT64_C(1000000000000), UINT64_C(10000000000000),
	UINT64_C(100000000000000), UINT64_C(1000000000000000),
	UINT64_C(10000000000000000), UINT64_C(100000000000000000),
	UINT64_C(1000000000000000000), UINT64_C(10000000000000000000),
};
#define FIXED_MAXPREC 19

/*
** Whether the current rounding mode is to nearest: 1 + 0.75 ulp rounds up
** to 1 + 1 ulp only to nearest or upward, 1 + 2^-60 stays 1 only to
** nearest, toward zero or downward. (Two additions: fegetround() costs a
** call into libm and a read of the x87 control word on every number.)
** The volatile operands keep the compiler from folding them, as it would
** assuming the default mode.
*/
static int
rounds_to_nearest(void)
{
	static const volatile double three_quarter_ulp = 0x1.8p-53, tiny = 0x1p-60;

	return 1.0 + three_quarter_ulp == 1.0 + 0x1p-52 && 1.0 + tiny == 1.0;
}

/*
** X rounded to PREC (0..19) decimals, exactly as printf's %f rounds (the
** exact binary value, to nearest, ties to even), as the whole part *IP and
** the PREC decimals *FRAC (an integer below 10^PREC); *NEG is X's sign bit.
**
** Method: a finite double is m * 2^e with m < 2^53 an integer. For e >= 0
** the value is the integer m << e (taken only while it fits 64 bits). For
** e < 0 the decimals are m * 10^PREC / 2^-e: the product is below
** 2^53 * 10^19 < 2^117, so it is exact in 128 bits, and the quotient is
** rounded on the exact remainder. With -e >= 128 the product is below half
** of 2^-e and the value rounds to zero.
**
** Returns 0, leaving the outputs unspecified, for what this path does not
** take: NaN, infinities, integers of 2^64 and more, PREC above 19, and a
** rounding mode other than to-nearest (which printf would honour).
*/
static int
fixed_exact(double x, int prec, int *neg, uint64_t *ip, uint64_t *frac)
{
	unsigned __int128 n, q, r, half;
	uint64_t bits, m;
	int bexp, k;

	if (prec < 0 || prec > FIXED_MAXPREC || !rounds_to_nearest())
		return 0;
	memcpy(&bits, &x, sizeof bits);
	*neg = (int)(bits >> 63);
	bexp = (int)(bits >> 52 & 0x7ff);
	m = bits & ((UINT64_C(1) << 52) - 1);
	if (bexp == 0x7ff)
		return 0;
	if (bexp == 0) {
		k = 1074;                       /* zero and subnormals */
	} else {
		m |= UINT64_C(1) << 52;
		k = 1075 - bexp;
	}
	if (k <= 0) {
		if (k < -11)                    /* m << -k would pass 2^64 */
			return 0;
		*ip = m << -k;
		*frac = 0;
		return 1;
	}
	*ip = k < 64 ? m >> k : 0;
	if (k >= 128) {
		*frac = 0;
		return 1;
	}
	n = (unsigned __int128)m * pow10_u64[prec];
	q = n >> k;
	r = n & (((unsigned __int128)1 << k) - 1);
	half = (unsigned __int128)1 << (k - 1);
	if (r > half || (r == half && (q & 1)))
		q++;
	/* q lies in [ip * 10^prec, (ip + 1) * 10^prec]: the top is a carry. */
	q -= (unsigned __int128)*ip * pow10_u64[prec];
	if (q == pow10_u64[prec]) {
		++*ip;
		q = 0;
	}
	*frac = (uint64_t)q;
	return 1;
}

/* Write V's decimal digits ending just before END; returns where they start. */
static char *
digits_before(char *end, uint64_t v)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	return end;
}

/*
** Write NEG, IP and the WIDTH decimals FRAC (zero-padded on the left) at
** BUF: "-12.0500" for 1, 12, 500, 4. WIDTH 0 writes no point. Returns the
** length.
*/
static size_t
put_fixed(char *buf, int neg, uint64_t ip, uint64_t frac, int width)
{
	char tmp[48], *end = tmp + sizeof tmp, *p = end;
	size_t len;

	if (width > 0) {
		for (int i = 0; i < width; i++) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	p = digits_before(p, ip);
	if (neg)
		*--p = '-';
	len = (size_t)(end - p);
	memcpy(buf, p, len);
	buf[len] = '\0';
	return len;
}

/*
** snprintf's %.*f into BUF with the locale's decimal point (which may be
** ',' or several bytes) written as '.'. Returns the length.
*/
static size_t
fixed_slow(char *buf, double x, int prec)
{
	char tmp[NUM_BUFSIZE];
	size_t o = 0;
	int n, seen_point = 0;

	n = snprintf(tmp, sizeof tmp, "%.*f", prec, x);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		buf[0] = '\0';
		return 0;
	}
	if (!isfinite(x)) {
		memcpy(buf, tmp, (size_t)n + 1);
		return (size_t)n;
	}
	/* %f writes only a sign, digits and the point: keep the digits. */
	for (size_t i = 0; tmp[i] != '\0'; i++) {
		char c = tmp[i];

		if (is_digit(c) || (c == '-' && o == 0)) {
			buf[o++] = c;
		} else if (!seen_point) {
			buf[o++] = '.';
			seen_point = 1;
		}
	}
	buf[o] = '\0';
	return o;
}

size_t
num_fixed(char *buf, double x, int prec)
{
	uint64_t ip, frac;
	int neg;

	if (prec < 0)
		prec = 0;
	if (fixed_exact(x, prec, &neg, &ip, &frac))
		return put_fixed(buf, neg, ip, frac, prec);
	return fixed_slow(buf, x, prec);
}

size_t
num_format_len(char *buf, double x, int prec)
{
	uint64_t ip, frac;
	size_t o;
	int neg;

	if (!isfinite(x)) {
		buf[0] = '\0';
		return 0;
	}
	if (prec < 0)
		prec = 0;
	if (prec > 15)
		prec = 15;
	if (fixed_exact(x, prec, &neg, &ip, &frac)) {
		/* Drop the trailing zeros before writing any digit. */
		while (prec > 0 && frac % 10 == 0) {
			frac /= 10;
			prec--;
		}
		/* A value that rounds to zero prints as "0", never "-0". */
		return put_fixed(buf, neg && (ip != 0 || frac != 0), ip, frac,
		    prec);
	}
	o = fixed_slow(buf, x, prec);
	if (memchr(buf, '.', o) != NULL) {
		while (o > 0 && buf[o - 1] == '0')
			buf[--o] = '\0';
		if (o > 0 && buf[o - 1] == '.')
			buf[--o] = '\0';
	}
	/* A value that rounds to zero prints as "0", never "-0". */
	for (size_t i = 0; buf[i] != '\0'; i++)
		if (buf[i] != '-' && buf[i] != '0')
			return o;
	strcpy(buf, "0");
	return 1;
}

char *
num_format(char *buf, double x, int prec)
{
	num_format_len(buf, x, prec);
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
