/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/btyd.c: cases whose values follow from the formulas by
** hand (worked in the comments), and properties: merging equal summaries
** changes no fit, CLV at a zero discount rate telescopes to the expected
** purchases, the predictions are continuous where a formula is 0/0. The
** fits on real data are in tests/clv.test.
*/
#include <math.h>

#include "../../lib/btyd.h"
#include "check.h"

int
main(void)
{
	double bg[4] = { 0.5, 2, 0.8, 2.5 }, pa[4] = { 0.5, 2, 0.7, 3 };
	double gg[3] = { 6, 4, 15 }, q[4], lo, hi;
	struct rfm c0 = { 0, 0, 0, 0, 1 }, c6 = { 0, 0, 6, 0, 1 };
	struct rfm c = { 3, 20, 30, 12, 1 };
	struct rfm d[70], e[70];
	struct btyd_fit f1, f2;
	char why[BTYD_WHY_MAX];
	size_t n;

	check_int("bgnbd is a model", btyd_model_from_name("bgnbd"), BTYD_BGNBD);
	check_int("ggamma is a model", btyd_model_from_name("ggamma"), BTYD_GGAMMA);
	check_int("nbd is not", btyd_model_from_name("nbd"), -1);
	check_str("paretonbd's 4th parameter", btyd_info(BTYD_PARETONBD)->param[3], "beta");

	/* x = 0: L = (alpha/(alpha+T))^r, ln = 0.5 ln(2/8). */
	check_near("bgnbd loglik of x=0, T=6", btyd_loglik(BTYD_BGNBD, bg, &c6),
	    0.5 * log(0.25), 1e-14);
	/* At T = 0 every model's likelihood is 1. */
	check_near("bgnbd loglik at T=0", btyd_loglik(BTYD_BGNBD, bg, &c0), 0, 1e-15);
	check_near("mbgnbd loglik at T=0", btyd_loglik(BTYD_MBGNBD, bg, &c0), 0, 1e-15);
	check_near("paretonbd loglik at T=0", btyd_loglik(BTYD_PARETONBD, pa, &c0), 0, 1e-15);
	/* Pareto/NBD, x = 0, T = 6: (alpha/(alpha+T))^r (beta/(beta+T))^s
	 * + s/(r+s) int_0^6 ...; the survivors' term alone is a lower bound. */
	CHECK("paretonbd loglik above its first term",
	    btyd_loglik(BTYD_PARETONBD, pa, &c6) > 0.5 * log(0.25) + 0.7 * log(1.0 / 3));
	/* Gamma-Gamma, p=1, q=2, v=3, x=1, m=2: ln G(3) - ln G(1) - ln G(2)
	 * + 2 ln 3 + 0 + 0 - 3 ln 5 = ln 2 + 2 ln 3 - 3 ln 5. */
	q[0] = 1, q[1] = 2, q[2] = 3;
	c = (struct rfm){ 1, 0, 0, 2, 1 };
	check_near("ggamma loglik by hand", btyd_loglik(BTYD_GGAMMA, q, &c),
	    log(2) + 2 * log(3) - 3 * log(5), 1e-14);

	/* P(alive) = 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)):
	 * x = 3, t_x = 20, T = 30: 1 / (1 + 0.8/4.5 (32/22)^3.5). */
	c = (struct rfm){ 3, 20, 30, 12, 1 };
	check_near("bgnbd P(alive) by hand", btyd_palive(BTYD_BGNBD, bg, &c),
	    1 / (1 + 0.8 / 4.5 * pow(32.0 / 22, 3.5)), 1e-15);
	check_near("mbgnbd P(alive) by hand", btyd_palive(BTYD_MBGNBD, bg, &c),
	    1 / (1 + 0.8 / 5.5 * pow(32.0 / 22, 3.5)), 1e-15);
	check_near("bgnbd P(alive) of a one-time buyer is 1",
	    btyd_palive(BTYD_BGNBD, bg, &c6), 1, 0);
	CHECK("mbgnbd P(alive) of a one-time buyer is below 1",
	    btyd_palive(BTYD_MBGNBD, bg, &c6) < 1);
	check_near("bgnbd E(0) = 0", btyd_expected(BTYD_BGNBD, bg, 0, &c), 0, 0);
	/* Near t = 0, E(t) = P(alive) (r+x)/(alpha+T) t: the rate of a live
	 * customer, lambda's posterior mean. */
	check_near("bgnbd E(t) for small t", btyd_expected(BTYD_BGNBD, bg, 1e-6, &c) / 1e-6,
	    btyd_palive(BTYD_BGNBD, bg, &c) * 3.5 / 32, 1e-6);
	check_near("paretonbd E(t) for small t",
	    btyd_expected(BTYD_PARETONBD, pa, 1e-6, &c) / 1e-6,
	    btyd_palive(BTYD_PARETONBD, pa, &c) * 3.5 / 32, 1e-6);
	/* The limits at a = 1 and s = 1 join the formula on either side. */
	q[0] = 0.5, q[1] = 2, q[2] = 1 - 1e-4, q[3] = 2.5;
	lo = btyd_expected(BTYD_BGNBD, q, 10, &c);
	q[2] = 1 + 1e-4;
	hi = btyd_expected(BTYD_BGNBD, q, 10, &c);
	q[2] = 1;
	check_near("bgnbd E at a = 1 is the limit", btyd_expected(BTYD_BGNBD, q, 10, &c),
	    (lo + hi) / 2, 1e-8);
	q[0] = 0.5, q[1] = 2, q[2] = 1 - 1e-4, q[3] = 3;
	lo = btyd_expected(BTYD_PARETONBD, q, 10, &c);
	q[2] = 1 + 1e-4;
	hi = btyd_expected(BTYD_PARETONBD, q, 10, &c);
	q[2] = 1;
	check_near("paretonbd E at s = 1 is the limit",
	    btyd_expected(BTYD_PARETONBD, q, 10, &c), (lo + hi) / 2, 1e-8);

	/* p (v + x m) / (p x + q - 1): 6*15/3 = 30; 6(15+20)/(12+3) = 14. */
	check_near("ggamma spend of a one-time buyer", ggamma_expected_spend(gg, 0, 0), 30, 1e-13);
	check_near("ggamma spend, x=2, m=10", ggamma_expected_spend(gg, 2, 10), 14, 1e-13);
	/* x m = 2e308 overflows; the weighted mean 12/15 m + 3/15 30 does not. */
	check_near("ggamma spend, x=2, m=1e308",
	    ggamma_expected_spend(gg, 2, 1e308) / 1e308, 0.8, 1e-15);
	q[0] = 6, q[1] = 0.9, q[2] = 15;
	CHECK("ggamma spend with q <= 1 is NaN", isnan(ggamma_expected_spend(q, 2, 10)));
	/* Undiscounted, the monthly increments add up to E(horizon). */
	check_near("clv at rate 0 telescopes", btyd_clv(BTYD_BGNBD, bg, &c, 2, 100, 30.4, 0),
	    2 * btyd_expected(BTYD_BGNBD, bg, 100, &c), 1e-12);
	/* One month, rate 10%: E(M) / 1.1. */
	check_near("clv of one month", btyd_clv(BTYD_BGNBD, bg, &c, 1, 30, 30, 0.1),
	    btyd_expected(BTYD_BGNBD, bg, 30, &c) / 1.1, 1e-13);

	/*
	 * 70 customers, 14 distinct summaries: merged, the same fit. (BG/NBD
	 * runs off on these: a and b grow together, p the same for all.)
	 */
	for (int i = 0; i < 70; i++) {
		static const double kinds[14][3] = {
			{ 0, 0, 30 }, { 0, 0, 20 }, { 1, 2, 30 }, { 1, 25, 35 },
			{ 2, 5, 38 }, { 3, 30, 32 }, { 5, 10, 36 }, { 7, 33, 34 },
			{ 0, 0, 38 }, { 0, 0, 35 }, { 0, 0, 12 }, { 1, 1, 37 },
			{ 4, 20, 36 }, { 2, 30, 31 },
		};
		const double *k = kinds[(i * 3) % 14];

		d[i] = (struct rfm){ k[0], k[1], k[2], 0, 1 };
		e[i] = d[i];
	}
	n = btyd_compress(e, 70, BTYD_PARETONBD);
	check_int("compress: 14 patterns", (long long)n, 14);
	check_near("compress: 5 customers each", e[0].w + e[1].w + e[13].w, 15, 0);
	CHECK("fit of 70 customers", btyd_fit(BTYD_PARETONBD, d, 70, 0, &f1, why) == 0);
	CHECK("fit of their 14 patterns", btyd_fit(BTYD_PARETONBD, e, n, 0, &f2, why) == 0);
	for (int j = 0; j < 4; j++) {
		char name[64];

		snprintf(name, sizeof name, "merged fit's %s", btyd_info(BTYD_PARETONBD)->param[j]);
		check_near(name, f2.param[j], f1.param[j], 1e-4 * f1.param[j]);
	}
	check_near("merged fit's loglik", f2.loglik, f1.loglik, 1e-7);
	check_near("customers counted by weight", f2.customers, 70, 0);
	CHECK("bgnbd on them runs off", btyd_fit(BTYD_BGNBD, e, n, 0, &f2, why) < 0);
	CHECK("bgnbd on them: the reason", strstr(why, " ran off to ") != NULL);
	CHECK("no customers: an error", btyd_fit(BTYD_GGAMMA, d, 0, 0, &f1, why) < 0);
	check_str("no customers: the reason", why,
	    "no customers to fit (Gamma-Gamma needs repeat buyers with a positive monetary_value)");
	return finish();
}
