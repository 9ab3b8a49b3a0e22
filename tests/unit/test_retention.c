/* See LICENSE file for copyright and license details. */
/* Unit tests of lib/retention.c: periods, monthly amounts, moves, the
** generator. Every expected value is worked out by hand in the comment
** beside it. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../lib/date.h"
#include "../../lib/retention.h"
#include "../../lib/rng.h"
#include "check.h"

static kpi_time
day(int y, unsigned m, unsigned d)
{
	return days_from_civil(y, m, d) * MS_PER_DAY;
}

/* The index of Y-M-D's period, and its label back, as period_label()
** writes the label of that day. */
static void
period(int y, unsigned m, unsigned d, int p, int fy, long long want,
    const char *label)
{
	char name[128], buf[PERIOD_BUFSIZE], direct[PERIOD_BUFSIZE];
	int64_t i = ret_period_index(day(y, m, d), p, fy);

	snprintf(name, sizeof name, "ret_period_index %04d-%02u-%02u %s fy %d",
	    y, m, d, period_name(p), fy);
	check_int(name, i, want);
	snprintf(name, sizeof name, "ret_period_label %lld %s fy %d", want,
	    period_name(p), fy);
	check_str(name, ret_period_label(buf, i, p, fy), label);
	snprintf(name, sizeof name, "period_label agrees, %04d-%02u-%02u %s",
	    y, m, d, period_name(p));
	check_str(name, period_label(direct, day(y, m, d), p, fy), label);
}

static void
move(money prev, money cur, long long gap, long long window,
    enum ret_move want, const char *what)
{
	char name[160];

	snprintf(name, sizeof name, "ret_classify %s", what);
	check_int(name, ret_classify(prev, cur, gap, window), want);
}

int
main(void)
{
	uint64_t s = 1, t = 1;
	int same = 1, inrange = 1;

	/* 2024-03: 2024 * 12 + 2 = 24290. */
	period(2024, 3, 5, PERIOD_MONTH, 1, 24290, "2024-03");
	/* Q1 2024: 24288 / 3 = 8096. */
	period(2024, 3, 31, PERIOD_QUARTER, 1, 8096, "2024-Q1");
	period(2024, 4, 1, PERIOD_QUARTER, 1, 8097, "2024-Q2");
	/* Fiscal year from July: July 2024 is 2025-Q1: (24294 - 6 + 12) / 3
	** = 8100 = 2025 * 4. */
	period(2024, 7, 1, PERIOD_QUARTER, 7, 8100, "2025-Q1");
	period(2024, 6, 30, PERIOD_QUARTER, 7, 8099, "2024-Q4");
	period(2024, 12, 31, PERIOD_YEAR, 1, 2024, "2024");
	period(2024, 7, 1, PERIOD_YEAR, 7, 2025, "2025");
	period(2024, 6, 30, PERIOD_YEAR, 7, 2024, "2024");
	/* April start: March 2025 ends fiscal 2025. */
	period(2025, 3, 31, PERIOD_YEAR, 4, 2025, "2025");
	period(2025, 4, 1, PERIOD_YEAR, 4, 2026, "2026");
	/* Before 1970 the division floors: 1969-12 is 1969 * 12 + 11. */
	period(1969, 12, 31, PERIOD_MONTH, 1, 23639, "1969-12");
	period(1969, 12, 31, PERIOD_QUARTER, 1, 7879, "1969-Q4");
	check_int("ret_periods_per_year month", ret_periods_per_year(
	    PERIOD_MONTH), 12);
	check_int("ret_periods_per_year quarter", ret_periods_per_year(
	    PERIOD_QUARTER), 4);
	check_int("ret_periods_per_year year", ret_periods_per_year(
	    PERIOD_YEAR), 1);

	/* 600 a year: 50 a month exactly (Stripe's example). */
	check_int("ret_monthly 600/year", ret_monthly(600000000, 1), 50000000);
	check_int("ret_monthly 100/month", ret_monthly(100000000, 0),
	    100000000);
	/* 100 / 12 = 8.3333333...: 8333333 micros (remainder 4 < 6). */
	check_int("ret_monthly 100/year", ret_monthly(100000000, 1), 8333333);
	/* 0.000006 / 12 = 0.5 micro: a tie, to even 0; 0.000018 / 12 = 1.5:
	** to even 2; 0.000030 / 12 = 2.5: 2; 0.000007 / 12 = 0.58: 1. */
	check_int("ret_monthly tie to even 0", ret_monthly(6, 1), 0);
	check_int("ret_monthly tie to even 2", ret_monthly(18, 1), 2);
	check_int("ret_monthly tie to even 2 (2.5)", ret_monthly(30, 1), 2);
	check_int("ret_monthly above half", ret_monthly(7, 1), 1);
	check_int("ret_monthly 999.95/year", ret_monthly(999950000, 1),
	    83329167);   /* 83.32916666...: 83329166.67 -> 83329167 */

	move(0, 0, -1, -1, MOVE_NONE, "nothing");
	move(0, 5, -1, -1, MOVE_NEW, "first payment");
	move(0, 5, 3, -1, MOVE_REACTIVATION, "a return, no window");
	move(0, 5, 3, 3, MOVE_REACTIVATION, "a return at the window");
	move(0, 5, 4, 3, MOVE_NEW, "a return past the window");
	move(0, 5, 1, 0, MOVE_NEW, "a return with window 0");
	move(5, 0, 0, -1, MOVE_CHURN, "a stop");
	move(5, 7, 0, -1, MOVE_EXPANSION, "more");
	move(7, 5, 0, -1, MOVE_CONTRACTION, "less");
	move(5, 5, 0, -1, MOVE_STAY, "the same");

	/* splitmix64 from seed 0: the first output of the reference
	** generator is 0xe220a8397b1dcdaf. */
	s = 0;
	check_int("splitmix64 first output",
	    (long long)(splitmix64(&s) == 0xe220a8397b1dcdafULL), 1);
	s = t = 7;
	for (int i = 0; i < 1000; i++) {
		uint64_t a = splitmix64_below(&s, 10), b = splitmix64_below(&t, 10);

		same &= a == b;
		inrange &= a < 10;
	}
	CHECK("splitmix64_below: one seed, one sequence", same);
	CHECK("splitmix64_below: below n", inrange);
	return finish();
}
