/* See LICENSE file for copyright and license details. */
#ifndef KPI_BGBB_H
#define KPI_BGBB_H

#include <stddef.h>

/*
** The beta-geometric/beta-Bernoulli (BG/BB) model of a customer base with
** discrete transaction opportunities (yearly donations, seasons, events):
** Fader, Hardie and Shang, "Customer-base analysis in a discrete-time
** noncontractual setting", Marketing Science 29(6), 2010 (FHS below).
**
** At each opportunity an alive customer transacts with probability p and,
** before the next one, dies with probability theta; across customers
** p ~ Beta(alpha, beta) and theta ~ Beta(gamma, delta). A customer's
** history is summarised by
**   x    frequency: transactions in the n opportunities after the first
**   t_x  recency: the opportunity of the last one (0 when x = 0), x <= t_x
**   n    the opportunities observed (after the first transaction)
** and W, how many customers share it.
** Parameters, in this order: alpha, beta, gamma, delta (all > 0).
*/

struct bgbb_obs {
	double x, tx, n, w;
};

struct bgbb_fit {
	double param[4];          /* alpha, beta, gamma, delta */
	double se[4];             /* their standard errors */
	double loglik;            /* sum of w ln L at the estimate */
	double customers;         /* the weights' sum */
	int iterations;
};

/* Room for bgbb_fit()'s reason. */
#define BGBB_WHY_MAX 256

/*
** The log-likelihood of one history C at parameters P (FHS):
**   L = B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n)/B(gamma,delta)
**     + sum_{i=0}^{n-t_x-1} B(alpha+x, beta+t_x-x+i)/B(alpha,beta)
**                           B(gamma+1, delta+t_x+i)/B(gamma,delta)
** the first term alive through opportunity n, the others dead just after
** opportunity t_x+i. Each term is taken in logs (lbeta(), special.h) and
** they are added by log_add_exp(), so nothing under- or overflows.
** X, T_X and N whole numbers with 0 <= x <= t_x <= n (the caller checks).
*/
double bgbb_loglik(const double *p, const struct bgbb_obs *c);

/*
** Fit the N histories at D (weights >= 0) by maximum likelihood into *FIT.
** Method: the mean log-likelihood per customer is maximised in the
** log-parameters (so they stay positive) by BFGS (optim.h) from
** alpha = beta = gamma = delta = 1, with the analytic gradient: ln L is
** ln sum_k e^(l_k), so d ln L = sum_k e^(l_k - ln L) d l_k, and each l_k
** is a sum of log-Betas, whose derivatives are digamma differences.
** Standard errors: the observed information is the Hessian of -sum w ln L
** in the log-parameters (optim_hessian(): central differences of the
** analytic gradient, Richardson-extrapolated), inverted (spd_inverse());
** se(theta) = theta se(ln theta), exact at the maximum. On the donations
** data they agree with a Richardson-extrapolated Hessian of values in the
** natural parameters to 1e-6 relative (tests/clv-bgbb.test).
** Returns 0, or -1 with a reason in WHY (BGBB_WHY_MAX bytes): no
** customers (weights summing to 0), nobody transacting after the first
** time (no repeat rate to fit), or a fit that does not reach a proper
** maximum (a parameter running off beyond e^+-30, no convergence, or an
** information matrix that is not positive definite).
*/
int bgbb_fit(const struct bgbb_obs *d, size_t n, struct bgbb_fit *fit,
    char *why);

/*
** The probability that a customer with history C is alive at opportunity
** n+1, the next one (FHS):
**   P = B(alpha+x, beta+n-x)/B(alpha,beta) B(gamma, delta+n+1)/B(gamma,delta) / L
*/
double bgbb_palive(const double *p, const struct bgbb_obs *c);

/*
** The expected number of transactions of a customer with history C in the
** next NSTAR opportunities, n+1 .. n+NSTAR (FHS's closed form in its series
** form): with E_k the expected transaction at opportunity n+k,
**   E_k = B(alpha+x+1, beta+n-x)/B(alpha,beta) B(gamma, delta+n+k)/B(gamma,delta) / L
**   E   = sum_{k=1}^{NSTAR} E_k
** (alive at n+k, then transacting with the posterior mean p). NSTAR a
** whole number >= 0; the sum costs NSTAR terms.
*/
double bgbb_expected(const double *p, double nstar, const struct bgbb_obs *c);

/*
** Discounted expected residual transactions (FHS): the transactions
** of all the opportunities after n, each discounted by (1+D)^-k at
** opportunity n+k, D > 0 the discount rate per opportunity:
**   DERT = B(alpha+x+1, beta+n-x)/B(alpha,beta) B(gamma, delta+n+1)/B(gamma,delta)
**          / ((1+D) L) 2F1(1, delta+n+1; gamma+delta+n+1; 1/(1+D))
** (hyp2f1(), special.h). Multiplied by the value of one transaction it is
** the customer's residual lifetime value. NaN for D <= 0 (the sum then
** diverges when gamma <= 1).
*/
double bgbb_dert(const double *p, double d, const struct bgbb_obs *c);

#endif
