/* See LICENSE file for copyright and license details. */
#include <float.h>
#include <math.h>
#include <stddef.h>

#include "special.h"

/* Enough for a series whose terms fall like 2^-k from any start. */
#define MAX_TERMS 5000

/*
** The most Taylor steps a continuation may take (about 40 ns each): its
** cost grows with the parameters, and parameters this large (a fit's
** line search probing e^20, say) would otherwise take hours.
*/
#define MAX_STEPS 200000

double
lbeta(double a, double b)
{
	if (!(a > 0 && b > 0))
		return NAN;
	return lgamma(a) + lgamma(b) - lgamma(a + b);
}

double
digamma(double x)
{
	double shift = 0, inv, inv2;

	if (!(x > 0))
		return NAN;
	for (; x < 10; x++)
		shift -= 1 / x;
	inv = 1 / x;
	inv2 = inv * inv;
	/* -B_2k / (2k x^2k) for k = 1..7, by Horner in 1/x^2. */
	return shift + log(x) - 0.5 * inv - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 -
	    inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 -
	    inv2 * (691.0 / 32760 - inv2 / 12))))));
}

/*
** The Maclaurin series of 2F1(a, b; c; x) and of its derivative, for
** 0 < |x| <= 1/2. Stops when two terms in a row are too small to change
** either sum, or when a term is exactly 0 (a or b a non-positive integer:
** a polynomial).
*/
static void
maclaurin(double a, double b, double c, double x, double *y, double *dy)
{
	double term = 1, sum = 1, dsum = 0;
	int small = 0;

	for (int n = 0; n < MAX_TERMS; n++) {
		term *= (a + n) / (c + n) * (b + n) / (n + 1) * x;
		sum += term;
		dsum += (n + 1) * term;
		if (term == 0)
			break;
		if (fabs(term) <= DBL_EPSILON / 4 * fabs(sum) &&
		    fabs((n + 1) * term) <= DBL_EPSILON / 4 * fabs(dsum)) {
			if (++small == 2)
				break;
		} else {
			small = 0;
		}
	}
	*y = sum;
	*dy = dsum / x;
}

/*
** Given y = F(x0) and dy = F'(x0) for a solution F of the hypergeometric
** equation, replace them with F(x0 + h) and F'(x0 + h). The Taylor
** coefficients about x0 are scaled by h^k (u_k = y_k h^k), so nothing
** overflows when h is small; substituting the series into
** x(1-x)y'' + (c - (a+b+1)x)y' - aby = 0 and collecting h^k gives
**   p0 (k+1)(k+2) y_{k+2} = -(k+1)(k p1 + q0) y_{k+1} + (k+a)(k+b) y_k
** with p0 = x0(1 - x0), p1 = 1 - 2 x0, q0 = c - (a+b+1) x0.
*/
static void
taylor_step(double a, double b, double c, double x0, double h, double *y,
    double *dy)
{
	double p0 = x0 * (1 - x0), p1 = 1 - 2 * x0, q0 = c - (a + b + 1) * x0;
	double u0 = *y, u1 = *dy * h, sum = u0 + u1, dsum = u1;
	int small = 0;

	for (int k = 0; k < MAX_TERMS; k++) {
		double u2 = (-(k + 1) * (k * p1 + q0) * u1 * h +
		    (k + a) * (k + b) * u0 * h * h) / (p0 * (k + 1) * (k + 2));

		sum += u2;
		dsum += (k + 2) * u2;
		if (fabs(u2) <= DBL_EPSILON / 4 * fabs(sum) &&
		    fabs((k + 2) * u2) <= DBL_EPSILON / 4 * fabs(dsum)) {
			if (++small == 2)
				break;
		} else {
			small = 0;
		}
		u0 = u1;
		u1 = u2;
	}
	*y = sum;
	*dy = dsum / h;
}

