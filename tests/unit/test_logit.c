/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/logit.c: Cholesky on matrices factored by hand, and
** logistic fits whose estimates have a closed form (a 2 x 2 table, an
** intercept alone), a separated outcome, two equal columns, and a ridge
** fit checked against its own stationarity conditions. Each expected
** value is worked out in the comment beside it, not by the library.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/logit.h"
#include "check.h"

static void
cholesky(void)
{
	/* [[4,2],[2,3]] = L L', L = [[2,0],[1,sqrt 2]]: 2*2 = 4, 2*1 = 2,
	 * 1 + 2 = 3. */
	double a[4] = { 4, 2, 2, 3 }, b[2] = { 2, 1 }, inv[4];
	/* The classic [[4,12,-16],[12,37,-43],[-16,-43,98]]: L =
	 * [[2,0,0],[6,1,0],[-8,5,3]] (36 + 1 = 37, -48 + 5 = -43,
	 * 64 + 25 + 9 = 98). */
	double c[9] = { 4, 12, -16, 12, 37, -43, -16, -43, 98 };
	double s[4] = { 1, 2, 2, 4 };
	size_t bad = 99;

	CHECK("chol 2x2 factors", chol_factor(a, 2, &bad) == 0);
	check_near("chol 2x2 l11", a[0], 2, 1e-15);
	check_near("chol 2x2 l21", a[2], 1, 1e-15);
	check_near("chol 2x2 l22", a[3], sqrt(2), 1e-15);
	check_near("chol 2x2 upper zeroed", a[1], 0, 0);
	/* 4x + 2y = 2, 2x + 3y = 1: y = 0, x = 0.5. */
	chol_solve(a, 2, b);
	check_near("chol solve x", b[0], 0.5, 1e-15);
	check_near("chol solve y", b[1], 0, 1e-15);
	/* The inverse: [[3,-2],[-2,4]] / det 8. */
	chol_inverse(a, 2, inv);
	check_near("chol inverse 11", inv[0], 3.0 / 8, 1e-15);
	check_near("chol inverse 12", inv[1], -2.0 / 8, 1e-15);
	check_near("chol inverse 21", inv[2], -2.0 / 8, 1e-15);
	check_near("chol inverse 22", inv[3], 4.0 / 8, 1e-15);

	CHECK("chol 3x3 factors", chol_factor(c, 3, &bad) == 0);
	check_near("chol 3x3 l21", c[3], 6, 1e-13);
	check_near("chol 3x3 l22", c[4], 1, 1e-13);
	check_near("chol 3x3 l31", c[6], -8, 1e-13);
	check_near("chol 3x3 l32", c[7], 5, 1e-13);
	check_near("chol 3x3 l33", c[8], 3, 1e-13);

	/* [[1,2],[2,4]]: the second row is twice the first; its pivot is
	 * 4 - 2^2 = 0. */
	CHECK("chol singular fails", chol_factor(s, 2, &bad) == -1);
	check_int("chol singular: the second term", (long long)bad, 1);
}

static void
table(void)
{
	/*
	** 20 rows: x = 0 ten times (3 of them y = 1), x = 1 ten times (7 of
	** them y = 1). The estimates are the log odds of the cells:
	**   b0 = ln(3/7) = -0.8472978604
	**   b1 = ln(7/3) - ln(3/7) = 2 ln(7/3) = 1.6945957208
	** and their variances the sums of the cells' 1/count:
	**   var b0 = 1/3 + 1/7 = 0.4761904762, se 0.6900655593
	**   var b1 = 2 (1/3 + 1/7) = 0.9523809524, se 0.9759000729
	**   cov = -(1/3 + 1/7) = -0.4761904762
	** deviance -2 (6 ln 0.3 + 14 ln 0.7) = -2 (6 (-1.2039728043) +
	** 14 (-0.3566749439)) = -2 (-7.2238368258 - 4.9934492149) = 24.4345720814;
	** null deviance (mean 0.5) 40 ln 2 = 27.7258872224; AIC + 2 * 2.
	*/
	double x[40], beta[2], cov[4];
	unsigned char y[20];
	struct logit_stats st;

	for (int i = 0; i < 20; i++) {
		x[2 * i] = 1;
		x[2 * i + 1] = i < 10 ? 0 : 1;
		y[i] = i < 10 ? i < 3 : i < 17;
	}
	check_int("table: fit ok", logit_fit(x, y, 20, 2, 0, beta, cov, &st),
	    LOGIT_OK);
	check_near("table: b0", beta[0], -0.8472978604, 1e-9);
	check_near("table: b1", beta[1], 1.6945957208, 1e-9);
	check_near("table: var b0", cov[0], 0.4761904762, 1e-9);
	check_near("table: var b1", cov[3], 0.9523809524, 1e-9);
	check_near("table: cov", cov[1], -0.4761904762, 1e-9);
	check_near("table: deviance", st.deviance, 24.4345720814, 1e-8);
	check_near("table: null deviance", st.null_deviance, 27.7258872224,
	    1e-8);
	check_near("table: aic", st.aic, 28.4345720814, 1e-8);
	CHECK("table: a few steps", st.iterations >= 2 && st.iterations < 10);
}

