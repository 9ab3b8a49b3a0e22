/* See LICENSE file for copyright and license details. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "optim.h"

#define C1 1e-4        /* sufficient decrease */
#define C2 0.9         /* curvature, the usual choice for quasi-Newton */
#define MAX_TRIALS 60  /* evaluations per line search */

/* A point on the search line: where, and f and its slope there. */
struct trial {
	double step, f, slope;
};

struct search {
	const struct optim_problem *p;
	const double *x, *dir;
	double f0, slope0;
	double xt[OPTIM_MAX_N], gt[OPTIM_MAX_N];  /* the last point evaluated */
	int evaluations;
};

static double
dot(const double *a, const double *b, size_t n)
{
	double s = 0;

	for (size_t i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}

static double
max_abs(const double *a, size_t n)
{
	double m = 0;

	for (size_t i = 0; i < n; i++)
		if (fabs(a[i]) > m || isnan(a[i]))
			m = isnan(a[i]) ? INFINITY : fabs(a[i]);
	return m;
}

double
optim_gradient(const struct optim_problem *p, const double *x, double *g)
{
	double xs[OPTIM_MAX_N], fx;

	if (p->analytic_gradient)
		return p->f(p->ctx, x, g);
	fx = p->f(p->ctx, x, NULL);
	memcpy(xs, x, p->n * sizeof *x);
	for (size_t i = 0; i < p->n; i++) {
		double h = 1e-6 * (1 + fabs(x[i])), up, down;

		xs[i] = x[i] + h;
		up = p->f(p->ctx, xs, NULL);
		xs[i] = x[i] - h;
		down = p->f(p->ctx, xs, NULL);
		xs[i] = x[i];
		g[i] = (up - down) / (2 * h);
	}
	return fx;
}

/* Evaluate f and its slope at STEP along the direction. */
static struct trial
probe(struct search *s, double step)
{
	const struct optim_problem *p = s->p;
	struct trial t = { step, 0, 0 };

	for (size_t i = 0; i < p->n; i++)
		s->xt[i] = s->x[i] + step * s->dir[i];
	t.f = optim_gradient(p, s->xt, s->gt);
	s->evaluations += p->analytic_gradient ? 1 : 1 + 2 * (int)p->n;
	t.slope = dot(s->gt, s->dir, p->n);
	if (isnan(t.f) || isnan(t.slope) || isinf(t.slope))
		t.f = INFINITY;
	return t;
}

/*
** The minimiser of the cubic through (a.step, a.f) and (b.step, b.f) with
** those slopes, kept inside the middle 80% of the interval; the midpoint
** when the cubic gives nothing usable (an infinite end, no minimum).
*/
static double
cubic_step(struct trial a, struct trial b)
{
	double lo = fmin(a.step, b.step), hi = fmax(a.step, b.step);
	double margin = 0.1 * (hi - lo), d1, d2sq, t;

	if (!isfinite(a.f) || !isfinite(b.f))
		return (a.step + b.step) / 2;
	d1 = a.slope + b.slope - 3 * (a.f - b.f) / (a.step - b.step);
	d2sq = d1 * d1 - a.slope * b.slope;
	if (d2sq < 0)
		return (a.step + b.step) / 2;
	t = b.step - (b.step - a.step) * (b.slope + copysign(sqrt(d2sq),
	    b.step - a.step) - d1) / (b.slope - a.slope +
	    2 * copysign(sqrt(d2sq), b.step - a.step));
	if (!isfinite(t) || t < lo + margin || t > hi - margin)
		return (a.step + b.step) / 2;
	return t;
}

/*
** Nocedal and Wright's zoom (algorithm 3.6): LO satisfies sufficient
** decrease and has the lowest f so far; a strong Wolfe point lies between
** LO and HI. Returns 1 with the point in s->xt, s->gt and *OUT, or 0.
*/
static int
zoom(struct search *s, struct trial lo, struct trial hi, struct trial *out)
{
	for (int i = 0; i < MAX_TRIALS; i++) {
		struct trial t = probe(s, cubic_step(lo, hi));

		if (t.f > s->f0 + C1 * t.step * s->slope0 || t.f >= lo.f) {
			hi = t;
		} else {
			if (fabs(t.slope) <= -C2 * s->slope0) {
				*out = t;
				return 1;
			}
			if (t.slope * (hi.step - lo.step) >= 0)
				hi = lo;
			lo = t;
		}
		if (fabs(hi.step - lo.step) <= DBL_EPSILON * fabs(lo.step))
			break;
	}
	/* Interval exhausted: settle for a decrease, if there is one. */
	if (lo.step > 0 && lo.f < s->f0) {
		*out = probe(s, lo.step);
		return 1;
	}
	return 0;
}

/* Nocedal and Wright's algorithm 3.5 from STEP; 1 with a point, or 0. */
static int
line_search(struct search *s, double step, struct trial *out)
{
	struct trial prev = { 0, s->f0, s->slope0 };

	for (int i = 0; i < MAX_TRIALS; i++) {
		struct trial t = probe(s, step);

		if (!isfinite(t.f) || t.f > s->f0 + C1 * step * s->slope0 ||
		    (i > 0 && t.f >= prev.f))
			return zoom(s, prev, t, out);
		if (fabs(t.slope) <= -C2 * s->slope0) {
			*out = t;
			return 1;
		}
		if (t.slope >= 0)
			return zoom(s, t, prev, out);
		prev = t;
		step *= 2;
	}
	return 0;
}

/* H <- (I - rho s y') H (I - rho y s') + rho s s', rho = 1/(y's). */
static void
bfgs_update(double *h, const double *sv, const double *yv, size_t n)
{
	double hy[OPTIM_MAX_N], rho = 1 / dot(yv, sv, n), yhy;

	for (size_t i = 0; i < n; i++)
		hy[i] = dot(h + i * n, yv, n);
	yhy = dot(yv, hy, n);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			h[i * n + j] += -rho * (sv[i] * hy[j] + hy[i] * sv[j]) +
			    (rho * rho * yhy + rho) * sv[i] * sv[j];
}

enum optim_status
optim_minimise(const struct optim_problem *p, double *x,
    const struct optim_opts *o, struct optim_result *res)
{
	size_t n = p->n;
	double h[OPTIM_MAX_N * OPTIM_MAX_N] = {0}, g[OPTIM_MAX_N];
	double dir[OPTIM_MAX_N], sv[OPTIM_MAX_N], yv[OPTIM_MAX_N], f;
	struct search s = { .p = p, .x = x, .dir = dir };
	int scaled = 0;

	memset(res, 0, sizeof *res);
	f = optim_gradient(p, x, g);
	s.evaluations = p->analytic_gradient ? 1 : 1 + 2 * (int)n;
	res->fx = f;
	if (!isfinite(f) || !isfinite(max_abs(g, n))) {
		res->evaluations = s.evaluations;
		return res->status = OPTIM_NOT_FINITE;
	}
	for (size_t i = 0; i < n; i++)
		h[i * n + i] = 1;
	res->status = OPTIM_MAX_ITER;
	for (res->iterations = 0; res->iterations < o->max_iter;
	    res->iterations++) {
		struct trial t;
		double first;

		if (max_abs(g, n) <= o->gtol) {
			res->status = OPTIM_CONVERGED;
			break;
		}
		for (size_t i = 0; i < n; i++)
			dir[i] = -dot(h + i * n, g, n);
		s.f0 = f;
		s.slope0 = dot(g, dir, n);
		if (!(s.slope0 < 0)) {
			/* H lost positive definiteness: restart downhill. */
			for (size_t i = 0; i < n; i++) {
				memset(h + i * n, 0, n * sizeof *h);
				h[i * n + i] = 1;
				dir[i] = -g[i];
			}
			s.slope0 = dot(g, dir, n);
			scaled = 0;
		}
		/* The first step goes a distance of about 1 in x. */
		first = scaled ? 1 : fmin(1, 1 / max_abs(dir, n));
		if (!line_search(&s, first, &t)) {
			res->status = OPTIM_STALLED;
			break;
		}
		for (size_t i = 0; i < n; i++) {
			sv[i] = s.xt[i] - x[i];
			yv[i] = s.gt[i] - g[i];
			x[i] = s.xt[i];
			g[i] = s.gt[i];
		}
		f = t.f;
		if (o->bound > 0)
			for (size_t i = 0; i < n; i++)
				if (fabs(x[i]) > o->bound) {
					res->diverged = i;
					res->status = OPTIM_DIVERGED;
					goto done;
				}
		if (dot(yv, sv, n) > 1e-12 * sqrt(dot(yv, yv, n) * dot(sv, sv, n))) {
			if (!scaled) {
				double gamma = dot(sv, yv, n) / dot(yv, yv, n);

				for (size_t i = 0; i < n * n; i++)
					h[i] *= gamma;
				scaled = 1;
			}
			bfgs_update(h, sv, yv, n);
		}
	}
done:
	res->fx = f;
	res->evaluations = s.evaluations;
	return res->status;
}

/*
** One central-difference Hessian of P->f at X with steps STEP (one per
** variable) into H: differences of the analytic gradient, or, without
** one, second differences of values, (f(x+h_i) - 2 f(x) + f(x-h_i)) / h_i^2
** and (f(++) - f(+-) - f(-+) + f(--)) / (4 h_i h_j) off the diagonal, F0
** being f(X). Values rather than a numerical gradient's differences,
** because a difference of differences divides the values' rounding by
** step * 1e-6, these by step^2 alone. Either way the truncation error is
** a series in even powers of the steps, which richardson() relies on.
** Returns 0, or -1 when something on the stencil is not finite.
*/
static int
hessian_at(const struct optim_problem *p, const double *x, double f0,
    const double *step, double *h)
{
	size_t n = p->n;
	double xs[OPTIM_MAX_N], up[OPTIM_MAX_N], down[OPTIM_MAX_N];

	memcpy(xs, x, n * sizeof *x);
	if (p->analytic_gradient) {
		for (size_t j = 0; j < n; j++) {
			xs[j] = x[j] + step[j];
			p->f(p->ctx, xs, up);
			xs[j] = x[j] - step[j];
			p->f(p->ctx, xs, down);
			xs[j] = x[j];
			for (size_t i = 0; i < n; i++)
				h[i * n + j] = (up[i] - down[i]) / (2 * step[j]);
		}
		/* The two differences of a mixed derivative, averaged. */
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < i; j++)
				h[i * n + j] = h[j * n + i] =
				    (h[i * n + j] + h[j * n + i]) / 2;
	} else {
		for (size_t i = 0; i < n; i++) {
			xs[i] = x[i] + step[i];
			up[i] = p->f(p->ctx, xs, NULL);
			xs[i] = x[i] - step[i];
			down[i] = p->f(p->ctx, xs, NULL);
			xs[i] = x[i];
			h[i * n + i] = (up[i] - 2 * f0 + down[i]) /
			    (step[i] * step[i]);
		}
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < i; j++) {
				double pp, pm, mp, mm;

				xs[i] = x[i] + step[i], xs[j] = x[j] + step[j];
				pp = p->f(p->ctx, xs, NULL);
				xs[j] = x[j] - step[j];
				pm = p->f(p->ctx, xs, NULL);
				xs[i] = x[i] - step[i];
				mm = p->f(p->ctx, xs, NULL);
				xs[j] = x[j] + step[j];
				mp = p->f(p->ctx, xs, NULL);
				xs[i] = x[i], xs[j] = x[j];
				h[i * n + j] = h[j * n + i] = (pp - pm - mp + mm) /
				    (4 * step[i] * step[j]);
			}
	}
	for (size_t i = 0; i < n * n; i++)
		if (!isfinite(h[i]))
			return -1;
	return 0;
}

