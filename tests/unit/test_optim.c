/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/optim.c on functions whose minima, Hessians and
** inverses are known in closed form.
*/
#include <math.h>
#include <stdio.h>

#include "../../lib/optim.h"
#include "check.h"

/* Rosenbrock's valley: minimum 0 at (1, 1), Hessian [802 -400; -400 200]. */
static double
rosenbrock(void *ctx, const double *x, double *g)
{
	double a = 1 - x[0], b = x[1] - x[0] * x[0];

	(void)ctx;
	if (g != NULL) {
		g[0] = -2 * a - 400 * x[0] * b;
		g[1] = 200 * b;
	}
	return a * a + 100 * b * b;
}

/*
** e^x + e^-y + sin(xy): not a polynomial, so that no finite difference
** or extrapolation of it is exact. Its Hessian is
**   [e^x - y^2 sin(xy), cos(xy) - xy sin(xy); same, e^-y - x^2 sin(xy)].
*/
static double
wavy(void *ctx, const double *x, double *g)
{
	double s = sin(x[0] * x[1]), c = cos(x[0] * x[1]);

	(void)ctx;
	if (g != NULL) {
		g[0] = exp(x[0]) + x[1] * c;
		g[1] = -exp(-x[1]) + x[0] * c;
	}
	return exp(x[0]) + exp(-x[1]) + s;
}

/*
** optim_hessian() of wavy() at (X0, Y0), by gradients (ANALYTIC) or by
** values: each entry within TOL (relative to the largest entry) of the
** closed form and within its own error estimate, and that estimate below
** BOUND relative: the estimate is honest and not vacuous.
*/
static void
check_wavy(int analytic, double x0, double y0, double tol, double bound)
{
	struct optim_problem p = { 2, wavy, NULL, analytic };
	double x[2] = { x0, y0 }, h[4], err[4], want[4], s = sin(x0 * y0);
	double scale = 0;
	const char *how = analytic ? "gradient" : "values";

	want[0] = exp(x0) - y0 * y0 * s;
	want[1] = want[2] = cos(x0 * y0) - x0 * y0 * s;
	want[3] = exp(-y0) - x0 * x0 * s;
	for (int i = 0; i < 4; i++)
		scale = fmax(scale, fabs(want[i]));
	CHECK("wavy hessian computes", optim_hessian(&p, x, h, err) == 0);
	for (int i = 0; i < 4; i++) {
		char what[160];

		snprintf(what, sizeof what, "wavy hessian by %s at (%g, %g) "
		    "[%d]", how, x0, y0, i);
		check_near(what, h[i], want[i], tol * scale);
		snprintf(what, sizeof what, "wavy hessian by %s at (%g, %g) "
		    "[%d] within its error estimate", how, x0, y0, i);
		CHECK(what, fabs(h[i] - want[i]) <= err[i] + 1e-12 * scale);
		snprintf(what, sizeof what, "wavy hessian by %s at (%g, %g) "
		    "[%d] error estimate below %g", how, x0, y0, i, bound);
		CHECK(what, err[i] <= bound * scale);
	}
}

/* e^-x: no minimum, x runs off to infinity. */
static double
slope(void *ctx, const double *x, double *g)
{
	(void)ctx;
	if (g != NULL)
		g[0] = -exp(-x[0]);
	return exp(-x[0]);
}

/* Defined for x > 0 only: (x - 2)^2 - log x, minimum at x = 1 + sqrt(1.5). */
static double
domain(void *ctx, const double *x, double *g)
{
	(void)ctx;
	(void)g;
	if (x[0] <= 0)
		return NAN;
	return (x[0] - 2) * (x[0] - 2) - log(x[0]);
}

