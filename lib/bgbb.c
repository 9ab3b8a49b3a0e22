/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bgbb.h"
#include "btyd.h"
#include "optim.h"
#include "special.h"

static const char *const names[4] = { "alpha", "beta", "gamma", "delta" };

double
bgbb_loglik(const double *p, const struct bgbb_obs *c)
{
	double al = p[0], be = p[1], ga = p[2], de = p[3];
	double x = c->x, tx = c->tx, n = c->n;
	double lb_ab = lbeta(al, be), lb_gd = lbeta(ga, de);
	double ll = lbeta(al + x, be + n - x) - lb_ab + lbeta(ga, de + n) - lb_gd;

	for (double i = 0; i <= n - tx - 1; i++)
		ll = log_add_exp(ll, lbeta(al + x, be + tx - x + i) - lb_ab +
		    lbeta(ga + 1, de + tx + i) - lb_gd);
	return ll;
}

struct problem {
	const struct bgbb_obs *d;
	size_t n;
	double total;
};

/* -sum w ln L / total at the log-parameters U; G unused (numerical). */
static double
objective(void *ctx, const double *u, double *g)
{
	const struct problem *pb = ctx;
	double p[4], ll = 0;

	(void)g;
	for (int j = 0; j < 4; j++)
		p[j] = exp(u[j]);
	for (size_t i = 0; i < pb->n; i++)
		if (pb->d[i].w > 0)
			ll += pb->d[i].w * bgbb_loglik(p, &pb->d[i]);
	return -ll / pb->total;
}

int
bgbb_fit(const struct bgbb_obs *d, size_t n, struct bgbb_fit *fit, char *why)
{
	struct problem pb = { d, n, 0 };
	struct optim_problem op = { 4, objective, &pb, 0 };
	struct optim_opts opts = { 1000, 1e-8, BTYD_LOG_BOUND };
	struct optim_result res;
	double u[4] = { 0, 0, 0, 0 }, h[16], g[4], gmax = 0, max_x = 0;

	memset(fit, 0, sizeof *fit);
	for (size_t i = 0; i < n; i++) {
		pb.total += d[i].w;
		if (d[i].w > 0)
			max_x = fmax(max_x, d[i].x);
	}
	if (!(pb.total > 0)) {
		snprintf(why, BGBB_WHY_MAX, "no customers to fit (the weights "
		    "sum to 0)");
		return -1;
	}
	if (max_x == 0) {
		snprintf(why, BGBB_WHY_MAX, "nobody transacted after the first "
		    "time: there is no transaction probability to fit");
		return -1;
	}
	optim_minimise(&op, u, &opts, &res);
	fit->iterations = res.iterations;
	optim_gradient(&op, u, g);
	for (int j = 0; j < 4; j++)
		gmax = fmax(gmax, fabs(g[j]));
	/* A stall with a gradient at the differences' noise is a maximum. */
	if (res.status == OPTIM_STALLED && gmax <= 1e-6)
		res.status = OPTIM_CONVERGED;
	if (res.status == OPTIM_DIVERGED) {
		snprintf(why, BGBB_WHY_MAX, "the fit did not converge: %s ran "
		    "off to %.3g, so the data do not pin it down",
		    names[res.diverged], exp(u[res.diverged]));
		return -1;
	}
	if (res.status != OPTIM_CONVERGED) {
		snprintf(why, BGBB_WHY_MAX, "the fit found no maximum in %d "
		    "iterations (gradient %.3g)", res.iterations, gmax);
		return -1;
	}
	for (int j = 0; j < 4; j++)
		fit->param[j] = exp(u[j]);
	fit->customers = pb.total;
	fit->loglik = -res.fx * pb.total;
	if (optim_hessian(&op, u, h) == 0)
		for (int j = 0; j < 16; j++)
			h[j] *= pb.total;    /* the information of the sample */
	else
		h[0] = NAN;
	if (spd_inverse(h, 4) < 0) {
		snprintf(why, BGBB_WHY_MAX, "the fit found no proper maximum: "
		    "the information matrix is not positive definite (a flat "
		    "ridge or a saddle)");
		return -1;
	}
	for (int j = 0; j < 4; j++)
		fit->se[j] = fit->param[j] * sqrt(h[j * 4 + j]);
	return 0;
}

/* ln of B(alpha+x+A, beta+n-x)/B(alpha,beta) - ln L: the posterior's
** weight of the transaction side, A = 0 or 1. */
static double
log_p_side(const double *p, const struct bgbb_obs *c, double a)
{
	return lbeta(p[0] + c->x + a, p[1] + c->n - c->x) - lbeta(p[0], p[1]) -
	    bgbb_loglik(p, c);
}

double
bgbb_palive(const double *p, const struct bgbb_obs *c)
{
	return exp(log_p_side(p, c, 0) + lbeta(p[2], p[3] + c->n + 1) -
	    lbeta(p[2], p[3]));
}

double
bgbb_expected(const double *p, double nstar, const struct bgbb_obs *c)
{
	double lp = log_p_side(p, c, 1) - lbeta(p[2], p[3]), e = 0;

	for (double k = 1; k <= nstar; k++)
		e += exp(lp + lbeta(p[2], p[3] + c->n + k));
	return e;
}

double
bgbb_dert(const double *p, double d, const struct bgbb_obs *c)
{
	double ga = p[2], de = p[3], n = c->n;

	if (!(d > 0))
		return NAN;
	return exp(log_p_side(p, c, 1) + lbeta(ga, de + n + 1) - lbeta(ga, de) -
	    log1p(d)) * hyp2f1(1, de + n + 1, ga + de + n + 1, 1 / (1 + d));
}