int
optim_hessian(const struct optim_problem *p, const double *x, double *h,
    double *err)
{
	size_t n = p->n, nn = n * n;
	double d[3][OPTIM_MAX_N * OPTIM_MAX_N], step[OPTIM_MAX_N], f0 = 0;

	if (!p->analytic_gradient) {
		f0 = p->f(p->ctx, x, NULL);
		if (!isfinite(f0))
			return -1;
	}
	for (int k = 0; k < 3; k++) {
		for (size_t j = 0; j < n; j++)
			step[j] = OPTIM_HESSIAN_STEP * (1 + fabs(x[j])) / (1 << k);
		if (hessian_at(p, x, f0, step, d[k]) < 0)
			return -1;
	}
	/*
	 * D(t) = H + c2 t^2 + c4 t^4 + ...: (4 D(t/2) - D(t)) / 3 cancels
	 * the t^2 term. Two such extrapolations, from (t, t/2) and from
	 * (t/2, t/4), differ by about 15/16 of the first one's c4 t^4
	 * error, so that difference bounds the second's error (c4 t^4 / 16)
	 * with a wide margin as long as the t^4 term leads, which the
	 * unit tests check on a function whose Hessian is known.
	 */
	for (size_t i = 0; i < nn; i++) {
		double r0 = (4 * d[1][i] - d[0][i]) / 3;
		double r1 = (4 * d[2][i] - d[1][i]) / 3;

		h[i] = r1;
		if (err != NULL)
			err[i] = fabs(r1 - r0);
	}
	return 0;
}