/*
** 2F1(a, b; c; x) for 1/2 < x < 1, continued from x0 = 1/2. A step from
** x0 is limited by each singular point the Taylor series about x0 can
** see: 0 (local exponents 0 and 1 - c; the point at infinity, exponents
** a and b, is as far as 0 in this variable's disc) and 1 (exponents 0 and
** c - a - b). The series of a solution with exponent e at distance d has
** terms like binom(|e| + k, k) (h/d)^k, whose peak grows like
** (1 - h/d)^-|e|: with h <= d / (2 + |e|) that transient stays below e^1,
** so rounding errors are not amplified, whatever the parameters.
*/
static double
continue_to(double a, double b, double c, double x, unsigned long *steps)
{
	double x0 = 0.5, y, dy;
	double e0 = fmax(fabs(1 - c), fmax(fabs(a), fabs(b))), e1 = fabs(c - a - b);

	/*
	 * x0 grows by at least 1/(2 + e0) of itself a step, and 1 - x0
	 * shrinks by 1/(2 + e1) of itself: at most this many steps.
	 */
	if ((2 + e0) * M_LN2 + (2 + e1) * log(0.5 / (1 - x)) > MAX_STEPS)
		return NAN;
	maclaurin(a, b, c, x0, &y, &dy);
	while (x0 < x && isfinite(y)) {
		double h = fmin(x0 / (2 + e0), (1 - x0) / (2 + e1));

		if (steps != NULL)
			++*steps;

		if (x - x0 <= h) {
			taylor_step(a, b, c, x0, x - x0, &y, &dy);
			break;
		}
		/*
		 * Within a few ulps of 1 a step can be too short to move x0:
		 * then x is as close as a double gets, and y is taken as the
		 * value there (the loop ran forever before).
		 */
		if (x0 + h == x0)
			break;
		taylor_step(a, b, c, x0, h, &y, &dy);
		x0 += h;
	}
	return y;
}

double
hyp2f1(double a, double b, double c, double x)
{
	return hyp2f1_steps(a, b, c, x, NULL);
}

double
hyp2f1_steps(double a, double b, double c, double x, unsigned long *steps)
{
	double y, dy;

	if (isnan(a) || isnan(b) || isnan(c) || !(x < 1) ||
	    (c <= 0 && c == floor(c)))
		return NAN;
	if (x == 0)
		return 1;
	if (x < 0) {
		/*
		 * Pfaff: 2F1(a,b;c;x) = (1-x)^-a 2F1(a, c-b; c; x/(x-1)), the
		 * argument now in (0, 1). With a the smaller of a and b, the
		 * new function stays bounded as x goes to minus infinity (its
		 * c - a - b is b - a >= 0), so nothing overflows on the way.
		 */
		double lo = a < b ? a : b, hi = a < b ? b : a;

		return pow(1 - x, -lo) * hyp2f1_steps(lo, c - hi, c, x / (x - 1),
		    steps);
	}
	if (x <= 0.5) {
		maclaurin(a, b, c, x, &y, &dy);
		return y;
	}
	return continue_to(a, b, c, x, steps);
}

double
log_add_exp(double a, double b)
{
	double hi = a > b ? a : b, lo = a > b ? b : a;

	if (hi == -INFINITY)
		return -INFINITY;
	return hi + log1p(exp(lo - hi));
}

double
log_sub_exp(double a, double b)
{
	if (a < b)
		return NAN;
	if (a == b)
		return -INFINITY;
	return a + log(-expm1(b - a));
}

/* Below this a continued fraction's denominator counts as zero (Lentz). */
#define TINY 1e-300

double
gamma_q(double a, double x)
{
	double lead, sum, term, b, c, d, h, del;
	int i;

	if (!(a > 0) || !(x >= 0))
		return NAN;
	if (x == 0)
		return 1;
	if (isinf(x))
		return 0;
	/* x^a e^-x / G(a), in logs so that large A and X do not overflow. */
	lead = exp(a * log(x) - x - lgamma(a));
	if (x < a + 1) {
		/* P = x^a e^-x / G(a) * sum_k x^k / (a (a+1) ... (a+k)). */
		sum = term = 1 / a;
		for (i = 1; i < MAX_TERMS; i++) {
			term *= x / (a + i);
			sum += term;
			if (fabs(term) < fabs(sum) * DBL_EPSILON)
				break;
		}
		return 1 - lead * sum;
	}
	/*
	** G(a, x) = x^a e^-x (1 / (x + 1 - a - 1 (1 - a) / (x + 3 - a -
	** 2 (2 - a) / (x + 5 - a - ...)))), term i's numerator -i (i - a).
	*/
	b = x + 1 - a;
	c = 1 / TINY;
	d = 1 / b;
	h = d;
	for (i = 1; i < MAX_TERMS; i++) {
		double an = -i * (i - a);

		b += 2;
		d = an * d + b;
		if (fabs(d) < TINY)
			d = TINY;
		c = b + an / c;
		if (fabs(c) < TINY)
			c = TINY;
		d = 1 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < DBL_EPSILON)
			break;
	}
	return lead * h;
}

double
chi2_sf(double x, double df)
{
	if (isnan(x) || !(df > 0))
		return NAN;
	if (x <= 0)
		return 1;
	return gamma_q(df / 2, x / 2);
}

double
norm_sf(double x)
{
	return 0.5 * erfc(x / M_SQRT2);
}
