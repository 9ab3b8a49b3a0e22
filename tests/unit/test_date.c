/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/date.c. Expected values are worked by hand from the
** calendar (and checked with GNU date -u -d ... +%s / +%G-W%V).
*/
#include <stdlib.h>
#include <string.h>

#include "../../lib/date.h"
#include "../../lib/rng.h"
#include "check.h"

static kpi_time
parse(const char *s, const struct date_formats *f)
{
	kpi_time t = 0;
	const char *err = date_parse(s, strlen(s), f, &t);

	return err ? NO_TIME : t;
}

static void
parses(const char *s, long long want_seconds)
{
	char name[128];

	snprintf(name, sizeof name, "date_parse '%s'", s);
	check_int(name, parse(s, NULL), want_seconds * 1000);
}

static void
rejects(const char *s, const char *why)
{
	char name[128];
	kpi_time t;

	snprintf(name, sizeof name, "date_parse rejects '%s'", s);
	check_str(name, date_parse(s, strlen(s), NULL, &t), why);
}

/*
** date_suggest(S) is WANT (and *alt ALT); each format given reads S as
** the ISO date-time beside it, so that a suggestion is right, not only
** present.
*/
static void
suggests(const char *s, const char *want, const char *iso,
    const char *alt, const char *alt_iso)
{
	char name[160];
	const char *got_alt = "unset", *got = date_suggest(s, strlen(s), &got_alt);

	snprintf(name, sizeof name, "date_suggest '%s'", s);
	check_str(name, got, want);
	snprintf(name, sizeof name, "date_suggest '%s' other reading", s);
	check_str(name, got_alt, alt);
	if (want != NULL && got != NULL) {
		char *f[] = { (char *)got };
		struct date_formats df = { f, 1 };

		snprintf(name, sizeof name, "'%s' read with '%s'", s, got);
		check_int(name, parse(s, &df), parse(iso, NULL));
	}
	if (alt != NULL && got_alt != NULL) {
		char *f[] = { (char *)got_alt };
		struct date_formats df = { f, 1 };

		snprintf(name, sizeof name, "'%s' read with '%s'", s, got_alt);
		check_int(name, parse(s, &df), parse(alt_iso, NULL));
	}
}

static void
label(const char *date, enum period p, int fy, const char *want)
{
	char name[128], buf[PERIOD_BUFSIZE];

	snprintf(name, sizeof name, "period_label %s kind %d fy %d", date, p, fy);
	check_str(name, period_label(buf, parse(date, NULL), p, fy), want);
}

static void
bounds(const char *lab, enum period p, int fy, const char *from, const char *to)
{
	char name[128];
	kpi_time s = 0, e = 0;

	snprintf(name, sizeof name, "period_bounds %s fy %d", lab, fy);
	check_int(name, period_bounds(lab, p, fy, &s, &e), 0);
	check_int(name, s, parse(from, NULL));
	check_int(name, e, parse(to, NULL));
}

/*
** date_parse_memo() gives what date_parse() gives, result and error, for
** 200,000 random texts drawn from few enough (about 3,000) that most are
** read again and many share a slot: valid dates, dates out of the
** calendar, times, offsets, texts longer than the memo keeps, and, with a
** day-first format, texts that only the format reads.
*/
static void
check_memo(void)
{
	static const char *const pieces[] = {
		"2024-03-05", "2024-02-30", "1999-12-31", "2026-01-0",
		"05.03.2024", "31.04.2024", "T14:30", " 09:15:59", "Z",
		"+02:00", "-0530", ".250", "x", "", " ",
	};
	enum { NP = sizeof pieces / sizeof pieces[0] };
	char *f[] = { "%d.%m.%Y" };
	struct date_formats df = { f, 1 };
	/* One memo serves one set of formats: one for each. */
	struct date_memo *memo = calloc(2, sizeof *memo);
	uint64_t x = 7;
	size_t differ = 0, hits = 0;

	for (int i = 0; i < 200000; i++) {
		char s[96] = "";
		uint64_t k = splitmix64_below(&x, 3000);
		uint64_t y = k;
		const struct date_formats *fmts = k % 2 ? &df : NULL;
		kpi_time a = 1, b = 2;
		const char *ea, *eb;

		/* Text number K, the same each time K is drawn. */
		for (int p = 0; p < 1 + (int)(k % 4); p++)
			strcat(s, pieces[splitmix64_below(&y, NP)]);
		ea = date_parse(s, strlen(s), fmts, &a);
		eb = date_parse_memo(&memo[k % 2], s, strlen(s), fmts, &b);
		if ((ea == NULL) != (eb == NULL) || (ea != NULL &&
		    strcmp(ea, eb) != 0) || (ea == NULL && a != b))
			differ++;
		hits += ea == NULL;
	}
	check_int("date_parse_memo: differs from date_parse() on 200000 texts",
	    (long long)differ, 0);
	check_int("date_parse_memo: some texts were dates", hits > 1000, 1);
	free(memo);
}

