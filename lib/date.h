/* See LICENSE file for copyright and license details. */
#ifndef KPI_DATE_H
#define KPI_DATE_H

#include <stddef.h>
#include <stdint.h>

/*
** A point in time: milliseconds since 1970-01-01T00:00:00Z (UTC). Every
** date kpikit reads is converted to this, so that time zones never leak
** into a result. NO_TIME marks an empty cell.
*/
typedef int64_t kpi_time;
#define NO_TIME INT64_MIN
#define MS_PER_DAY 86400000LL

/* The formats tried by date_parse() after the built-in ISO 8601 forms. */
struct date_formats {
	char **fmt;    /* strptime(3) formats, tried in order */
	size_t n;
};

/*
** Parse the whole of S (LEN bytes; spaces or tabs around are ignored) as a
** date or a date-time into *OUT.
**
** Built-in forms (UTC unless an offset is given; the offset is subtracted
** so that *OUT is UTC):
**   2024-03-05                      midnight UTC of that day
**   2024-03-05T14:30[:15[.250]]     a 'T' or one space between date and time
**   ...Z, ...+02:00, ...-0530, ...+02   an offset from UTC
** Then each of FMTS (may be NULL) is tried with strptime(3); %z is honoured.
**
** Calendar checks are exact: month 1-12, the day within that month's length
** (leap years by the Gregorian rule), hour 0-23, minute and second 0-59,
** offsets within +-23:59; years 0001-9999. 2023-02-30 is an error, never
** rolled over into March. A year before 1900 or after 2200 (from any
** form; the UTC date-time counts) is an error too, with a hint: it is
** most often a two-digit year read with %Y ("1/5/26" as the year 26);
** under FMTS, such a reading makes date_parse() try the next format
** (one with %y), so formats for both widths can be given together.
**
** Returns NULL on success, else a constant text saying what is wrong.
*/
const char *date_parse(const char *s, size_t len, const struct date_formats *fmts,
    kpi_time *out);

/* Bytes of a date a memo keeps (longer ones are always parsed), and its
** slots. */
#define DATE_MEMO_KEY 24
#define DATE_MEMO_SLOTS 4096

/*
** A memo of date_parse()'s readings for one run and one FMTS: an order
** log repeats its dates, and parsing one costs more than finding it.
** Direct-mapped by a hash of the bytes, which a slot keeps as three words
** (date_parse_memo()); only readings that succeeded are kept, so a bad
** date is told as date_parse() tells it. 160 KB; zero it before its first
** use.
*/
struct date_memo {
	struct date_memo_slot {
		uint64_t w[3];
		kpi_time t;
		uint64_t len;           /* 0: empty */
	} slot[DATE_MEMO_SLOTS];
};

/* date_parse() through MEMO (NULL: none): the same result, each time. */
const char *date_parse_memo(struct date_memo *memo, const char *s,
    size_t len, const struct date_formats *fmts, kpi_time *out);

/*
** The --date-format that would read S (LEN bytes, as date_parse() takes
** it) when it is in one of the common layouts ISO 8601 is not: month/day/
** year (US), day/month/year, day.month.year, each with a four-digit year
** and optionally a time (H:M or H:M:S, 24-hour or with AM/PM, after a
** space or ", "). A format is returned only when date_parse() reads S
** with it, so it is never wrong about this value. A slashed date that
** reads both ways (03/04/2026) returns the US format and sets *ALT to the
** day-first one; else *ALT is NULL. Two-digit years get none: the
** century and even the order of the fields would be a guess. Returns
** NULL when no layout reads S.
*/
const char *date_suggest(const char *s, size_t len, const char **alt);

/*
** Whether strptime(3) format FMT can be a --date-format: NULL, or a
** constant text saying why not. It must read a year (%Y, %y, %G, %g,
** %C, %F, %D, %x, %c or %s, with or without an E or O modifier): without
** one every date would silently be in 1900. And no %Z: glibc's strptime
** consumes a zone name but sets nothing, so "10:00 EST" would be read as
** UTC; zone names are ambiguous anyway (CST), %z reads an offset.
** Example: "%d.%m.%Y" NULL; "%H:%M" and "%Y-%m-%d %Z" not.
*/
const char *date_format_check(const char *fmt);

/*
** Days from the civil date Y-M-D (proleptic Gregorian, M 1-12, D 1-31) to
** 1970-01-01; negative before it. Exact for every year of the int range
** the callers use (0001-9999). Method: H. Hinnant's days_from_civil.
*/
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

/* The civil date of day number Z (as above): *Y, *M (1-12), *D (1-31). */
void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d);

/* Days from A to B as a double (negative when B is before A). */
double days_between(kpi_time a, kpi_time b);

/* Write T as ISO 8601 UTC into BUF (at least 32 bytes): 2024-03-05 when T
** is midnight, else 2024-03-05T14:30:15Z (with .mmm when needed). */
char *date_format_iso(char *buf, kpi_time t);

enum period {
	PERIOD_NONE,
	PERIOD_DAY,      /* 2024-03-05 */
	PERIOD_WEEK,     /* 2024-W10: ISO 8601 week, Monday first */
	PERIOD_MONTH,    /* 2024-03 */
	PERIOD_QUARTER,  /* 2024-Q1 */
	PERIOD_YEAR      /* 2024 */
};

/* The period named NAME ("day", "week", ...), or -1 when unknown; and
** the name of period P ("" for PERIOD_NONE). */
int period_from_name(const char *name);
const char *period_name(enum period p);

/* Bytes needed for any period label, NUL included. */
#define PERIOD_BUFSIZE 16

/*
** Write into BUF (PERIOD_BUFSIZE bytes) the label of the period of kind P
** holding T (in UTC). FY_START (1-12) is the first month of the fiscal
** year: it shifts quarters and years, never days, weeks or months.
**
** Fiscal years are named by the calendar year in which they END, as the
** US federal government, Microsoft and Walmart name theirs: with
** FY_START 7, July 2024 - June 2025 is "2025" and July-September 2024 is
** "2025-Q1". With FY_START 1 this is the calendar year. Returns BUF.
*/
char *period_label(char *buf, kpi_time t, enum period p, int fy_start);

/*
** The bounds of the period that LABEL names (a label as period_label()
** writes it, of kind P, with FY_START): [*START, *END) in UTC. Returns 0,
** or -1 when LABEL is not such a label.
*/
int period_bounds(const char *label, enum period p, int fy_start,
    kpi_time *start, kpi_time *end);

#endif
