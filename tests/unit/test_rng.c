/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/rng.c, lib/btydsim.c and quantile7_select().
** Reference values: the integer generators against tests/oracle/rng.py
** (an independent Python implementation of the published algorithms;
** splitmix64 from 0 gives 0xe220a8397b1dcdaf first, as its authors'
** reference does, and xoshiro256** from {1, 2, 3, 4} gives 11520 and 0
** first, by hand: rotl(2 * 5, 7) * 9 = 1280 * 9, then s[1] = 0); the
** variates' moments against their closed forms within 5 standard errors
** of the sample's; the simulation's means against btyd_expected() and
** btyd_clv(), the closed forms it must agree with on average.
*/
#include <math.h>
#include <stdlib.h>

#include "../../lib/btydsim.h"
#include "../../lib/rng.h"
#include "../../lib/stats.h"
#include "check.h"

static void
test_integers(void)
{
	static const uint64_t sm[3] = { 0xe220a8397b1dcdafULL,
		0x6e789e6aa1b965f4ULL, 0x06c45d188009454fULL };
	static const uint64_t xo[4] = { 11520, 0, 1509978240,
		1215971899390074240ULL };
	static const struct { uint64_t seed, stream, v[3]; } seeded[] = {
		{ 1, 0, { 0xee127fe613436e33ULL, 0xd6dad8d34a1874eaULL,
		    0x2a52c16cec1116a9ULL } },
		{ 1, 7, { 0x16cd47cafa1617c5ULL, 0x64c0d3f44a9b8a46ULL,
		    0x9b5c1db17119bfd0ULL } },
		{ 12345, 2, { 0xc429e638a8a0cac7ULL, 0x46423592eb5046b9ULL,
		    0xcd961421b97aa7f2ULL } },
	};
	struct rng g = { { 1, 2, 3, 4 }, 0, 0 };
	uint64_t st = 0;
	int ok = 1;

	for (int i = 0; i < 3; i++)
		ok &= splitmix64(&st) == sm[i];
	CHECK("splitmix64 from 0: the reference's first three", ok);
	ok = 1;
	for (int i = 0; i < 4; i++)
		ok &= rng_next(&g) == xo[i];
	CHECK("xoshiro256** from {1,2,3,4}: 11520, 0, ... as rng.py", ok);
	for (size_t k = 0; k < sizeof seeded / sizeof seeded[0]; k++) {
		char name[96];

		rng_seed(&g, seeded[k].seed, seeded[k].stream);
		ok = 1;
		for (int i = 0; i < 3; i++)
			ok &= rng_next(&g) == seeded[k].v[i];
		snprintf(name, sizeof name, "rng_seed(%llu, %llu) as rng.py",
		    (unsigned long long)seeded[k].seed,
		    (unsigned long long)seeded[k].stream);
		CHECK(name, ok);
	}
}

/* Mean and variance of N draws of F against MEAN and VAR: within 5
** standard errors (the variance's from the fourth moment FOURTH, the
** central one). */
static void
moments(const char *name, struct rng *g, double (*f)(struct rng *, double,
    double), double a, double b, double mean, double var, double fourth)
{
	const size_t n = 400000;
	double s = 0, s2 = 0;
	char nm[128];

	for (size_t i = 0; i < n; i++) {
		double x = f(g, a, b);

		s += x;
		s2 += x * x;
	}
	s /= (double)n;
	s2 = s2 / (double)n - s * s;
	snprintf(nm, sizeof nm, "%s mean", name);
	check_near(nm, s, mean, 5 * sqrt(var / (double)n));
	snprintf(nm, sizeof nm, "%s variance", name);
	check_near(nm, s2, var, 5 * sqrt((fourth - var * var) / (double)n));
}

static double
normal2(struct rng *g, double mu, double sd)
{
	return mu + sd * rng_normal(g);
}

static double
gamma2(struct rng *g, double shape, double rate)
{
	return rng_gamma(g, shape, rate);
}

static double
beta2(struct rng *g, double a, double b)
{
	return rng_beta(g, a, b);
}

static double
exp2r(struct rng *g, double rate, double unused)
{
	(void)unused;
	return rng_exp(g, rate);
}

