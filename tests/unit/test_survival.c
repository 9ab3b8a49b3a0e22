/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/survival.c against published Kaplan-Meier worked
** examples, typed in here with their sources:
**
**  - The 6-MP arm of the Freireich et al. (1963) leukaemia remission
**    trial (Gehan 1965; MASS's data set 'gehan'), worked by hand in
**    D. G. Kleinbaum and M. Klein, Survival Analysis: A Self-Learning
**    Text, 3rd ed., Springer 2012, chapter 2 (the table of ordered
**    failure times): n_f 21, 17, 15, 12, 11, 7, 6; S = 0.8571, 0.8067,
**    0.7529, 0.6902, 0.6275, 0.5378, 0.4482; median 23. Its placebo arm,
**    uncensored: median 8.
**  - R's survival package, data set 'aml' (Miller 1981, Survival
**    Analysis, p. 49): print(survfit(Surv(time, status) ~ x, data = aml))
**    gives median 31 (Maintained) and 23 (Nonmaintained);
**    summary() gives the survival column 0.909 0.818 0.716 0.614 0.491
**    0.368 0.184 (Maintained); and survfit(Surv(time) ~ x, data = aml),
**    every time an event, gives medians 28.0 and 19.5 (the midpoint rule).
**
** The exact survival values below are the products of (1 - d/n) written as
** fractions (63/88 and so on), which round to the published figures.
*/
#include <math.h>
#include <stdlib.h>

#include "../../lib/survival.h"
#include "check.h"

static void
check_steps(const char *name, const struct km *km, const double *time,
    const unsigned *at_risk, const unsigned *events, const double *surv,
    size_t n)
{
	char label[160];

	snprintf(label, sizeof label, "%s: %zu steps", name, n);
	check_int(label, (long long)km->n, (long long)n);
	for (size_t j = 0; j < n && j < km->n; j++) {
		snprintf(label, sizeof label, "%s: step %zu time", name, j);
		check_near(label, km->step[j].time, time[j], 0);
		snprintf(label, sizeof label, "%s: at risk at %g", name, time[j]);
		check_int(label, (long long)km->step[j].at_risk, at_risk[j]);
		snprintf(label, sizeof label, "%s: events at %g", name, time[j]);
		check_int(label, (long long)km->step[j].events, events[j]);
		snprintf(label, sizeof label, "%s: S(%g)", name, time[j]);
		check_near(label, km->step[j].surv, surv[j], 1e-12);
	}
}

/* Kleinbaum and Klein, chapter 2: the 6-MP arm; ties of events and a
** censoring at 6 and at 10. */
static void
gehan_6mp(void)
{
	static const double ev[] = { 6, 6, 6, 7, 10, 13, 16, 22, 23 };
	static const double cens[] = {
		6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35,
	};
	static const double time[] = { 6, 7, 10, 13, 16, 22, 23 };
	static const unsigned at_risk[] = { 21, 17, 15, 12, 11, 7, 6 };
	static const unsigned events[] = { 3, 1, 1, 1, 1, 1, 1 };
	double surv[7];
	struct km km;

	surv[0] = 18.0 / 21;
	surv[1] = surv[0] * 16 / 17;
	surv[2] = surv[1] * 14 / 15;
	surv[3] = surv[2] * 11 / 12;
	surv[4] = surv[3] * 10 / 11;
	surv[5] = surv[4] * 6 / 7;
	surv[6] = surv[5] * 5 / 6;
	km_estimate(&km, ev, 9, cens, 12);
	check_steps("km 6-MP", &km, time, at_risk, events, surv, 7);
	/* The book's four-decimal figures. */
	check_near("km 6-MP S(6) = 0.8571", km.step[0].surv, 0.8571, 5e-5);
	check_near("km 6-MP S(7) = 0.8067", km.step[1].surv, 0.8067, 5e-5);
	check_near("km 6-MP S(10) = 0.7529", km.step[2].surv, 0.7529, 5e-5);
	check_near("km 6-MP S(13) = 0.6902", km.step[3].surv, 0.6902, 5e-5);
	check_near("km 6-MP S(16) = 0.6275", km.step[4].surv, 0.6275, 5e-5);
	check_near("km 6-MP S(22) = 0.5378", km.step[5].surv, 0.5378, 5e-5);
	check_near("km 6-MP S(23) = 0.4482", km.step[6].surv, 0.4482, 5e-5);
	check_near("km 6-MP median 23", km_quantile(&km, 0.5), 23, 0);
	check_result(isnan(km_quantile(&km, 0.75)),
	    "km 6-MP: S never reaches 0.25, so no 75th percentile", "");
	check_near("km 6-MP S before the first event", km_surv(&km, 5.9), 1, 0);
	check_near("km 6-MP S(6) from km_surv", km_surv(&km, 6), surv[0], 1e-12);
	check_near("km 6-MP S(10.5) holds S(10)", km_surv(&km, 10.5), surv[2], 1e-12);
	check_near("km 6-MP S(100) holds S(23)", km_surv(&km, 100), surv[6], 1e-12);
	check_near("km 6-MP last time 35", km.last_time, 35, 0);
	check_int("km 6-MP events", (long long)km.events, 9);
	check_int("km 6-MP censored", (long long)km.censored, 12);
	km_free(&km);
}

