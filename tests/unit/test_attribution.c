/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/attribution.c: the rule-based shares worked by hand,
** time decay's halvings, the Markov example (order 1) and an
** order-2 chain solved by hand, the Shapley value of a three-channel game
** against the Shapley formula written out over every coalition, and the
** Poisson sampler's mean and variance.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/attribution.h"
#include "../../lib/rng.h"
#include "check.h"

static void
weights(const char *name, enum attr_model m, const uint32_t *ch, size_t n,
    const double *want)
{
	double w[16];
	char label[128];

	attr_rule_weights(m, ch, n, 9, w);
	for (size_t i = 0; i < n; i++) {
		snprintf(label, sizeof label, "%s: touch %zu", name, i + 1);
		check_near(label, w[i], want[i], 1e-15);
	}
}

/* A path of N channels from the string S ("aba": 0, 1, 0). */
static struct attr_path
path(const char *s, double conv, double nul, double value)
{
	static uint32_t store[64][16];
	static int next;
	struct attr_path p = { store[next++], strlen(s), conv, nul, value,
	    NULL, NULL };

	for (size_t i = 0; s[i]; i++)
		p.ch[i] = (uint32_t)(s[i] - 'a');
	return p;
}

static void
rules(void)
{
	uint32_t ch[6] = { 0, 1, 2, 3, 4, 5 }, dd[3] = { 0, 9, 9 },
	    all[2] = { 9, 9 };

	/* U: 40 first, 40 last, the 20 shared by the middle. */
	weights("position n=1", AM_POSITION, ch, 1, (double[]){ 1 });
	weights("position n=2", AM_POSITION, ch, 2, (double[]){ .5, .5 });
	weights("position n=3", AM_POSITION, ch, 3, (double[]){ .4, .2, .4 });
	weights("position n=4", AM_POSITION, ch, 4,
	    (double[]){ .4, .1, .1, .4 });
	/* W: 30 first, middle ((n-1)/2 rounded down), last; 10 the rest. */
	weights("w_shaped n=2", AM_W_SHAPED, ch, 2, (double[]){ .5, .5 });
	weights("w_shaped n=3", AM_W_SHAPED, ch, 3,
	    (double[]){ 1 / 3., 1 / 3., 1 / 3. });
	weights("w_shaped n=4", AM_W_SHAPED, ch, 4,
	    (double[]){ .3, .3, .1, .3 });
	weights("w_shaped n=5", AM_W_SHAPED, ch, 5,
	    (double[]){ .3, .05, .3, .05, .3 });
	/* Full path: 22.5 at 0, (n-1)/3, 2(n-1)/3, n-1; 10 the rest. */
	weights("full_path n=3", AM_FULL_PATH, ch, 3,
	    (double[]){ 1 / 3., 1 / 3., 1 / 3. });
	weights("full_path n=4", AM_FULL_PATH, ch, 4,
	    (double[]){ .25, .25, .25, .25 });
	weights("full_path n=5", AM_FULL_PATH, ch, 5,
	    (double[]){ .225, .225, .225, .1, .225 });
	weights("full_path n=6", AM_FULL_PATH, ch, 6,
	    (double[]){ .225, .225, .05, .225, .05, .225 });
	weights("linear n=4", AM_LINEAR, ch, 4,
	    (double[]){ .25, .25, .25, .25 });
	weights("first n=3", AM_FIRST, ch, 3, (double[]){ 1, 0, 0 });
	weights("last n=3", AM_LAST, ch, 3, (double[]){ 0, 0, 1 });
	/* Channel 9 is direct here. */
	weights("last_non_direct a > direct > direct", AM_LAST_NON_DIRECT,
	    dd, 3, (double[]){ 1, 0, 0 });
	weights("last_non_direct all direct", AM_LAST_NON_DIRECT, all, 2,
	    (double[]){ 0, 1 });
}

