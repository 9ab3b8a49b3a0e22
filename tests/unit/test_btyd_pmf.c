/* See LICENSE file for copyright and license details. */
/*
** Unit tests of btyd_pmf() (lib/btyd.c), P(X(t) = x) of a new customer,
** by two identities that share nothing with its formulas: over x it sums
** to 1, and its mean is the model's expected purchases of a new customer,
** btyd_expected() at x = t_x = T = 0 (the closed forms of FHL 2005, eq. 9,
** and Schmittlein et al.), for each purchase model, short and long t.
*/
#include <math.h>
#include <stdio.h>

#include "../../lib/btyd.h"
#include "check.h"

int
main(void)
{
	/* CDNOW's BG/NBD and Pareto/NBD fits (weeks); MBG/NBD's too. */
	static const double p[3][4] = {
		{ 0.2426, 4.4135, 0.7929, 2.4258 },
		{ 0.525, 6.183, 0.891, 1.614 },
		{ 0.5533, 10.578, 0.6062, 11.668 },
	};
	static const int model[3] = { BTYD_BGNBD, BTYD_MBGNBD, BTYD_PARETONBD };
	static const double ts[3] = { 0.5, 30, 78 };
	const struct rfm zero = { 0, 0, 0, 0, 1 };
	char name[96];

	for (int m = 0; m < 3; m++)
		for (int k = 0; k < 3; k++) {
			double t = ts[k], sum = 0, mean = 0;

			for (double x = 0; x < 600; x++) {    /* the rest < 1e-14 */
				double v = btyd_pmf(model[m], p[m], t, x);

				sum += v;
				mean += x * v;
			}
			snprintf(name, sizeof name, "%s P(X(%g) = x) sums to 1",
			    btyd_info(model[m])->name, t);
			check_near(name, sum, 1, 1e-10);
			snprintf(name, sizeof name, "%s mean of P(X(%g) = x) is E(X(%g))",
			    btyd_info(model[m])->name, t, t);
			check_near(name, mean, btyd_expected(model[m], p[m], t, &zero),
			    1e-9);
		}
	check_near("bgnbd P(X(0) = 0) is 1", btyd_pmf(BTYD_BGNBD, p[0], 0, 0), 1, 0);
	check_near("paretonbd P(X(0) = 1) is 0",
	    btyd_pmf(BTYD_PARETONBD, p[2], 0, 1), 0, 0);
	return finish();
}
