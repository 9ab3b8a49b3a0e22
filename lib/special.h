/* See LICENSE file for copyright and license details. */
#ifndef KPI_SPECIAL_H
#define KPI_SPECIAL_H

/*
** Special functions the customer-base models need (see btyd.h), in double
** precision, for real arguments. Pure functions: no state, no errno.
*/

/*
** The natural log of the Beta function, ln B(A, B) = ln G(A) + ln G(B) -
** ln G(A + B), for A, B > 0 (NaN otherwise). Absolute error a few units
** in the last place of the largest of the three log-gammas.
** Example: lbeta(2, 3) = ln(1/12) = -2.484906649788.
*/
double lbeta(double a, double b);

/*
** The digamma function psi(X) = d/dx ln G(x), for X > 0 (NaN otherwise).
** Method: the recurrence psi(x) = psi(x + 1) - 1/x up to x >= 10, then
** the asymptotic series in 1/x^2 to the x^-14 term (relative error below
** 1e-15 there). Examples: psi(1) = -0.5772156649015329 (minus Euler's
** constant), psi(0.5) = -1.9635100260214235.
*/
double digamma(double x);

/*
** The Gauss hypergeometric function 2F1(A, B; C; X) for real X < 1 and
** real A, B, C, C not 0 or a negative integer (NaN then, and for X >= 1).
**
** Method: X < 0 is first mapped into (0, 1) by Pfaff's transformation
** 2F1(a,b;c;x) = (1-x)^-a 2F1(a, c-b; c; x/(x-1)), a the smaller of A and
** B, so that the new function stays bounded as X goes to minus infinity.
** In [0, 1/2] the Maclaurin series is summed until two terms in a row no
** longer change it. Beyond 1/2 the function is continued along the real
** axis from 1/2 by re-expanding it in Taylor series: the hypergeometric
** equation x(1-x)y'' + (c - (a+b+1)x)y' - aby = 0 gives each coefficient
** from the two before it, and each step is short enough, given the
** exponents at the singular points 0 and 1, that no series term swells.
** Unlike the textbook 1-x and 1/x transformations, this needs no special
** case when C - A - B or A - B is an integer, where those formulas lose
** their digits. The cost grows with the parameters and with
** log(1/(1 - X)): 1 microsecond for small ones, 30 for
** 2F1(100.3, 0.5; 110.2; -1000). Where the continuation would take
** more than 200,000 steps (parameters beyond about 10^5; 8 ms), the
** result is NaN instead, a value too costly to compute: a fit then
** treats the point as outside its domain. Within a few ulps of 1, where
** a step no longer moves X, the value at the last point reached stands
** for the value at X.
**
** Accuracy, measured against mpmath at 40 digits on 6000 random
** arguments of the kinds btyd.h needs (tests/unit/test_special.c keeps a
** sample): relative error below 5e-12; with C < 0 and a result orders of
** magnitude below its terms, cancellation can cost more. Overflow gives
** +-inf.
** Examples: 2F1(1, 1; 2; x) = -ln(1 - x)/x; 2F1(a, b; b; x) = (1-x)^-a.
*/
double hyp2f1(double a, double b, double c, double x);

/*
** hyp2f1(A, B, C, X), adding to *STEPS (when STEPS is not NULL) the Taylor
** steps of its continuation (none for |X| small enough for the series):
** the measure of its work, for a caller that must bound the work of many
** calls (a fit: see btyd_fit()).
*/
double hyp2f1_steps(double a, double b, double c, double x,
    unsigned long *steps);

/* ln(e^A + e^B) without overflow; -inf when both are -inf. */
double log_add_exp(double a, double b);

/* ln(e^A - e^B) for A >= B without overflow; -inf when A == B, NaN when
** A < B. */
double log_sub_exp(double a, double b);

/*
** The regularized upper incomplete gamma function Q(A, X) =
** G(A, X) / G(A), the integral of t^(A-1) e^-t from X to infinity over
** G(A), for A > 0 and X >= 0 (NaN otherwise, and for NaN arguments);
** Q(A, 0) = 1, Q(A, +inf) = 0. Method: for X < A + 1 the power series of
** the lower function, P(A, X) = x^a e^-x / G(a+1) (1 + x/(a+1) +
** x^2/((a+1)(a+2)) + ...), and Q = 1 - P (P is then at most about 0.7,
** so nothing cancels badly); for X >= A + 1 Legendre's continued
** fraction for G(A, X), evaluated by the modified Lentz method (Press et
** al., Numerical Recipes, 3rd ed., 2007, section 6.2, for the method;
** Abramowitz and Stegun 6.5.29 and 6.5.31 for the two expansions). Relative
** error about 1e-14 where Q is not tiny. Examples: Q(1, X) = e^-X;
** Q(1/2, X) = erfc(sqrt X).
*/
double gamma_q(double a, double x);

/*
** The upper tail P(C > X) of the chi-square distribution with DF degrees
** of freedom (DF > 0, need not be whole): gamma_q(DF / 2, X / 2); 1 for
** X <= 0, NaN for DF <= 0 or a NaN argument. The p-value of a chi-square
** test statistic X. Examples: chi2_sf(x, 2) = e^(-x/2); chi2_sf(3.841459,
** 1) = 0.05.
*/
double chi2_sf(double x, double df);

/*
** The upper tail P(Z > X) of the standard normal distribution,
** erfc(X / sqrt 2) / 2, accurate in the far upper tail too (no 1 - Phi
** cancellation). A two-sided p-value of a z statistic is 2 norm_sf(|z|).
** NaN for NaN. Example: norm_sf(1.959964) = 0.025.
*/
double norm_sf(double x);

#endif
