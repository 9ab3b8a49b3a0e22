/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "optim.h"
#include "sbg.h"
#include "special.h"
#include "stats.h"

/* A parameter beyond e^+-BOUND has run off: the data do not pin it. */
#define BOUND 30.0
/* A fit that fails with both parameters below e^-FAR has run off to 0. */
#define FAR 12.0
/* A fit that fails with alpha + beta above this has run off to infinity:
** a Beta of near-zero spread, the churn probability nearly the same for
** every customer (an sBG that fits has alpha + beta of a few units). */
#define FAR_SUM 1000.0
/* The largest standard error of ln(parameter) of an estimate. */
#define MAX_SE_LOG 10.0

int
sbg_check(const struct sbg_cohort *c, size_t nc, size_t *cohort,
    size_t *period, char *why)
{
	for (size_t i = 0; i < nc; i++)
		for (size_t k = 0; k <= c[i].n; k++) {
			double a = c[i].alive[k];

			if (cohort != NULL)
				*cohort = i;
			if (period != NULL)
				*period = k;
			if (!isfinite(a) || a < 0) {
				snprintf(why, SBG_WHY_MAX, "%g customers: a "
				    "count must be a number >= 0", a);
				return -1;
			}
			if (k > 0 && a > c[i].alive[k - 1]) {
				snprintf(why, SBG_WHY_MAX, "%g customers alive "
				    "after period %zu, more than the %g after "
				    "period %zu: a cohort cannot grow", a, k,
				    c[i].alive[k - 1], k - 1);
				return -1;
			}
		}
	return 0;
}

/*
** -LL and its gradient in u = (ln alpha, ln beta), both over SCALE (the
** customers, so that the objective is of order 1 whatever their number).
** With h(t) = alpha / (alpha + beta + t - 1), the hazard of period t:
**   ln P(T = t) = ln h(t) + ln S(t - 1),  ln S(t) = sum_{k<=t} ln(1 - h(k))
** and 1 - h(k) = r(k) = (beta + k - 1) / (alpha + beta + k - 1), whose
** derivatives in u are
**   d ln h(t) / d ln alpha = 1 - h(t),  d ln h(t) / d ln beta = -beta / (alpha + beta + t - 1)
**   d ln r(k) / d ln alpha = -h(k),     d ln r(k) / d ln beta = beta / (beta + k - 1) - beta / (alpha + beta + k - 1)
*/
struct problem {
	const struct sbg_cohort *c;
	size_t nc;
	double scale;
};

static double
cohorts_loglik(double al, double be, const struct sbg_cohort *c, size_t nc,
    double *g)
{
	double ll = 0, ga = 0, gb = 0;

	for (size_t i = 0; i < nc; i++) {
		const double *n = c[i].alive;
		double ls = 0, dsa = 0, dsb = 0;    /* ln S(t-1), its gradient */

		for (size_t t = 1; t <= c[i].n; t++) {
			double den = al + be + (double)t - 1;
			double lh = log(al) - log(den), lr = log(be + (double)t - 1) - log(den);
			double ha = al / den, hb = be / den, rb = be / (be + (double)t - 1) - hb;
			double d = n[t - 1] - n[t];

			if (d > 0) {
				ll += d * (lh + ls);
				ga += d * (1 - ha + dsa);
				gb += d * (-hb + dsb);
			}
			ls += lr;
			dsa -= ha;
			dsb += rb;
		}
		if (c[i].n > 0 && n[c[i].n] > 0) {
			ll += n[c[i].n] * ls;
			ga += n[c[i].n] * dsa;
			gb += n[c[i].n] * dsb;
		}
	}
	if (g != NULL) {
		g[0] = ga;
		g[1] = gb;
	}
	return ll;
}

static double
objective(void *ctx, const double *u, double *g)
{
	struct problem *pb = ctx;
	double ll = cohorts_loglik(exp(u[0]), exp(u[1]), pb->c, pb->nc, g);

	if (g != NULL) {
		g[0] = -g[0] / pb->scale;
		g[1] = -g[1] / pb->scale;
	}
	return -ll / pb->scale;
}

double
sbg_loglik(double alpha, double beta, const struct sbg_cohort *c, size_t nc)
{
	if (!(alpha > 0 && beta > 0 && isfinite(alpha) && isfinite(beta)))
		return NAN;
	return cohorts_loglik(alpha, beta, c, nc, NULL);
}

