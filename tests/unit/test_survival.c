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
**  - The same fit's intervals, survival's own saved test output,
**    therneau/survival tests/doaml.Rout.save, summary(fit) of
**    survfit(Surv(aml$time, aml$status) ~ aml$x): std.err (of S), lower
**    and upper 95% CI, Greenwood and conf.type = "log" being the defaults;
**    at the Nonmaintained arm's last event, S = 0: std.err NaN, bounds NA.
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

/* z for 95%: qnorm(0.975). */
#define Z95 1.959963984540054

/*
** km_at() against R's printed intervals for aml (see the top): std.err
** to 4 decimals, the lower bound to 4 significant digits, the upper to
** 3 decimals.
*/
static void
aml_intervals(void)
{
	static const double m_ev[] = { 9, 13, 18, 23, 31, 34, 48 };
	static const double m_cens[] = { 13, 28, 45, 161 };
	static const double m[][4] = {   /* time, std.err, lower, upper */
		{ 9, 0.0867, 0.7541, 1.000 }, { 13, 0.1163, 0.6192, 1.000 },
		{ 18, 0.1397, 0.4884, 1.000 }, { 23, 0.1526, 0.3769, 0.999 },
		{ 31, 0.1642, 0.2549, 0.946 }, { 34, 0.1627, 0.1549, 0.875 },
		{ 48, 0.1535, 0.0359, 0.944 },
	};
	static const double n_ev[] = { 5, 5, 8, 8, 12, 23, 27, 30, 33, 43, 45 };
	static const double n_cens[] = { 16 };
	static const double nm[][4] = {
		{ 5, 0.1076, 0.6470, 1.000 }, { 8, 0.1361, 0.4468, 0.995 },
		{ 12, 0.1423, 0.3616, 0.941 }, { 23, 0.1481, 0.2675, 0.883 },
		{ 27, 0.1470, 0.1854, 0.816 }, { 30, 0.1387, 0.1148, 0.741 },
		{ 33, 0.1219, 0.0569, 0.664 }, { 43, 0.0919, 0.0153, 0.620 },
	};
	struct km km;
	struct km_point p;
	char name[96];

	km_estimate(&km, m_ev, 7, m_cens, 4);
	for (size_t j = 0; j < 7; j++) {
		check_int("km_at aml maintained: in range",
		    km_at(&km, m[j][0], 0.95, &p), 0);
		snprintf(name, sizeof name, "km_at aml maintained t=%g std.err "
		    "%.4f", m[j][0], m[j][1]);
		check_near(name, p.surv * p.se_log, m[j][1], 5e-5);
		snprintf(name, sizeof name, "km_at aml maintained t=%g lower "
		    "%.4f", m[j][0], m[j][2]);
		check_near(name, p.lo, m[j][2], 5e-5);
		snprintf(name, sizeof name, "km_at aml maintained t=%g upper "
		    "%.3f", m[j][0], m[j][3]);
		check_near(name, p.hi, m[j][3], 5e-4);
	}
	/* Before the first event: S 1, se 0, [1, 1], as R's time-0 row. */
	km_at(&km, 8.999, 0.95, &p);
	CHECK("km_at aml maintained t=8.999: S 1, [1, 1]", p.surv == 1 &&
	    p.se_log == 0 && p.lo == 1 && p.hi == 1);
	/* Between events, and up to the last censoring (161), the last event's
	** values hold; just past it nothing (summary(extend = FALSE)). */
	km_at(&km, 47.9, 0.95, &p);
	check_near("km_at aml maintained t=47.9 holds S(34) = 81/220", p.surv,
	    81.0 / 220, 1e-15);
	km_at(&km, 161, 0.95, &p);
	check_near("km_at aml maintained t=161 (last censoring) holds S(48)",
	    p.surv, 81.0 / 440, 1e-15);
	check_near("km_at aml maintained t=161 lower as at 48", p.lo, 0.0359,
	    5e-5);
	CHECK("km_at aml maintained t=161.001: past the last time, no value",
	    km_at(&km, 161.001, 0.95, &p) == -1 && isnan(p.surv) &&
	    isnan(p.lo) && isnan(p.hi) && isnan(p.se_log));
	km_free(&km);

	km_estimate(&km, n_ev, 11, n_cens, 1);
	for (size_t j = 0; j < 8; j++) {
		km_at(&km, nm[j][0], 0.95, &p);
		snprintf(name, sizeof name, "km_at aml nonmaintained t=%g "
		    "std.err %.4f", nm[j][0], nm[j][1]);
		check_near(name, p.surv * p.se_log, nm[j][1], 5e-5);
		snprintf(name, sizeof name, "km_at aml nonmaintained t=%g lower "
		    "%.4f", nm[j][0], nm[j][2]);
		check_near(name, p.lo, nm[j][2], 5e-5);
		snprintf(name, sizeof name, "km_at aml nonmaintained t=%g upper "
		    "%.3f", nm[j][0], nm[j][3]);
		check_near(name, p.hi, nm[j][3], 5e-4);
	}
	/* t=45: n 1, d 1: S 0, std.err NaN, bounds NA. */
	CHECK("km_at aml nonmaintained t=45: S 0, no bounds (R: NaN, NA, NA)",
	    km_at(&km, 45, 0.95, &p) == 0 && p.surv == 0 &&
	    isinf(p.se_log) && isnan(p.lo) && isnan(p.hi));
	CHECK("km_at aml nonmaintained t=45.5: past the last time",
	    km_at(&km, 45.5, 0.95, &p) == -1);
	km_free(&km);
}

