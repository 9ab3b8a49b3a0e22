/* See LICENSE file for copyright and license details. */
#include <math.h>

#include "btydsim.h"

int
btyd_draw_params(int model, const double *p, const double *cov,
    struct rng *g, size_t n, double (*out)[BTYD_MAX_PARAMS])
{
	size_t np = btyd_info(model)->nparams;
	double l[BTYD_MAX_PARAMS * BTYD_MAX_PARAMS], z[BTYD_MAX_PARAMS];

	if (cholesky_lower(cov, np, l) < 0)
		return -1;
	for (size_t d = 0; d < n; d++) {
		for (size_t j = 0; j < np; j++)
			z[j] = rng_normal(g);
		for (size_t j = 0; j < np; j++) {
			double e = 0;

			for (size_t k = 0; k <= j; k++)
				e += l[j * np + k] * z[k];
			out[d][j] = p[j] * exp(e);
		}
	}
	return 0;
}

void
btyd_simulate(int model, const double *p, const double *gg,
    const struct rfm *c, double palive, const struct btyd_value_terms *vt,
    struct rng *g, double *purchases, double *value)
{
	double lambda, drop = 0, life = INFINITY, nu = 0, u = 0, n = 0, v = 0;

	*purchases = 0;
	*value = 0;
	if (!(rng_uniform(g) < palive))
		return;
	lambda = rng_gamma(g, p[0] + c->x, p[1] + c->T);
	for (;;) {
		u += rng_exp(g, lambda);
		if (!(u <= vt->horizon))
			break;
		if (n == 0) {
			/* The rest of the posterior matters only from the
			 * first purchase on: drawn then, which spares most
			 * customers (few buy again soon) two gamma variates. */
			if (model == BTYD_PARETONBD)
				life = rng_exp(g, rng_gamma(g, p[2], p[3] + c->T));
			else
				drop = rng_beta(g, p[2], p[3] + c->x +
				    (model == BTYD_MBGNBD ? 1 : 0));
			if (gg != NULL)
				nu = rng_gamma(g, gg[0] * c->x + gg[1], gg[2] +
				    c->x * c->m);
		}
		if (u > life)
			break;
		n++;
		if (gg != NULL) {
			double k = ceil(u / vt->month);
			double tk = fmin(k * vt->month, vt->horizon);

			v += vt->margin * rng_gamma(g, gg[0], nu) /
			    pow(1 + vt->rate, tk / vt->month);
		}
		if (model != BTYD_PARETONBD && rng_uniform(g) < drop)
			break;
	}
	*purchases = n;
	*value = v;
}