static void
decay(void)
{
	/* Touches 14, 7 and 0 days before the conversion, half-life 7:
	** weights 1/4, 1/2, 1 of a sum of 7/4. */
	kpi_time conv = 100 * MS_PER_DAY;
	kpi_time t[3] = { conv - 14 * MS_PER_DAY, conv - 7 * MS_PER_DAY, conv };
	double w[3];

	attr_decay_weights(t, 3, conv, 7, w);
	check_near("time_decay 14 days", w[0], 1 / 7., 1e-15);
	check_near("time_decay 7 days", w[1], 2 / 7., 1e-15);
	check_near("time_decay 0 days", w[2], 4 / 7., 1e-15);
	/* Ten thousand half-lives back, and one more: no underflow to 0/0. */
	t[0] = conv - 70001 * MS_PER_DAY;
	t[1] = conv - 70000 * MS_PER_DAY;
	attr_decay_weights(t, 2, conv, 7, w);
	check_near("time_decay far back", w[0], 1 / (1 + exp2(1 / 7.)), 1e-15);
}

static void
markov(void)
{
	/* The example: a -> conv twice, b -> conv, a > b -> conv,
	** a -> null. start -> a 4/5, b 1/5; a -> conv 2/4, b 1/4, null 1/4;
	** b -> conv 1. h(b) = 1, h(a) = 1/2 + 1/4 = 3/4, P = 4/5 3/4 + 1/5 =
	** 0.8. Without a: P = 1/5, RE = 1 - 0.2/0.8 = 0.75. Without b: h(a)
	** = 1/2, P = 0.4, RE = 0.5. Credits 4 x 0.75/1.25 = 2.4, 4 x 0.5/1.25
	** = 1.6. */
	struct attr_path p[3] = { path("a", 2, 1, 20), path("b", 1, 0, 10),
	    path("ab", 1, 0, 10) };
	struct attr_params par = { 2, UINT32_MAX, 1, 100, NULL };
	double pc, re[2], conv[2], val[2];

	attr_markov(p, 3, 2, 1, 100, &pc, re);
	check_near("markov example P(conversion)", pc, 0.8, 1e-15);
	check_near("markov example RE(a)", re[0], 0.75, 1e-15);
	check_near("markov example RE(b)", re[1], 0.5, 1e-15);
	attr_credit(AM_MARKOV, p, 3, &par, conv, val);
	check_near("markov example credit a", conv[0], 2.4, 1e-14);
	check_near("markov example credit b", conv[1], 1.6, 1e-14);
	check_near("markov example value a", val[0], 24, 1e-13);
	check_near("markov example value b", val[1], 16, 1e-13);

	/* Order 2: a > b -> conv, b > b -> null, a -> conv. States (a), (b),
	** (a,b), (b,b). start -> (a) 2, (b) 1; (a) -> (a,b) 1, conv 1;
	** (b) -> (b,b) 1; (a,b) -> conv 1; (b,b) -> null 1. h(a,b) = 1,
	** h(b,b) = 0, h(a) = 1/2 + 1/2 = 1, h(b) = 0: P = 2/3. Without a
	** ((a) and (a,b) null): P = 0, RE = 1. Without b ((b), (a,b), (b,b)
	** null): h(a) = 1/2, P = 1/3, RE = 1/2. Credits of 2 conversions:
	** a 2 x 1/1.5 = 4/3, b 2/3. (Order 1 would give 1.2 and 0.8: there
	** h(b) = 1/3 h(b) + 1/3, so 1/2, and h(a) = 3/4.) */
	struct attr_path q[3] = { path("ab", 1, 0, 0), path("bb", 0, 1, 0),
	    path("a", 1, 0, 0) };

	check_int("markov order 2 states", (long long)attr_markov(q, 3, 2, 2,
	    100, &pc, re), 4);
	check_near("markov order 2 P(conversion)", pc, 2 / 3., 1e-15);
	check_near("markov order 2 RE(a)", re[0], 1, 1e-15);
	check_near("markov order 2 RE(b)", re[1], 0.5, 1e-15);
	par.order = 2;
	attr_credit(AM_MARKOV, q, 3, &par, conv, val);
	check_near("markov order 2 credit a", conv[0], 4 / 3., 1e-14);
	check_near("markov order 2 credit b", conv[1], 2 / 3., 1e-14);
	par.order = 1;
	attr_credit(AM_MARKOV, q, 3, &par, conv, val);
	check_near("markov order 1 of the same, credit a", conv[0], 1.2, 1e-14);
	check_near("markov order 1 of the same, credit b", conv[1], 0.8, 1e-14);
	check_int("markov past max_states", (long long)attr_markov(q, 3, 2, 2,
	    3, &pc, re), 0);
}