static void
test_variates(void)
{
	struct rng g;
	double u = 0, lo = 1, hi = 0;

	rng_seed(&g, 42, 0);
	for (int i = 0; i < 100000; i++) {
		double x = rng_uniform(&g);

		u += x;
		lo = fmin(lo, x);
		hi = fmax(hi, x);
	}
	CHECK("uniform in (0, 1)", lo > 0 && hi < 1);
	check_near("uniform mean", u / 100000, 0.5, 5 * sqrt(1.0 / 12 / 100000));
	/* Normal: fourth central moment 3 sd^4. */
	moments("normal(1, 2)", &g, normal2, 1, 2, 1, 4, 3 * 16);
	/* Gamma(k, rate): mean k/rate, variance k/rate^2, fourth central
	 * moment 3k(k + 2)/rate^4. */
	moments("gamma(0.3, 2)", &g, gamma2, 0.3, 2, 0.15, 0.075,
	    3 * 0.3 * 2.3 / 16);
	moments("gamma(2.5, 0.5)", &g, gamma2, 2.5, 0.5, 5, 10,
	    3 * 2.5 * 4.5 / 0.0625);
	moments("gamma(30, 3)", &g, gamma2, 30, 3, 10, 30.0 / 9,
	    3 * 30.0 * 32 / 81);
	/* Beta(a, b): mean a/(a+b), variance ab/((a+b)^2(a+b+1)); its fourth
	 * moment bounded by the variance (values in [0, 1]): var. */
	moments("beta(0.79, 2.43)", &g, beta2, 0.79, 2.43, 0.79 / 3.22,
	    0.79 * 2.43 / (3.22 * 3.22 * 4.22), 0.79 * 2.43 / (3.22 * 3.22 *
	    4.22));
	/* Exponential: variance 1/rate^2, fourth central moment 9/rate^4. */
	moments("exp(4)", &g, exp2r, 4, 0, 0.25, 1.0 / 16, 9.0 / 256);
}

static void
test_cholesky(void)
{
	double a[4] = { 4, 2, 2, 3 }, l[4], z[9] = {0}, l3[9];
	double semi[4] = { 1, 1, 1, 1 }, bad[4] = { 1, 2, 2, 1 };

	/* By hand: l11 = 2, l21 = 2/2 = 1, l22 = sqrt(3 - 1). */
	CHECK("cholesky 2x2 returns 0", cholesky_lower(a, 2, l) == 0);
	check_near("cholesky l11", l[0], 2, 1e-15);
	check_near("cholesky l12", l[1], 0, 0);
	check_near("cholesky l21", l[2], 1, 1e-15);
	check_near("cholesky l22", l[3], sqrt(2), 1e-15);
	CHECK("cholesky of zeros is zeros", cholesky_lower(z, 3, l3) == 0 &&
	    l3[0] == 0 && l3[4] == 0 && l3[8] == 0 && l3[3] == 0);
	CHECK("cholesky semi-definite {1,1;1,1}", cholesky_lower(semi, 2, l) ==
	    0 && l[0] == 1 && l[2] == 1 && l[3] == 0);
	CHECK("cholesky refuses {1,2;2,1}", cholesky_lower(bad, 2, l) < 0);
}

static void
test_select(void)
{
	struct rng g;
	double v[301], w[301];
	int ok = 1;

	rng_seed(&g, 7, 0);
	for (size_t n = 1; n <= 301; n += 15) {
		for (int rep = 0; rep < 20; rep++) {
			for (size_t i = 0; i < n; i++)
				/* Ties too: a tenth of the values repeat. */
				v[i] = rep % 2 ? floor(10 * rng_uniform(&g)) :
				    rng_normal(&g);
			if (rep == 5 && n > 3)
				v[n / 2] = v[0] = INFINITY;
			memcpy(w, v, n * sizeof *v);
			sort_doubles(w, n);
			for (double p = 0; p <= 1.0001; p += 0.0625) {
				double want = quantile7(w, n, fmin(p, 1));
				double got;

				double t[301];

				memcpy(t, v, n * sizeof *v);
				got = quantile7_select(t, n, fmin(p, 1));
				/* Between two infinities quantile7() gives
				 * inf + 0.5 (inf - inf), NaN; the select, inf. */
				if (!(got == want || (isnan(got) && isnan(want)) ||
				    (isnan(want) && got == INFINITY)))
					ok = 0;
			}
		}
	}
	CHECK("quantile7_select = quantile7 of the sorted (n 1..301, ties, inf)",
	    ok);
	v[0] = NAN;
	v[1] = 1;
	CHECK("quantile7_select with a NaN is NaN",
	    isnan(quantile7_select(v, 2, 0.5)));
}

