/* See LICENSE file for copyright and license details. */
#ifndef KPI_SBG_H
#define KPI_SBG_H

#include <stddef.h>

/*
** The shifted-beta-geometric (sBG) model of contract renewal: Fader and
** Hardie, "How to project customer retention", Journal of Interactive
** Marketing 21(1), 2007. Each customer renews at the end of every period
** with a probability 1 - theta of their own, the same every period, and
** theta varies across customers as Beta(alpha, beta). A customer's
** lifetime T (the period in which they churn, 1, 2, ...) then has
**
**   P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)
**   S(t) = P(T > t) = B(alpha, beta + t) / B(alpha, beta)
**   r(t) = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1)
**
** and r(t), the retention rate of period t among those alive at its
** start, rises with t: the customers likeliest to churn leave first.
** Periods are whatever the data count (months, years); every number here
** is a count or a probability per period.
**
** Intended use (the retention tool): build one struct sbg_cohort per
** first-paying cohort from its survivor counts, sbg_check() them (it
** names the cohort and period of bad data, for a FILE:LINE message),
** sbg_fit() them together, then sbg_project() for each of the next N
** periods and sbg_derl() for the residual lifetime of the customers
** still alive.
*/

/*
** One cohort: ALIVE[0] customers at the start, ALIVE[k] still alive
** (have renewed k times) after period k, k = 1..N. Counts may be
** fractional (weights); they must be finite, >= 0, and never grow. The
** ALIVE[N] customers still alive after the last observed period are
** right-censored: they contribute S(N) to the likelihood, the churners of
** period t contribute P(T = t) each. A cohort with ALIVE[0] = 0 or N = 0
** contributes nothing (an empty cohort is not an error).
*/
struct sbg_cohort {
	const double *alive;      /* N + 1 values */
	size_t n;                 /* periods observed */
};

/* Room for the reasons sbg_check() and sbg_fit() write. */
#define SBG_WHY_MAX 256

/*
** Check the NC cohorts at C. Returns 0, or -1 with a reason in WHY
** (SBG_WHY_MAX bytes) and the offending cohort (0-based index into C)
** and period (index into its ALIVE) in *COHORT and *PERIOD, so that the
** caller can name the file and line: a count that is negative or not
** finite, or a count above the one before it (customers cannot come back
** to a cohort). Either pointer may be NULL.
*/
int sbg_check(const struct sbg_cohort *c, size_t nc, size_t *cohort,
    size_t *period, char *why);

/*
** What sbg_fit() found. SBG_FIT: a maximum inside the parameter space.
** SBG_NO_CHURN: no customer churned in any observed period, so the
** likelihood only rises toward S(t) = 1 and has no maximum: the fit
** reports that limit, alpha = 0 and beta = +infinity, log-likelihood 0,
** standard errors NaN; sbg_project() then gives S(t) = r(t) = 1 (the
** bounds NaN: a limit has no sampling distribution) and sbg_derl()
** (1 + d) / d, the residual lifetime of a customer who never churns.
** SBG_ALL_CHURN: every customer churned in period 1, so P(T = 1) = 1 is
** the limit: alpha = +infinity, beta = 0, log-likelihood 0, standard
** errors NaN; sbg_project() gives S(t) = 0 for t >= 1 and r(t) NaN (no
** one is left to retain), sbg_derl() 0.
*/
enum sbg_status {
	SBG_FIT,
	SBG_NO_CHURN,
	SBG_ALL_CHURN
};

struct sbg_fit {
	enum sbg_status status;
	double alpha, beta;
	double se_alpha, se_beta;     /* standard errors; NaN at a limit */
	double cov[2][2];             /* covariance of (ln alpha, ln beta) */
	double loglik;                /* at the estimate */
	double customers;             /* sum of the cohorts' ALIVE[0] */
	double churned;               /* customers seen to churn */
	int iterations;
};

/*
** Fit alpha and beta to the NC cohorts at C (all of them together: one
** alpha and beta) by maximum likelihood, into *FIT. C must pass
** sbg_check() (sbg_fit() checks again and fails the same way).
**
** Method: the log-likelihood sbg_loglik(), in u = (ln alpha, ln beta) so
** that both stay positive, with its analytic gradient, minimised as
** -LL / customers by BFGS (optim.h) from alpha = beta = 1. Standard
** errors from the observed information: the Hessian of -LL in u by
** central differences of the gradient, Richardson-extrapolated
** (optim_hessian()), inverted into
** FIT->cov; se(alpha) = alpha sqrt(cov[0][0]), exact at the maximum.
**
** Returns 0 (FIT->status SBG_FIT, SBG_NO_CHURN or SBG_ALL_CHURN, see
** above), or -1 with a reason in WHY (FIT->alpha and beta then hold
** where the search stopped):
**  - bad data (as sbg_check());
**  - no customer observed over a period (every cohort empty or N = 0);
**  - no customer observed beyond period 1 (every cohort with N = 1, or
**    none of those with N >= 2 alive after period 1): only alpha /
**    (alpha + beta), the churn of period 1, is identified, along a
**    ridge of the likelihood;
**  - alpha and beta running off to infinity together: retention that
**    does not rise with tenure (10, 5, 0 or 1000, 500, 250), which one
**    constant churn probability fits as well: no heterogeneity to fit;
**  - alpha and beta running off to 0 together: churn in period 1 only,
**    none after (1000, 600, 600, 600), a Beta with all its mass at 0
**    and 1, which the sBG reaches only in the limit;
**  - a maximum too flat to be an estimate (the standard error of ln
**    alpha or ln beta above 10: too few customers);
**  - the optimiser failing otherwise (no data set known to do this).
** A caller may report the first as a data error at the place
** sbg_check() names, the rest as the model not fitting the data.
*/
int sbg_fit(const struct sbg_cohort *c, size_t nc, struct sbg_fit *fit,
    char *why);

