/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "util.h"

double
norm_quantile(double p)
{
	/* Acklam's coefficients: central region, then the tails. */
	static const double a[] = {
		-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02,
		-3.066479806614716e+01, 2.506628277459239e+00,
	};
	static const double b[] = {
		-5.447609879822406e+01, 1.615858368580409e+02,
		-1.556989798598866e+02, 6.680131188771972e+01,
		-1.328068155288572e+01,
	};
	static const double c[] = {
		-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00,
		4.374664141464968e+00, 2.938163982698783e+00,
	};
	static const double d[] = {
		7.784695709041462e-03, 3.224671290700398e-01,
		2.445134137142996e+00, 3.754408661907416e+00,
	};
	const double p_low = 0.02425;
	double q, r, x, e, u;

	if (!(p > 0.0 && p < 1.0))
		return NAN;
	if (p < p_low) {
		q = sqrt(-2 * log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else if (p <= 1 - p_low) {
		q = p - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
		    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	} else {
		q = sqrt(-2 * log1p(-p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	/* One Halley step: e is the error of Phi(x) = erfc(-x / sqrt 2) / 2. */
	e = 0.5 * erfc(-x / M_SQRT2) - p;
	u = e * sqrt(2 * M_PI) * exp(x * x / 2);
	return x - u / (1 + x * u / 2);
}

int
wilson_interval(uint64_t successes, uint64_t trials, double level, double *lo,
    double *hi)
{
	double z, n, p, denom, centre, half;

	if (trials == 0 || successes > trials) {
		*lo = *hi = NAN;
		return -1;
	}
	z = norm_quantile(1 - (1 - level) / 2);
	n = (double)trials;
	p = (double)successes / n;
	denom = 1 + z * z / n;
	centre = (p + z * z / (2 * n)) / denom;
	half = z / denom * sqrt(p * (1 - p) / n + z * z / (4 * n * n));
	*lo = centre - half;
	*hi = centre + half;
	/* Round-off must not put the bounds outside [0, 1] or past p. */
	if (*lo < 0 || successes == 0)
		*lo = 0;
	if (*hi > 1 || successes == trials)
		*hi = 1;
	return 0;
}

void
moments_add(struct moments *m, double x)
{
	double delta;

	if (m->n == 0 || x < m->min)
		m->min = x;
	if (m->n == 0 || x > m->max)
		m->max = x;
	m->n++;
	delta = x - m->mean;
	m->mean += delta / (double)m->n;
	m->m2 += delta * (x - m->mean);
}

void
moments_merge(struct moments *into, const struct moments *from)
{
	double na, nb, n, delta;

	if (from->n == 0)
		return;
	if (into->n == 0) {
		*into = *from;
		return;
	}
	na = (double)into->n;
	nb = (double)from->n;
	n = na + nb;
	delta = from->mean - into->mean;
	into->mean += delta * nb / n;
	into->m2 += from->m2 + delta * delta * na * nb / n;
	into->n += from->n;
	if (from->min < into->min)
		into->min = from->min;
	if (from->max > into->max)
		into->max = from->max;
}

double
moments_variance(const struct moments *m)
{
	if (m->n < 2)
		return NAN;
	return m->m2 / (double)(m->n - 1);
}

double
moments_stddev(const struct moments *m)
{
	return sqrt(moments_variance(m));
}

double
quantile7(const double *sorted, size_t n, double p)
{
	double h, fl;
	size_t i;

	if (n == 0 || !(p >= 0 && p <= 1))
		return NAN;
	h = (double)(n - 1) * p;
	fl = floor(h);
	i = (size_t)fl;
	if (i + 1 >= n)
		return sorted[n - 1];
	return sorted[i] + (h - fl) * (sorted[i + 1] - sorted[i]);
}

/* Move the K-th smallest of V[0..N) to V[K], the smaller before it and
** the larger after (Hoare's FIND, median-of-three pivots). */
static void
select_kth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, i = lo, j = hi;
		double a = v[lo], b = v[mid], c = v[hi], pivot, t;

		pivot = a < b ? (b < c ? b : a < c ? c : a) :
		    (a < c ? a : b < c ? c : b);
		/* Both scans stop on values equal to the pivot, so a run of
		 * equal values (draws without variance) splits in the middle. */
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

double
quantile7_select(double *v, size_t n, double p)
{
	double h, fl, next;
	size_t i;

	if (n == 0 || !(p >= 0 && p <= 1))
		return NAN;
	for (size_t j = 0; j < n; j++)
		if (isnan(v[j]))
			return NAN;
	h = (double)(n - 1) * p;
	fl = floor(h);
	i = (size_t)fl;
	select_kth(v, n, i);
	if (i + 1 >= n || h == fl)
		return v[i];
	next = v[i + 1];
	for (size_t j = i + 2; j < n; j++)
		next = fmin(next, v[j]);
	if (next == v[i])
		return v[i];
	return v[i] + (h - fl) * (next - v[i]);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

void
sort_doubles(double *x, size_t n)
{
	/* qsort() of a null base is undefined even for no elements. */
	if (n > 1)
		qsort(x, n, sizeof *x, cmp_double);
}

/* The value at 0-based position I of the written-out multiset (V, W):
** the first V[j] whose weights up to and including its own pass I. */
static double
weighted_at(const double *v, const double *w, size_t n, uint64_t i)
{
	uint64_t cum = 0;

	for (size_t j = 0; j < n; j++) {
		cum += (uint64_t)w[j];
		if (cum > i)
			return v[j];
	}
	return NAN;     /* I past the total: not called so */
}

double
quantile7_weighted(const double *v, const double *w, size_t n, double p)
{
	uint64_t total = 0, i;
	double h, fl;

	for (size_t j = 0; j < n; j++)
		total += (uint64_t)w[j];
	if (total == 0 || !(p >= 0 && p <= 1))
		return NAN;
	h = (double)(total - 1) * p;
	fl = floor(h);
	i = (uint64_t)fl;
	if (i + 1 >= total)
		return weighted_at(v, w, n, total - 1);
	{
		double a = weighted_at(v, w, n, i), b = weighted_at(v, w, n, i + 1);

		return a + (h - fl) * (b - a);
	}
}

struct pair {
	double v, w;
};

static int
cmp_pair(const void *a, const void *b)
{
	double x = ((const struct pair *)a)->v, y = ((const struct pair *)b)->v;

	return (x > y) - (x < y);
}

void
sort_weighted(double *v, double *w, size_t n)
{
	struct pair *p;

	if (n < 2)
		return;
	p = xreallocarray(NULL, n, sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = (struct pair){ v[i], w[i] };
	qsort(p, n, sizeof *p, cmp_pair);
	for (size_t i = 0; i < n; i++) {
		v[i] = p[i].v;
		w[i] = p[i].w;
	}
	free(p);
}

/*
** The first value gets room for 3: 24 bytes, what the smallest block of
** glibc's malloc holds anyway. A tally holds a dvec per group and stage,
** and with many groups most hold one value or two: a first room of 16
** took 128 bytes each (a funnel of a million --by values, 112 MB
** more). Doubling from there keeps a push amortised O(1).
*/
void
dvec_push(struct dvec *d, double x)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 3;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	d->v[d->n++] = x;
}

void
dvec_append(struct dvec *into, const struct dvec *from)
{
	if (from->n == 0)
		return;
	if (into->n + from->n > into->cap) {
		into->cap = into->n + from->n;
		into->v = xreallocarray(into->v, into->cap, sizeof *into->v);
	}
	memcpy(into->v + into->n, from->v, from->n * sizeof *from->v);
	into->n += from->n;
}

void
dvec_free(struct dvec *d)
{
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}

double
count_ratio(uint64_t part, uint64_t whole)
{
	return whole ? (double)part / (double)whole : NAN;
}

const char *const summary_names[SUMMARY_N] = {
	"mean", "median", "p25", "p75", "p90", "min", "max", "stddev",
};

void
summary_sorted(const double *sorted, size_t n, double out[SUMMARY_N])
{
	struct moments m = {0};

	for (size_t i = 0; i < n; i++)
		moments_add(&m, sorted[i]);
	out[0] = n ? m.mean : NAN;
	out[1] = quantile7(sorted, n, 0.5);
	out[2] = quantile7(sorted, n, 0.25);
	out[3] = quantile7(sorted, n, 0.75);
	out[4] = quantile7(sorted, n, 0.9);
	out[5] = n ? sorted[0] : NAN;
	out[6] = n ? sorted[n - 1] : NAN;
	out[7] = moments_stddev(&m);
}
