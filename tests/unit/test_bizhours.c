/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/bizhours.c and lib/sla.c, each value worked by hand
** from a calendar (2024-03-01 is a Friday; 1970-01-01 was a Thursday,
** 1969-12-29 a Monday) and written out beside it.
*/
#include <math.h>
#include <stdint.h>

#include "../../lib/bizhours.h"
#include "../../lib/date.h"
#include "../../lib/sla.h"
#include "check.h"

#define H 3600000LL
#define M 60000LL

static kpi_time
at(const char *s)
{
	kpi_time t = NO_TIME;

	date_parse(s, strlen(s), NULL, &t);
	return t;
}

static void
between(const char *name, const struct bizhours *bh, const char *a,
    const char *b, long long want)
{
	check_int(name, bizhours_between(bh, at(a), at(b)), want);
}

int
main(void)
{
	struct bizhours bh, sat, wrap, day;
	struct sla_counts c;
	int64_t ms = 0;

	check_str("bizhours parse 09:00-17:00,mon-fri",
	    bizhours_parse("09:00-17:00,mon-fri", &bh), NULL);
	check_int("bizhours week of 5 x 8 h", bh.week_ms, 40 * H);
	between("bizhours Fri 16:00 -> Mon 10:00 = 1 + 1 h", &bh,
	    "2024-03-01T16:00Z", "2024-03-04T10:00Z", 2 * H);
	between("bizhours Mon 10:00 -> Fri 16:00, backwards = -2 h", &bh,
	    "2024-03-04T10:00Z", "2024-03-01T16:00Z", -2 * H);
	between("bizhours a weekend = 0", &bh,
	    "2024-03-02T00:00Z", "2024-03-04T09:00Z", 0);
	between("bizhours a night = 0", &bh,
	    "2024-03-04T17:00Z", "2024-03-05T09:00Z", 0);
	between("bizhours Mon 09:00:30 -> 09:01:00 = 30 s", &bh,
	    "2024-03-04T09:00:30Z", "2024-03-04T09:01Z", 30000);
	/* Fri 03-01 12:00 to Tue 03-26 10:30: Fri 5 h, three whole weeks
	** 120 h, Mon 03-25 8 h, Tue 1.5 h = 134.5 h. */
	between("bizhours 3 weeks and parts = 134.5 h", &bh,
	    "2024-03-01T12:00Z", "2024-03-26T10:30Z", 1345 * H / 10);
	/* Across the epoch: Tue 1969-12-30 16:00 to Fri 1970-01-02 09:15:
	** Tue 1 h, Wed and Thu 8 h each, Fri 0.25 h = 17.25 h. */
	between("bizhours across 1970 = 17.25 h", &bh,
	    "1969-12-30T16:00Z", "1970-01-02T09:15Z", 1725 * H / 100);
	/* 2024-02-28 (Wed) 12:00 to 2024-03-01 (Fri) 12:00, a leap day
	** between: Wed 5, Thu 02-29 8, Fri 3 = 16 h. */
	between("bizhours over 29 February = 16 h", &bh,
	    "2024-02-28T12:00Z", "2024-03-01T12:00Z", 16 * H);

	check_str("bizhours parse 08:30-18:00,mon-sat",
	    bizhours_parse("08:30-18:00,Mon-SAT", &sat), NULL);
	check_int("bizhours week of 6 x 9.5 h", sat.week_ms, 57 * H);
	between("bizhours mon-sat Fri 16:00 -> Mon 10:00 = 2 + 9.5 + 1.5", &sat,
	    "2024-03-01T16:00Z", "2024-03-04T10:00Z", 13 * H);
	check_str("bizhours parse 22:00-24:00,sun-tue (wraps)",
	    bizhours_parse("22:00-24:00,sun-tue", &wrap), NULL);
	check_int("bizhours sun-tue week = 3 x 2 h", wrap.week_ms, 6 * H);
	between("bizhours sun-tue Sat 23:00 -> Mon 23:00 = Sun 2 + Mon 1",
	    &wrap, "2024-03-02T23:00Z", "2024-03-04T23:00Z", 3 * H);
	check_str("bizhours parse 00:00-24:00,wed (one day)",
	    bizhours_parse("00:00-24:00,wed", &day), NULL);
	between("bizhours wed only, a whole week = 24 h", &day,
	    "2024-03-01T05:00Z", "2024-03-08T05:00Z", 24 * H);

	check_str("bizhours no close",
	    bizhours_parse("09:00,mon-fri", &day),
	    "the hours are not HH:MM-HH:MM (00:00 to 24:00)");
	check_str("bizhours 24:30",
	    bizhours_parse("09:00-24:30,mon", &day),
	    "the hours are not HH:MM-HH:MM (00:00 to 24:00)");
	check_str("bizhours empty window",
	    bizhours_parse("09:00-09:00,mon", &day),
	    "the hours must close after they open, on the same day");
	check_str("bizhours monday spelt out",
	    bizhours_parse("09:00-17:00,monday", &day),
	    "the days are not mon, tue, ... sun, or a range of them (mon-fri)");

	check_str("sla 24h", sla_parse_duration("24h", &ms), NULL);
	check_int("sla 24h in ms", ms, 24 * H);
	check_str("sla 90m", sla_parse_duration("90m", &ms), NULL);
	check_int("sla 90m in ms", ms, 90 * M);
	check_str("sla 1.5d", sla_parse_duration("1.5d", &ms), NULL);
	check_int("sla 1.5d in ms", ms, 36 * H);
	check_str("sla 1w", sla_parse_duration("1w", &ms), NULL);
	check_int("sla 1w in ms", ms, 168 * H);
	check_str("sla 10000d is the most", sla_parse_duration("10000d", &ms),
	    NULL);
	check_str("sla h alone", sla_parse_duration("h", &ms),
	    "not a number and a unit: m, h, d or w (24h, 2d, 90m, 1w)");

	/* Handled 23, 24, 25 h; one lost; open 10 and 30 h, SLA 24 h:
	** within 2 (24 = the SLA is met), breached 25 + lost + 30 = 3,
	** pending 1; rate 2/5; Wilson n = 5: 1 + z^2/5 = 1.768292, centre
	** (.4 + .384146) / 1.768292 = .443448, half 1.108393 * sqrt(.048 +
	** .038415) = 1.108393 * .293965 = .325827: [.117621, .769276]. */
	{
		double handled[] = { 25, 23, 24 }, open[] = { 30, 10 };

		sla_count(&c, 24, handled, 3, 1, open, 2, 0.95);
		check_int("sla within", (long long)c.within, 2);
		check_int("sla breached", (long long)c.breached, 3);
		check_int("sla pending", (long long)c.pending, 1);
		check_near("sla rate", c.rate, 0.4, 1e-12);
		check_near("sla rate lo", c.lo, 0.117621, 1e-6);
		check_near("sla rate hi", c.hi, 0.769276, 1e-6);
		sla_count(&c, 24, NULL, 0, 0, open + 1, 1, 0.95);
		CHECK("sla all pending: rate undefined",
		    c.pending == 1 && isnan(c.rate) && isnan(c.lo));
	}
	return finish();
}
