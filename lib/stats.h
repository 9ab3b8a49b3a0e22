/* See LICENSE file for copyright and license details. */
#ifndef KPI_STATS_H
#define KPI_STATS_H

#include <stddef.h>
#include <stdint.h>

/*
** The quantile function of the standard normal distribution: the z with
** P(Z <= z) = P, for 0 < P < 1 (NaN outside). Method: P. J. Acklam's
** rational approximation (relative error < 1.2e-9), refined by one step of
** Halley's method on erfc(), which brings it to double precision.
** Examples: norm_quantile(0.975) = 1.959963984540054,
** norm_quantile(0.5) = 0.
*/
double norm_quantile(double p);

/*
** The share PART / WHOLE of two counts, as a rate: NaN when WHOLE is 0
** (undefined: printed as an empty field), else the one rounded division.
*/
double count_ratio(uint64_t part, uint64_t whole);

/*
** The Wilson score interval for a proportion: SUCCESSES out of TRIALS at
** confidence level LEVEL (0 < LEVEL < 1, e.g. 0.95), into [*LO, *HI].
** With z = norm_quantile(1 - (1 - LEVEL) / 2), p = SUCCESSES / TRIALS, n =
** TRIALS:
**     centre = (p + z^2 / 2n) / (1 + z^2 / n)
**     half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
** Unlike the textbook p +- z sqrt(p(1-p)/n) it stays inside [0, 1] and is
** honest at p = 0 and p = 1. Returns -1 when TRIALS is 0 (the interval is
** undefined; *LO and *HI are set to NaN), else 0.
** Example: 5 of 10 at 0.95 gives [0.236593, 0.763407].
*/
int wilson_interval(uint64_t successes, uint64_t trials, double level,
    double *lo, double *hi);

/*
** Running count, mean and sum of squared deviations of a stream of values
** (B. P. Welford's method, stable where the naive sum of squares is not).
** Initialise with {0}. Two accumulators over disjoint data merge exactly in
** the sense of Chan, Golub and LeVeque's pairwise update, so chunks of a
** file can be summarised apart and combined.
*/
struct moments {
	uint64_t n;
	double mean;
	double m2;       /* sum of squared deviations from the mean */
	double min, max;
};

void moments_add(struct moments *m, double x);
void moments_merge(struct moments *into, const struct moments *from);

/* The sample variance (divisor n - 1) and standard deviation; NaN when
** n < 2. */
double moments_variance(const struct moments *m);
double moments_stddev(const struct moments *m);

/*
** The P-quantile (0 <= P <= 1) of the N values in SORTED (ascending), by
** R's default definition (Hyndman and Fan type 7): with h = (N - 1) P,
** x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]), 0-based.
** NaN when N is 0. Example: of {1, 2, 3, 4}, the 0.25-quantile is 1.75.
*/
double quantile7(const double *sorted, size_t n, double p);

/*
** quantile7() of the N values at V, not sorted: V is reordered (by
** Hoare's selection, expected O(N), where a sort is O(N log N): clv
** --interval takes two quantiles of a thousand draws per customer).
** Values may be infinite; NaN when N is 0, P is outside [0, 1], or a
** value is NaN.
*/
double quantile7_select(double *v, size_t n, double p);

/*
** The usual summary of a sample, from its N values SORTED ascending, into
** OUT in the order of SUMMARY_NAMES: the mean, the median, the 0.25-, 0.75-
** and 0.9-quantiles (type 7, quantile7()), the minimum, the maximum, and
** the sample standard deviation (moments_stddev(): divisor N - 1). Each is
** NaN when undefined: all of them for N = 0, the standard deviation for
** N = 1. Units are those of the values. Example: {1, 2, 3, 4} gives 2.5,
** 2.5, 1.75, 3.25, 3.7, 1, 4, 1.290994.
*/
enum { SUMMARY_N = 8 };
/* "mean", "median", "p25", "p75", "p90", "min", "max", "stddev" */
extern const char *const summary_names[SUMMARY_N];
void summary_sorted(const double *sorted, size_t n, double out[SUMMARY_N]);

/* Sort the N doubles at X ascending (no NaN expected); X may be NULL when
** N is 0. */
void sort_doubles(double *x, size_t n);

/*
** quantile7() of a multiset given by weight: each of the N values V[i]
** (ascending, as sort_weighted() leaves them) occurs W[i] times, W[i] a
** whole number, 0 or more, the W adding up to less than 2^64. The same
** arithmetic on the same doubles as quantile7() of the multiset written
** out value by value, so the same number to the bit (for a total weight
** below 2^53, where (double)(total - 1) is exact): h = (total - 1) P, and
** the values at 0-based positions floor h and floor h + 1 of the written
** out multiset are found by walking the weights instead. NaN when the
** weights add up to 0. Example: {1 x2, 4 x1} is {1, 1, 4}: median 1.
*/
double quantile7_weighted(const double *v, const double *w, size_t n,
    double p);

/* Sort the N pairs (V[i], W[i]) ascending by V (no NaN expected); V and
** W may be NULL when N is 0. Pairs of equal V may come in any order,
** which no quantile of them sees. */
void sort_weighted(double *v, double *w, size_t n);

/*
** A growable array of doubles for statistics that need every value (exact
** quantiles): 8 bytes a value. Initialise with {0}.
*/
struct dvec {
	double *v;
	size_t n, cap;
};

void dvec_push(struct dvec *d, double x);
void dvec_append(struct dvec *into, const struct dvec *from);
void dvec_free(struct dvec *d);

#endif
