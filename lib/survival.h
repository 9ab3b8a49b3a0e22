/* See LICENSE file for copyright and license details. */
#ifndef KPI_SURVIVAL_H
#define KPI_SURVIVAL_H

#include <stddef.h>
#include <stdint.h>

/*
** The Kaplan-Meier (product-limit) estimate of a survival function from
** right-censored durations: how long until an event (a deal is won, a
** customer churns) when some subjects have not had it yet and are only
** known to have lasted at least so long (E. L. Kaplan and P. Meier,
** "Nonparametric estimation from incomplete observations", JASA 53,
** 1958, 457-481).
**
** At each distinct event time t_j, with d_j events among the n_j subjects
** still at risk (those whose time, event or censoring, is >= t_j):
**
**     S(t) = product over t_j <= t of (1 - d_j / n_j)
**
** A censoring at the same time as an event counts as still at risk at
** that time (the event is taken to come first), as Kaplan and Meier, and
** R's survival package, take it. Times are compared exactly: pass whole
** numbers (milliseconds, say), or values computed the same way, so that
** equal durations are ties.
*/

struct km_step {
	double time;          /* an event time t_j; ascending */
	uint64_t at_risk;     /* n_j */
	uint64_t events;      /* d_j */
	double surv;          /* S(t_j), after the events at t_j */
};

struct km {
	struct km_step *step; /* one per distinct event time */
	size_t n;
	uint64_t events;      /* event observations in all */
	uint64_t censored;    /* censored observations in all */
	double last_time;     /* the latest time observed, event or censored;
	                         NaN when there is none */
};

/*
** Estimate *KM from NEVENTS event times EVENTS and NCENSORED censoring
** times CENSORED, each sorted ascending (no NaN). Either may be empty
** (then S stays 1, or has no steps at all). *KM owns its steps; free
** them with km_free(). Time O(NEVENTS + NCENSORED); memory one step per
** distinct event time.
*/
void km_estimate(struct km *km, const double *events, size_t nevents,
    const double *censored, size_t ncensored);

/*
** As km_estimate(), with the censored subjects given by when they began:
** the NSTARTS times STARTS (any order), each censored at time ASOF, so
** having lasted ASOF - STARTS[i] (the deals still open at an as-of time).
** EVENTS, durations, sorted ascending, as for km_estimate().
*/
void km_estimate_at(struct km *km, const double *events, size_t nevents,
    const double *starts, size_t nstarts, double asof);

/* S(T): the estimate just after time T (a right-continuous step
** function); 1 before the first event. */
double km_surv(const struct km *km, double t);

/*
** The P-quantile (0 < P < 1) of the time to the event, as R's survival
** package (3.x, quantile.survfit, and so print.survfit's median) defines
** it: the time at which a horizontal line at height 1 - P meets the curve
** of S. That is the first event time at which S <= 1 - P, except when S
** equals 1 - P exactly (within sqrt(DBL_EPSILON), R's tolerance) over a
** flat stretch: then the midpoint of that stretch, from the event time
** where S reaches 1 - P to the next event time, or to the latest time
** observed when the curve ends there. This is the usual midpoint rule
** of the median: uncensored {1, 2, 3, 4} have KM median 2.5.
** NaN when S never gets down to 1 - P (too few events, too much
** censoring), or when P is outside (0, 1).
** The median is km_quantile(km, 0.5).
*/
double km_quantile(const struct km *km, double p);

void km_free(struct km *km);

/*
** The estimate at time T with its pointwise confidence interval, as R's
** survival package gives them by default: survfit()'s Greenwood variance
** and conf.type = "log", read at T as summary(fit, times = T) reads them
** (extend = FALSE). Over the event times t_j <= T (an event at T itself
** counts: S is right-continuous):
**
**     S     = product of (1 - d_j / n_j)
**     se    = sqrt(sum of d_j / (n_j (n_j - d_j)))   Greenwood, of log S
**     lo    = exp(log S - z se)
**     hi    = min(1, exp(log S + z se))
**
** with z = norm_quantile(1 - (1 - LEVEL) / 2) (1.959964 at 0.95). Units
** are those of the times (T as the event times). Edge cases, each as R:
**  - no event up to T: S = 1, se = 0, and the interval is [1, 1];
**  - S(T) = 0 (every subject still at risk at some t_j had the event): log
**    S is undefined and a step with d_j = n_j makes se infinite; R prints
**    NA for both bounds, and so LO and HI are NaN here (SURV is 0);
**  - T past the latest time observed, event or censoring (km->last_time),
**    or no observations at all: R's summary() leaves T out (with extend =
**    TRUE it would carry the last value on); here every field is NaN and
**    the result is -1.
** Returns 0, or -1 as said. LEVEL in (0, 1). Time O(steps up to T).
*/
struct km_point {
	double surv;          /* S(T) */
	double se_log;        /* Greenwood's standard error of log S(T) */
	double lo, hi;        /* the interval for S(T) at LEVEL */
};

int km_at(const struct km *km, double t, double level, struct km_point *p);

#endif