/* The simulation's means against the closed forms it averages to. */
static void
test_simulate(void)
{
	static const double bg[4] = { 0.2426, 4.4135, 0.7929, 2.4258 };
	static const double pa[4] = { 0.5534, 10.58, 0.6061, 11.67 };
	static const double gg[3] = { 6.25, 3.74, 15.44 };
	static const struct { int model; const double *p; } m[] = {
		{ BTYD_BGNBD, bg }, { BTYD_MBGNBD, bg }, { BTYD_PARETONBD, pa },
	};
	const struct rfm cs[2] = { { 2, 30.43, 38.86, 35, 1 },
		{ 0, 0, 20, 0, 1 } };
	struct btyd_value_terms vt = { 39, 52.0 / 12, 0.01, 0.3 };
	const size_t n = 200000;
	struct rng g;

	rng_seed(&g, 3, 0);
	for (size_t k = 0; k < 3; k++)
		for (int ci = 0; ci < 2; ci++) {
			const struct rfm *c = &cs[ci];
			double palive = btyd_palive(m[k].model, m[k].p, c);
			double e = btyd_expected(m[k].model, m[k].p, vt.horizon, c);
			double spend = ggamma_expected_spend(gg, c->x, c->m);
			double clv = btyd_clv(m[k].model, m[k].p, c, spend *
			    vt.margin, vt.horizon, vt.month, vt.rate);
			double s = 0, s2 = 0, v = 0, v2 = 0;
			char name[128];

			for (size_t i = 0; i < n; i++) {
				double np, nv;

				btyd_simulate(m[k].model, m[k].p, gg, c, palive, &vt,
				    &g, &np, &nv);
				s += np;
				s2 += np * np;
				v += nv;
				v2 += nv * nv;
			}
			s /= (double)n;
			v /= (double)n;
			snprintf(name, sizeof name, "simulate %s x=%g: mean "
			    "purchases = btyd_expected %.4f",
			    btyd_info(m[k].model)->name, c->x, e);
			check_near(name, s, e, 5 * sqrt((s2 / (double)n - s * s) /
			    (double)n));
			snprintf(name, sizeof name, "simulate %s x=%g: mean value "
			    "= btyd_clv %.4f", btyd_info(m[k].model)->name, c->x,
			    clv);
			check_near(name, v, clv, 5 * sqrt((v2 / (double)n - v * v) /
			    (double)n));
		}
}

/* Draws with a zero covariance are the estimate, bit for bit, so that
** an interval without uncertainty is the point (lo = hi = point); with a
** covariance, the draws' log-means and covariance are the estimate's
** and COV (within 5 standard errors). */
static void
test_draws(void)
{
	static const double p[4] = { 0.2426, 4.4135, 0.7929, 2.4258 };
	static const double cov[16] = {
		0.0025, 0.002, 0, 0,
		0.002, 0.004, 0, 0,
		0, 0, 0.01, 0.006,
		0, 0, 0.006, 0.009,
	};
	double zero[16] = {0}, (*d)[BTYD_MAX_PARAMS];
	const size_t n = 100000;
	const struct rfm c = { 2, 30.43, 38.86, 0, 1 };
	double m[4] = {0}, c01 = 0, c23 = 0, v1 = 0;
	struct rng g;
	int same = 1;

	d = calloc(n, sizeof *d);
	rng_seed(&g, 1, 0);
	CHECK("draws with a zero covariance", btyd_draw_params(BTYD_BGNBD, p,
	    zero, &g, 100, d) == 0);
	for (size_t k = 0; k < 100; k++)
		same &= memcmp(d[k], p, sizeof p) == 0 &&
		    btyd_expected(BTYD_BGNBD, d[k], 39, &c) ==
		    btyd_expected(BTYD_BGNBD, p, 39, &c);
	CHECK("a zero covariance draws the estimate itself, bit for bit", same);
	CHECK("draws refuse a covariance that is not positive semi-definite",
	    btyd_draw_params(BTYD_GGAMMA, p, (const double[9]){ 1, 2, 0, 2, 1,
	    0, 0, 0, 1 }, &g, 1, d) < 0);
	btyd_draw_params(BTYD_BGNBD, p, cov, &g, n, d);
	for (size_t k = 0; k < n; k++)
		for (int j = 0; j < 4; j++)
			m[j] += log(d[k][j] / p[j]) / (double)n;
	for (size_t k = 0; k < n; k++) {
		double l0 = log(d[k][0] / p[0]) - m[0], l1 = log(d[k][1] / p[1]) -
		    m[1];

		c01 += l0 * l1 / (double)n;
		v1 += l1 * l1 / (double)n;
		c23 += (log(d[k][2] / p[2]) - m[2]) * (log(d[k][3] / p[3]) - m[3]) /
		    (double)n;
	}
	check_near("draws: mean of ln(r / r_hat) 0", m[0], 0, 5 * sqrt(0.0025 /
	    (double)n));
	check_near("draws: mean of ln(b / b_hat) 0", m[3], 0, 5 * sqrt(0.009 /
	    (double)n));
	/* The sample covariance's standard error: sqrt((s_ii s_jj + s_ij^2)
	 * / n) for normals. */
	check_near("draws: cov(ln r, ln alpha) 0.002", c01, 0.002,
	    5 * sqrt((0.0025 * 0.004 + 0.002 * 0.002) / (double)n));
	check_near("draws: var(ln alpha) 0.004", v1, 0.004,
	    5 * sqrt(2 * 0.004 * 0.004 / (double)n));
	check_near("draws: cov(ln a, ln b) 0.006", c23, 0.006,
	    5 * sqrt((0.01 * 0.009 + 0.006 * 0.006) / (double)n));
	free(d);
}

int
main(void)
{
	test_integers();
	test_variates();
	test_cholesky();
	test_select();
	test_simulate();
	test_draws();
	return finish();
}
