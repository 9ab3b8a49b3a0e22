/* See LICENSE file for copyright and license details. */
#ifndef KPI_BTYD_H
#define KPI_BTYD_H

#include <stddef.h>

/*
** "Buy till you die" models of a customer base (non-contractual, continuous
** time), fitted by maximum likelihood to each customer's summary, and the
** predictions made from them. The notation is the literature's:
**
**   x    frequency: repeat purchases (purchase days after the first)
**   t_x  recency: time from the first purchase to the last
**   T    age: time from the first purchase to the end of observation
**   m    monetary value: mean spend of the repeat purchases
**
** Time is in any unit (days, weeks), the same for the data, the horizon
** and the scale parameters alpha and beta.
**
** Models and their parameters:
**   BG/NBD      r, alpha, a, b   Fader, Hardie and Lee, "Counting your
**                                customers the easy way", Marketing
**                                Science 24(2), 2005
**   MBG/NBD     r, alpha, a, b   Batislam, Denizel and Filiztekin,
**                                IJRM 24(3), 2007 (a customer may drop out
**                                at time 0 too)
**   Pareto/NBD  r, alpha, s, beta  Schmittlein, Morrison and Colombo,
**                                Management Science 33(1), 1987, with
**                                the likelihood of Fader and Hardie's
**                                note 009 (2005)
**   Gamma-Gamma p, q, v          Fader, Hardie and Lee, "RFM and CLV",
**                                JMR 42(4), 2005; Fader and Hardie's note
**                                025 (2013): spend per purchase
*/

enum btyd_model {
	BTYD_BGNBD,
	BTYD_MBGNBD,
	BTYD_PARETONBD,
	BTYD_GGAMMA,
	BTYD_NMODELS
};

#define BTYD_MAX_PARAMS 4

struct btyd_info {
	const char *name;                 /* "bgnbd" */
	size_t nparams;
	const char *param[BTYD_MAX_PARAMS];
	int spend;                        /* a spend model (Gamma-Gamma) */
};

/* The model named NAME (as in btyd_info's name), or -1. */
int btyd_model_from_name(const char *name);

/* What btyd_model_from_name() knows about MODEL. */
const struct btyd_info *btyd_info(int model);

/*
** A customer's summary, or a pattern several customers share: W is the
** number of customers with it (1 for one customer).
*/
struct rfm {
	double x, tx, T, m;
	double w;
};

/*
** Sort the N summaries at D and merge those that are equal in what MODEL
** reads (x, t_x and T; x and m for Gamma-Gamma), adding their weights.
** The likelihood is a sum over customers, so the merged data give the
** same fit, faster: a year of daily orders has at most some tens of
** thousands of distinct (x, t_x, T), however many customers. Returns the
** new count.
*/
size_t btyd_compress(struct rfm *d, size_t n, int model);

struct btyd_fit {
	int model;
	double param[BTYD_MAX_PARAMS];
	double se[BTYD_MAX_PARAMS];   /* standard errors; NaN when unknown */
	/*
	 * The covariance of the estimates of ln(param), row-major nparams x
	 * nparams: the inverse of the observed information in the
	 * log-parameters, of which se[j] = param[j] sqrt(cov[j][j]). The
	 * asymptotic normal of the estimate is N(ln param, cov) (clv
	 * --interval draws from it). Not filled when the fit fails.
	 */
	double cov[BTYD_MAX_PARAMS * BTYD_MAX_PARAMS];
	double loglik;                /* at the estimate, without penalty */
	double customers;             /* the weights' sum */
	int iterations;
};

/* Room for btyd_fit()'s reason. */
#define BTYD_WHY_MAX 256

/*
** The natural log of the bounds of every parameter: a fit gives values
** between e^-BTYD_LOG_BOUND and e^BTYD_LOG_BOUND (about 9.4e-14 and
** 1.07e13), beyond which a parameter has run off; parameters given to
** the predictions must lie there too.
*/
#define BTYD_LOG_BOUND 30.0

/*
** Fit MODEL to the N summaries at D (weights W > 0) by maximum
** likelihood, into *FIT. Gamma-Gamma reads only customers with x > 0 and
** m > 0; the caller leaves out the others.
**
** Method: the parameters are optimised as logarithms (so they stay
** positive, and the log-Beta and log-Gamma forms of the likelihood never
** overflow) by BFGS (optim.h), from r = 1, alpha = sum T / sum x, a = b =
** s = 1, beta = mean T; p = 1, q = 2, v = mean m. BG/NBD, MBG/NBD and
** Gamma-Gamma have analytic gradients, Pareto/NBD central differences.
** The objective is lifetimes' penalised mean: -LL/n + PENALIZER * sum of
** the squared parameters, alpha and beta taken in units of the longest T
** (so that the penalty does not depend on the time unit).
**
** Standard errors: from the observed information, the Hessian of the
** objective (times n) in the log-parameters, inverted; se(theta) = theta
** se(log theta), which is exact at the maximum. The Hessian is
** optim_hessian()'s Richardson extrapolation of central differences: of
** the analytic gradient, or, for Pareto/NBD, second differences of the
** objective (differences of its numerical gradient had left its standard
** errors up to 0.8% off on the full CDNOW data). On CDNOW, full and
** sample, every model's agree with a 30-digit computation to 1e-6
** (tests/clv.test, tests/oracle/clv_se.py).
**
** Returns 0, or -1 with a reason in WHY (BTYD_WHY_MAX bytes): no
** customers, the likelihood not finite at the start, a parameter running
** off beyond e^30 or below e^-30 (BTYD_LOG_BOUND; the data do not identify the model:
** BG/NBD's a and b do this when almost nobody drops out), no
** convergence in 1000 iterations, a line search that cannot descend, an
** information matrix that is not positive definite (a saddle or a flat
** ridge, not a maximum; when a parameter is beyond e^+-12 it is that one
** the data do not pin down, where the likelihood is flat), or a maximum so
** flat that the standard error of
** ln(parameter) exceeds 10 (Pareto/NBD's s and beta do this when nobody
** seems to drop out: s -> 0, beta -> infinity).
*/
int btyd_fit(int model, const struct rfm *d, size_t n, double penalizer,
    struct btyd_fit *fit, char *why);

