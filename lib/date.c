/* See LICENSE file for copyright and license details. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "util.h"

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
days_in_month(int64_t y, unsigned m)
{
	static const unsigned char len[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;                                   /* [0, 399] */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
	return era * 146097 + doe - 719468;
}

void
civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

double
days_between(kpi_time a, kpi_time b)
{
	return (double)(b - a) / (double)MS_PER_DAY;
}

/* Read exactly N digits at *P (before END) into *V; advance *P. */
static int
digits(const char **p, const char *end, int n, int *v)
{
	int x = 0;

	if (end - *p < n)
		return -1;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];

		if (c < '0' || c > '9')
			return -1;
		x = x * 10 + (c - '0');
	}
	*p += n;
	*v = x;
	return 0;
}

static const char *
check_fields(int y, int mo, int d, int h, int mi, int s)
{
	if (y < 1 || y > 9999)
		return "year out of range";
	if (mo < 1 || mo > 12)
		return "no such month";
	if (d < 1 || (unsigned)d > days_in_month(y, (unsigned)mo))
		return "no such day in that month";
	if (h < 0 || h > 23)
		return "hour out of range";
	if (mi < 0 || mi > 59)
		return "minute out of range";
	if (s < 0 || s > 60)    /* 60: a leap second, see compose() */
		return "second out of range";
	return NULL;
}

/* The time of those fields, ms since 1970; a leap second (S 60, as in
** 23:59:60Z) is taken as the last millisecond of the second before it,
** 59.999, so that it stays in its minute, day and period. */
static kpi_time
compose(int y, int mo, int d, int h, int mi, int s, int ms, long offset_s)
{
	int64_t day = days_from_civil(y, (unsigned)mo, (unsigned)d);

	if (s == 60) {
		s = 59;
		ms = 999;
	}
	return (day * 86400 + h * 3600 + mi * 60 + s - offset_s) * 1000 + ms;
}

const char *
date_format_check(const char *fmt)
{
	int year = 0;

	for (const char *p = fmt; *p != '\0'; p++) {
		if (*p != '%')
			continue;
		if (*++p == 'E' || *p == 'O')
			p++;
		if (*p == '\0')
			break;
		if (*p == 'Z')
			return "%Z (a time zone name) is not read by strptime, "
			    "which would take every time as UTC: give the offset "
			    "with %z (+0100), or convert the times to UTC";
		if (strchr("YyGgCFDxcs", *p) != NULL)
			year = 1;
	}
	return year ? NULL : "it reads no year (%Y, %y, %F, ...): every "
	    "date would be in 1900";
}

/*
** The ISO forms. Returns NULL on success, a text when the input looks like
** an ISO date but is wrong, or NOT_ISO when it does not look like one.
*/
static const char NOT_ISO[] = "not a date";

/* The two digits at P as a number, or -1. */
static int
two_digits(const char *p)
{
	unsigned a = (unsigned char)p[0] - '0', b = (unsigned char)p[1] - '0';

	return a < 10 && b < 10 ? (int)(a * 10 + b) : -1;
}

/*
** The common forms, 2024-03-05 and 2024-03-05T14:30:15Z (or with a space),
** read at fixed places; anything else returns NOT_ISO and takes the
** general path. The same checks, the same result.
*/
static const char *
parse_iso_fast(const char *p, size_t len, kpi_time *out)
{
	int y1, y2, mo, d, h = 0, mi = 0, sec = 0;
	const char *err;

	if ((len != 10 && len != 19 && len != 20) || p[4] != '-' || p[7] != '-')
		return NOT_ISO;
	y1 = two_digits(p);
	y2 = two_digits(p + 2);
	mo = two_digits(p + 5);
	d = two_digits(p + 8);
	if (y1 < 0 || y2 < 0 || mo < 0 || d < 0)
		return NOT_ISO;
	if (len > 10) {
		if ((p[10] != 'T' && p[10] != ' ') || p[13] != ':' || p[16] != ':' ||
		    (len == 20 && p[19] != 'Z'))
			return NOT_ISO;
		h = two_digits(p + 11);
		mi = two_digits(p + 14);
		sec = two_digits(p + 17);
		if (h < 0 || mi < 0 || sec < 0)
			return NOT_ISO;
	}
	if ((err = check_fields(y1 * 100 + y2, mo, d, h, mi, sec)) != NULL)
		return err;
	*out = compose(y1 * 100 + y2, mo, d, h, mi, sec, 0, 0);
	return NULL;
}

