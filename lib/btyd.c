/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "btyd.h"
#include "optim.h"
#include "special.h"
#include "util.h"

static const struct btyd_info models[BTYD_NMODELS] = {
	[BTYD_BGNBD] = { "bgnbd", 4, { "r", "alpha", "a", "b" }, 0 },
	[BTYD_MBGNBD] = { "mbgnbd", 4, { "r", "alpha", "a", "b" }, 0 },
	[BTYD_PARETONBD] = { "paretonbd", 4, { "r", "alpha", "s", "beta" }, 0 },
	[BTYD_GGAMMA] = { "ggamma", 3, { "p", "q", "v" }, 1 },
};

/* A parameter beyond e^+-BOUND has run off: the data do not pin it. */
#define BOUND BTYD_LOG_BOUND
/* A stalled fit with a parameter beyond e^+-FAR has run off. */
#define FAR 12.0
/*
** The most Taylor steps the Pareto/NBD's series may take in one fit, all
** evaluations together: a base, about 2.5 s at some 50 ns a step, and so
** many per distinct customer row. A fit of CDNOW's 2357 customers (1016
** rows) takes some 26,000 steps in all; customers with thousands of
** purchases over ages that differ by orders of magnitude push the series
** toward its singular point, and a fit of 20 of them took minutes.
*/
#define PARETO_STEPS 50000000UL
#define PARETO_STEPS_PER_ROW 1000UL
/* The largest standard error of ln(parameter) of an estimate. */
#define MAX_SE_LOG 10.0
/* The largest frequency the fit tables by value. */
#define MAX_X 10000000.0

int
btyd_model_from_name(const char *name)
{
	for (int m = 0; m < BTYD_NMODELS; m++)
		if (strcmp(name, models[m].name) == 0)
			return m;
	return -1;
}

const struct btyd_info *
btyd_info(int model)
{
	return &models[model];
}

static int
cmp_purchase(const void *pa, const void *pb)
{
	const struct rfm *a = pa, *b = pb;

	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	if (a->tx != b->tx)
		return a->tx < b->tx ? -1 : 1;
	if (a->T != b->T)
		return a->T < b->T ? -1 : 1;
	return 0;
}

static int
cmp_spend(const void *pa, const void *pb)
{
	const struct rfm *a = pa, *b = pb;

	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	return 0;
}

size_t
btyd_compress(struct rfm *d, size_t n, int model)
{
	int (*cmp)(const void *, const void *) =
	    models[model].spend ? cmp_spend : cmp_purchase;
	size_t out = 0;

	if (n == 0)
		return 0;
	qsort(d, n, sizeof *d, cmp);
	for (size_t i = 1; i < n; i++) {
		if (cmp(&d[out], &d[i]) == 0)
			d[out].w += d[i].w;
		else
			d[++out] = d[i];
	}
	return out + 1;
}

