/* See LICENSE file for copyright and license details. */
#ifndef KPI_LOGIT_H
#define KPI_LOGIT_H

#include <stddef.h>

/*
** Logistic regression by Newton-Raphson (iteratively reweighted least
** squares), and the dense linear algebra it needs: the Cholesky
** factorisation of a symmetric positive definite p x p matrix, solving
** with it and inverting it. Matrices are row-major arrays of p * p
** doubles. lead-score --fit logit is the user (lead-score(1)).
*/

/*
** Factor the symmetric matrix A (p x p; only its lower triangle is read)
** as L L' in place: on return the lower triangle of A holds L, the upper
** triangle is zeroed. Method: the Cholesky-Banachiewicz recurrence, row
** by row. Returns -1 when A is not positive definite to working
** precision: a pivot (what is left of a diagonal entry once the columns
** before it are taken out) at or below 1e-12 times the largest diagonal
** entry, the index of the first such row going into *BAD (the column
** that is a combination of those before it); then A is partly
** overwritten. Returns 0 otherwise. P = 0 is a no-op.
*/
int chol_factor(double *a, size_t p, size_t *bad);

/* Solve L L' x = B for x, in place in B (p entries), with L from
** chol_factor(): forward then back substitution. */
void chol_solve(const double *l, size_t p, double *b);

/* The inverse of L L' (p x p, full, symmetric) into INV, with L from
** chol_factor(): column by column, chol_solve() of each unit vector. */
void chol_inverse(const double *l, size_t p, double *inv);

/* What logit_fit() reports besides the estimates. */
struct logit_stats {
	double deviance;       /* -2 log likelihood at the estimates */
	double null_deviance;  /* the same of the intercept-only model */
	double aic;            /* deviance + 2 p */
	int iterations;        /* Newton steps taken */
	size_t bad;            /* LOGIT_SINGULAR: the term found dependent;
	                          LOGIT_DIVERGED: the term whose estimate
	                          runs off the most (largest |b_j| sd(x_j)) */
};

enum {
	LOGIT_OK = 0,
	LOGIT_SINGULAR = -1,   /* the information matrix is singular: a term
	                          is a linear combination of others */
	LOGIT_DIVERGED = -2    /* no finite maximum: the estimates run off
	                          (separation) or 50 steps did not converge */
};

/*
** Fit P(y = 1 | x) = 1 / (1 + exp(-x'b)) to N rows: X is n x p
** (row-major; the caller puts a column of ones first for an intercept,
** which then is term 0), Y holds 0 or 1. L2 >= 0 adds the ridge penalty
** (L2 / 2) * sum of b_j^2 over the terms but the first (the intercept)
** to the negative log likelihood.
**
** Method: Newton-Raphson from b = 0: each step solves
** (X'WX + L2 I') d = X'(y - mu) - L2 I' b by Cholesky, W = mu (1 - mu),
** until the penalised deviance changes by less than 1e-10 relatively
** (R's glm() stops at 1e-8), at most 50 steps. The null deviance is that
** of the mean of Y. Results: the estimates into BETA (p), their
** covariance, the inverse of the (penalised) information matrix at the
** estimates, into COV (p x p), and ST.
**
** Returns LOGIT_OK; LOGIT_SINGULAR when the information matrix is not
** positive definite (ST->bad says which term); LOGIT_DIVERGED when the
** steps do not converge, or converge to fitted probabilities within
** 1e-12 of 0 or 1 (a linear predictor beyond +-27.6), which only a
** separated outcome gives: ST->bad names the term that runs off. The
** caller checks beforehand that Y has both values and that no column is
** constant. Needs n >= 1, p >= 1. Memory: O(p^2 + n).
*/
int logit_fit(const double *x, const unsigned char *y, size_t n, size_t p,
    double l2, double *beta, double *cov, struct logit_stats *st);

#endif