/* The log-likelihood of one customer's summary C under MODEL with
** parameters P (for tests and for the fit). */
double btyd_loglik(int model, const double *p, const struct rfm *c);

/*
** The expected number of repeat purchases of a customer with summary C
** in the next T units of time, (T_c, T_c + t], and the probability that
** the customer is still alive at T_c. Purchase models only (not
** Gamma-Gamma).
**
** BG/NBD (FHL 2005, eq. 10), with z = t/(alpha + T + t):
**   E = (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
**        2F1(r+x, b+x; a+b+x-1; z)] / (1 + [x>0] a/(b+x-1) D)
**   P(alive) = 1 / (1 + [x>0] a/(b+x-1) D),  D = ((alpha+T)/(alpha+t_x))^(r+x)
** so P(alive) is 1 for a one-time buyer (x = 0): BG/NBD lets customers
** drop out only after a repeat purchase. The 2F1 term is evaluated as
** 2F1(r+x, a-1; a+b+x-1; -t/(alpha+T)) (Pfaff), which stays bounded.
** MBG/NBD: the same with b+x for b+x-1, a+b+x for a+b+x-1 and no [x>0].
** Pareto/NBD (note 009, eqs. 41 and 36): with L the likelihood,
**   P(alive) = G(r+x) alpha^r beta^s / (G(r) (alpha+T)^(r+x) (beta+T)^s L)
**   E = P(alive) (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)]
** (the limit ln((beta+T+t)/(beta+T)) at s = 1).
*/
double btyd_expected(int model, const double *p, double t, const struct rfm *c);
double btyd_palive(int model, const double *p, const struct rfm *c);

/*
** The probability that a new customer makes exactly X repeat purchases in
** time T, P(X(t) = x), for clv --validate's frequency table (purchase
** models only). With NB(j) = G(r+j)/(G(r) j!) (alpha/(alpha+t))^r
** (t/(alpha+t))^j, the count of a customer alive throughout:
**   BG/NBD   B(a, b+x)/B(a,b) NB(x)
**            + [x>0] B(a+1, b+x-1)/B(a,b) (1 - sum_{j<x} NB(j))
**            (FHL 2005, eq. 8: alive after x purchases and no more, or
**            dropping out right after the x-th)
**   MBG/NBD  B(a, b+x+1)/B(a,b) NB(x) + B(a+1, b+x)/B(a,b) (1 - sum_{j<x} NB(j))
**            (dropping out may also follow the first purchase, "j = 0")
**   Pareto/NBD  NB(x) (beta/(beta+t))^s
**            + int_0^t NB(x; u) s beta^s (beta+u)^-(s+1) du
**            (the lifetime is Lomax: alive to t, or dying at u < t, with
**            NB(x; u) the count of a lifetime u); the integral is taken
**            in v = (beta/(beta+u))^s, over [(beta/(beta+t))^s, 1], by
**            composite Simpson's rule on 2000 intervals.
** X a whole number >= 0, T >= 0.
*/
double btyd_pmf(int model, const double *p, double t, double x);

/*
** Gamma-Gamma's expected spend per purchase of a customer with x repeat
** purchases of mean M (note 025, eq. 5):
**   E(Z) = p (v + x m) / (p x + q - 1),
** a weighted mean of the population mean p v / (q - 1) and M. NaN when
** q <= 1 (the population mean is infinite).
*/
double ggamma_expected_spend(const double *p, double x, double m);

/*
** Customer lifetime value as lifetimes' customer_lifetime_value computes
** it, over a HORIZON (in time units) cut into months of MONTH time units:
** with t_k = min(k MONTH, HORIZON), k = 1, 2, ..., until HORIZON,
**   CLV = SPEND * sum_k (E(t_k) - E(t_(k-1))) / (1 + RATE)^(t_k / MONTH)
** E from btyd_expected() (E(0) = 0), RATE the discount rate per month,
** SPEND the value of one purchase (expected spend times margin). For a
** whole number of months this is lifetimes' sum.
*/
double btyd_clv(int model, const double *p, const struct rfm *c, double spend,
    double horizon, double month, double rate);

#endif
