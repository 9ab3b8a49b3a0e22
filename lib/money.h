/* See LICENSE file for copyright and license details. */
#ifndef KPI_MONEY_H
#define KPI_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "writer.h"

/*
** Money as whole micro-units of its currency (1 USD = 1000000), in an
** int64_t: the unit of Google Ads' cost_micros. Sums of such integers are
** exact and do not depend on the order of the rows, so a total computed
** from chunks, or by another tool, is the same to the last digit; a sum
** of doubles is not. The range is +-9223372036854.775807 units.
*/
typedef int64_t money;

#define MICROS_PER_UNIT 1000000

/*
** Parse the whole of S (LEN bytes) into *OUT, in micro-units.
**
** The text is what num_parse() accepts (spaces or tabs around, a sign,
** digits, a decimal point, an exponent: "1200", "-0.5", "1.5e6"), and the
** same texts are rejected ("$1,200", "12abc", empty). The value is read
** from the decimal digits themselves, never through a double, so
** "0.1" is exactly 100000 micros. Digits beyond the sixth decimal are
** rounded half to even ("0.0000005" is 0, "0.0000015" is 2 micros).
**
** Returns NULL on success, else a constant text saying what is wrong:
** num_parse()'s, or "out of range" for a magnitude of 2^63 micros or more.
** *OUT is then untouched.
*/
const char *money_parse(const char *s, size_t len, money *out);

/*
** *SUM += X. Returns 0, or -1 (and *SUM unchanged) when the result would
** leave the range of money.
*/
int money_add(money *sum, money x);

/* Bytes needed for any text money_format() writes, NUL included. */
#define MONEY_BUFSIZE 32

/*
** Write X into BUF (MONEY_BUFSIZE bytes) in units, with at most PREC
** decimals (0..15; more than 6 add nothing), as num_format() writes
** numbers: trailing zeros dropped, '.' the decimal point, "-0" written
** "0". The rounding is done on the exact decimal, half to even, so that
** 1049.35 at one decimal is 1049.4, where a double (1049.3499...) would
** give 1049.3. Returns BUF.
*/
char *money_format(char *buf, money x, int prec);

/* One field of X, through money_format() at W's precision. */
void money_write(struct writer *w, money x);

#endif