/* The placebo arm, every remission ended: KM is 1 - the empirical CDF. */
static void
gehan_placebo(void)
{
	static const double ev[] = {
		1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17,
		22, 23,
	};
	struct km km;

	km_estimate(&km, ev, 21, NULL, 0);
	check_int("km placebo: 12 distinct times", (long long)km.n, 12);
	check_near("km placebo S(5) = 12/21", km_surv(&km, 5), 12.0 / 21, 1e-12);
	check_near("km placebo S(8) = 8/21", km_surv(&km, 8), 8.0 / 21, 1e-12);
	check_near("km placebo S(23) = 0", km_surv(&km, 23), 0, 1e-12);
	check_near("km placebo median 8", km_quantile(&km, 0.5), 8, 0);
	/* S(4) = 14/21 is the first <= 0.75; S(12) = 4/21 the first <= 0.25. */
	check_near("km placebo 25th percentile 4", km_quantile(&km, 0.25), 4, 0);
	check_near("km placebo 75th percentile 12", km_quantile(&km, 0.75), 12, 0);
	km_free(&km);
}

static void
aml(void)
{
	static const double m_ev[] = { 9, 13, 18, 23, 31, 34, 48 };
	static const double m_cens[] = { 13, 28, 45, 161 };
	static const double m_time[] = { 9, 13, 18, 23, 31, 34, 48 };
	static const unsigned m_risk[] = { 11, 10, 8, 7, 5, 4, 2 };
	static const unsigned ones[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	static const double m_surv[] = {
		10.0 / 11, 9.0 / 11, 63.0 / 88, 27.0 / 44, 27.0 / 55, 81.0 / 220,
		81.0 / 440,
	};
	static const double published[] = {
		0.909, 0.818, 0.716, 0.614, 0.491, 0.368, 0.184,
	};
	static const double n_ev[] = { 5, 5, 8, 8, 12, 23, 27, 30, 33, 43, 45 };
	static const double n_cens[] = { 16 };
	static const double m_all[] = { 9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161 };
	static const double n_all[] = { 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45 };
	struct km km;
	char name[64];

	km_estimate(&km, m_ev, 7, m_cens, 4);
	check_steps("km aml maintained", &km, m_time, m_risk, ones, m_surv, 7);
	for (size_t j = 0; j < 7; j++) {
		snprintf(name, sizeof name, "km aml maintained S = %.3f",
		    published[j]);
		check_near(name, km.step[j].surv, published[j], 5e-4);
	}
	check_near("km aml maintained median 31", km_quantile(&km, 0.5), 31, 0);
	check_near("km aml maintained 25th percentile 18",
	    km_quantile(&km, 0.25), 18, 0);
	check_near("km aml maintained 75th percentile 48",
	    km_quantile(&km, 0.75), 48, 0);
	km_free(&km);

	/* S(23) = 7/12 * 5/6 = 35/72 < 0.5: the median is 23, no midpoint. */
	km_estimate(&km, n_ev, 11, n_cens, 1);
	check_near("km aml nonmaintained S(23) = 35/72", km_surv(&km, 23),
	    35.0 / 72, 1e-12);
	check_near("km aml nonmaintained median 23", km_quantile(&km, 0.5), 23, 0);
	check_near("km aml nonmaintained S(45) = 0", km_surv(&km, 45), 0, 0);
	km_free(&km);

	/* Every time an event: S(28) = 5/11, so 28; and S(16) = 6/12 exactly,
	** flat until 23: the midpoint 19.5. */
	km_estimate(&km, m_all, 11, NULL, 0);
	check_near("km aml maintained uncensored median 28",
	    km_quantile(&km, 0.5), 28, 0);
	km_free(&km);
	km_estimate(&km, n_all, 12, NULL, 0);
	check_near("km aml nonmaintained uncensored median 19.5",
	    km_quantile(&km, 0.5), 19.5, 0);
	km_free(&km);
}

/* By hand, from the rule of quantile.survfit (see survival.h). */
static void
midpoints(void)
{
	static const double four[] = { 1, 2, 3, 4 };
	static const double ev[] = { 1, 2 }, cens[] = { 3, 4 };
	static const double zeros[] = { 0, 0, 0 }, zero_cens[] = { 0 };
	struct km km;

	/* S = 3/4, 1/2, 1/4, 0: every quantile is on a flat. */
	km_estimate(&km, four, 4, NULL, 0);
	check_near("km {1,2,3,4} median 2.5", km_quantile(&km, 0.5), 2.5, 0);
	check_near("km {1,2,3,4} 25th 1.5", km_quantile(&km, 0.25), 1.5, 0);
	check_near("km {1,2,3,4} 75th 3.5", km_quantile(&km, 0.75), 3.5, 0);
	km_free(&km);

	/* S(1) = 3/4, S(2) = 3/4 * (1 - 1/3) = 1/2, then only censorings, the
	** last at 4: the flat at 1/2 runs to the end, so (2 + 4) / 2 = 3. */
	km_estimate(&km, ev, 2, cens, 2);
	check_near("km 1,2,3+,4+ S(2) = 1/2", km_surv(&km, 2), 0.5, 1e-15);
	check_near("km 1,2,3+,4+ median 3 (flat to the end)",
	    km_quantile(&km, 0.5), 3, 0);
	check_result(isnan(km_quantile(&km, 0.75)),
	    "km 1,2,3+,4+ has no 75th percentile", "");
	km_free(&km);

	/* Three of four end at 0 (the censoring at 0 is still at risk). */
	km_estimate(&km, zeros, 3, zero_cens, 1);
	check_int("km zeros: one step", (long long)km.n, 1);
	check_int("km zeros: 4 at risk at 0", (long long)km.step[0].at_risk, 4);
	check_near("km zeros: S(0) = 1/4", km.step[0].surv, 0.25, 0);
	check_near("km zeros: median 0", km_quantile(&km, 0.5), 0, 0);
	check_near("km zeros: 75th percentile 0", km_quantile(&km, 0.75), 0, 0);
	km_free(&km);
}

static void
empty(void)
{
	static const double cens[] = { 1, 5 }, one[] = { 7 };
	struct km km;

	km_estimate(&km, NULL, 0, NULL, 0);
	check_int("km nothing: no steps", (long long)km.n, 0);
	check_result(isnan(km.last_time), "km nothing: no last time", "");
	check_result(isnan(km_quantile(&km, 0.5)), "km nothing: no median", "");
	check_near("km nothing: S = 1", km_surv(&km, 3), 1, 0);
	km_free(&km);

	km_estimate(&km, NULL, 0, cens, 2);
	check_result(isnan(km_quantile(&km, 0.5)), "km all censored: no median", "");
	check_near("km all censored: last time 5", km.last_time, 5, 0);
	km_free(&km);

	km_estimate(&km, one, 1, NULL, 0);
	check_near("km one event: median 7", km_quantile(&km, 0.5), 7, 0);
	check_near("km one event: 75th 7", km_quantile(&km, 0.75), 7, 0);
	check_result(isnan(km_quantile(&km, 0)), "km p = 0 is undefined", "");
	check_result(isnan(km_quantile(&km, 1)), "km p = 1 is undefined", "");
	km_free(&km);
}

/* km_estimate_at(): the AML maintained arm with its censored times given
** as start times before an as-of time, in no order: the same estimate. */
static void
at_asof(void)
{
	static const double m_ev[] = { 9, 13, 18, 23, 31, 34, 48 };
	static const double starts[] = { 1000 - 45, 1000 - 13, 1000 - 161,
	    1000 - 28 };
	struct km km;

	km_estimate_at(&km, m_ev, 7, starts, 4, 1000);
	check_int("km_estimate_at: censored", (long long)km.censored, 4);
	check_near("km_estimate_at: last time 161", km.last_time, 161, 0);
	check_near("km_estimate_at: S(48) as km_estimate()", km_surv(&km, 48),
	    81.0 / 440, 1e-12);
	check_near("km_estimate_at: median 31", km_quantile(&km, 0.5), 31, 0);
	km_free(&km);
	km_estimate_at(&km, m_ev, 7, NULL, 0, 1000);
	check_int("km_estimate_at: none open", (long long)km.censored, 0);
	km_free(&km);
}

int
main(void)
{
	gehan_6mp();
	gehan_placebo();
	aml();
	midpoints();
	empty();
	at_asof();
	return finish();
}
