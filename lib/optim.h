/* See LICENSE file for copyright and license details. */
#ifndef KPI_OPTIM_H
#define KPI_OPTIM_H

#include <stddef.h>

/*
** Unconstrained minimisation of a smooth function of a few variables, and
** the matrix algebra a maximum-likelihood fit needs after it (the
** observed information and its inverse). For models, not for big
** problems: at most OPTIM_MAX_N variables, no allocation.
*/

#define OPTIM_MAX_N 8

/*
** The objective at X: returns f(X) and, when G is not NULL, stores the
** gradient in G. Outside its domain it returns NaN or +inf, and the
** minimiser steps back.
*/
typedef double optim_fn(void *ctx, const double *x, double *g);

struct optim_problem {
	size_t n;                 /* variables, 1 to OPTIM_MAX_N */
	optim_fn *f;
	void *ctx;
	int analytic_gradient;    /* 0: f ignores G; use central differences */
};

enum optim_status {
	OPTIM_CONVERGED,          /* the gradient vanished (to gtol) */
	OPTIM_MAX_ITER,           /* iterations ran out first */
	OPTIM_DIVERGED,           /* a variable left [-bound, bound] */
	OPTIM_STALLED,            /* no step lowers f, yet the gradient is not 0 */
	OPTIM_NOT_FINITE          /* f is not finite at the start */
};

struct optim_opts {
	int max_iter;             /* e.g. 500 */
	double gtol;              /* stop when every |df/dx_i| <= gtol */
	double bound;             /* stop when some |x_i| > bound (0: none) */
};

struct optim_result {
	enum optim_status status;
	int iterations;
	int evaluations;          /* of f, numerical gradients included */
	double fx;                /* f at the final x */
	size_t diverged;          /* the variable that left the bound */
};

/*
** Minimise P->f from X (P->n values), leaving the best point found in X.
** Method: BFGS with the inverse-Hessian update, started from the identity
** scaled by the first step's curvature (Nocedal and Wright, Numerical
** Optimization, 2nd ed., 6.1), and a line search satisfying the strong
** Wolfe conditions with c1 = 1e-4, c2 = 0.9 (their algorithms 3.5 and
** 3.6, with safeguarded cubic interpolation). A trial point where f is
** not finite counts as too far. Without an analytic gradient, central
** differences with steps 1e-6 (1 + |x_i|) stand in for it.
** Returns RES->status (also set in RES).
*/
enum optim_status optim_minimise(const struct optim_problem *p, double *x,
    const struct optim_opts *o, struct optim_result *res);

/*
** The gradient of P->f at X into G: the analytic one, or central
** differences as above. Returns f(X).
*/
double optim_gradient(const struct optim_problem *p, const double *x,
    double *g);

/*
** The Hessian of P->f at X into H (n by n, row-major), by central
** differences of the gradient with steps 1e-4 (1 + |x_i|), symmetrised.
** Error O(step^2) with an analytic gradient. Returns 0, or -1 when the
** gradient is not finite somewhere on the stencil.
*/
int optim_hessian(const struct optim_problem *p, const double *x, double *h);

/*
** Invert the symmetric positive definite N by N matrix A (row-major) in
** place, by its Cholesky factorisation. Returns 0, or -1 (A then
** undefined) when A is not positive definite to working precision.
*/
int spd_inverse(double *a, size_t n);

#endif