/*
** The log-likelihood of the NC cohorts at C under (ALPHA, BETA), both
** > 0 and finite (NaN otherwise):
**   LL = sum over cohorts [ sum_{t=1..N} (ALIVE[t-1] - ALIVE[t]) ln P(T = t)
**                           + ALIVE[N] ln S(N) ]
** with the paper's recursions P(1) = alpha / (alpha + beta), P(t) =
** P(t-1) (beta + t - 2) / (alpha + beta + t - 1), and S(t) = S(t-1) -
** P(t) taken in its equivalent product form S(t) = S(t-1) r(t) (S(t-1)
** - P(t) = S(t-1) (1 - alpha / (alpha + beta + t - 1))), which loses no
** digits to the subtraction when S is small. A term with no customers
** adds 0 (even where its log is -inf).
*/
double sbg_loglik(double alpha, double beta, const struct sbg_cohort *c,
    size_t nc);

/*
** P(T = t), S(t) and r(t) as above, for ALPHA, BETA > 0 and integer
** T >= 1 (S(0) = 1; T < 0 or a bad parameter gives NaN). ALPHA = 0 with
** BETA = +infinity, and ALPHA = +infinity with BETA = 0, the two limits
** of enum sbg_status, give their limits (see there).
** Examples: alpha = 1, beta = 1: P(T = t) = 1 / (t (t + 1)), S(t) =
** 1 / (t + 1), r(t) = t / (t + 1).
*/
double sbg_churn_prob(double alpha, double beta, long t);
double sbg_survival(double alpha, double beta, long t);
double sbg_retention(double alpha, double beta, long t);

/* A projected value and its interval (NaN bounds where undefined). */
struct sbg_estimate {
	double value, lo, hi;
};

/*
** The projection for period T >= 1 of the fit F: the survival S(T) from
** the start of the cohort, and the retention rate r(T) of that period,
** each with a two-sided interval at LEVEL (e.g. 0.95).
**
** Method: the delta method on the log-parameters, on the logit scale so
** that the bounds stay inside (0, 1): with g the gradient of logit S(T)
** in u = (ln alpha, ln beta),
**   d ln S(T) / d ln alpha = -sum_{k=1..T} alpha / (alpha + beta + k - 1)
**   d ln S(T) / d ln beta = sum_{k=1..T} [beta / (beta + k - 1)
**                                        - beta / (alpha + beta + k - 1)]
**   d logit S = d ln S / (1 - S),
** the bounds are expit(logit S(T) -+ z sqrt(g' cov g)), z the normal
** quantile of (1 + LEVEL) / 2; for r(T), logit r(T) = ln(beta + T - 1)
** - ln alpha, so g = (-1, beta / (beta + T - 1)). These intervals carry
** the parameters' sampling error only, not the binomial noise of the
** customers still to churn. At the limits of enum sbg_status the values
** are the limits and the bounds NaN.
*/
void sbg_project(const struct sbg_fit *f, long t, double level,
    struct sbg_estimate *survival, struct sbg_estimate *retention);

/*
** The discounted expected residual lifetime of a customer who has been
** alive for N >= 1 periods (made N - 1 renewals) and is about to decide
** on the N-th renewal, at the discount rate D > 0 per period: the
** expected number of further payments, the one at this renewal counted
** in full and each later one discounted by 1 / (1 + D) per period,
**   DERL = sum_{t >= N} S(t) / S(N - 1) / (1 + D)^(t - N)
**        = B(alpha, beta + N) / B(alpha, beta + N - 1)
**          2F1(1, beta + N; alpha + beta + N; 1 / (1 + D))
** (Fader and Hardie, "Customer-base valuation in a contractual setting:
** the perils of ignoring heterogeneity", Marketing Science 29(1), 2010,
** eq. 6; the ratio of Betas is r(N)). Times the payment per period it is
** the customer's expected residual value. NaN for N < 1, D <= 0 or a
** bad parameter; (1 + D) / D at the no-churn limit, 0 at the all-churn
** one. Example: alpha = beta = 1, N = 1, D = 1: S(t) = 1 / (t + 1), so
** DERL = sum_{t>=1} 2^(1-t) / (t + 1) = 4 ln 2 - 2 = 0.772588...
*/
double sbg_derl(double alpha, double beta, double d, long n);

#endif