static void
shapley(void)
{
	/* Journeys a, a > b and c > b > a > b, one conversion each: v(S) =
	** conversions of journeys whose channel set is in S: v(a) = 1,
	** v(ab) = 2, v(ac) = 1, v(abc) = 3, else 0. */
	struct attr_path p[3] = { path("a", 1, 0, 6), path("ab", 1, 2, 6),
	    path("cbab", 1, 0, 6) };
	double conv[3], val[3], phi[3] = { 0 }, v[8] = { 0 };

	attr_shapley(p, 3, 3, conv, val);
	/* By hand: a = 1 + 1/2 + 1/3 = 11/6, b = 1/2 + 1/3 = 5/6, c = 1/3. */
	check_near("shapley a by hand", conv[0], 11 / 6., 1e-15);
	check_near("shapley b by hand", conv[1], 5 / 6., 1e-15);
	check_near("shapley c by hand", conv[2], 1 / 3., 1e-15);
	check_near("shapley value a", val[0], 11, 1e-14);
	/* The formula over coalitions: phi_i = sum over S without i of
	** |S|! (n - |S| - 1)! / n! (v(S + i) - v(S)), n = 3. */
	unsigned sets[3] = { 1, 3, 7 };
	for (unsigned s = 0; s < 8; s++)
		for (int j = 0; j < 3; j++)
			if ((sets[j] & s) == sets[j])
				v[s] += 1;
	for (int i = 0; i < 3; i++)
		for (unsigned s = 0; s < 8; s++) {
			int size = __builtin_popcount(s);
			double f = size == 1 ? 1 / 6. : 1 / 3.;

			if (s & 1u << i)
				continue;
			phi[i] += f * (v[s | 1u << i] - v[s]);
		}
	check_near("shapley a = the coalition formula", conv[0], phi[0], 1e-15);
	check_near("shapley b = the coalition formula", conv[1], phi[1], 1e-15);
	check_near("shapley c = the coalition formula", conv[2], phi[2], 1e-15);
}

static void
poisson(void)
{
	double lambdas[4] = { 0.5, 3, 25, 400 };

	for (int k = 0; k < 4; k++) {
		uint64_t st = 42;
		double s = 0, s2 = 0, n = 200000, l = lambdas[k];
		char label[64];

		for (int i = 0; i < n; i++) {
			double x = attr_poisson(&st, l);

			s += x;
			s2 += x * x;
		}
		/* Mean and variance both LAMBDA; the mean's standard error is
		** sqrt(LAMBDA / n), the variance's about LAMBDA sqrt(2 / n). */
		snprintf(label, sizeof label, "poisson(%g) mean", l);
		check_near(label, s / n, l, 5 * sqrt(l / n));
		snprintf(label, sizeof label, "poisson(%g) variance", l);
		check_near(label, s2 / n - (s / n) * (s / n), l,
		    6 * l * sqrt(2 / n) + 5 * sqrt(l / n));
	}
}

