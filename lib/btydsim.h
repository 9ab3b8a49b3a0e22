/* See LICENSE file for copyright and license details. */
#ifndef KPI_BTYDSIM_H
#define KPI_BTYDSIM_H

#include "btyd.h"
#include "rng.h"

/*
** Simulation of a customer's future under a BTYD model: what clv
** --interval --total sums over a cohort, so that the aggregate's interval
** holds the customers' own randomness and not only the parameters'.
*/

/* What btyd_simulate() discounts and how: clv's btyd_clv() terms. */
struct btyd_value_terms {
	double horizon;               /* time units ahead */
	double month;                 /* time units in a month */
	double rate;                  /* discount rate per month */
	double margin;                /* profit margin of revenue */
};

/*
** One draw of the repeat purchases in (T, T + horizon] of a customer with
** summary C, and of their discounted value, under purchase MODEL with
** parameters P and, when GG is not NULL, Gamma-Gamma spend parameters GG
** (p, q, v); PALIVE is btyd_palive(MODEL, P, C), which the caller has.
** Into *PURCHASES and *VALUE (0 without GG).
**
** What is drawn, from the posterior given (x, t_x, T) (the likelihoods of
** FHL 2005 and note 009 split by whether the customer is alive at T):
**   alive at T       Bernoulli(PALIVE); a dead customer buys no more
**   lambda | alive   Gamma(r + x, alpha + T) (rate)
**   BG/NBD  p | alive  Beta(a, b + x): x purchases survived
**   MBG/NBD p | alive  Beta(a, b + x + 1): the first purchase too
**   Pareto/NBD mu | alive  Gamma(s, beta + T); lifetime left Exp(mu)
** then the future: purchases a Poisson process of rate lambda from T,
** each followed by dropout with probability p (BG, MBG; the purchase
** counts), or ending with the lifetime (Pareto), cut at the horizon.
** Spend: nu ~ Gamma(p x + q, v + x m) (the Gamma-Gamma posterior of
** note 025), each purchase Gamma(p, nu); a purchase at u after T is worth
** MARGIN spend / (1 + RATE)^(t_k / MONTH), t_k = min(ceil(u / MONTH)
** MONTH, HORIZON): the month it falls in, discounted at its end, as
** btyd_clv() discounts the expected increments, so that the mean of
** *VALUE is btyd_clv() at the posterior mean spend, and that of
** *PURCHASES btyd_expected().
**
** The work is one loop step per purchase drawn: proportional to the
** expected purchases.
*/
/*
** N draws of MODEL's parameters at P from the estimate's asymptotic
** normal in the log-parameters, the parameterisation of btyd_fit()'s
** covariance COV (its cov): ln P + L z, L the Cholesky factor of COV
** (cholesky_lower()), z standard normal from G, one row of OUT per draw.
** A draw is written P e^(L z), so that a zero covariance gives P itself,
** bit for bit, and every draw's predictions are the point's. Returns 0,
** or -1 when COV is not positive semi-definite (OUT untouched).
*/
int btyd_draw_params(int model, const double *p, const double *cov,
    struct rng *g, size_t n, double (*out)[BTYD_MAX_PARAMS]);

void btyd_simulate(int model, const double *p, const double *gg,
    const struct rfm *c, double palive, const struct btyd_value_terms *vt,
    struct rng *g, double *purchases, double *value);

#endif