static const char *
parse_iso(const char *p, const char *end, kpi_time *out)
{
	int y, mo, d, h = 0, mi = 0, s = 0, ms = 0;
	long offset = 0;
	const char *err;

	if (digits(&p, end, 4, &y) < 0 || p == end || *p++ != '-' ||
	    digits(&p, end, 2, &mo) < 0 || p == end || *p++ != '-' ||
	    digits(&p, end, 2, &d) < 0)
		return NOT_ISO;
	if (p < end && (*p == 'T' || *p == ' ')) {
		p++;
		if (digits(&p, end, 2, &h) < 0 || p == end || *p++ != ':' ||
		    digits(&p, end, 2, &mi) < 0)
			return NOT_ISO;
		if (p < end && *p == ':') {
			p++;
			if (digits(&p, end, 2, &s) < 0)
				return NOT_ISO;
			if (p < end && (*p == '.' || *p == ',')) {
				int scale = 100;

				p++;
				if (p == end || *p < '0' || *p > '9')
					return NOT_ISO;
				for (; p < end && *p >= '0' && *p <= '9'; p++) {
					ms += (*p - '0') * scale;
					scale /= 10;
				}
			}
		}
		if (p < end && *p == 'Z') {
			p++;
		} else if (p < end && (*p == '+' || *p == '-')) {
			int sign = *p++ == '-' ? -1 : 1, oh, om = 0;

			if (digits(&p, end, 2, &oh) < 0)
				return NOT_ISO;
			if (p < end && *p == ':')
				p++;
			if (p < end && digits(&p, end, 2, &om) < 0)
				return NOT_ISO;
			if (oh > 23 || om > 59)
				return "time zone offset out of range";
			offset = sign * (oh * 3600L + om * 60L);
		}
	}
	if (p != end)
		return NOT_ISO;
	if ((err = check_fields(y, mo, d, h, mi, s)) != NULL)
		return err;
	*out = compose(y, mo, d, h, mi, s, ms, offset);
	return NULL;
}

