/* See LICENSE file for copyright and license details. */
#include <stdint.h>
#include <stdio.h>

#include "money.h"
#include "num.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* *ACC = *ACC * 10 + D; -1 when that passes INT64_MAX. */
static int
push_digit(uint64_t *acc, int d)
{
	if (*acc > ((uint64_t)INT64_MAX - (uint64_t)d) / 10)
		return -1;
	*acc = *acc * 10 + (uint64_t)d;
	return 0;
}

/*
** The common form of an amount, [-]DIGITS[.DIGITS] with at most 12
** digits before the point and 1 to 6 after it, read at once: exact, so
** the same micros the general path below makes of it (which needs no
** rounding for it), and always a number to num_parse(). Returns 0, or -1
** when S has another form (then the general path reads it).
*/
static int
parse_plain(const char *s, size_t len, money *out)
{
	static const int64_t scale[7] = { 1000000, 100000, 10000, 1000, 100,
		10, 1 };
	const char *p = s, *end = s + len;
	int64_t whole = 0, frac = 0;
	int negative = 0, nint = 0, nfrac = 0;

	if (p < end && *p == '-') {
		negative = 1;
		p++;
	}
	for (; p < end && is_digit(*p); p++, nint++)
		whole = whole * 10 + (*p - '0');
	if (nint == 0 || nint > 12)
		return -1;
	if (p < end) {
		if (*p++ != '.')
			return -1;
		for (; p < end && is_digit(*p); p++, nfrac++)
			frac = frac * 10 + (*p - '0');
		if (p < end || nfrac == 0 || nfrac > 6)
			return -1;
	}
	whole = whole * 1000000 + frac * scale[nfrac];
	*out = negative ? -whole : whole;
	return 0;
}

const char *
money_parse(const char *s, size_t len, money *out)
{
	const char *p, *end = s + len, *first, *point = NULL;
	uint64_t acc = 0;
	long nint = 0, nfrac = 0, e = 0, k = 0, w;
	int negative = 0, round_digit = 0, sticky = 0, eneg = 0;
	const char *err;
	double unused;

	if (parse_plain(s, len, out) == 0)
		return NULL;
	/* num_parse() decides what is a number, so that both agree. */
	if ((err = num_parse(s, len, &unused)) != NULL)
		return err;

	/* The shape of the (valid) text: sign, digits, point, exponent. */
	for (p = s; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p < end && (*p == '+' || *p == '-'))
		negative = *p++ == '-';
	first = p;
	for (; p < end && is_digit(*p); p++)
		nint++;
	if (p < end && *p == '.')
		for (point = p++; p < end && is_digit(*p); p++)
			nfrac++;
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		for (; p < end && is_digit(*p); p++)
			if (e < 1000000)
				e = e * 10 + (*p - '0');
		if (eneg)
			e = -e;
	}

	/*
	 * Digit k (0 for the first) is worth 10^w micros, w = nint - 1 - k +
	 * e + 6. Digits with w >= 0 make the integer; the one with w = -1
	 * rounds it, half to even, and any nonzero digit after that one
	 * breaks a tie.
	 */
	for (p = first; k < nint + nfrac; p++) {
		if (p == point)
			continue;
		w = nint - 1 - k + e + 6;
		if (w >= 0) {
			if (push_digit(&acc, *p - '0') < 0)
				return "out of range";
		} else if (w == -1) {
			round_digit = *p - '0';
		} else if (*p != '0') {
			sticky = 1;
		}
		k++;
	}
	/* Scale by the powers of ten the digits stopped short of. */
	for (w = e + 6 - nfrac; w > 0 && acc != 0; w--)
		if (push_digit(&acc, 0) < 0)
			return "out of range";
	if (round_digit > 5 || (round_digit == 5 && (sticky || (acc & 1)))) {
		if (acc == (uint64_t)INT64_MAX)
			return "out of range";
		acc++;
	}
	*out = negative ? -(money)acc : (money)acc;
	return NULL;
}

int
money_add(money *sum, money x)
{
	money r;

	if (__builtin_add_overflow(*sum, x, &r))
		return -1;
	*sum = r;
	return 0;
}

char *
money_format(char *buf, money x, int prec)
{
	static const uint64_t pow10[] = { 1, 10, 100, 1000, 10000, 100000,
	    1000000 };
	/* The magnitude as unsigned, INT64_MIN included. */
	uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x, frac;
	int decimals = prec < 6 ? prec : 6;
	uint64_t unit = pow10[decimals], div = pow10[6 - decimals];
	uint64_t q = u / div, r = u % div;
	char *p = buf;

	if (r > div / 2 || (r == div / 2 && div > 1 && (q & 1)))
		q++;
	if (x < 0 && q != 0)
		*p++ = '-';
	p += sprintf(p, "%llu", (unsigned long long)(q / unit));
	frac = q % unit;
	if (frac != 0) {
		while (frac % 10 == 0) {
			frac /= 10;
			decimals--;
		}
		sprintf(p, ".%0*llu", decimals, (unsigned long long)frac);
	}
	return buf;
}

void
money_write(struct writer *w, money x)
{
	char buf[MONEY_BUFSIZE];

	wr_str(w, money_format(buf, x, w->precision));
}