/* ln(1 + e^x) and 1 / (1 + e^-x), without overflow. */
static double
softplus(double x)
{
	return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

static double
sigmoid(double x)
{
	double e;

	if (x >= 0)
		return 1 / (1 + exp(-x));
	e = exp(x);
	return e / (1 + e);
}

/*
** The fit's view of the data. Terms of the likelihood that depend on x
** alone (the log-gammas and log-betas, the costly part) are computed once
** per distinct x, a "level", and weighted by the customers at that level.
*/
struct problem {
	int model;
	const struct rfm *d;
	size_t n;
	double total;              /* the weights' sum */
	size_t nlevels;            /* largest x + 1 */
	double *level_w;           /* weight at each x */
	double *level_acc;         /* scratch: per-x sums during an evaluation */
	double scale[BTYD_MAX_PARAMS];   /* of each parameter in the penalty */
	double penalizer;
	double sum_wx_lnm, sum_w_lnm;    /* Gamma-Gamma's constant sums */
	unsigned long steps;       /* Pareto/NBD: the series' work so far */
	unsigned long max_steps;   /* and the most it may take */
};

static double
penalty(const struct problem *pb, const double *theta, double *g)
{
	double sum = 0;

	for (size_t j = 0; j < models[pb->model].nparams; j++) {
		double s = theta[j] * pb->scale[j];

		sum += s * s;
		if (g != NULL)
			g[j] += pb->penalizer * 2 * s * s;    /* d/d log theta */
	}
	return pb->penalizer * sum;
}

/*
** BG/NBD (SHIFT 0) and MBG/NBD (SHIFT 1), per customer
**   ln L = ln G(r+x) - ln G(r) + r ln alpha + ln B(a, b+x+S) - ln B(a, b)
**          - (r+x) ln(alpha+T) + ln(1 + [x>0 or S] e^E)
**   E = ln a - ln(b+x-1+S) + (r+x)(ln(alpha+T) - ln(alpha+t_x))
** The objective is -sum w ln L / total + penalty, in u = ln theta; the
** gradient is theta times the derivative in theta.
*/
static double
bg_objective(void *ctx, const double *u, double *g)
{
	struct problem *pb = ctx;
	int shift = pb->model == BTYD_MBGNBD;
	double r = exp(u[0]), al = exp(u[1]), a = exp(u[2]), b = exp(u[3]);
	double theta[4] = { r, al, a, b }, dr = 0, dal = 0, da = 0, db = 0;
	double ll = 0, lna = log(a), lnal = log(al);

	memset(pb->level_acc, 0, pb->nlevels * sizeof *pb->level_acc);
	for (size_t i = 0; i < pb->n; i++) {
		const struct rfm *c = &pb->d[i];
		double w = c->w, x = c->x, lT = log(al + c->T), e, ltx, s;

		ll -= w * (r + x) * lT;
		if (g != NULL) {
			dr -= w * lT;
			dal -= w * (r + x) / (al + c->T);
		}
		if (x == 0 && !shift)
			continue;
		ltx = log(al + c->tx);
		e = lna - log(b + x - 1 + shift) + (r + x) * (lT - ltx);
		ll += w * softplus(e);
		if (g != NULL) {
			s = w * sigmoid(e);
			dr += s * (lT - ltx);
			dal += s * (r + x) * (1 / (al + c->T) - 1 / (al + c->tx));
			pb->level_acc[(size_t)x] += s;
		}
	}
	for (size_t k = 0; k < pb->nlevels; k++) {
		double w = pb->level_w[k], x = (double)k, acc = pb->level_acc[k];

		if (w == 0)
			continue;
		ll += w * (lgamma(r + x) - lgamma(r) + r * lnal +
		    lgamma(b + x + shift) - lgamma(a + b + x + shift) -
		    lgamma(b) + lgamma(a + b));
		if (g == NULL)
			continue;
		dr += w * (digamma(r + x) - digamma(r) + lnal);
		dal += w * r / al;
		da += w * (digamma(a + b) - digamma(a + b + x + shift)) + acc / a;
		db += w * (digamma(b + x + shift) - digamma(a + b + x + shift) -
		    digamma(b) + digamma(a + b));
		if (acc != 0)
			db -= acc / (b + x - 1 + shift);
	}
	if (g != NULL) {
		g[0] = -r * dr / pb->total;
		g[1] = -al * dal / pb->total;
		g[2] = -a * da / pb->total;
		g[3] = -b * db / pb->total;
	}
	return -ll / pb->total + penalty(pb, theta, g);
}

/*
** Gamma-Gamma, per customer with x > 0 repeat purchases of mean m:
**   ln L = ln G(px+q) - ln G(px) - ln G(q) + q ln v + (px-1) ln m
**          + px ln x - (px+q) ln(xm + v)
** The (px-1) ln m terms add up to p sum(w x ln m) - sum(w ln m), two
** constants; only ln(xm + v) is per customer.
*/
static double
gg_objective(void *ctx, const double *u, double *g)
{
	struct problem *pb = ctx;
	double p = exp(u[0]), q = exp(u[1]), v = exp(u[2]), theta[3] = { p, q, v };
	double ll = 0, dp = 0, dq = 0, dv = 0, lnv = log(v);

	for (size_t i = 0; i < pb->n; i++) {
		const struct rfm *c = &pb->d[i];
		double w = c->w, lxm = log(c->x * c->m + v);

		ll -= w * (p * c->x + q) * lxm;
		if (g != NULL) {
			dp -= w * c->x * lxm;
			dq -= w * lxm;
			dv -= w * (p * c->x + q) / (c->x * c->m + v);
		}
	}
	ll += p * pb->sum_wx_lnm - pb->sum_w_lnm;
	dp += pb->sum_wx_lnm;
	for (size_t k = 1; k < pb->nlevels; k++) {
		double w = pb->level_w[k], x = (double)k, lnx = log(x);

		if (w == 0)
			continue;
		ll += w * (lgamma(p * x + q) - lgamma(p * x) - lgamma(q) +
		    q * lnv + p * x * lnx);
		if (g == NULL)
			continue;
		dp += w * x * (digamma(p * x + q) - digamma(p * x) + lnx);
		dq += w * (digamma(p * x + q) - digamma(q) + lnv);
		dv += w * q / v;
	}
	if (g != NULL) {
		g[0] = -p * dp / pb->total;
		g[1] = -q * dq / pb->total;
		g[2] = -v * dv / pb->total;
	}
	return -ll / pb->total + penalty(pb, theta, g);
}

static double pareto_loglik(const double *p, const struct rfm *c,
    unsigned long *steps);

/*
** Pareto/NBD: the per-customer likelihood, summed; no analytic gradient.
** Past the fit's budget of series steps every point is outside the
** domain (NaN), so that the optimiser stops at once.
*/
static double
pareto_objective(void *ctx, const double *u, double *g)
{
	struct problem *pb = ctx;
	double theta[4], ll = 0;

	(void)g;
	if (pb->steps > pb->max_steps)
		return NAN;
	for (size_t j = 0; j < 4; j++)
		theta[j] = exp(u[j]);
	for (size_t i = 0; i < pb->n; i++)
		ll += pb->d[i].w * pareto_loglik(theta, &pb->d[i], &pb->steps);
	return -ll / pb->total + penalty(pb, theta, NULL);
}

/*
** Pareto/NBD's ln of s/(r+s+x) A0 (note 009, eqs. 18-20), with
**   A0 = F(t_x) - F(T),  F(y) = 2F1(r+s+x, k; r+s+x+1; (M-m)/(M+y)) / (M+y)^(r+s+x)
** M, m the larger and smaller of alpha and beta, k = s+1 when alpha >= beta
** and r+x otherwise. F is the tail integral of a positive function of y,
** so F(t_x) >= F(T). The 2F1, which swells like (1-z)^(1-k) as z -> 1, is
** taken as (1-z)^-k 2F1(1, k; r+s+x+1; z/(z-1)) (Pfaff), in logs.
*/
static double
pareto_log_a0_term(const double *p, const struct rfm *c, unsigned long *steps)
{
	double r = p[0], al = p[1], s = p[2], be = p[3], x = c->x;
	double big = fmax(al, be), small = fmin(al, be), rsx = r + s + x;
	double k = al >= be ? s + 1 : r + x, logf[2], ys[2] = { c->tx, c->T };

	for (int i = 0; i < 2; i++) {
		double y = ys[i];

		logf[i] = -k * log((small + y) / (big + y)) +
		    log(hyp2f1_steps(1, k, rsx + 1, -(big - small) / (small + y),
		    steps)) -
		    rsx * log(big + y);
	}
	return log(s) - log(rsx) + log_sub_exp(logf[0], logf[1]);
}

/* Pareto/NBD's -(r+x) ln(alpha+T) - s ln(beta+T): the customer alive at T. */
static double
pareto_log_first(const double *p, const struct rfm *c)
{
	return -(p[0] + c->x) * log(p[1] + c->T) - p[2] * log(p[3] + c->T);
}

/* Pareto/NBD's log-likelihood of customer C, the work of its series
** added to *STEPS (hyp2f1_steps()). */
static double
pareto_loglik(const double *p, const struct rfm *c, unsigned long *steps)
{
	return lgamma(p[0] + c->x) - lgamma(p[0]) + p[0] * log(p[1]) +
	    p[2] * log(p[3]) + log_add_exp(pareto_log_first(p, c),
	    pareto_log_a0_term(p, c, steps));
}

double
btyd_loglik(int model, const double *p, const struct rfm *c)
{
	double x = c->x;

	switch (model) {
	case BTYD_BGNBD:
	case BTYD_MBGNBD: {
		int shift = model == BTYD_MBGNBD;
		double r = p[0], al = p[1], a = p[2], b = p[3];
		double ll = lgamma(r + x) - lgamma(r) + r * log(al) +
		    lbeta(a, b + x + shift) - lbeta(a, b) - (r + x) * log(al + c->T);

		if (x > 0 || shift)
			ll += softplus(log(a) - log(b + x - 1 + shift) +
			    (r + x) * (log(al + c->T) - log(al + c->tx)));
		return ll;
	}
	case BTYD_PARETONBD:
		return pareto_loglik(p, c, NULL);
	case BTYD_GGAMMA: {
		double pp = p[0], q = p[1], v = p[2], m = c->m;

		return lgamma(pp * x + q) - lgamma(pp * x) - lgamma(q) +
		    q * log(v) + (pp * x - 1) * log(m) + pp * x * log(x) -
		    (pp * x + q) * log(x * m + v);
	}
	}
	return NAN;
}

static void
problem_free(struct problem *pb)
{
	free(pb->level_w);
	free(pb->level_acc);
}

/* Set up PB; returns 0, or -1 with WHY. */
static int
problem_init(struct problem *pb, int model, const struct rfm *d, size_t n,
    double penalizer, char *why)
{
	double max_x = 0, max_T = 0;

	memset(pb, 0, sizeof *pb);
	pb->model = model;
	pb->d = d;
	pb->n = n;
	pb->penalizer = penalizer;
	for (size_t i = 0; i < n; i++) {
		pb->total += d[i].w;
		max_x = fmax(max_x, d[i].x);
		max_T = fmax(max_T, d[i].T);
		if (models[model].spend) {
			pb->sum_wx_lnm += d[i].w * d[i].x * log(d[i].m);
			pb->sum_w_lnm += d[i].w * log(d[i].m);
		}
	}
	if (pb->total <= 0) {
		snprintf(why, BTYD_WHY_MAX, "no customers to fit%s",
		    models[model].spend ? " (Gamma-Gamma needs repeat buyers "
		    "with a positive monetary_value)" : "");
		return -1;
	}
	if (!models[model].spend && max_x == 0) {
		snprintf(why, BTYD_WHY_MAX, "no customer made a repeat purchase: "
		    "there is no purchase rate to fit");
		return -1;
	}
	if (max_x > MAX_X) {
		snprintf(why, BTYD_WHY_MAX, "a frequency of %g is more than "
		    "the fit handles (%g)", max_x, MAX_X);
		return -1;
	}
	pb->nlevels = (size_t)max_x + 1;
	pb->level_w = xcalloc(pb->nlevels, sizeof *pb->level_w);
	pb->level_acc = xcalloc(pb->nlevels, sizeof *pb->level_acc);
	for (size_t i = 0; i < n; i++)
		pb->level_w[(size_t)d[i].x] += d[i].w;
	for (size_t j = 0; j < BTYD_MAX_PARAMS; j++)
		pb->scale[j] = 1;
	if (!models[model].spend && max_T > 0) {
		pb->scale[1] = 1 / max_T;
		if (model == BTYD_PARETONBD)
			pb->scale[3] = 1 / max_T;
	}
	return 0;
}

/* The starting point, in logs (see btyd_fit in btyd.h). */
static void
start(const struct problem *pb, double *u)
{
	double sum_x = 0, sum_T = 0, sum_m = 0;

	for (size_t i = 0; i < pb->n; i++) {
		sum_x += pb->d[i].w * pb->d[i].x;
		sum_T += pb->d[i].w * pb->d[i].T;
		sum_m += pb->d[i].w * pb->d[i].m;
	}
	if (models[pb->model].spend) {
		u[0] = 0;
		u[1] = log(2);
		u[2] = log(sum_m / pb->total);
		return;
	}
	u[0] = 0;
	u[1] = log(fmax(sum_T, 1e-9) / fmax(sum_x, 1));
	u[2] = 0;
	u[3] = pb->model == BTYD_PARETONBD ? log(fmax(sum_T / pb->total, 1e-9)) : 0;
}

int
btyd_fit(int model, const struct rfm *d, size_t n, double penalizer,
    struct btyd_fit *fit, char *why)
{
	static optim_fn *const objective[BTYD_NMODELS] = {
		[BTYD_BGNBD] = bg_objective, [BTYD_MBGNBD] = bg_objective,
		[BTYD_PARETONBD] = pareto_objective, [BTYD_GGAMMA] = gg_objective,
	};
	const struct btyd_info *info = &models[model];
	struct optim_opts opts = { 1000, 1e-10, BOUND };
	struct optim_problem op;
	struct optim_result res;
	struct problem pb;
	double u[BTYD_MAX_PARAMS], h[BTYD_MAX_PARAMS * BTYD_MAX_PARAMS];
	double g[BTYD_MAX_PARAMS], gmax = 0;
	size_t np = info->nparams;

	memset(fit, 0, sizeof *fit);
	fit->model = model;
	if (problem_init(&pb, model, d, n, penalizer, why) < 0)
		return -1;
	op = (struct optim_problem){ np, objective[model], &pb,
	    model != BTYD_PARETONBD };
	if (model == BTYD_PARETONBD)
		opts.gtol = 1e-8;    /* the numerical gradient's noise floor */
	pb.max_steps = PARETO_STEPS + PARETO_STEPS_PER_ROW * n;
	start(&pb, u);
	optim_minimise(&op, u, &opts, &res);
	fit->iterations = res.iterations;
	optim_gradient(&op, u, g);
	if (pb.steps > pb.max_steps)
		goto too_costly;
	for (size_t j = 0; j < np; j++)
		gmax = fmax(gmax, fabs(g[j]));
	/* A stall far out along a ridge is a parameter running off. */
	if (res.status == OPTIM_STALLED || res.status == OPTIM_MAX_ITER)
		for (size_t j = 0; j < np; j++)
			if (fabs(u[j]) > FAR && gmax > 1e-6) {
				res.status = OPTIM_DIVERGED;
				res.diverged = j;
			}
	switch (res.status) {
	case OPTIM_CONVERGED:
		break;
	case OPTIM_STALLED:
		/* Rounding, not a slope: close enough to the maximum. */
		if (gmax <= 1e-6)
			break;
		snprintf(why, BTYD_WHY_MAX, "the fit stopped short of a maximum "
		    "after %d iterations: no step raises the likelihood, yet "
		    "its gradient is %.3g", res.iterations, gmax);
		goto fail;
	case OPTIM_MAX_ITER:
		snprintf(why, BTYD_WHY_MAX, "the fit did not converge in %d "
		    "iterations (gradient %.3g)", res.iterations, gmax);
		goto fail;
	case OPTIM_DIVERGED:
		snprintf(why, BTYD_WHY_MAX, "the fit did not converge: %s ran "
		    "off to %.3g, so the data do not pin it down%s",
		    info->param[res.diverged], exp(u[res.diverged]),
		    u[res.diverged] > 0 ? " (try --penalizer, e.g. 0.001)" : "");
		goto fail;
	case OPTIM_NOT_FINITE:
		snprintf(why, BTYD_WHY_MAX, "the likelihood is not finite at "
		    "the starting point");
		goto fail;
	}
	for (size_t j = 0; j < np; j++)
		fit->param[j] = exp(u[j]);
	fit->customers = pb.total;
	fit->loglik = -(res.fx - penalty(&pb, fit->param, NULL)) * pb.total;
	if (optim_hessian(&op, u, h, NULL) == 0)
		for (size_t j = 0; j < np * np; j++)
			h[j] *= pb.total;    /* the information of the whole sample */
	else
		h[0] = NAN;
	if (pb.steps > pb.max_steps)
		goto too_costly;
	if (spd_inverse(h, np) < 0) {
		size_t far = np;

		/*
		 * Far out, the likelihood is flat along a ridge (Pareto/NBD's
		 * s -> 0 with beta -> infinity when nobody seems to drop out):
		 * its curvature there is of the order of the Hessian's error
		 * and its sign is noise. That is a parameter the data do not
		 * pin down, as below, not a saddle.
		 */
		for (size_t j = 0; j < np; j++)
			if (fabs(u[j]) > FAR && (far == np || fabs(u[j]) > fabs(u[far])))
				far = j;
		if (far < np) {
			snprintf(why, BTYD_WHY_MAX, "the data do not pin down %s "
			    "(%.3g, where the likelihood is flat)%s",
			    info->param[far], fit->param[far],
			    penalizer > 0 ? "" : "; try --penalizer, e.g. 0.001");
			goto fail;
		}
		snprintf(why, BTYD_WHY_MAX, "the fit found no proper maximum: the "
		    "information matrix at %s = %.4g ... is not positive definite "
		    "(a flat ridge or a saddle)", info->param[0], fit->param[0]);
		goto fail;
	}
	memcpy(fit->cov, h, np * np * sizeof *h);
	for (size_t j = 0; j < np; j++) {
		fit->se[j] = fit->param[j] * sqrt(h[j * np + j]);
		/*
		 * A maximum this flat is no estimate: a 95% interval of
		 * e^+-20 times the value. Such fits come from data that push
		 * a parameter toward 0 or infinity (say, nobody drops out).
		 */
		if (sqrt(h[j * np + j]) > MAX_SE_LOG) {
			snprintf(why, BTYD_WHY_MAX, "the data do not pin down %s "
			    "(%.3g, with a standard error %.3g times that)%s",
			    info->param[j], fit->param[j], sqrt(h[j * np + j]),
			    penalizer > 0 ? "" : "; try --penalizer, e.g. 0.001");
			goto fail;
		}
	}
	problem_free(&pb);
	return 0;
too_costly:
	snprintf(why, BTYD_WHY_MAX, "the fit stopped after %d iterations: its "
	    "series took over %lu steps (many purchases over ages orders of "
	    "magnitude apart); --fit bgnbd has no such series", res.iterations,
	    pb.max_steps);
fail:
	problem_free(&pb);
	return -1;
}

double
btyd_palive(int model, const double *p, const struct rfm *c)
{
	double r = p[0], al = p[1], a = p[2], b = p[3], x = c->x;

	switch (model) {
	case BTYD_BGNBD:
		if (x == 0)
			return 1;
		/* FALLTHROUGH */
	case BTYD_MBGNBD: {
		double shift = model == BTYD_MBGNBD;

		return sigmoid(-(log(a) - log(b + x - 1 + shift) +
		    (r + x) * (log(al + c->T) - log(al + c->tx))));
	}
	case BTYD_PARETONBD:
		return sigmoid(pareto_log_first(p, c) - pareto_log_a0_term(p, c, NULL));
	}
	return NAN;
}

/*
** BG/NBD and MBG/NBD's expected purchases for a != 1. The bracket
** 1 - (1-z)^(r+x) 2F1(r+x, b+x+S; a+b+x-1+S; z) is 1 - G with
** G = 2F1(r+x, a-1; a+b+x-1+S; -t/(alpha+T)).
*/
static double
bg_expected(int shift, const double *p, double t, const struct rfm *c)
{
	double r = p[0], al = p[1], a = p[2], b = p[3], x = c->x;
	double cc = a + b + x - 1 + shift;
	double g = hyp2f1(r + x, a - 1, cc, -t / (al + c->T));

	return cc / (a - 1) * (1 - g) * (x > 0 || shift ?
	    btyd_palive(shift ? BTYD_MBGNBD : BTYD_BGNBD, p, c) : 1);
}

double
btyd_expected(int model, const double *p, double t, const struct rfm *c)
{
	switch (model) {
	case BTYD_BGNBD:
	case BTYD_MBGNBD: {
		int shift = model == BTYD_MBGNBD;
		double q[4] = { p[0], p[1], p[2], p[3] }, lo, hi;

		if (t == 0)
			return 0;
		if (fabs(p[2] - 1) > 1e-6)
			return bg_expected(shift, p, t, c);
		/*
		 * At a = 1 the formula is 0/0, and near it 1 - G cancels. E
		 * is smooth in a: the mean of its values at 1 -+ 1e-6 is
		 * within 1e-12 of it, and each keeps 10 digits.
		 */
		q[2] = 1 - 1e-6;
		lo = bg_expected(shift, q, t, c);
		q[2] = 1 + 1e-6;
		hi = bg_expected(shift, q, t, c);
		return (lo + hi) / 2;
	}
	case BTYD_PARETONBD: {
		double r = p[0], al = p[1], s = p[2], be = p[3], x = c->x, T = c->T;
		double horizon = log1p(t / (be + T)), u = (s - 1) * horizon;
		/* [1 - ((beta+T)/(beta+T+t))^(s-1)] / (s-1), steady at s = 1. */
		double tail = fabs(u) < 1e-8 ? horizon : -expm1(-u) / (s - 1);

		return btyd_palive(model, p, c) * (r + x) * (be + T) / (al + T) *
		    tail;
	}
	}
	return NAN;
}

double
ggamma_expected_spend(const double *p, double x, double m)
{
	double px = p[0] * x, w;

	if (!(p[1] > 1))
		return NAN;
	/*
	 * As the weighted mean of the population mean p v / (q - 1) and M,
	 * weight w = p x / (p x + q - 1) on M: p (v + x m) would overflow
	 * for a large finite M.
	 */
	w = px / (px + p[1] - 1);
	return (1 - w) * (p[0] * p[2] / (p[1] - 1)) + w * m;
}

double
btyd_clv(int model, const double *p, const struct rfm *c, double spend,
    double horizon, double month, double rate)
{
	double clv = 0, prev = 0;

	for (int k = 1;; k++) {
		double t = fmin(k * month, horizon), e = btyd_expected(model, p, t, c);

		clv += spend * (e - prev) / pow(1 + rate, t / month);
		prev = e;
		if (t >= horizon)
			break;
	}
	return clv;
}

/* ln NB(x; t) of btyd_pmf(): the NBD count of an alive customer. */
static double
log_nb(double r, double al, double t, double x)
{
	if (t == 0)
		return x == 0 ? 0 : -INFINITY;
	return lgamma(r + x) - lgamma(r) - lgamma(x + 1) + r * log(al / (al + t)) +
	    x * log(t / (al + t));
}

double
btyd_pmf(int model, const double *p, double t, double x)
{
	double r = p[0], al = p[1];

	switch (model) {
	case BTYD_BGNBD:
	case BTYD_MBGNBD: {
		double a = p[2], b = p[3], sh = model == BTYD_MBGNBD, below = 0;
		double pr = exp(lbeta(a, b + x + sh) - lbeta(a, b) +
		    log_nb(r, al, t, x));

		if (x == 0 && !sh)
			return pr;
		for (double j = 0; j < x; j++)
			below += exp(log_nb(r, al, t, j));
		return pr + exp(lbeta(a + 1, b + x - 1 + sh) - lbeta(a, b)) *
		    fmax(0, 1 - below);
	}
	case BTYD_PARETONBD: {
		double s = p[2], be = p[3], lo = pow(be / (be + t), s);
		double h = (1 - lo) / 2000, sum = 0;

		for (int i = 0; i <= 2000; i++) {
			double v = lo + i * h, u = be * (pow(v, -1 / s) - 1);
			double f = i == 2000 ? (x == 0 ? 1 : 0) :
			    exp(log_nb(r, al, u, x));

			sum += (i == 0 || i == 2000 ? 1 : i % 2 ? 4 : 2) * f;
		}
		return exp(log_nb(r, al, t, x)) * lo + sum * h / 3;
	}
	}
	return NAN;
}
