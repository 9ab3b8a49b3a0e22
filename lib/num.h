/* See LICENSE file for copyright and license details. */
#ifndef KPI_NUM_H
#define KPI_NUM_H

#include <stddef.h>

/*
** Parse the whole of S (LEN bytes) as a plain decimal number into *OUT.
**
** Accepted: spaces or tabs around the number, an optional sign, digits
** with an optional decimal point ("12", "-0.5", ".5", "5."), and an
** optional exponent ("1.5e6", as spreadsheets and pandas write large
** values). The decimal point is always '.', whatever the locale.
** Rejected: empty text, thousands separators ("1,200"), currency signs
** ("$12"), trailing text ("12abc"), hex ("0x10"), "inf", "nan", and values
** whose magnitude exceeds the range of a double.
**
** Method: up to 19 significant digits with a decimal exponent of at most
** 22 are converted exactly (one correctly rounded multiplication or
** division, Clinger's fast path); anything else goes to strtod_l() in the
** C locale. Either way the result is the double nearest the text.
**
** Returns NULL on success, else a constant text saying what is wrong
** ("not a number", "out of range"); *OUT is then untouched.
*/
const char *num_parse(const char *s, size_t len, double *out);

/* Bytes needed for any text num_format() writes, NUL included. */
#define NUM_BUFSIZE 400

/*
** Write X into BUF (NUM_BUFSIZE bytes) rounded to PREC decimals (0..15),
** with trailing zeros after the decimal point dropped: 0.5, 3, 0.333333.
** The decimal point is '.' whatever the locale; "-0" is written "0"; a
** NaN or an infinity is written as the empty string, the form of an
** undefined value in every kpikit output. Returns BUF.
** Method: num_fixed()'s digits (so exactly printf's rounding), trimmed.
*/
char *num_format(char *buf, double x, int prec);

/* num_format(), returning the length of the text it wrote. */
size_t num_format_len(char *buf, double x, int prec);

/*
** Write X into BUF (NUM_BUFSIZE bytes) as snprintf(BUF, NUM_BUFSIZE,
** "%.*f", PREC, X) does in the C locale, byte for byte, for PREC 0..40
** (a negative PREC is 0): "-0.000" for -0.0 or -1e-9 at 3, "nan", "-inf".
** The decimal point is '.' whatever the locale. Returns the length.
**
** Method: for PREC up to 19 and values below 2^64, the exact binary value
** scaled by 10^PREC in 128-bit integers and rounded to nearest, ties to
** even, on the exact remainder (what glibc does, several times faster);
** anything else, and a rounding mode other than to-nearest, goes to
** snprintf.
*/
size_t num_fixed(char *buf, double x, int prec);

/*
** Parse S as a whole decimal integer in [MIN, MAX] into *OUT (for option
** arguments such as --window 90). Returns NULL on success, else a constant
** text saying what is wrong.
*/
const char *num_parse_int(const char *s, long long min, long long max,
    long long *out);

#endif
