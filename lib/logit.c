/* See LICENSE file for copyright and license details. */
/* Logistic regression by Newton-Raphson, and Cholesky (see logit.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "logit.h"
#include "util.h"

int
chol_factor(double *a, size_t p, size_t *bad)
{
	double maxdiag = 0;

	for (size_t i = 0; i < p; i++)
		if (a[i * p + i] > maxdiag)
			maxdiag = a[i * p + i];
	for (size_t i = 0; i < p; i++) {
		for (size_t j = 0; j <= i; j++) {
			double s = a[i * p + j];

			for (size_t k = 0; k < j; k++)
				s -= a[i * p + k] * a[j * p + k];
			if (i == j) {
				if (!(s > 1e-12 * maxdiag)) {
					*bad = i;
					return -1;
				}
				a[i * p + i] = sqrt(s);
			} else
				a[i * p + j] = s / a[j * p + j];
		}
		for (size_t j = i + 1; j < p; j++)
			a[i * p + j] = 0;
	}
	return 0;
}

void
chol_solve(const double *l, size_t p, double *b)
{
	for (size_t i = 0; i < p; i++) {
		double s = b[i];

		for (size_t k = 0; k < i; k++)
			s -= l[i * p + k] * b[k];
		b[i] = s / l[i * p + i];
	}
	for (size_t i = p; i-- > 0;) {
		double s = b[i];

		for (size_t k = i + 1; k < p; k++)
			s -= l[k * p + i] * b[k];
		b[i] = s / l[i * p + i];
	}
}

void
chol_inverse(const double *l, size_t p, double *inv)
{
	double *col = xcalloc(p ? p : 1, sizeof *col);

	for (size_t j = 0; j < p; j++) {
		memset(col, 0, p * sizeof *col);
		col[j] = 1;
		chol_solve(l, p, col);
		for (size_t i = 0; i < p; i++)
			inv[i * p + j] = col[i];
	}
	free(col);
}

/* -2 log likelihood of Y under linear predictors ETA, computed stably:
** log(1 + e^eta) - y eta per row. */
static double
deviance(const double *eta, const unsigned char *y, size_t n)
{
	double d = 0;

	for (size_t i = 0; i < n; i++) {
		double e = eta[i];
		double log1pe = e > 0 ? e + log1p(exp(-e)) : log1p(exp(e));

		d += log1pe - (y[i] ? e : 0);
	}
	return 2 * d;
}

/* ETA = X BETA. */
static void
linear(const double *x, size_t n, size_t p, const double *beta, double *eta)
{
	for (size_t i = 0; i < n; i++) {
		double s = 0;

		for (size_t j = 0; j < p; j++)
			s += x[i * p + j] * beta[j];
		eta[i] = s;
	}
}

/* The information matrix X'WX + L2 I' (lower triangle) into H and the
** score X'(y - mu) - L2 I' beta into G, at linear predictors ETA. */
static void
newton_system(const double *x, const unsigned char *y, size_t n, size_t p,
    double l2, const double *beta, const double *eta, double *h, double *g)
{
	memset(h, 0, p * p * sizeof *h);
	memset(g, 0, p * sizeof *g);
	for (size_t i = 0; i < n; i++) {
		double mu = 1 / (1 + exp(-eta[i]));
		double w = mu * (1 - mu), r = (y[i] ? 1 : 0) - mu;
		const double *xi = x + i * p;

		for (size_t j = 0; j < p; j++) {
			g[j] += xi[j] * r;
			for (size_t k = 0; k <= j; k++)
				h[j * p + k] += w * xi[j] * xi[k];
		}
	}
	for (size_t j = 1; j < p; j++) {
		h[j * p + j] += l2;
		g[j] -= l2 * beta[j];
	}
}

/* The term whose estimate runs off the most: the largest |b_j| times
** the spread of column j (the intercept's is 1). */
static size_t
runaway(const double *x, size_t n, size_t p, const double *beta)
{
	size_t worst = 0;
	double most = -1;

	for (size_t j = 0; j < p; j++) {
		double lo = HUGE_VAL, hi = -HUGE_VAL, size;

		for (size_t i = 0; i < n; i++) {
			if (x[i * p + j] < lo)
				lo = x[i * p + j];
			if (x[i * p + j] > hi)
				hi = x[i * p + j];
		}
		size = fabs(beta[j]) * (hi > lo ? hi - lo : 1);
		if (j > 0 && hi == lo)
			size = 0;
		if (size > most) {
			most = size;
			worst = j;
		}
	}
	return worst;
}

int
logit_fit(const double *x, const unsigned char *y, size_t n, size_t p,
    double l2, double *beta, double *cov, struct logit_stats *st)
{
	double *eta = xcalloc(n, sizeof *eta);
	double *h = xcalloc(p * p, sizeof *h);
	double *g = xcalloc(p, sizeof *g);
	double dev, pen = 0, ybar = 0;
	int rc = LOGIT_DIVERGED;

	memset(beta, 0, p * sizeof *beta);
	memset(st, 0, sizeof *st);
	for (size_t i = 0; i < n; i++)
		ybar += y[i] ? 1 : 0;
	ybar /= (double)n;
	if (ybar > 0 && ybar < 1)
		st->null_deviance = -2 * (double)n * (ybar * log(ybar) +
		    (1 - ybar) * log(1 - ybar));
	linear(x, n, p, beta, eta);
	dev = deviance(eta, y, n);
	for (st->iterations = 1; st->iterations <= 50; st->iterations++) {
		double newdev, newpen = 0, maxeta = 0;

		newton_system(x, y, n, p, l2, beta, eta, h, g);
		if (chol_factor(h, p, &st->bad) < 0) {
			rc = LOGIT_SINGULAR;
			goto out;
		}
		chol_solve(h, p, g);
		for (size_t j = 0; j < p; j++)
			beta[j] += g[j];
		for (size_t j = 1; j < p; j++)
			newpen += l2 * beta[j] * beta[j];
		linear(x, n, p, beta, eta);
		newdev = deviance(eta, y, n);
		for (size_t i = 0; i < n; i++)
			if (fabs(eta[i]) > maxeta)
				maxeta = fabs(eta[i]);
		if (fabs((newdev + newpen) - (dev + pen)) <
		    1e-10 * (fabs(newdev + newpen) + 0.1)) {
			dev = newdev;
			rc = maxeta > 27.6 ? LOGIT_DIVERGED : LOGIT_OK;
			break;
		}
		dev = newdev;
		pen = newpen;
	}
	if (st->iterations > 50)
		st->iterations = 50;
	st->deviance = dev;
	st->aic = dev + 2 * (double)p;
	if (rc == LOGIT_DIVERGED) {
		st->bad = runaway(x, n, p, beta);
		goto out;
	}
	/* The covariance at the estimates. */
	newton_system(x, y, n, p, l2, beta, eta, h, g);
	if (chol_factor(h, p, &st->bad) < 0) {
		rc = LOGIT_SINGULAR;
		goto out;
	}
	chol_inverse(h, p, cov);
out:
	free(eta);
	free(h);
	free(g);
	return rc;
}