int
main(void)
{
	struct optim_opts o = { 1000, 1e-10, 0 };
	struct optim_problem p = { 2, rosenbrock, NULL, 1 };
	struct optim_result res;
	double x[2] = { -1.2, 1 }, h[4], a[9];

	check_int("rosenbrock converges", optim_minimise(&p, x, &o, &res),
	    OPTIM_CONVERGED);
	check_near("rosenbrock x", x[0], 1, 1e-8);
	check_near("rosenbrock y", x[1], 1, 1e-8);
	p.analytic_gradient = 0;
	x[0] = -1.2;
	x[1] = 1;
	o.gtol = 1e-7;
	check_int("rosenbrock by numerical gradient converges",
	    optim_minimise(&p, x, &o, &res), OPTIM_CONVERGED);
	check_near("rosenbrock by numerical gradient x", x[0], 1, 1e-5);
	p.analytic_gradient = 1;
	x[0] = x[1] = 1;
	CHECK("hessian computes", optim_hessian(&p, x, h, NULL) == 0);
	/*
	 * Rosenbrock's gradient is a cubic: a central difference's error
	 * is t^2 g'''/6 exactly, which the extrapolation removes, leaving
	 * rounding (some 1e-16 * 800 / 0.005).
	 */
	check_near("hessian xx", h[0], 802, 1e-9);
	check_near("hessian xy", h[1], -400, 1e-9);
	check_near("hessian yx", h[2], -400, 1e-9);
	check_near("hessian yy", h[3], 200, 1e-9);
	p.analytic_gradient = 0;
	CHECK("hessian by values computes", optim_hessian(&p, x, h, NULL) == 0);
	/* f is a quartic: t^2 f''''/12 is all the error, extrapolated away;
	 * the values' rounding, 1e-16 / 0.005^2 times a few, is left. */
	check_near("hessian by values xx", h[0], 802, 1e-8);
	check_near("hessian by values xy", h[1], -400, 1e-8);
	check_near("hessian by values yy", h[3], 200, 1e-8);
	p.analytic_gradient = 1;
	/*
	 * Steps 0.02 (1 + |x|) down to a quarter of that: the t^4 error of
	 * the extrapolation is some 1e-9 of the entries here, and the
	 * values' rounding (1e-16 / 0.005^2 = 4e-12) is below that.
	 */
	check_wavy(1, 0.3, -0.7, 1e-8, 1e-6);
	check_wavy(0, 0.3, -0.7, 1e-8, 1e-6);
	check_wavy(1, 1.5, 2, 1e-7, 1e-5);
	check_wavy(0, 1.5, 2, 1e-7, 1e-5);
	/* [802 -400; -400 200]^-1 = [200 400; 400 802] / 400. */
	h[0] = 802, h[1] = h[2] = -400, h[3] = 200;
	CHECK("inverse of the hessian", spd_inverse(h, 2) == 0);
	check_near("inverse xx", h[0], 0.5, 1e-8);
	check_near("inverse xy", h[1], 1, 1e-8);
	check_near("inverse yy", h[3], 2.005, 1e-8);

	p = (struct optim_problem){ 1, slope, NULL, 1 };
	o.bound = 30;
	o.gtol = 0;    /* else e^-x is flat enough to stop near x = 23 */
	x[0] = 0;
	check_int("e^-x runs off", optim_minimise(&p, x, &o, &res), OPTIM_DIVERGED);
	check_int("e^-x: the variable that ran off", (long long)res.diverged, 0);

	p = (struct optim_problem){ 1, domain, NULL, 0 };
	o.gtol = 1e-9;
	x[0] = 0.05;
	check_int("a NaN outside the domain is stepped back from",
	    optim_minimise(&p, x, &o, &res), OPTIM_CONVERGED);
	check_near("minimum of (x-2)^2 - ln x", x[0], 1 + sqrt(1.5), 1e-6);
	x[0] = -1;
	check_int("NaN at the start", optim_minimise(&p, x, &o, &res),
	    OPTIM_NOT_FINITE);

	/* [4 2 0; 2 5 1; 0 1 3]: determinant 44, inverse adj / 44. */
	a[0] = 4, a[1] = 2, a[2] = 0, a[3] = 2, a[4] = 5, a[5] = 1;
	a[6] = 0, a[7] = 1, a[8] = 3;
	CHECK("3x3 inverse", spd_inverse(a, 3) == 0);
	check_near("3x3 inverse [0][0] = 14/44", a[0], 14.0 / 44, 1e-15);
	check_near("3x3 inverse [0][1] = -6/44", a[1], -6.0 / 44, 1e-15);
	check_near("3x3 inverse [0][2] = 2/44", a[2], 2.0 / 44, 1e-15);
	check_near("3x3 inverse [1][1] = 12/44", a[4], 12.0 / 44, 1e-15);
	check_near("3x3 inverse [2][2] = 16/44", a[8], 16.0 / 44, 1e-15);
	a[0] = 1, a[1] = 2, a[2] = 2, a[3] = 1;
	CHECK("[1 2; 2 1] is not positive definite", spd_inverse(a, 2) < 0);
	return finish();
}