static void
intercept(void)
{
	/* One of four: b0 = ln(1/3) = -1.0986122887, var 1 / (n p (1 - p))
	 * = 1 / (4 * 0.25 * 0.75) = 1.3333333333. */
	double x[4] = { 1, 1, 1, 1 }, beta[1], cov[1];
	unsigned char y[4] = { 0, 1, 0, 0 };
	struct logit_stats st;

	check_int("intercept: fit ok", logit_fit(x, y, 4, 1, 0, beta, cov, &st),
	    LOGIT_OK);
	check_near("intercept: b0", beta[0], -1.0986122887, 1e-9);
	check_near("intercept: var", cov[0], 4.0 / 3, 1e-9);
	/* The model is the null model: the same deviance. */
	check_near("intercept: deviance is null", st.deviance,
	    st.null_deviance, 1e-9);
}

static void
separated(void)
{
	/* x 1, 2, 3 have y 0; 4, 5, 6 have y 1: no finite maximum, and
	 * the slope (term 1) runs off. */
	double x[12], beta[2], cov[4];
	unsigned char y[6] = { 0, 0, 0, 1, 1, 1 };
	struct logit_stats st;

	for (int i = 0; i < 6; i++) {
		x[2 * i] = 1;
		x[2 * i + 1] = i + 1;
	}
	check_int("separated: diverges", logit_fit(x, y, 6, 2, 0, beta, cov,
	    &st), LOGIT_DIVERGED);
	check_int("separated: the slope", (long long)st.bad, 1);

	/*
	** With a ridge of 1 the estimates are finite, where the penalised
	** score is zero: sum (y - mu) = 0 for the intercept and
	** sum x (y - mu) = 1 * b1 for the slope, checked here from the
	** returned estimates.
	*/
	check_int("separated, l2 1: fit ok", logit_fit(x, y, 6, 2, 1, beta,
	    cov, &st), LOGIT_OK);
	{
		double g0 = 0, g1 = 0;

		for (int i = 0; i < 6; i++) {
			double mu = 1 / (1 + exp(-(beta[0] + beta[1] * (i + 1))));

			g0 += y[i] - mu;
			g1 += (i + 1) * (y[i] - mu);
		}
		check_near("separated, l2 1: intercept score 0", g0, 0, 1e-9);
		check_near("separated, l2 1: slope score = l2 b1", g1, beta[1],
		    1e-9);
		/* By symmetry about x = 3.5: b0 = -3.5 b1. */
		check_near("separated, l2 1: symmetric", beta[0], -3.5 * beta[1],
		    1e-9);
	}
}

static void
singular(void)
{
	/* Columns 1 and 2 equal: the third term depends on the second. */
	double x[18], beta[3], cov[9];
	unsigned char y[6] = { 0, 1, 0, 1, 1, 0 };
	struct logit_stats st;

	for (int i = 0; i < 6; i++) {
		x[3 * i] = 1;
		x[3 * i + 1] = x[3 * i + 2] = i % 3;
	}
	check_int("singular: fails", logit_fit(x, y, 6, 3, 0, beta, cov, &st),
	    LOGIT_SINGULAR);
	check_int("singular: the third term", (long long)st.bad, 2);
}

int
main(void)
{
	cholesky();
	table();
	intercept();
	separated();
	singular();
	return check_failures != 0;
}
