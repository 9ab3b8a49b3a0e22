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

/* The largest step of optim_hessian(), times 1 + |x_i|. */
#define OPTIM_HESSIAN_STEP 0.02

/*
** The Hessian of P->f at X into H (n by n, row-major, symmetric), and
** into ERR (n by n; may be NULL) an estimate of each entry's absolute
** error that errs large.
**
** Method: central differences D(t) with steps t_i = t (1 + |x_i|), of the
** analytic gradient or, without one, second differences of values (not
** differences of the numerical gradient: those divide f's rounding by
** 1e-6 t instead of t^2). D's error is c2 t^2 + c4 t^4 + ..., so
** Richardson's extrapolation R(t) = (4 D(t/2) - D(t)) / 3 has error
** O(t^4). H is R(t/2) from D at t = OPTIM_HESSIAN_STEP, t/2 and t/4; ERR
** is |R(t/2) - R(t)|, about 15 times R(t/2)'s error when the t^4 term
** leads. The steps are large so that f's rounding, divided by t^2, stays
** small: with f good to 1e-14 the smallest step, 0.005, adds some 1e-9.
**
** Cost: 6n gradients, or 1 + 3 (2 n^2) values (97 for n = 4).
** Returns 0, or -1 when f or the gradient is not finite somewhere on the
** stencils (H then undefined).
*/
int optim_hessian(const struct optim_problem *p, const double *x, double *h,
    double *err);

/*
** Invert the symmetric positive definite N by N matrix A (row-major) in
** place, by its Cholesky factorisation. Returns 0, or -1 (A then
** undefined) when A is not positive definite to working precision.
*/
int spd_inverse(double *a, size_t n);

#endif
