/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/bgbb.c by identities of the model itself, which share
** nothing with the formulas the library evaluates:
**   - the likelihood is a probability distribution over the 2^n purchase
**     sequences: with C(t_x-1, x-1) sequences per history (x, t_x, n),
**     sum C L = 1;
**   - a transaction at the next opportunity extends the history, so
**     E over 1 opportunity = L(x+1, n+1, n+1) / L(x, t_x, n), and over 2
**     adds [L(x+2, n+2, n+2) + L(x+1, n+2, n+2)] / L(x, t_x, n);
**   - DERT is the discounted sum of the expected transactions of each
**     later opportunity, E(k) - E(k-1) at (1+d)^-k, summed far enough;
**   - at t_x = n (a single term) P(alive at n+1) = (delta+n)/(gamma+delta+n).
*/
#include <math.h>
#include <stdio.h>

#include "../../lib/bgbb.h"
#include "check.h"

static const double P[4] = { 1.2035, 0.7497, 0.6567, 2.7834 };

static double
lik(double x, double tx, double n)
{
	struct bgbb_obs c = { x, tx, n, 1 };

	return exp(bgbb_loglik(P, &c));
}

static double
choose(double n, double k)
{
	double c = 1;

	for (double i = 1; i <= k; i++)
		c = c * (n - k + i) / i;
	return c;
}

static void
distribution(void)
{
	char name[64];

	for (double n = 0; n <= 8; n++) {
		double sum = lik(0, 0, n);

		for (double tx = 1; tx <= n; tx++)
			for (double x = 1; x <= tx; x++)
				sum += choose(tx - 1, x - 1) * lik(x, tx, n);
		snprintf(name, sizeof name, "bgbb likelihood sums to 1 over n = %g", n);
		check_near(name, sum, 1, 1e-12);
	}
}

static void
extension(void)
{
	static const double h[][3] = { { 0, 0, 6 }, { 1, 1, 6 }, { 3, 4, 6 },
	    { 6, 6, 6 }, { 2, 5, 9 } };
	char name[96];

	for (size_t i = 0; i < sizeof h / sizeof h[0]; i++) {
		double x = h[i][0], tx = h[i][1], n = h[i][2];
		struct bgbb_obs c = { x, tx, n, 1 };
		double l = lik(x, tx, n);
		double e1 = lik(x + 1, n + 1, n + 1) / l;
		double e2 = e1 + (lik(x + 2, n + 2, n + 2) + lik(x + 1, n + 2, n + 2)) / l;
		double dert = 0;

		snprintf(name, sizeof name, "bgbb E(1) of (%g,%g,%g) by extension",
		    x, tx, n);
		check_near(name, bgbb_expected(P, 1, &c), e1, 1e-12);
		snprintf(name, sizeof name, "bgbb E(2) of (%g,%g,%g) by extension",
		    x, tx, n);
		check_near(name, bgbb_expected(P, 2, &c), e2, 1e-12);
		for (double k = 1; k <= 400; k++)    /* 1.1^-400 < 1e-16 */
			dert += (bgbb_expected(P, k, &c) - bgbb_expected(P, k - 1, &c)) /
			    pow(1.1, k);
		snprintf(name, sizeof name, "bgbb DERT of (%g,%g,%g) as a sum",
		    x, tx, n);
		check_near(name, bgbb_dert(P, 0.1, &c), dert, 1e-9);
	}
}

static void
edges(void)
{
	struct bgbb_obs c = { 6, 6, 6, 1 };

	check_near("bgbb P(alive) at t_x = n", bgbb_palive(P, &c),
	    (P[3] + 6) / (P[2] + P[3] + 6), 1e-12);
	check_near("bgbb E over 0 opportunities", bgbb_expected(P, 0, &c), 0, 0);
	CHECK("bgbb DERT at rate 0 is NaN", isnan(bgbb_dert(P, 0, &c)));
}

int
main(void)
{
	distribution();
	extension();
	edges();
	return finish();
}
