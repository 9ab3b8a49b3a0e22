/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/stats.c. Reference values: R 4.x (qnorm, prop.test
** with correct = FALSE, which is the Wilson interval, quantile type 7,
** var), cross-checked with Python's statistics.NormalDist().inv_cdf and the
** Wilson formula computed by hand in Python (the values below).
*/
#include <math.h>
#include <stdlib.h>

#include "../../lib/stats.h"
#include "check.h"

static void
wilson(uint64_t x, uint64_t n, double level, double lo, double hi)
{
	char name[128];
	double l, h;

	snprintf(name, sizeof name, "wilson %llu/%llu at %g lo",
	    (unsigned long long)x, (unsigned long long)n, level);
	wilson_interval(x, n, level, &l, &h);
	check_near(name, l, lo, 1e-12);
	name[strlen(name) - 2] = 'h';
	name[strlen(name) - 1] = 'i';
	check_near(name, h, hi, 1e-12);
}

int
main(void)
{
	double lo, hi;

	/* Rates of counts: 5/8 as printed by lead-convert; none of nothing. */
	check_near("count_ratio 5/8", count_ratio(5, 8), 0.625, 0);
	check_near("count_ratio 2^53+1 of itself", count_ratio(
	    9007199254740993ULL, 9007199254740993ULL), 1, 0);
	CHECK("count_ratio 3/0 is NaN", isnan(count_ratio(3, 0)));

	/* summary_sorted of {1, 2, 3, 4}, by hand: mean 10/4 = 2.5; type 7
	** with h = 3p: median h 1.5 -> 2.5, p25 h .75 -> 1.75, p75 h 2.25 ->
	** 3.25, p90 h 2.7 -> 3.7; min 1, max 4; sd sqrt((2.25 + .25 + .25 +
	** 2.25) / 3) = sqrt(5/3) = 1.2909944. One value: no sd; none: none. */
	{
		static const double four[] = { 1, 2, 3, 4 }, one[] = { 7 };
		static const double want[SUMMARY_N] = {
			2.5, 2.5, 1.75, 3.25, 3.7, 1, 4, 1.2909944487358056,
		};
		double s[SUMMARY_N];
		char name[64];

		summary_sorted(four, 4, s);
		for (int i = 0; i < SUMMARY_N; i++) {
			snprintf(name, sizeof name, "summary_sorted {1,2,3,4} %s",
			    summary_names[i]);
			check_near(name, s[i], want[i], 1e-12);
		}
		summary_sorted(one, 1, s);
		CHECK("summary_sorted {7}: all 7 but the sd", s[0] == 7 &&
		    s[1] == 7 && s[4] == 7 && s[5] == 7 && s[6] == 7 &&
		    isnan(s[7]));
		summary_sorted(NULL, 0, s);
		CHECK("summary_sorted {}: all undefined", isnan(s[0]) &&
		    isnan(s[1]) && isnan(s[5]) && isnan(s[6]) && isnan(s[7]));
	}

	/* qnorm(p) in R; inv_cdf(p) in Python. */
	check_near("norm_quantile 0.975", norm_quantile(0.975), 1.9599639845400536, 1e-14);
	check_near("norm_quantile 0.995", norm_quantile(0.995), 2.5758293035489, 1e-13);
	check_near("norm_quantile 0.95", norm_quantile(0.95), 1.6448536269514715, 1e-14);
	check_near("norm_quantile 0.9", norm_quantile(0.9), 1.2815515655446008, 1e-14);
	check_near("norm_quantile 0.5", norm_quantile(0.5), 0, 1e-15);
	check_near("norm_quantile 0.02425 (region edge)", norm_quantile(0.02425), -1.9729610513118845, 1e-13);
	check_near("norm_quantile 1e-4", norm_quantile(0.0001), -3.71901648545568, 1e-12);
	check_near("norm_quantile 1e-10", norm_quantile(1e-10), -6.361340902404056, 1e-11);
	check_near("norm_quantile 0.999999", norm_quantile(0.999999), 4.753424308817089, 1e-10);
	check_result(isnan(norm_quantile(0)), "norm_quantile 0 is NaN", "");
	check_result(isnan(norm_quantile(1)), "norm_quantile 1 is NaN", "");

	/* prop.test(5, 10, correct = FALSE)$conf.int: 0.2365931 0.7634069 */
	wilson(5, 10, 0.95, 0.23659309051256405, 0.763406909487436);
	/* prop.test(3, 10, correct = FALSE): 0.1077913 0.6032219 */
	wilson(3, 10, 0.95, 0.10779126740630104, 0.6032218525388545);
	/* The ends: 0 and n successes reach exactly 0 and 1. */
	wilson(0, 10, 0.95, 0, 0.27753279986288915);
	wilson(10, 10, 0.95, 0.7224672001371109, 1);
	wilson(1, 3, 0.90, 0.07826572633372847, 0.7464661317187757);
	wilson(170, 3000, 0.99, 0.04673993662874993, 0.06855004985843192);
	wilson(2, 5, 0.80, 0.1798725498203424, 0.6695788756037928);
	check_int("wilson 0 trials is undefined",
	    wilson_interval(0, 0, 0.95, &lo, &hi), -1);
	check_result(isnan(lo) && isnan(hi), "wilson 0 trials gives NaN", "");

	/* quantile(c(1, 2, 3, 4), 0.25) = 1.75 */
	{
		double v[] = { 1, 2, 3, 4 };

		check_near("quantile7 {1..4} 0.25", quantile7(v, 4, 0.25), 1.75, 1e-15);
		check_near("quantile7 {1..4} 0.5", quantile7(v, 4, 0.5), 2.5, 1e-15);
		check_near("quantile7 {1..4} 1", quantile7(v, 4, 1), 4, 0);
		check_near("quantile7 {1..4} 0", quantile7(v, 4, 0), 1, 0);
	}
	/* quantile(c(7, 1, 3, 9, 5), c(.1, .5, .9)) = 1.8 5 8.2 */
	{
		double v[] = { 7, 1, 3, 9, 5 };

		sort_doubles(v, 5);
		check_near("quantile7 0.1", quantile7(v, 5, 0.1), 1.8, 1e-12);
		check_near("quantile7 0.5", quantile7(v, 5, 0.5), 5, 0);
		check_near("quantile7 0.9", quantile7(v, 5, 0.9), 8.2, 1e-12);
	}
	{
		double one = 3.5;

		check_near("quantile7 of one value", quantile7(&one, 1, 0.9), 3.5, 0);
		check_result(isnan(quantile7(NULL, 0, 0.5)), "quantile7 of none is NaN", "");
	}

	/*
	 * quantile7_weighted(): {7 x2, 1 x0, 3 x1, 9 x3} is 3 7 7 9 9 9, whose
	 * type 7 quantiles (R: quantile(c(3,7,7,9,9,9), c(0, .25, .5, .9, 1)))
	 * are 3, 7, 8, 9, 9; then, for many small random multisets, the same
	 * bits as quantile7() of the multiset written out.
	 */
	{
		double v[] = { 7, 1, 3, 9 }, w[] = { 2, 0, 1, 3 }, zero = 0;

		sort_weighted(v, w, 4);
		check_result(v[0] == 1 && w[0] == 0 && v[1] == 3 && w[1] == 1 &&
		    v[2] == 7 && w[2] == 2 && v[3] == 9 && w[3] == 3,
		    "sort_weighted keeps each weight with its value", "");
		check_near("quantile7_weighted 0", quantile7_weighted(v, w, 4, 0), 3, 0);
		check_near("quantile7_weighted 0.25", quantile7_weighted(v, w, 4, 0.25), 7, 0);
		check_near("quantile7_weighted 0.5", quantile7_weighted(v, w, 4, 0.5), 8, 0);
		check_near("quantile7_weighted 0.9", quantile7_weighted(v, w, 4, 0.9), 9, 0);
		check_near("quantile7_weighted 1", quantile7_weighted(v, w, 4, 1), 9, 0);
		check_result(isnan(quantile7_weighted(v, &zero, 1, 0.5)),
		    "quantile7_weighted of weight 0 is NaN", "");
	}
	{
		static const double ps[] = { 0, 0.1, 0.25, 0.5, 0.75, 0.9, 1 };
		unsigned seed = 1, bad = 0;

		for (int round = 0; round < 2000; round++) {
			double v[8], w[8], x[8 * 9];
			size_t n = 1 + (size_t)round % 8, nx = 0;

			for (size_t i = 0; i < n; i++) {
				seed = seed * 1103515245 + 12345;
				v[i] = (double)(seed >> 16 & 1023) / 16;
				w[i] = (double)(seed >> 8 & 7);
				for (int k = 0; k < (int)w[i]; k++)
					x[nx++] = v[i];
			}
			sort_weighted(v, w, n);
			sort_doubles(x, nx);
			for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
				double a = quantile7_weighted(v, w, n, ps[k]);
				double b = quantile7(x, nx, ps[k]);

				if (!(a == b || (isnan(a) && isnan(b))))
					bad++;
			}
		}
		check_int("quantile7_weighted = quantile7 of the values written "
		    "out, 14000 random cases", bad, 0);
	}

	/* mean 5, var(c(2,4,4,4,5,5,7,9)) = 32/7 */
	{
		double v[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
		struct moments all = {0}, a = {0}, b = {0}, empty = {0};

		for (size_t i = 0; i < 8; i++) {
			moments_add(&all, v[i]);
			moments_add(i < 3 ? &a : &b, v[i]);
		}
		check_near("moments mean", all.mean, 5, 1e-15);
		check_near("moments variance", moments_variance(&all), 32.0 / 7, 1e-14);
		check_near("moments stddev", moments_stddev(&all), sqrt(32.0 / 7), 1e-14);
		check_near("moments min", all.min, 2, 0);
		check_near("moments max", all.max, 9, 0);
		moments_merge(&a, &b);
		check_int("moments merge n", (long long)a.n, 8);
		check_near("moments merge mean", a.mean, 5, 1e-15);
		check_near("moments merge variance", moments_variance(&a), 32.0 / 7, 1e-14);
		check_near("moments merge min", a.min, 2, 0);
		check_near("moments merge max", a.max, 9, 0);
		moments_merge(&empty, &a);
		check_near("moments merge into empty", moments_variance(&empty), 32.0 / 7, 1e-14);
		moments_add(&b, 1e9);   /* stability: a large offset */
	}
	{
		struct moments m = {0};

		/* Welford stays exact where sum-of-squares cancels. */
		moments_add(&m, 1e9 + 4);
		moments_add(&m, 1e9 + 7);
		moments_add(&m, 1e9 + 13);
		moments_add(&m, 1e9 + 16);
		check_near("moments variance with offset 1e9", moments_variance(&m), 30, 1e-6);
		check_result(isnan(moments_variance(&(struct moments){ .n = 1 })),
		    "variance of one value is NaN", "");
	}
	{
		struct dvec a = {0}, b = {0};

		for (int i = 0; i < 100; i++)
			dvec_push(i % 2 ? &a : &b, i);
		dvec_append(&a, &b);
		check_int("dvec append n", (long long)a.n, 100);
		sort_doubles(a.v, a.n);
		check_near("dvec sorted median", quantile7(a.v, a.n, 0.5), 49.5, 0);
		dvec_free(&a);
		dvec_free(&b);
	}
	return finish();
}
