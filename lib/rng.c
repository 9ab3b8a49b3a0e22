/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <string.h>

#include "rng.h"

uint64_t
splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t
splitmix64_below(uint64_t *state, uint64_t n)
{
	return (uint64_t)(((unsigned __int128)splitmix64(state) * n) >> 64);
}

void
rng_seed(struct rng *g, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed, start = splitmix64(&x) ^ stream;

	for (int i = 0; i < 4; i++)
		g->s[i] = splitmix64(&start);
	/* All zero is xoshiro's one fixed point; splitmix64 is a bijection
	 * of its counter, so four zeros in a row cannot come out of it. */
	g->has_spare = 0;
	g->spare = 0;
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
rng_next(struct rng *g)
{
	uint64_t *s = g->s, result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double
rng_uniform(struct rng *g)
{
	return ((double)(rng_next(g) >> 11) + 0.5) * 0x1.0p-53;
}

double
rng_normal(struct rng *g)
{
	double u, v, s, f;

	if (g->has_spare) {
		g->has_spare = 0;
		return g->spare;
	}
	do {
		u = 2 * rng_uniform(g) - 1;
		v = 2 * rng_uniform(g) - 1;
		s = u * u + v * v;
	} while (s >= 1 || s == 0);
	f = sqrt(-2 * log(s) / s);
	g->spare = v * f;
	g->has_spare = 1;
	return u * f;
}

double
rng_gamma(struct rng *g, double shape, double rate)
{
	double d, c, z, v, u;

	if (shape < 1) {
		/* Boost: Gamma(a) = Gamma(a + 1) U^(1/a). In logs, so that a
		 * tiny shape underflows to 0 and not to a NaN. */
		double x = rng_gamma(g, shape + 1, 1);

		return exp(log(x) + log(rng_uniform(g)) / shape) / rate;
	}
	d = shape - 1.0 / 3;
	c = 1 / sqrt(9 * d);
	for (;;) {
		do {
			z = rng_normal(g);
			v = 1 + c * z;
		} while (v <= 0);
		v = v * v * v;
		u = rng_uniform(g);
		/* The squeeze first: it accepts about 98% without a log. */
		if (u < 1 - 0.0331 * z * z * z * z)
			return d * v / rate;
		if (log(u) < z * z / 2 + d * (1 - v + log(v)))
			return d * v / rate;
	}
}

double
rng_beta(struct rng *g, double a, double b)
{
	double x = rng_gamma(g, a, 1), y = rng_gamma(g, b, 1);

	/* Both underflowing (tiny shapes): the mass sits at 0 or 1 by the
	 * shapes' ratio, E = a / (a + b). */
	if (x + y == 0)
		return rng_uniform(g) < a / (a + b) ? 1 : 0;
	return x / (x + y);
}

double
rng_exp(struct rng *g, double rate)
{
	return -log(rng_uniform(g)) / rate;
}

int
cholesky_lower(const double *cov, size_t n, double *l)
{
	double scale = 0;

	for (size_t i = 0; i < n; i++) {
		if (!isfinite(cov[i * n + i]))
			return -1;
		scale = fmax(scale, fabs(cov[i * n + i]));
	}
	memset(l, 0, n * n * sizeof *l);
	for (size_t j = 0; j < n; j++) {
		double d = cov[j * n + j];

		for (size_t k = 0; k < j; k++)
			d -= l[j * n + k] * l[j * n + k];
		if (d < -1e-12 * scale || !isfinite(d))
			return -1;
		if (d <= 1e-12 * scale) {
			/* A direction without variance: the column stays 0, and
			 * the rows below must not depend on it. */
			for (size_t i = j + 1; i < n; i++) {
				double e = cov[i * n + j];

				for (size_t k = 0; k < j; k++)
					e -= l[i * n + k] * l[j * n + k];
				if (fabs(e) > 1e-9 * scale)
					return -1;
			}
			continue;
		}
		l[j * n + j] = sqrt(d);
		for (size_t i = j + 1; i < n; i++) {
			double e = cov[i * n + j];

			for (size_t k = 0; k < j; k++)
				e -= l[i * n + k] * l[j * n + k];
			if (!isfinite(e))
				return -1;
			l[i * n + j] = e / l[j * n + j];
		}
	}
	return 0;
}