int
sbg_fit(const struct sbg_cohort *c, size_t nc, struct sbg_fit *fit,
    char *why)
{
	struct optim_opts opts = { 1000, 1e-10, BOUND };
	struct optim_problem op;
	struct optim_result res;
	struct problem pb = { c, nc, 0 };
	double u[2] = { 0, 0 }, g[2], h[4], gmax, observed = 0;
	double first = 0;    /* churned in period 1 */
	double later = 0;    /* observed in period 2 */
	int converged, pd = 0;

	memset(fit, 0, sizeof *fit);
	fit->se_alpha = fit->se_beta = NAN;
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			fit->cov[i][j] = NAN;
	if (sbg_check(c, nc, NULL, NULL, why) < 0)
		return -1;
	for (size_t i = 0; i < nc; i++) {
		fit->customers += c[i].alive[0];
		if (c[i].n == 0)
			continue;
		observed += c[i].alive[0];
		fit->churned += c[i].alive[0] - c[i].alive[c[i].n];
		first += c[i].alive[0] - c[i].alive[1];
		if (c[i].n >= 2)
			later += c[i].alive[1];
	}
	if (observed == 0) {
		snprintf(why, SBG_WHY_MAX, "no customers observed over a "
		    "period: nothing to fit");
		return -1;
	}
	if (fit->churned == 0) {
		fit->status = SBG_NO_CHURN;
		fit->alpha = 0;
		fit->beta = INFINITY;
		return 0;
	}
	if (first == observed) {
		fit->status = SBG_ALL_CHURN;
		fit->alpha = INFINITY;
		fit->beta = 0;
		return 0;
	}
	if (later == 0) {
		snprintf(why, SBG_WHY_MAX, "no customer observed beyond period "
		    "1: the data give the churn of period 1 (%.3g) but not how "
		    "retention changes after it, and the sBG needs both",
		    first / observed);
		return -1;
	}
	pb.scale = observed;
	op = (struct optim_problem){ 2, objective, &pb, 1 };
	optim_minimise(&op, u, &opts, &res);
	fit->iterations = res.iterations;
	optim_gradient(&op, u, g);
	gmax = fmax(fabs(g[0]), fabs(g[1]));
	fit->alpha = exp(u[0]);
	fit->beta = exp(u[1]);
	converged = res.status == OPTIM_CONVERGED ||
	    (res.status == OPTIM_STALLED && gmax <= 1e-6);
	if (converged && optim_hessian(&op, u, h, NULL) == 0) {
		for (int j = 0; j < 4; j++)
			h[j] *= pb.scale;    /* the whole sample's information */
		pd = spd_inverse(h, 2) == 0;
		if (pd && sqrt(h[0]) <= MAX_SE_LOG && sqrt(h[3]) <= MAX_SE_LOG) {
			fit->status = SBG_FIT;
			fit->cov[0][0] = h[0];
			fit->cov[0][1] = fit->cov[1][0] = h[1];
			fit->cov[1][1] = h[3];
			fit->se_alpha = fit->alpha * sqrt(h[0]);
			fit->se_beta = fit->beta * sqrt(h[3]);
			fit->loglik = sbg_loglik(fit->alpha, fit->beta, c, nc);
			return 0;
		}
	}
	/*
	 * The two ways the sBG's likelihood peaks at its edge with some
	 * churn and some survival: a constant (or falling) retention rate,
	 * a Beta of no spread (alpha + beta -> infinity at a fixed mean);
	 * and churn in the first period only, a Beta with all its mass at
	 * theta = 0 and theta = 1 (alpha, beta -> 0).
	 */
	if (fit->alpha + fit->beta > FAR_SUM) {
		snprintf(why, SBG_WHY_MAX, "alpha and beta ran off to infinity "
		    "together: retention does not rise with tenure, so the "
		    "data show no heterogeneity for the sBG to measure; one "
		    "churn probability, %.3g, fits them as well",
		    fit->alpha / (fit->alpha + fit->beta));
		return -1;
	}
	if (u[0] < -FAR && u[1] < -FAR) {
		snprintf(why, SBG_WHY_MAX, "alpha and beta ran off to 0 "
		    "together: the customers who churn all do so at once, "
		    "the others never, which the sBG reaches only in the "
		    "limit (a share of %.3g churning in period 1, the rest "
		    "staying for ever)", fit->alpha / (fit->alpha + fit->beta));
		return -1;
	}
	if (converged && pd) {
		snprintf(why, SBG_WHY_MAX, "too few customers to pin down "
		    "alpha and beta: the likelihood peaks at %.3g and %.3g, "
		    "but so flatly that their 95%% intervals reach past "
		    "e^-19.6 and e^19.6 times them", fit->alpha, fit->beta);
		return -1;
	}
	snprintf(why, SBG_WHY_MAX, "the sBG fit found no maximum after %d "
	    "iterations (alpha %.3g, beta %.3g, gradient %.3g)",
	    res.iterations, fit->alpha, fit->beta, gmax);
	return -1;
}

