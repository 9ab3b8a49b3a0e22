/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bgbb.h"
#include "btyd.h"
#include "optim.h"
#include "special.h"

static const char *const names[4] = { "alpha", "beta", "gamma", "delta" };

/* A fit that stops, unconverged, with a parameter beyond e^+-FAR has
** that parameter running off (btyd.c's rule too). */
#define FAR 12.0

/* d/dA and d/dB of ln B(A, B) into D[0], D[1]. */
static void
dlbeta(double a, double b, double *d)
{
	double ab = digamma(a + b);

	d[0] = digamma(a) - ab;
	d[1] = digamma(b) - ab;
}

/*
** bgbb_loglik(), and with G not NULL its gradient in P into G: ln L is
** ln sum_k e^(l_k), so d ln L = sum_k e^(l_k - ln L) d l_k, each l_k a
** sum of log-Betas whose derivatives are digamma differences.
*/
static double
loglik_grad(const double *p, const struct bgbb_obs *c, double *g)
{
	double al = p[0], be = p[1], ga = p[2], de = p[3];
	double x = c->x, tx = c->tx, n = c->n, m = n - tx;
	double lb_ab = lbeta(al, be), lb_gd = lbeta(ga, de);
	double l0 = lbeta(al + x, be + n - x) - lb_ab + lbeta(ga, de + n) - lb_gd;
	double ll = l0, d[2], base[4], acc[4];

	for (double i = 0; i < m; i++)
		ll = log_add_exp(ll, lbeta(al + x, be + tx - x + i) - lb_ab +
		    lbeta(ga + 1, de + tx + i) - lb_gd);
	if (g == NULL)
		return ll;
	/* The parts common to every term: -ln B(alpha,beta) - ln B(gamma,delta). */
	dlbeta(al, be, d);
	base[0] = -d[0];
	base[1] = -d[1];
	dlbeta(ga, de, d);
	base[2] = -d[0];
	base[3] = -d[1];
	/* The alive term, weight e^(l0 - ll). */
	{
		double wt = exp(l0 - ll);

		dlbeta(al + x, be + n - x, d);
		acc[0] = wt * d[0];
		acc[1] = wt * d[1];
		dlbeta(ga, de + n, d);
		acc[2] = wt * d[0];
		acc[3] = wt * d[1];
	}
	for (double i = 0; i < m; i++) {
		double wt = exp(lbeta(al + x, be + tx - x + i) - lb_ab +
		    lbeta(ga + 1, de + tx + i) - lb_gd - ll);

		dlbeta(al + x, be + tx - x + i, d);
		acc[0] += wt * d[0];
		acc[1] += wt * d[1];
		dlbeta(ga + 1, de + tx + i, d);
		acc[2] += wt * d[0];
		acc[3] += wt * d[1];
	}
	for (int j = 0; j < 4; j++)
		g[j] = base[j] + acc[j];
	return ll;
}

double
bgbb_loglik(const double *p, const struct bgbb_obs *c)
{
	return loglik_grad(p, c, NULL);
}

struct problem {
	const struct bgbb_obs *d;
	size_t n;
	double total;
};

/* -sum w ln L / total at the log-parameters U, and its gradient in U. */
static double
objective(void *ctx, const double *u, double *g)
{
	const struct problem *pb = ctx;
	double p[4], ll = 0, dl[4], acc[4] = { 0, 0, 0, 0 };

	for (int j = 0; j < 4; j++)
		p[j] = exp(u[j]);
	for (size_t i = 0; i < pb->n; i++) {
		if (!(pb->d[i].w > 0))
			continue;
		ll += pb->d[i].w * loglik_grad(p, &pb->d[i], g ? dl : NULL);
		if (g != NULL)
			for (int j = 0; j < 4; j++)
				acc[j] += pb->d[i].w * dl[j];
	}
	if (g != NULL)
		for (int j = 0; j < 4; j++)
			g[j] = -p[j] * acc[j] / pb->total;
	return -ll / pb->total;
}

int
bgbb_fit(const struct bgbb_obs *d, size_t n, struct bgbb_fit *fit, char *why)
{
	struct problem pb = { d, n, 0 };
	struct optim_problem op = { 4, objective, &pb, 1 };
	struct optim_opts opts = { 1000, 1e-10, BTYD_LOG_BOUND };
	struct optim_result res;
	double u[4] = { 0, 0, 0, 0 }, h[16], g[4], gmax = 0, max_x = 0;
	int ok, far = -1;

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
	/* A stall with a gradient at rounding's level is a maximum. */
	ok = res.status == OPTIM_CONVERGED ||
	    (res.status == OPTIM_STALLED && gmax <= 1e-6);
	for (int j = 0; j < 4; j++)
		fit->param[j] = exp(u[j]);
	fit->customers = pb.total;
	fit->loglik = -res.fx * pb.total;
	if (ok && optim_hessian(&op, u, h, NULL) == 0) {
		for (int j = 0; j < 16; j++)
			h[j] *= pb.total;    /* the information of the sample */
		ok = spd_inverse(h, 4) == 0;
	} else {
		ok = 0;
	}
	if (ok)
		goto done;
	/* No proper maximum: far out, a parameter running off (the data
	 * do not pin it: nobody seen to drop out, or all alike). */
	for (int j = 0; j < 4; j++)
		if (fabs(u[j]) > FAR && (far < 0 || fabs(u[j]) > fabs(u[far])))
			far = j;
	if (far >= 0)
		snprintf(why, BGBB_WHY_MAX, "the fit did not converge: %s ran "
		    "off to %.3g, so the data do not pin it down", names[far],
		    fit->param[far]);
	else
		snprintf(why, BGBB_WHY_MAX, "the fit found no proper maximum "
		    "after %d iterations (gradient %.3g, or an information "
		    "matrix that is not positive definite)", res.iterations,
		    gmax);
	return -1;
done:
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