static const char *
parse_strptime(const char *s, size_t len, const char *fmt, kpi_time *out)
{
	char stackbuf[128], *buf = stackbuf;
	const char *end, *err;
	struct tm tm;

	if (len >= sizeof stackbuf)
		buf = xmalloc(len + 1);
	memcpy(buf, s, len);
	buf[len] = '\0';
	memset(&tm, 0, sizeof tm);
	tm.tm_mday = 1;
	end = strptime(buf, fmt, &tm);
	if (end == NULL || *end != '\0')
		err = NOT_ISO;
	else
		err = check_fields(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		    tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (buf != stackbuf)
		free(buf);
	if (err != NULL)
		return err;
	*out = compose(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    tm.tm_hour, tm.tm_min, tm.tm_sec, 0, tm.tm_gmtoff);
	return NULL;
}

/* What a year before 1900 or after 2200 gets (see plausible()). */
static const char IMPLAUSIBLE_YEAR[] = "year before 1900 or after 2200 "
    "(a two-digit year read with %Y? %y reads two digits)";

/*
** Whether T, a date-time date_parse() read, falls in the years 1900 to
** 2200, the range of CRM and ad data: no business record of kpikit's
** kind is older, and a year outside it is a misreading (a two-digit year
** read as a four-digit one, "26" as 0026). NULL when it does; else the
** constant reason. Compared in milliseconds since 1970, UTC: one
** subtraction, kept apart from the parsers themselves.
*/
static const char *
plausible(kpi_time t)
{
	const kpi_time lo = days_from_civil(1900, 1, 1) * 86400000LL;
	const kpi_time hi = days_from_civil(2201, 1, 1) * 86400000LL;

	return t >= lo && t < hi ? NULL : IMPLAUSIBLE_YEAR;
}

const char *
date_parse(const char *s, size_t len, const struct date_formats *fmts,
    kpi_time *out)
{
	const char *err;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	err = parse_iso_fast(s, len, out);
	if (err == NOT_ISO)
		err = parse_iso(s, s + len, out);
	if (err == NULL)
		return plausible(*out);
	if (err != NOT_ISO || fmts == NULL)
		return err;
	for (size_t i = 0; i < fmts->n; i++) {
		const char *e = parse_strptime(s, len, fmts->fmt[i], out);

		if (e == NULL && (e = plausible(*out)) == NULL)
			return NULL;
		if (e != NOT_ISO)
			err = e;
	}
	if (err == NOT_ISO && fmts->n > 0)
		return "not a date in any --date-format given";
	return err;
}

/*
** The date S (LEN bytes, 1 to DATE_MEMO_KEY) as three words W that are
** equal for two texts of one length only when their bytes are: its first
** eight bytes, its next eight or its last eight, its last eight past 16
** (each zero when the text is shorter). So a lookup compares words, not
** bytes.
*/
static void
memo_words(const char *s, size_t len, uint64_t w[3])
{
	w[0] = w[1] = w[2] = 0;
	if (len <= 8) {
		memcpy(&w[0], s, len);
		return;
	}
	memcpy(&w[0], s, 8);
	if (len <= 16) {
		memcpy(&w[1], s + len - 8, 8);
		return;
	}
	memcpy(&w[1], s + 8, 8);
	memcpy(&w[2], s + len - 8, 8);
}

const char *
date_parse_memo(struct date_memo *memo, const char *s, size_t len,
    const struct date_formats *fmts, kpi_time *out)
{
	struct date_memo_slot *m;
	uint64_t w[3], h;
	const char *err;

	if (memo == NULL || len == 0 || len > DATE_MEMO_KEY)
		return date_parse(s, len, fmts, out);
	memo_words(s, len, w);
	h = (w[0] ^ (w[1] << 29 | w[1] >> 35) ^ (w[2] << 47 | w[2] >> 17) ^
	    len) * 0x9e3779b97f4a7c15ULL;
	m = &memo->slot[h >> 52 & (DATE_MEMO_SLOTS - 1)];
	if (m->len == len && m->w[0] == w[0] && m->w[1] == w[1] &&
	    m->w[2] == w[2]) {
		*out = m->t;
		return NULL;
	}
	if ((err = date_parse(s, len, fmts, out)) != NULL)
		return err;
	memcpy(m->w, w, sizeof w);
	m->t = *out;
	m->len = len;
	return NULL;
}

/*
** The layouts date_suggest() knows, each with the times it may carry:
** none, H:M, H:M:S, and the same on a 12-hour clock with AM/PM. A comma
** may come between the date and the time (Salesforce writes one).
*/
#define WITH_TIMES(d, sep) { d, d sep " %H:%M", d sep " %H:%M:%S", \
	d sep " %I:%M %p", d sep " %I:%M:%S %p" }
enum { LAYOUT_US, LAYOUT_SLASH_DMY, LAYOUT_DOT_DMY };
static const char *const layouts[3][2][5] = {
	{ WITH_TIMES("%m/%d/%Y", ""), WITH_TIMES("%m/%d/%Y", ",") },
	{ WITH_TIMES("%d/%m/%Y", ""), WITH_TIMES("%d/%m/%Y", ",") },
	{ WITH_TIMES("%d.%m.%Y", ""), WITH_TIMES("%d.%m.%Y", ",") },
};

/* Count the digits at *P (before END), at most MAX; advance *P. */
static int
run_of_digits(const char **p, const char *end, int max)
{
	int n = 0;

	while (*p < end && **p >= '0' && **p <= '9' && n <= max) {
		(*p)++;
		n++;
	}
	return n;
}

/* Are there one or two digits at *P? Advance *P past them. */
static int
one_or_two(const char **p, const char *end)
{
	int n = run_of_digits(p, end, 2);

	return n == 1 || n == 2;
}

/* FMT, when it reads the whole of S under date_parse(); else NULL. */
static const char *
if_parses(const char *s, size_t len, const char *fmt)
{
	char *f = (char *)fmt;
	struct date_formats one = { &f, 1 };
	kpi_time t;

	return fmt != NULL && date_parse(s, len, &one, &t) == NULL ? fmt : NULL;
}