/*
** By hand: events 2, 4, 4; censored 3, 6 (n = 5).
**   t=2: n 5, d 1: S = 4/5;        Greenwood 1/(5*4) = 1/20
**   t=4: n 3, d 2: S = 4/5 * 1/3 = 4/15; + 2/(3*1): 1/20 + 2/3 = 43/60
** At 2: se = sqrt(1/20) = 0.2236068, z se = 1.959964 * 0.2236068 =
** 0.4382612, lo = 0.8 exp(-0.4382612) = 0.8 * 0.6451572 = 0.5161258,
** hi = min(1, 0.8 * 1.5500098 = 1.2400079) = 1.
** At 5 (S still 4/15): se = sqrt(43/60) = 0.8465617, z se = 1.6592303,
** lo = 4/15 * 0.1902854 = 0.0507428, hi = min(1, 4/15 * 5.2552648 =
** 1.4014039) = 1. At 90% at 4: z = 1.644854, z se = 1.3924700, lo =
** 4/15 / 4.0247791 = 0.0662562, hi = min(1, 4/15 * 4.0247791 =
** 1.0732744) = 1.
*/
static void
greenwood_by_hand(void)
{
	static const double ev[] = { 2, 4, 4 }, cens[] = { 3, 6 };
	struct km km;
	struct km_point p;

	km_estimate(&km, ev, 3, cens, 2);
	km_at(&km, 2, 0.95, &p);
	check_near("km_at by hand S(2) = 4/5", p.surv, 0.8, 1e-15);
	check_near("km_at by hand se(2) = sqrt(1/20)", p.se_log,
	    sqrt(1.0 / 20), 1e-15);
	check_near("km_at by hand lo(2)", p.lo, 0.8 * exp(-Z95 * sqrt(0.05)),
	    1e-14);
	check_near("km_at by hand lo(2) = 0.5161258", p.lo, 0.5161258, 5e-8);
	check_near("km_at by hand hi(2) clipped to 1", p.hi, 1, 0);
	km_at(&km, 5, 0.95, &p);
	check_near("km_at by hand S(5) = 4/15", p.surv, 4.0 / 15, 1e-15);
	check_near("km_at by hand se(5) = sqrt(43/60)", p.se_log,
	    sqrt(43.0 / 60), 1e-15);
	check_near("km_at by hand lo(5) = 0.0507428", p.lo, 0.0507428, 5e-8);
	check_near("km_at by hand hi(5) clipped to 1", p.hi, 1, 0);
	km_at(&km, 4, 0.90, &p);
	check_near("km_at by hand at 90%: lo(4) = 0.0662562", p.lo, 0.0662562,
	    5e-8);
	check_near("km_at by hand at 90%: hi(4) clipped to 1", p.hi, 1, 0);
	check_int("km_at by hand: 6 is the last time", km_at(&km, 6, 0.95, &p),
	    0);
	check_int("km_at by hand: past 6, no value", km_at(&km, 6.5, 0.95, &p),
	    -1);
	km_free(&km);

	/* Nothing observed: no value at any time. */
	km_estimate(&km, NULL, 0, NULL, 0);
	check_int("km_at of nothing: no value", km_at(&km, 1, 0.95, &p), -1);
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
	aml_intervals();
	greenwood_by_hand();
	return finish();
}
