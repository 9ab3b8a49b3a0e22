/* See LICENSE file for copyright and license details. */
#ifndef KPI_RNG_H
#define KPI_RNG_H

#include <stddef.h>
#include <stdint.h>

/*
** A seeded pseudo-random generator and the variates simulation needs,
** written from their published definitions, so that a seed gives the same
** numbers on every machine (no rand(), whose sequence is the C library's):
**
**   xoshiro256**  Blackman and Vigna, "Scrambled linear pseudorandom
**                 number generators", ACM TOMS 47(4), 2021: 256 bits of
**                 state, period 2^256 - 1
**   splitmix64    Steele, Lea and Flood, "Fast splittable pseudorandom
**                 number generators", OOPSLA 2014: fills the state from
**                 a 64-bit seed, as Blackman and Vigna advise
**   normal        Marsaglia and Bray's polar method (SIAM Review 6(3),
**                 1964)
**   gamma         Marsaglia and Tsang, "A simple method for generating
**                 gamma variables", ACM TOMS 26(3), 2000
**
** The state is the caller's (no globals): one struct per stream.
*/
struct rng {
	uint64_t s[4];
	double spare;                 /* the polar method's second normal */
	int has_spare;
};

/*
** The next output of splitmix64 from *STATE (advanced): the state advances
** by 0x9e3779b97f4a7c15 and is mixed into each output (S. Vigna's
** constants). It seeds xoshiro256** here, and is the whole generator of
** retention's and attribute's bootstraps (one uint64_t of state).
** splitmix64_below(N) is a uniform integer in [0, N) by the
** multiply-high method (bias below N / 2^64).
*/
uint64_t splitmix64(uint64_t *state);
uint64_t splitmix64_below(uint64_t *state, uint64_t n);

/*
** Seed G for stream STREAM of SEED: splitmix64 started at
** splitmix64-of-SEED XOR STREAM gives the four words of state. Distinct
** streams of one seed are unrelated sequences, so work split by customer
** (stream = the customer's index) draws the same numbers however it is
** ordered or threaded.
*/
void rng_seed(struct rng *g, uint64_t seed, uint64_t stream);

/* The next 64 bits of xoshiro256**. */
uint64_t rng_next(struct rng *g);

/* Uniform on the open interval (0, 1): the top 53 bits, plus half a step
** (never 0, so logs are finite; never 1). */
double rng_uniform(struct rng *g);

/* Standard normal, by the polar method (two per accepted pair; the
** second is kept for the next call). */
double rng_normal(struct rng *g);

/*
** Gamma with SHAPE > 0 and RATE > 0 (mean SHAPE / RATE), by Marsaglia and
** Tsang: for shape >= 1, d = shape - 1/3, c = 1/sqrt(9d), v = (1 + c z)^3
** accepted when ln u < z^2/2 + d - d v + d ln v; for shape < 1, a
** Gamma(shape + 1) times u^(1/shape) (their section 7).
*/
double rng_gamma(struct rng *g, double shape, double rate);

/* Beta(A, B), A, B > 0: X / (X + Y) with X ~ Gamma(A), Y ~ Gamma(B). */
double rng_beta(struct rng *g, double a, double b);

/* Exponential with RATE > 0: -ln(u) / RATE. */
double rng_exp(struct rng *g, double rate);

/*
** The lower Cholesky factor L (row-major N x N, into L) of the symmetric
** covariance COV (row-major; the lower triangle is read), COV = L L^T,
** so that mu + L z with z standard normal is N(mu, COV). A positive
** semi-definite COV is allowed: a pivot within 1e-12 of the diagonal's
** scale of 0 (or exactly 0, as a fixed parameter's) gives a zero column.
** Returns 0, or -1 when COV is not positive semi-definite or not finite.
*/
int cholesky_lower(const double *cov, size_t n, double *l);

#endif
