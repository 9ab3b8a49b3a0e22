/* See LICENSE file for copyright and license details. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "bizhours.h"

#define MS_PER_HOUR 3600000LL
#define MS_PER_MINUTE 60000LL
#define MS_PER_WEEK (7 * MS_PER_DAY)
/* 1970-01-05T00:00:00Z, a Monday: the origin of W(t). */
#define MONDAY_ORIGIN (4 * MS_PER_DAY)

static const char *const day_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

/* "HH:MM" at *P (exactly five characters) into ms after midnight, 00:00
** to 24:00; advances *P. -1 when it is not such a time. */
static int64_t
clock_time(const char **p)
{
	const char *s = *p;
	int h, m;

	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    s[2] != ':' || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	*p = s + 5;
	return h * MS_PER_HOUR + m * MS_PER_MINUTE;
}

/* The day named by the three letters at *P (any case), Monday = 0;
** advances *P. -1 when it names none. */
static int
day_name(const char **p)
{
	for (int d = 0; d < 7; d++) {
		const char *s = *p;
		int i;

		for (i = 0; i < 3 && tolower((unsigned char)s[i]) ==
		    day_names[d][i]; i++)
			;
		if (i == 3 && !isalpha((unsigned char)s[3])) {
			*p = s + 3;
			return d;
		}
	}
	return -1;
}

const char *
bizhours_parse(const char *spec, struct bizhours *bh)
{
	const char *p = spec;
	int first, last;

	memset(bh, 0, sizeof *bh);
	if ((bh->open_ms = clock_time(&p)) < 0 || *p++ != '-' ||
	    (bh->close_ms = clock_time(&p)) < 0)
		return "the hours are not HH:MM-HH:MM (00:00 to 24:00)";
	if (bh->open_ms == 24 * MS_PER_HOUR)
		return "the hours cannot open at 24:00";
	if (bh->close_ms <= bh->open_ms)
		return "the hours must close after they open, on the same day";
	if (*p++ != ',')
		return "a comma and the days must follow the hours "
		    "(09:00-17:00,mon-fri)";
	if ((first = day_name(&p)) < 0)
		return "the days are not mon, tue, ... sun, or a range of them "
		    "(mon-fri)";
	last = first;
	if (*p == '-') {
		p++;
		if ((last = day_name(&p)) < 0)
			return "the days are not mon, tue, ... sun, or a range of "
			    "them (mon-fri)";
	}
	if (*p != '\0')
		return "trailing text after the days";
	for (int d = first;; d = (d + 1) % 7) {
		bh->workday[d] = 1;
		if (d == last)
			break;
	}
	for (int d = 0; d < 7; d++) {
		bh->before_ms[d] = bh->week_ms;
		if (bh->workday[d])
			bh->week_ms += bh->close_ms - bh->open_ms;
	}
	return NULL;
}

/* Floor division and its non-negative remainder, for times before the
** origin. */
static int64_t
floor_div(int64_t a, int64_t b, int64_t *rem)
{
	int64_t q = a / b, r = a % b;

	if (r < 0) {
		r += b;
		q--;
	}
	*rem = r;
	return q;
}

/* W(T): the working ms from MONDAY_ORIGIN to T (negative before it). */
static int64_t
working_since_origin(const struct bizhours *bh, kpi_time t)
{
	int64_t in_week, in_day, weeks, day, w;

	weeks = floor_div(t - MONDAY_ORIGIN, MS_PER_WEEK, &in_week);
	day = in_week / MS_PER_DAY;
	in_day = in_week % MS_PER_DAY;
	w = weeks * bh->week_ms + bh->before_ms[day];
	if (bh->workday[day] && in_day > bh->open_ms)
		w += (in_day < bh->close_ms ? in_day : bh->close_ms) -
		    bh->open_ms;
	return w;
}

int64_t
bizhours_between(const struct bizhours *bh, kpi_time a, kpi_time b)
{
	return working_since_origin(bh, b) - working_since_origin(bh, a);
}