/* The limits of enum sbg_status: 1 no churn, 2 all churn, 0 neither. */
static int
limit(double alpha, double beta)
{
	if (alpha == 0 && beta == INFINITY)
		return 1;
	if (alpha == INFINITY && beta == 0)
		return 2;
	return 0;
}

static int
proper(double alpha, double beta)
{
	return alpha > 0 && beta > 0 && isfinite(alpha) && isfinite(beta);
}

double
sbg_survival(double alpha, double beta, long t)
{
	double ls = 0;

	if (t < 0)
		return NAN;
	if (t == 0)
		return 1;
	switch (limit(alpha, beta)) {
	case 1:
		return 1;
	case 2:
		return 0;
	}
	if (!proper(alpha, beta))
		return NAN;
	for (long k = 1; k <= t; k++)
		ls += log(beta + (double)k - 1) - log(alpha + beta + (double)k - 1);
	return exp(ls);
}

double
sbg_churn_prob(double alpha, double beta, long t)
{
	if (t < 1)
		return NAN;
	switch (limit(alpha, beta)) {
	case 1:
		return 0;
	case 2:
		return t == 1;
	}
	if (!proper(alpha, beta))
		return NAN;
	return sbg_survival(alpha, beta, t - 1) * alpha /
	    (alpha + beta + (double)t - 1);
}

double
sbg_retention(double alpha, double beta, long t)
{
	if (t < 1)
		return NAN;
	switch (limit(alpha, beta)) {
	case 1:
		return 1;
	case 2:
		return NAN;
	}
	if (!proper(alpha, beta))
		return NAN;
	return (beta + (double)t - 1) / (alpha + beta + (double)t - 1);
}

static double
expit(double x)
{
	return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x));
}

/* VALUE's interval from logit VALUE -+ z sqrt(g' cov g). */
static void
logit_interval(struct sbg_estimate *e, const struct sbg_fit *f,
    const double *g, double z)
{
	double v = g[0] * g[0] * f->cov[0][0] + 2 * g[0] * g[1] * f->cov[0][1] +
	    g[1] * g[1] * f->cov[1][1];
	double l = log(e->value) - log1p(-e->value), w = z * sqrt(fmax(v, 0));

	e->lo = expit(l - w);
	e->hi = expit(l + w);
}

void
sbg_project(const struct sbg_fit *f, long t, double level,
    struct sbg_estimate *survival, struct sbg_estimate *retention)
{
	double al = f->alpha, be = f->beta, z, g[2], dsa = 0, dsb = 0;

	survival->value = sbg_survival(al, be, t);
	retention->value = sbg_retention(al, be, t);
	survival->lo = survival->hi = retention->lo = retention->hi = NAN;
	if (f->status != SBG_FIT || t < 1 || !(level > 0 && level < 1))
		return;
	z = norm_quantile((1 + level) / 2);
	for (long k = 1; k <= t; k++) {
		double den = al + be + (double)k - 1;

		dsa -= al / den;
		dsb += be / (be + (double)k - 1) - be / den;
	}
	g[0] = dsa / (1 - survival->value);
	g[1] = dsb / (1 - survival->value);
	logit_interval(survival, f, g, z);
	g[0] = -1;
	g[1] = be / (be + (double)t - 1);
	logit_interval(retention, f, g, z);
}

double
sbg_derl(double alpha, double beta, double d, long n)
{
	if (n < 1 || !(d > 0) || !isfinite(d))
		return NAN;
	switch (limit(alpha, beta)) {
	case 1:
		return (1 + d) / d;
	case 2:
		return 0;
	}
	if (!proper(alpha, beta))
		return NAN;
	return sbg_retention(alpha, beta, n) *
	    hyp2f1(1, beta + (double)n, alpha + beta + (double)n, 1 / (1 + d));
}