const char *
date_suggest(const char *s, size_t len, const char **alt)
{
	const char *p, *end, *us = NULL, *dmy;
	char sep;
	int comma = 0, time = 0;

	*alt = NULL;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	p = s;
	end = s + len;
	/* D[D] SEP D[D] SEP YYYY: a four-digit year last, nothing else. */
	if (!one_or_two(&p, end) || p == end ||
	    (*p != '/' && *p != '.'))
		return NULL;
	sep = *p++;
	if (!one_or_two(&p, end) || p == end || *p++ != sep ||
	    run_of_digits(&p, end, 4) != 4)
		return NULL;
	/* Then [,] H[H]:MM[:SS] [AM|PM]. */
	if (p < end) {
		if (*p == ',') {
			comma = 1;
			p++;
		}
		if (p == end || *p++ != ' ')
			return NULL;
		while (p < end && *p == ' ')
			p++;
		if (!one_or_two(&p, end) || p == end ||
		    *p++ != ':' || run_of_digits(&p, end, 2) != 2)
			return NULL;
		time = 1;
		if (p < end && *p == ':') {
			p++;
			if (run_of_digits(&p, end, 2) != 2)
				return NULL;
			time = 2;
		}
		while (p < end && *p == ' ')
			p++;
		if (end - p == 2 && strchr("AaPp", p[0]) != NULL &&
		    (p[1] == 'M' || p[1] == 'm')) {
			time += 2;
			p += 2;
		}
		if (p != end)
			return NULL;
	}
	/* Each reading is kept only when it reads the value: so 13/13/2026
	** and 02/30/2026 get none, and 03/04/2026 gets both. */
	if (sep == '/')
		us = if_parses(s, len, layouts[LAYOUT_US][comma][time]);
	dmy = if_parses(s, len, layouts[sep == '/' ? LAYOUT_SLASH_DMY :
	    LAYOUT_DOT_DMY][comma][time]);
	if (us == NULL)
		return dmy;
	*alt = dmy;
	return us;
}

/* Day number of T (floor division: times before 1970 round down). */
static int64_t
day_of(kpi_time t)
{
	return t >= 0 ? t / MS_PER_DAY : -((-t + MS_PER_DAY - 1) / MS_PER_DAY);
}

char *
date_format_iso(char *buf, kpi_time t)
{
	int64_t day = day_of(t);
	int64_t ms = t - day * MS_PER_DAY, y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	if (ms == 0)
		snprintf(buf, 32, "%04lld-%02u-%02u", (long long)y, m, d);
	else if (ms % 1000 == 0)
		snprintf(buf, 32, "%04lld-%02u-%02uT%02d:%02d:%02dZ",
		    (long long)y, m, d, (int)(ms / 3600000),
		    (int)(ms / 60000 % 60), (int)(ms / 1000 % 60));
	else
		snprintf(buf, 32, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ",
		    (long long)y, m, d, (int)(ms / 3600000),
		    (int)(ms / 60000 % 60), (int)(ms / 1000 % 60),
		    (int)(ms % 1000));
	return buf;
}

static const char *const period_names[] = {
	[PERIOD_NONE] = "", [PERIOD_DAY] = "day", [PERIOD_WEEK] = "week",
	[PERIOD_MONTH] = "month", [PERIOD_QUARTER] = "quarter",
	[PERIOD_YEAR] = "year",
};

int
period_from_name(const char *name)
{
	for (int p = PERIOD_DAY; p <= PERIOD_YEAR; p++)
		if (strcmp(name, period_names[p]) == 0)
			return p;
	return -1;
}

const char *
period_name(enum period p)
{
	return period_names[p];
}

/* Monday 1 .. Sunday 7 of day number Z (1970-01-01 was a Thursday). */
static int
iso_weekday(int64_t z)
{
	int64_t w = (z + 3) % 7;

	return (int)(w < 0 ? w + 7 : w) + 1;
}

/* Fiscal year name and quarter (1-4) of civil month M of year Y. */
static void
fiscal(int64_t y, unsigned m, int fy_start, int64_t *fy, int *q)
{
	int index = ((int)m - fy_start + 12) % 12;    /* months into the FY */

	*fy = fy_start == 1 ? y : y + ((int)m >= fy_start);
	*q = index / 3 + 1;
}

