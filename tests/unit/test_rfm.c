/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/rfm.c's summariser on hand-worked orders: any row
** order, same-day merging, days before 1970, calendar weeks across a year
** end and calendar months. The fixtures of lifetimes and pymc-marketing
** are in tests/clv.test.
*/
#include <stdlib.h>
#include <string.h>

#include "../../lib/rfm.h"
#include "check.h"

static kpi_time
day(int y, unsigned m, unsigned d)
{
	return days_from_civil(y, m, d) * MS_PER_DAY;
}

static int
add(struct summariser *s, const char *id, kpi_time t, double amount)
{
	struct order o = { id, strlen(id), t, amount };

	return summariser_add(s, &o);
}

/* An order or refund of MICROS micro-units, for summariser_add_net(). */
static int
add_net(struct summariser *s, const char *id, kpi_time t, money micros,
    unsigned long line)
{
	struct order o = { id, strlen(id), t, (double)micros / MICROS_PER_UNIT };

	return summariser_add_net(s, &o, micros, 0, line);
}

int
main(void)
{
	struct summariser s;
	struct rfm_row *r;
	size_t n;

	check_int("unit weeks", rfm_unit_from_name("weeks"), UNIT_WEEKS);
	check_int("unit month", rfm_unit_from_name("month"), UNIT_MONTHS);
	check_int("unit years", rfm_unit_from_name("years"), -1);
	check_near("a month is 30.436875 days", rfm_unit_days(UNIT_MONTHS), 30.436875, 1e-12);

	/*
	 * Customer z, rows out of order across 1970: 1970-01-03 (4),
	 * 1969-12-30 (1), 1970-01-03 (6), 1969-12-31 (2). Days: 12-30 (1,
	 * first), 12-31 (2), 01-03 (10): frequency 2, recency 4, T 4 (the
	 * end is the last order), monetary (2 + 10) / 2 = 6.
	 */
	summariser_init(&s, UNIT_DAYS, 0, NO_TIME, NO_TIME);
	add(&s, "z", day(1970, 1, 3), 4);
	add(&s, "z", day(1969, 12, 30), 1);
	add(&s, "z", day(1970, 1, 3) + 3600000, 6);
	add(&s, "z", day(1969, 12, 31) + 86399999, 2);
	r = summariser_rows(&s, &n);
	check_int("days: one customer", (long long)n, 1);
	check_near("days: frequency", r[0].rfm.x, 2, 0);
	check_near("days: recency", r[0].rfm.tx, 4, 0);
	check_near("days: T", r[0].rfm.T, 4, 0);
	check_near("days: monetary value", r[0].rfm.m, 6, 0);
	free(r);
	summariser_free(&s);

	/*
	 * Calendar weeks: 2024-12-30 (Monday) and 2025-01-05 (Sunday) are
	 * ISO week 2025-W01; 2025-01-06 starts W02; 2024-12-29 (Sunday) is
	 * 2024-W52. Customer w: 12-29, 12-30, 01-05, 01-06: weeks 52, 1, 1,
	 * 2: frequency 2, recency 2, T to the end 2025-01-20 (W04): 4.
	 * Amounts 1, 2, 3, 4: monetary (2+3 + 4) / 2 = 4.5. An order in the
	 * end's week would count (lifetimes compares periods), one in the
	 * next week does not.
	 */
	summariser_init(&s, UNIT_WEEKS, 1, NO_TIME, day(2025, 1, 20));
	add(&s, "w", day(2024, 12, 29), 1);
	add(&s, "w", day(2024, 12, 30), 2);
	add(&s, "w", day(2025, 1, 5), 3);
	add(&s, "w", day(2025, 1, 6), 4);
	add(&s, "w", day(2025, 1, 27), 100);    /* after the end's week */
	r = summariser_rows(&s, &n);
	check_near("weeks: frequency", r[0].rfm.x, 2, 0);
	check_near("weeks: recency", r[0].rfm.tx, 2, 0);
	check_near("weeks: T", r[0].rfm.T, 4, 0);
	check_near("weeks: monetary value", r[0].rfm.m, 4.5, 0);
	free(r);
	summariser_free(&s);

	/*
	 * Calendar months with a holdout: calibration to 2024-02-10 (month
	 * February), end 2024-05-01 (May). m: 01-31, 02-01, 02-29 | 03-01,
	 * 05-01: calibration months Jan, Feb: frequency 1, recency 1, T 1;
	 * holdout months Mar, May: 2, duration May - Feb = 3.
	 */
	summariser_init(&s, UNIT_MONTHS, 1, day(2024, 2, 10), day(2024, 5, 1));
	add(&s, "m", day(2024, 1, 31), 5);
	add(&s, "m", day(2024, 2, 1), 5);
	add(&s, "m", day(2024, 2, 29), 5);
	add(&s, "m", day(2024, 3, 1), 8);
	add(&s, "m", day(2024, 5, 1), 4);
	add(&s, "late", day(2024, 4, 1), 4);    /* first order in the holdout */
	r = summariser_rows(&s, &n);
	check_int("months: the holdout-only customer is left out", (long long)n, 1);
	check_near("months: frequency", r[0].rfm.x, 1, 0);
	check_near("months: recency", r[0].rfm.tx, 1, 0);
	check_near("months: T", r[0].rfm.T, 1, 0);
	check_near("months: monetary value", r[0].rfm.m, 10, 0);
	check_near("months: frequency_holdout", r[0].freq_holdout, 2, 0);
	check_near("months: monetary_value_holdout", r[0].monetary_holdout, 6, 0);
	check_near("months: duration_holdout", r[0].duration_holdout, 3, 0);
	free(r);
	summariser_free(&s);

	/*
	 * Amounts whose sum leaves the range of a double: the order that
	 * would make it infinite is refused, and the customer stays as
	 * before it (frequency 1, monetary 8e307, the last day 01-02).
	 */
	summariser_init(&s, UNIT_DAYS, 0, NO_TIME, NO_TIME);
	check_int("overflow: first order", add(&s, "o", day(2024, 1, 1), 8e307), 0);
	check_int("overflow: second order", add(&s, "o", day(2024, 1, 2), 8e307), 0);
	check_int("overflow: third order refused",
	    add(&s, "o", day(2024, 1, 3), 8e307), -1);
	check_int("overflow: same day refused",
	    add(&s, "o", day(2024, 1, 2), 8e307), -1);
	check_int("overflow: another customer", add(&s, "p", day(2024, 1, 2), 8e307), 0);
	r = summariser_rows(&s, &n);
	check_int("overflow: two customers", (long long)n, 2);
	check_near("overflow: frequency unchanged", r[0].rfm.x, 1, 0);
	check_near("overflow: T to the last order counted", r[0].rfm.T, 1, 0);
	check_near("overflow: monetary unchanged", r[0].rfm.m, 8e307, 0);
	free(r);
	summariser_free(&s);

	/*
	 * Refunds netted (clv --refunds net), rows out of order. Customer q:
	 * 01-01 10, 01-03 6 - 2 = 4, 01-05 3 (returned whole by 01-07's 5,
	 * which takes 2 more from 01-03: 2 left), 01-09 0 (a purchase of 0):
	 * purchases 01-01, 01-03 (2), 01-09 (0): x 2, t_x 8, T 8, m 1.
	 * Customer z: 01-02 1, refunded 1 the same day: no purchase, no row.
	 */
	summariser_init(&s, UNIT_DAYS, 0, NO_TIME, NO_TIME);
	add_net(&s, "q", day(2024, 1, 7), -5000000, 9);
	add_net(&s, "q", day(2024, 1, 9), 0, 10);
	add_net(&s, "q", day(2024, 1, 3), 6000000, 3);
	add_net(&s, "z", day(2024, 1, 2), -1000000, 6);
	add_net(&s, "q", day(2024, 1, 5), 3000000, 5);
	add_net(&s, "q", day(2024, 1, 3), -2000000, 4);
	add_net(&s, "z", day(2024, 1, 2), 1000000, 7);
	add_net(&s, "q", day(2024, 1, 1), 10000000, 2);
	{
		struct net_failure f;

		check_int("net: nothing exceeds", summariser_net(&s, &f), 0);
	}
	r = summariser_rows(&s, &n);
	check_int("net: one customer left", (long long)n, 1);
	check_near("net: frequency", r[0].rfm.x, 2, 0);
	check_near("net: recency", r[0].rfm.tx, 8, 0);
	check_near("net: T", r[0].rfm.T, 8, 0);
	check_near("net: monetary value (2 + 0) / 2", r[0].rfm.m, 1, 0);
	free(r);
	summariser_free(&s);

	/* A refund beyond the purchases so far: 01-01 4, 01-02 refund 3
	 * (line 7) and 2 (line 5): 1 over, named at the first row read. */
	summariser_init(&s, UNIT_DAYS, 0, NO_TIME, NO_TIME);
	add_net(&s, "w", day(2024, 1, 2), -2000000, 5);
	add_net(&s, "w", day(2024, 1, 3), 9000000, 6);
	add_net(&s, "w", day(2024, 1, 2), -3000000, 7);
	add_net(&s, "w", day(2024, 1, 1), 4000000, 8);
	{
		struct net_failure f;

		check_int("net exceeds: refused", summariser_net(&s, &f), -1);
		check_int("net exceeds: line", (long long)f.line, 5);
		check_int("net exceeds: by 1", (long long)f.excess, 1000000);
		check_int("net exceeds: the day", (long long)f.when,
		    (long long)day(2024, 1, 2));
		check_int("net exceeds: the customer", (long long)f.idlen, 1);
	}
	summariser_free(&s);
	return finish();
}