int
main(void)
{
	/* date -u -d 2024-03-05 +%s = 1709596800 */
	parses("2024-03-05", 1709596800);
	parses("  2024-03-05 ", 1709596800);
	parses("2024-03-05T14:30", 1709596800 + 14 * 3600 + 30 * 60);
	parses("2024-03-05 14:30:15", 1709596800 + 52215);
	parses("2024-03-05T14:30:15Z", 1709596800 + 52215);
	parses("2024-03-05T14:30:15+02:00", 1709596800 + 52215 - 7200);
	parses("2024-03-05T14:30:15-0530", 1709596800 + 52215 + 19800);
	parses("2024-03-05T01:00:00+02", 1709596800 + 3600 - 7200);
	parses("2024-02-29", 1709164800);          /* a leap day */
	parses("2000-02-29", 951782400);           /* divisible by 400: leap */
	parses("1970-01-01", 0);
	parses("1969-12-31T23:59:59Z", -1);
	check_int("fractional seconds", parse("2011-01-10T08:00:00.250Z", NULL),
	    1294646400000LL + 250);

	rejects("2023-02-29", "no such day in that month");
	rejects("2023-02-30", "no such day in that month");
	rejects("1900-02-29", "no such day in that month");   /* not a leap year */
	rejects("2024-04-31", "no such day in that month");
	rejects("2024-13-01", "no such month");
	rejects("2024-00-10", "no such month");
	rejects("2024-01-00", "no such day in that month");
	rejects("2024-01-01T25:00", "hour out of range");
	rejects("2024-01-01T24:00", "hour out of range");
	rejects("2024-01-01T12:60", "minute out of range");
	rejects("2024-01-01T12:00:61", "second out of range");
	/* A leap second, 23:59:60, is 59.999 of the minute before: date -u
	** -d 2017-01-01 +%s = 1483228800, so 1483228799999 ms, on each path
	** (the fixed-place ISO one, the general ISO one, strptime). */
	check_int("leap second", parse("2016-12-31T23:59:60Z", NULL),
	    1483228799999LL);
	check_int("leap second with a space", parse("2016-12-31 23:59:60",
	    NULL), 1483228799999LL);
	check_int("leap second with an offset", parse(
	    "2016-12-31T18:59:60-05:00", NULL), 1483228799999LL);
	{
		char *de[] = { "%d.%m.%Y %H:%M:%S" };
		struct date_formats f = { de, 1 };

		check_int("leap second by strptime", parse(
		    "31.12.2016 23:59:60", &f), 1483228799999LL);
	}
	/* --date-format's checks: a year, and no %Z. */
	check_str("format %d.%m.%Y", date_format_check("%d.%m.%Y"), NULL);
	check_str("format %F %T", date_format_check("%F %T"), NULL);
	check_str("format %Ey", date_format_check("%m/%d/%Ey"), NULL);
	check_str("format %s", date_format_check("%s"), NULL);
	check_str("format %H:%M", date_format_check("%H:%M"), "it reads no "
	    "year (%Y, %y, %F, ...): every date would be in 1900");
	check_str("format %%Y", date_format_check("%m %%Y"), "it reads no "
	    "year (%Y, %y, %F, ...): every date would be in 1900");
	check_str("format %Z", date_format_check("%Y-%m-%d %H:%M %Z"), "%Z (a "
	    "time zone name) is not read by strptime, which would take every "
	    "time as UTC: give the offset with %z (+0100), or convert the "
	    "times to UTC");
	check_str("format ending in %", date_format_check("%Y%"), NULL);
	rejects("2024-01-01T12:00+24:00", "time zone offset out of range");
	rejects("0000-01-01", "year out of range");
	rejects("", "not a date");
	rejects("2024-1-5", "not a date");
	rejects("2024/01/05", "not a date");
	rejects("01/05/2024", "not a date");
	rejects("2024-01-05T", "not a date");
	rejects("2024-01-05x", "not a date");
	rejects("yesterday", "not a date");

	{
		char *us[] = { "%m/%d/%Y", "%m/%d/%Y %H:%M" };
		struct date_formats f = { us, 2 };
		kpi_time t;

		check_int("--date-format %m/%d/%Y", parse("10/1/2026", &f),
		    parse("2026-10-01", NULL));
		check_int("second --date-format", parse("10/1/2026 14:05", &f),
		    parse("2026-10-01T14:05", NULL));
		check_int("ISO still read with --date-format", parse("2026-10-01", &f),
		    parse("2026-10-01", NULL));
		check_str("--date-format checks the calendar",
		    date_parse("2/30/2023", 9, &f, &t), "no such day in that month");
		check_str("--date-format no match", date_parse("30.1.2023", 9, &f, &t),
		    "not a date in any --date-format given");
	}
	{
		char *z[] = { "%Y-%m-%d %H:%M:%S %z" };
		struct date_formats f = { z, 1 };

		check_int("--date-format with %z", parse("2024-03-05 14:30:15 +0200", &f),
		    (1709596800LL + 52215 - 7200) * 1000);
	}

	check_near("days_between", days_between(parse("2024-01-01", NULL),
	    parse("2024-03-01T12:00", NULL)), 60.5, 1e-12);
	check_near("days_between negative", days_between(parse("2024-01-02", NULL),
	    parse("2024-01-01", NULL)), -1, 0);
	check_int("days_from_civil 2000-03-01", days_from_civil(2000, 3, 1), 11017);
	{
		int64_t y;
		unsigned m, d;

		civil_from_days(-1, &y, &m, &d);
		check_int("civil_from_days -1", y * 10000 + m * 100 + d, 19691231);
		civil_from_days(days_from_civil(2400, 2, 29), &y, &m, &d);
		check_int("civil round trip 2400-02-29", y * 10000 + m * 100 + d, 24000229);
	}
	{
		char buf[32];

		check_str("date_format_iso day", date_format_iso(buf, parse("2024-03-05", NULL)), "2024-03-05");
		check_str("date_format_iso time", date_format_iso(buf, parse("2024-03-05T01:02:03+01:00", NULL)), "2024-03-05T00:02:03Z");
		check_str("date_format_iso ms", date_format_iso(buf, parse("1969-12-31T23:59:59.5Z", NULL)), "1969-12-31T23:59:59.500Z");
	}

	label("2024-03-05", PERIOD_DAY, 1, "2024-03-05");
	label("2024-03-05T23:59:59Z", PERIOD_DAY, 1, "2024-03-05");
	label("2024-03-05T23:30:00-01:00", PERIOD_DAY, 1, "2024-03-06");   /* UTC */
	label("2024-03-05", PERIOD_MONTH, 1, "2024-03");
	label("2024-03-31", PERIOD_QUARTER, 1, "2024-Q1");
	label("2024-04-01", PERIOD_QUARTER, 1, "2024-Q2");
	label("2024-12-31", PERIOD_YEAR, 1, "2024");
	/* ISO weeks: date -u -d X +%G-W%V */
	label("2024-03-05", PERIOD_WEEK, 1, "2024-W10");
	label("2024-12-30", PERIOD_WEEK, 1, "2025-W01");
	label("2021-01-03", PERIOD_WEEK, 1, "2020-W53");
	label("2026-01-01", PERIOD_WEEK, 1, "2026-W01");
	label("2027-01-01", PERIOD_WEEK, 1, "2026-W53");
	label("1969-12-31", PERIOD_WEEK, 1, "1970-W01");
	/* Fiscal year from July, named by the year it ends in. */
	label("2024-07-01", PERIOD_QUARTER, 7, "2025-Q1");
	label("2024-09-30", PERIOD_QUARTER, 7, "2025-Q1");
	label("2024-10-01", PERIOD_QUARTER, 7, "2025-Q2");
	label("2025-06-30", PERIOD_QUARTER, 7, "2025-Q4");
	label("2025-06-30", PERIOD_YEAR, 7, "2025");
	label("2025-07-01", PERIOD_YEAR, 7, "2026");
	/* From February: Jan 2025 closes FY2025, Feb 2025 opens FY2026. */
	label("2025-01-31", PERIOD_QUARTER, 2, "2025-Q4");
	label("2025-02-01", PERIOD_QUARTER, 2, "2026-Q1");
	label("2025-04-30", PERIOD_QUARTER, 2, "2026-Q1");
	label("2025-05-01", PERIOD_QUARTER, 2, "2026-Q2");
	/* Months and weeks ignore the fiscal year. */
	label("2025-02-01", PERIOD_MONTH, 2, "2025-02");
	label("2025-02-01", PERIOD_WEEK, 2, "2025-W05");

	bounds("2024-Q1", PERIOD_QUARTER, 1, "2024-01-01", "2024-04-01");
	bounds("2024-Q4", PERIOD_QUARTER, 1, "2024-10-01", "2025-01-01");
	bounds("2025-Q1", PERIOD_QUARTER, 7, "2024-07-01", "2024-10-01");
	bounds("2025-Q4", PERIOD_QUARTER, 7, "2025-04-01", "2025-07-01");
	bounds("2026-Q1", PERIOD_QUARTER, 2, "2025-02-01", "2025-05-01");
	bounds("2026-Q4", PERIOD_QUARTER, 2, "2025-11-01", "2026-02-01");
	bounds("2025", PERIOD_YEAR, 7, "2024-07-01", "2025-07-01");
	bounds("2024", PERIOD_YEAR, 1, "2024-01-01", "2025-01-01");
	bounds("2024-02", PERIOD_MONTH, 1, "2024-02-01", "2024-03-01");
	bounds("2024-12", PERIOD_MONTH, 1, "2024-12-01", "2025-01-01");
	bounds("2024-02-29", PERIOD_DAY, 1, "2024-02-29", "2024-03-01");
	bounds("2025-W01", PERIOD_WEEK, 1, "2024-12-30", "2025-01-06");
	bounds("2020-W53", PERIOD_WEEK, 1, "2020-12-28", "2021-01-04");
	{
		kpi_time s, e;

		check_int("period_bounds 2021-W53 does not exist",
		    period_bounds("2021-W53", PERIOD_WEEK, 1, &s, &e), -1);
		check_int("period_bounds 2024-Q5", period_bounds("2024-Q5", PERIOD_QUARTER, 1, &s, &e), -1);
		check_int("period_bounds 2024-02-30", period_bounds("2024-02-30", PERIOD_DAY, 1, &s, &e), -1);
		check_int("period_bounds junk", period_bounds("2024-Q1x", PERIOD_QUARTER, 1, &s, &e), -1);
	}
	{
		kpi_time s, e;

		check_int("period_bounds short year", period_bounds("202", PERIOD_YEAR, 1, &s, &e), -1);
		check_int("period_bounds year 0", period_bounds("0000", PERIOD_YEAR, 1, &s, &e), -1);
		check_int("period_bounds day without its day", period_bounds("2024-02", PERIOD_DAY, 1, &s, &e), -1);
		check_int("period_bounds W00", period_bounds("2024-W00", PERIOD_WEEK, 1, &s, &e), -1);
		check_int("period_bounds W54", period_bounds("2024-W54", PERIOD_WEEK, 1, &s, &e), -1);
		check_int("period_bounds week without W", period_bounds("2024-10", PERIOD_WEEK, 1, &s, &e), -1);
		check_int("period_bounds month 13", period_bounds("2024-13", PERIOD_MONTH, 1, &s, &e), -1);
		check_int("period_bounds month of one digit", period_bounds("2024-1", PERIOD_MONTH, 1, &s, &e), -1);
		check_int("period_bounds quarter without Q", period_bounds("2024-1", PERIOD_QUARTER, 1, &s, &e), -1);
		check_int("period_bounds Q0", period_bounds("2024-Q0", PERIOD_QUARTER, 1, &s, &e), -1);
		check_int("period_bounds year with more", period_bounds("2024-", PERIOD_YEAR, 1, &s, &e), -1);
		check_int("period_bounds of no period", period_bounds("2024", PERIOD_NONE, 1, &s, &e), -1);
	}
	{
		char buf[PERIOD_BUFSIZE] = "x";

		check_str("period_label of no period", period_label(buf, 0, PERIOD_NONE, 1), "");
	}
	/* 1969-12-28, a Sunday, ends ISO week 52 of 1969 (1969-01-01 was a
	 * Wednesday, so 1969 has 52 weeks); the day before 1970-W01. */
	label("1969-12-28", PERIOD_WEEK, 1, "1969-W52");
	/* Before 0000-03-01 the day arithmetic's eras go negative: year 0 is
	 * a leap year (divisible by 400), so 0000-01-01 is 719468 + 31 + 29
	 * days before 1970 (0000-03-01 being 719468 before it). */
	check_int("days_from_civil 0000-01-01", days_from_civil(0, 1, 1), -719528);
	/* date_parse() refuses the year 1 now (before 1900): the label of
	 * that instant, one hour before 0001-01-01 UTC, made by hand. */
	{
		char buf[PERIOD_BUFSIZE];
		kpi_time t = (days_from_civil(1, 1, 1) * 86400 - 3600) * 1000;

		check_str("period_label 0001-01-01T00:00+01:00 day",
		    period_label(buf, t, PERIOD_DAY, 1), "0000-12-31");
	}
	/* Years before 1900 or after 2200 from any form: a two-digit year
	 * read with %Y, most often; the next format (%y) may read it. */
	rejects("1899-12-31", "year before 1900 or after 2200 (a two-digit "
	    "year read with %Y? %y reads two digits)");
	rejects("2201-01-01T00:00:00Z", "year before 1900 or after 2200 (a "
	    "two-digit year read with %Y? %y reads two digits)");
	rejects("1900-01-01T00:30+01:00", "year before 1900 or after 2200 "
	    "(a two-digit year read with %Y? %y reads two digits)");
	{
		/* Salesforce's 1/5/26: %Y alone reads the year 26, an error;
		 * with %y after it, 2026-01-05 (%y cannot read "2026": it
		 * takes two digits and leaves two). */
		char *y4[] = { "%m/%d/%Y" }, *both[] = { "%m/%d/%Y", "%m/%d/%y" };
		struct date_formats f4 = { y4, 1 }, fb = { both, 2 };
		kpi_time t = 0;

		check_str("1/5/26 under %m/%d/%Y", date_parse("1/5/26", 6, &f4,
		    &t), "year before 1900 or after 2200 (a two-digit year "
		    "read with %Y? %y reads two digits)");
		check_int("1/5/26 under %m/%d/%Y then %y", parse("1/5/26", &fb),
		    days_from_civil(2026, 1, 5) * 86400000LL);
		check_int("1/5/2026 under %m/%d/%Y then %y",
		    parse("1/5/2026", &fb), days_from_civil(2026, 1, 5) *
		    86400000LL);
	}
	check_int("1900-01-01 is read", parse("1900-01-01", NULL),
	    days_from_civil(1900, 1, 1) * 86400000LL);
	check_int("2200-12-31T23:59:59Z is read",
	    parse("2200-12-31T23:59:59Z", NULL),
	    (days_from_civil(2200, 12, 31) * 86400 + 86399) * 1000LL);

	/* The ISO forms, cut short or malformed anywhere: not a date. */
	rejects("", "not a date");
	rejects(" \t ", "not a date");
	rejects("2024/01/05", "not a date");
	rejects("2024-1-05", "not a date");
	rejects("20240105", "not a date");
	rejects("2024-01-05T10", "not a date");
	rejects("2024-01-05T10:3", "not a date");
	rejects("2024-01-05T10:30:", "not a date");
	rejects("2024-01-05T10:30:1", "not a date");
	rejects("2024-01-05T10:30:00.", "not a date");
	rejects("2024-01-05T10:30:00.x", "not a date");
	rejects("2024-01-05T10:30+1", "not a date");
	rejects("2024-01-05T10:30+01:3", "not a date");
	rejects("2024-01-05T10:30Zx", "not a date");
	rejects("2024-01-05x", "not a date");
	rejects("2024-01-05T10:30+24:00", "time zone offset out of range");
	rejects("2024-01-05T10:30-01:60", "time zone offset out of range");
	rejects("0000-01-05", "year out of range");
	rejects("2024-00-05", "no such month");
	rejects("2024-01-00", "no such day in that month");
	rejects("2023-02-29", "no such day in that month");
	rejects("2024-01-05T24:00", "hour out of range");
	/* 2024-01-05 is 1704412800; offsets are subtracted. */
	parses("  2024-01-05\t", 1704412800);
	parses("2024-01-05T10:30+05", 1704412800 + 37800 - 18000);
	parses("2024-01-05T10:30-0530", 1704412800 + 37800 + 19800);
	parses("2024-01-05 10:30Z", 1704412800 + 37800);
	parses("2024-02-29", 1709164800);
	check_int("a comma before the fraction, digits past ms ignored",
	    parse("2024-01-05T10:30:15,2599Z", NULL), (1704412800LL + 37815) * 1000 + 259);
	{
		/* A --date-format input longer than the stack buffer (128). */
		char *ymd[] = { "%Y-%m-%d" };
		struct date_formats f = { ymd, 1 };
		char longtext[200];
		kpi_time t;

		memset(longtext, '1', sizeof longtext);
		check_str("--date-format on 200 bytes",
		    date_parse(longtext, sizeof longtext, &f, &t),
		    "not a date in any --date-format given");
	}

	/* date_suggest: the layouts, both readings, and none. */
	suggests("3/14/2026", "%m/%d/%Y", "2026-03-14", NULL, NULL);
	suggests("14/03/2026", "%d/%m/%Y", "2026-03-14", NULL, NULL);
	suggests("03/04/2026", "%m/%d/%Y", "2026-03-04", "%d/%m/%Y", "2026-04-03");
	suggests("03/03/2026", "%m/%d/%Y", "2026-03-03", "%d/%m/%Y", "2026-03-03");
	suggests("14.03.2026", "%d.%m.%Y", "2026-03-14", NULL, NULL);
	suggests("3.4.2026", "%d.%m.%Y", "2026-04-03", NULL, NULL);
	suggests(" 12/31/2025\t", "%m/%d/%Y", "2025-12-31", NULL, NULL);
	suggests("12/31/2025 23:59", "%m/%d/%Y %H:%M", "2025-12-31T23:59",
	    NULL, NULL);
	suggests("12/31/2025 23:59:58", "%m/%d/%Y %H:%M:%S",
	    "2025-12-31T23:59:58", NULL, NULL);
	suggests("3/14/2026 2:05 PM", "%m/%d/%Y %I:%M %p", "2026-03-14T14:05",
	    NULL, NULL);
	suggests("3/14/2026, 12:05 am", "%m/%d/%Y, %I:%M %p",
	    "2026-03-14T00:05", NULL, NULL);
	suggests("3/14/2026 12:05:09PM", "%m/%d/%Y %I:%M:%S %p",
	    "2026-03-14T12:05:09", NULL, NULL);
	suggests("3/4/2026 9:30", "%m/%d/%Y %H:%M", "2026-03-04T09:30",
	    "%d/%m/%Y %H:%M", "2026-04-03T09:30");
	suggests("31.12.2025 08:15", "%d.%m.%Y %H:%M", "2025-12-31T08:15",
	    NULL, NULL);
	suggests("29/02/2024", "%d/%m/%Y", "2024-02-29", NULL, NULL);
	suggests("13/13/2026", NULL, NULL, NULL, NULL);
	suggests("02/30/2026", NULL, NULL, NULL, NULL);
	suggests("29.02.2025", NULL, NULL, NULL, NULL);
	suggests("00/01/2026", NULL, NULL, NULL, NULL);
	suggests("3/14/26", NULL, NULL, NULL, NULL);
	suggests("3/14/02026", NULL, NULL, NULL, NULL);
	suggests("03.14.2026", NULL, NULL, NULL, NULL);
	suggests("3-14-2026", NULL, NULL, NULL, NULL);
	suggests("3/14.2026", NULL, NULL, NULL, NULL);
	suggests("123/1/2026", NULL, NULL, NULL, NULL);
	suggests("3/14/2026 25:00", NULL, NULL, NULL, NULL);
	suggests("3/14/2026 14:05 PM", NULL, NULL, NULL, NULL);
	suggests("3/14/2026 2:5", NULL, NULL, NULL, NULL);
	suggests("3/14/2026T14:05", NULL, NULL, NULL, NULL);
	suggests("3/14/2026 14:05 UTC", NULL, NULL, NULL, NULL);
	suggests("3/14/2026,", NULL, NULL, NULL, NULL);
	suggests("2026-03-14", NULL, NULL, NULL, NULL);
	suggests("yesterday", NULL, NULL, NULL, NULL);
	suggests("", NULL, NULL, NULL, NULL);

	check_int("period_from_name quarter", period_from_name("quarter"), PERIOD_QUARTER);
	check_int("period_from_name bad", period_from_name("fortnight"), -1);
	check_memo();
	return finish();
}