char *
period_label(char *buf, kpi_time t, enum period p, int fy_start)
{
	int64_t z = day_of(t), y, fy;
	unsigned m, d;
	int q;

	civil_from_days(z, &y, &m, &d);
	switch (p) {
	case PERIOD_DAY:
		snprintf(buf, PERIOD_BUFSIZE, "%04lld-%02u-%02u", (long long)y, m, d);
		break;
	case PERIOD_WEEK: {
		/* The ISO week belongs to the year holding its Thursday. */
		int64_t thursday = z - iso_weekday(z) + 4, ty;
		unsigned tm, td;

		civil_from_days(thursday, &ty, &tm, &td);
		snprintf(buf, PERIOD_BUFSIZE, "%04lld-W%02d", (long long)ty,
		    (int)((thursday - days_from_civil(ty, 1, 1)) / 7 + 1));
		break;
	}
	case PERIOD_MONTH:
		snprintf(buf, PERIOD_BUFSIZE, "%04lld-%02u", (long long)y, m);
		break;
	case PERIOD_QUARTER:
		fiscal(y, m, fy_start, &fy, &q);
		snprintf(buf, PERIOD_BUFSIZE, "%04lld-Q%d", (long long)fy, q);
		break;
	case PERIOD_YEAR:
		fiscal(y, m, fy_start, &fy, &q);
		snprintf(buf, PERIOD_BUFSIZE, "%04lld", (long long)fy);
		break;
	default:
		buf[0] = '\0';
	}
	return buf;
}

/* The first day of fiscal year FY's month number INDEX (0-11). */
static int64_t
fiscal_month_start(int64_t fy, int index, int fy_start)
{
	int64_t y = fy_start == 1 ? fy : fy - 1;
	int m = fy_start + index;

	if (m > 12) {
		m -= 12;
		y++;
	}
	return days_from_civil(y, (unsigned)m, 1);
}

int
period_bounds(const char *label, enum period p, int fy_start, kpi_time *start,
    kpi_time *end)
{
	const char *s = label, *e = label + strlen(label);
	int y, m, d, w, q;
	int64_t z0, z1;

	if (digits(&s, e, 4, &y) < 0 || y < 1)
		return -1;
	switch (p) {
	case PERIOD_DAY:
		if (s == e || *s++ != '-' || digits(&s, e, 2, &m) < 0 ||
		    s == e || *s++ != '-' || digits(&s, e, 2, &d) < 0 ||
		    check_fields(y, m, d, 0, 0, 0) != NULL)
			return -1;
		z0 = days_from_civil(y, (unsigned)m, (unsigned)d);
		z1 = z0 + 1;
		break;
	case PERIOD_WEEK: {
		int64_t jan4;

		if (s == e || *s++ != '-' || s == e || *s++ != 'W' ||
		    digits(&s, e, 2, &w) < 0 || w < 1 || w > 53)
			return -1;
		jan4 = days_from_civil(y, 1, 4);
		z0 = jan4 - iso_weekday(jan4) + 1 + (int64_t)(w - 1) * 7;
		z1 = z0 + 7;
		if (w == 53) {
			char check[PERIOD_BUFSIZE];

			period_label(check, z0 * MS_PER_DAY, PERIOD_WEEK, 1);
			if (strcmp(check, label) != 0)
				return -1;
		}
		break;
	}
	case PERIOD_MONTH:
		if (s == e || *s++ != '-' || digits(&s, e, 2, &m) < 0 ||
		    m < 1 || m > 12)
			return -1;
		z0 = days_from_civil(y, (unsigned)m, 1);
		z1 = m == 12 ? days_from_civil(y + 1, 1, 1) :
		    days_from_civil(y, (unsigned)m + 1, 1);
		break;
	case PERIOD_QUARTER:
		if (s == e || *s++ != '-' || s == e || *s++ != 'Q' ||
		    digits(&s, e, 1, &q) < 0 || q < 1 || q > 4)
			return -1;
		z0 = fiscal_month_start(y, (q - 1) * 3, fy_start);
		z1 = q == 4 ? fiscal_month_start(y + 1, 0, fy_start) :
		    fiscal_month_start(y, q * 3, fy_start);
		break;
	case PERIOD_YEAR:
		z0 = fiscal_month_start(y, 0, fy_start);
		z1 = fiscal_month_start(y + 1, 0, fy_start);
		break;
	default:
		return -1;
	}
	if (s != e)
		return -1;
	*start = z0 * MS_PER_DAY;
	*end = z1 * MS_PER_DAY;
	return 0;
}