int
spd_inverse(double *a, size_t n)
{
	double l[OPTIM_MAX_N * OPTIM_MAX_N] = {0}, inv[OPTIM_MAX_N * OPTIM_MAX_N];

	/* A = L L' (Cholesky-Banachiewicz). */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j <= i; j++) {
			double s = a[i * n + j];

			for (size_t k = 0; k < j; k++)
				s -= l[i * n + k] * l[j * n + k];
			if (i == j) {
				if (!(s > 1e-14 * fabs(a[i * n + i])) || !isfinite(s))
					return -1;
				l[i * n + i] = sqrt(s);
			} else {
				l[i * n + j] = s / l[j * n + j];
			}
		}
	/* Column by column, solve L L' x = e_c. */
	for (size_t c = 0; c < n; c++) {
		double y[OPTIM_MAX_N];

		for (size_t i = 0; i < n; i++) {
			double s = i == c;

			for (size_t k = 0; k < i; k++)
				s -= l[i * n + k] * y[k];
			y[i] = s / l[i * n + i];
		}
		for (size_t i = n; i-- > 0;) {
			double s = y[i];

			for (size_t k = i + 1; k < n; k++)
				s -= l[k * n + i] * inv[k * n + c];
			inv[i * n + c] = s / l[i * n + i];
		}
	}
	memcpy(a, inv, n * n * sizeof *a);
	return 0;
}