/*
** The table of distinct paths: 20000 pseudo-random paths of 1 to 12
** channels out of 300 (some past what the cache packs: more than 7
** channels, or a channel past 255), each met a few times, counted against
** a plain list searched linearly; then sorted: the order of their
** channels, each once, counts kept.
*/
static void
table(void)
{
	enum { NP = 20000, MAXN = 12 };
	static uint32_t ch[NP][MAXN];
	static size_t len[NP];
	static double want[NP];
	struct attr_table t = {0};
	uint64_t st = 7;
	size_t distinct = 0, ok = 1, sorted = 1;
	double total = 0;

	for (size_t i = 0; i < NP; i++) {
		/* Short paths over few channels repeat, long ones do not. */
		len[i] = 1 + splitmix64(&st) % MAXN;
		for (size_t j = 0; j < len[i]; j++)
			ch[i][j] = (uint32_t)(splitmix64(&st) %
			    (len[i] <= 2 ? 4 : 300));
	}
	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < NP; i++) {
			struct attr_path *p = attr_table_get(&t, ch[i], len[i],
			    i % 2);

			p->conv += 1;
			if (p->n != len[i] || memcmp(p->ch, ch[i],
			    len[i] * sizeof **ch) != 0 || (i % 2 == 0 &&
			    p->conv == 1 && p->td != NULL))
				ok = 0;
		}
	for (size_t i = 0; i < NP; i++) {
		size_t k;

		for (k = 0; k < i; k++)
			if (len[k] == len[i] && memcmp(ch[k], ch[i],
			    len[i] * sizeof **ch) == 0)
				break;
		want[k] += 3;
		distinct += k == i;
	}
	CHECK("table: the path of each lookup", ok);
	check_int("table: distinct paths", (long long)t.n, (long long)distinct);
	attr_table_sort(&t);
	for (size_t i = 0; i < t.n; i++) {
		total += t.p[i].conv;
		if (i > 0) {
			const struct attr_path *a = &t.p[i - 1], *b = &t.p[i];
			size_t j = 0;

			while (j < a->n && j < b->n && a->ch[j] == b->ch[j])
				j++;
			if (j < a->n && j < b->n ? a->ch[j] > b->ch[j] :
			    a->n >= b->n)
				sorted = 0;
		}
	}
	CHECK("table: sorted by channels, each path once", sorted);
	check_near("table: every journey counted", total, 3 * NP, 0);
	ok = 1;
	for (size_t i = 0; i < NP; i++) {
		size_t lo = 0, hi = t.n;

		if (want[i] == 0)
			continue;
		/* Find path i by a linear search: the table's index is gone. */
		for (; lo < hi; lo++)
			if (t.p[lo].n == len[i] && memcmp(t.p[lo].ch, ch[i],
			    len[i] * sizeof **ch) == 0)
				break;
		if (lo == hi || t.p[lo].conv != want[i])
			ok = 0;
	}
	CHECK("table: each path's count", ok);
	attr_table_free(&t);
}

/*
** The Markov chain with its states numbered once (the bootstrap's way)
** against the chain numbered afresh, on resamples where some paths drop
** out (counts 0), to the bit.
*/
static void
markov_states(void)
{
	struct attr_path p[5] = { path("ab", 3, 1, 30), path("bca", 1, 2, 5),
	    path("c", 0, 4, 0), path("acab", 2, 0, 7), path("bb", 1, 1, 1) };
	struct attr_path q[5];
	struct attr_states st;
	uint64_t rs = 3;
	int same = 1;

	for (int k = 1; k <= 3; k++) {
		struct attr_params par = { 3, UINT32_MAX, k, 100, NULL },
		    pst = par;

		if (attr_markov_states(&st, p, 5, 3, k, 100) < 0) {
			CHECK("markov states numbered", 0);
			return;
		}
		pst.states = &st;
		for (int b = 0; b < 50; b++) {
			double c1[3], v1[3], c2[3], v2[3];

			for (size_t j = 0; j < 5; j++) {
				q[j] = p[j];
				q[j].conv = attr_poisson(&rs, p[j].conv);
				q[j].nul = attr_poisson(&rs, p[j].nul);
			}
			attr_credit(AM_MARKOV, q, 5, &par, c1, v1);
			attr_credit(AM_MARKOV, q, 5, &pst, c2, v2);
			if (memcmp(c1, c2, sizeof c1) != 0 ||
			    memcmp(v1, v2, sizeof v1) != 0)
				same = 0;
		}
		attr_states_free(&st);
	}
	CHECK("markov: states numbered once, the same credits to the bit",
	    same);
	check_int("markov states past the limit",
	    attr_markov_states(&st, p, 5, 3, 3, 4), -1);
}

int
main(void)
{
	rules();
	decay();
	markov();
	shapley();
	poisson();
	table();
	markov_states();
	check_int("model names", attr_model_find("w_shaped", 8), AM_W_SHAPED);
	check_int("unknown model", attr_model_find("u_shaped", 8), -1);
	return check_failures > 0;
}
