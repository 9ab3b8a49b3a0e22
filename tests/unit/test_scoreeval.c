/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/scoreeval.c. Every expected value is worked by hand
** in the comments, in fractions, from the definitions in scoreeval.h
** (not from the code's tie-block method): placement values pair by pair,
** groups rank by rank. tests/scoreeval.test holds the same functions
** against an independent Python script on generated data.
*/
#include <math.h>
#include <stdlib.h>

#include "../../lib/scoreeval.h"
#include "check.h"

/* z = norm_quantile(0.975) */
#define Z975 1.959963984540054

static void
check_row(const char *name, const struct gains_row *r, size_t leads,
    size_t conv, double rate, double cum, double lift, double lo, double hi,
    double mean, double cum_lift)
{
	char n[160];

	snprintf(n, sizeof n, "%s leads", name);
	check_int(n, (long long)r->leads, (long long)leads);
	snprintf(n, sizeof n, "%s converted", name);
	check_int(n, (long long)r->converted, (long long)conv);
	snprintf(n, sizeof n, "%s rate", name);
	check_near(n, r->rate, rate, 1e-15);
	snprintf(n, sizeof n, "%s cum_captured", name);
	check_near(n, r->cum_captured, cum, 1e-15);
	snprintf(n, sizeof n, "%s lift", name);
	check_near(n, r->lift, lift, 1e-14);
	snprintf(n, sizeof n, "%s min_score", name);
	check_near(n, r->min_score, lo, 0);
	snprintf(n, sizeof n, "%s max_score", name);
	check_near(n, r->max_score, hi, 0);
	snprintf(n, sizeof n, "%s mean_score", name);
	check_near(n, r->mean_score, mean, 1e-15);
	snprintf(n, sizeof n, "%s cum_lift", name);
	check_near(n, r->cum_lift, cum_lift, 1e-14);
}

/*
** Six leads, three converted, two scores:
**
**   lead  y   a    b
**   1     1  0.8   3
**   2     1  0.6   1
**   3     1  0.4   2
**   4     0  0.6   2
**   5     0  0.3   0
**   6     0  0.2   4
**
** a has a tie between a converted lead (2) and a lost one (4); b has one
** between 3 and 4.
*/
static const double six_a[] = { 0.8, 0.6, 0.4, 0.6, 0.3, 0.2 };
static const double six_b[] = { 3, 1, 2, 2, 0, 4 };
static const unsigned char six_y[] = { 1, 1, 1, 0, 0, 0 };

static void
test_auc(void)
{
	struct roc_auc r;

	/*
	** Score a. psi(x, y) = 1, 1/2, 0 as x >, =, < y.
	** V10 (per positive, over the negatives 0.6, 0.3, 0.2):
	**   0.8: (1 + 1 + 1) / 3 = 1
	**   0.6: (1/2 + 1 + 1) / 3 = 5/6
	**   0.4: (0 + 1 + 1) / 3 = 2/3
	** AUC = (1 + 5/6 + 2/3) / 3 = (6 + 5 + 4) / 18 = 5/6.
	** V01 (per negative, over the positives 0.8, 0.6, 0.4):
	**   0.6: (1 + 1/2 + 0) / 3 = 1/2
	**   0.3: 3/3 = 1
	**   0.2: 3/3 = 1          (mean 5/6 = AUC, as it must be)
	** S10 = ((1/6)^2 + 0 + (1/6)^2) / 2 = 1/36
	** S01 = ((1/3)^2 + (1/6)^2 + (1/6)^2) / 2 = (6/36) / 2 = 1/12
	** Var = S10/3 + S01/3 = 1/108 + 3/108 = 4/108 = 1/27
	** SE = sqrt(1/27) = 0.19245008972987526
	** Logit interval: L = ln((5/6)/(1/6)) = ln 5 = 1.6094379124341003;
	** SE_L = SE / (5/6 * 1/6) = SE * 36/5 = 1.3856406460551018;
	** z SE_L = 1.959963984540054 * 1.3856406460551018 = 2.715805761782812;
	** lo = 1 / (1 + e^(-(1.6094379 - 2.7158058))) = 1/(1 + e^1.1063678)
	**    = 0.2485486536482736;
	** hi = 1 / (1 + e^-4.3252437) = 0.9869424300898192.
	*/
	check_int("roc_auc six: returns 0", roc_auc(six_a, six_y, 6, &r), 0);
	check_near("roc_auc six: AUC 5/6", r.auc, 5.0 / 6, 1e-15);
	check_near("roc_auc six: SE sqrt(1/27)", r.se, sqrt(1.0 / 27), 1e-15);
	check_near("roc_auc six: lo (logit)", r.lo, 0.2485486536482736, 1e-13);
	check_near("roc_auc six: hi (logit)", r.hi, 0.9869424300898192, 1e-13);
	check_near("roc_auc six: lo by the formula", r.lo, 1 / (1 + exp(-(log(5) -
	    Z975 * sqrt(1.0 / 27) * 36 / 5))), 1e-13);
	check_int("roc_auc six: pos", (long long)r.pos, 3);
	check_int("roc_auc six: neg", (long long)r.neg, 3);

	/*
	** Score b. V10: 3 vs (2, 0, 4): 1 + 1 + 0 = 2 -> 2/3; 1: 0+1+0 -> 1/3;
	** 2: 1/2 + 1 + 0 -> 1/2. AUC = (2/3 + 1/3 + 1/2) / 3 = 1/2.
	** V01: 2 vs (3, 1, 2): 1 + 0 + 1/2 -> 1/2; 0: 3/3 = 1; 4: 0.
	** S10 = ((1/6)^2 + (1/6)^2 + 0) / 2 = 1/36;
	** S01 = (0 + (1/2)^2 + (1/2)^2) / 2 = 1/4;
	** Var = 1/108 + 1/12 = 1/108 + 9/108 = 10/108 = 5/54.
	** L = logit(1/2) = 0, SE_L = SE * 4: [expit(-z 4 SE), expit(z 4 SE)].
	*/
	roc_auc(six_b, six_y, 6, &r);
	check_near("roc_auc six b: AUC 1/2", r.auc, 0.5, 1e-15);
	check_near("roc_auc six b: SE sqrt(5/54)", r.se, sqrt(5.0 / 54), 1e-15);
	check_near("roc_auc six b: lo", r.lo, 1 / (1 + exp(Z975 * 4 *
	    sqrt(5.0 / 54))), 1e-13);
	check_near("roc_auc six b: interval symmetric at 1/2", r.lo + r.hi, 1,
	    1e-14);
}

static void
test_compare(void)
{
	struct roc_cmp c;

	/*
	** a against b on the six leads (placements from test_auc()):
	** D10 = V10a - V10b: 1 - 2/3 = 1/3, 5/6 - 1/3 = 1/2, 2/3 - 1/2 = 1/6;
	**   mean 1/3 = 5/6 - 1/2 (= diff); S10 = (0 + (1/6)^2 + (1/6)^2)/2 = 1/36
	** D01 = V01a - V01b: 1/2 - 1/2 = 0, 1 - 1 = 0, 1 - 0 = 1;
	**   mean 1/3; S01 = ((1/3)^2 + (1/3)^2 + (2/3)^2) / 2 = (6/9)/2 = 1/3
	** Var(diff) = (1/36)/3 + (1/3)/3 = 1/108 + 12/108 = 13/108
	**   (check: Var a + Var b - 2 Cov = 4/108 + 10/108 - 2 Cov, so
	**   Cov = 1/216: S10ab = ((1/6)(1/6) + 0 + (-1/6)(0))/2 = 1/72,
	**   S01ab = ((-1/3)(0) + (1/6)(1/2) + (1/6)(-1/2))/2 = 0,
	**   Cov = (1/72)/3 + 0 = 1/216. Yes.)
	** SE = sqrt(13/108) = 0.3469443332443555
	** z = (1/3) / 0.3469443332443555 = 0.9607689228305227
	** p = 2 P(Z > 0.96077) = erfc(0.96077 / sqrt 2) = 0.33666836761003893
	** lo, hi = 1/3 -+ 1.959964 * 0.346944 = -0.3466650644658659,
	**          1.0133317311325325
	*/
	check_int("roc_compare six: returns 0", roc_compare(six_a, six_b, six_y,
	    6, &c), 0);
	check_near("roc_compare six: AUC a 5/6", c.auc_a, 5.0 / 6, 1e-15);
	check_near("roc_compare six: AUC b 1/2", c.auc_b, 0.5, 1e-15);
	check_near("roc_compare six: diff 1/3", c.diff, 1.0 / 3, 1e-15);
	check_near("roc_compare six: SE sqrt(13/108)", c.se, sqrt(13.0 / 108),
	    1e-15);
	check_near("roc_compare six: z", c.z, 0.9607689228305227, 1e-13);
	check_near("roc_compare six: p", c.p, 0.33666836761003893, 1e-13);
	check_near("roc_compare six: lo", c.lo, -0.3466650644658659, 1e-13);
	check_near("roc_compare six: hi", c.hi, 1.0133317311325325, 1e-13);

	/* b against a: the same test, the sign turned. */
	roc_compare(six_b, six_a, six_y, 6, &c);
	check_near("roc_compare six reversed: diff -1/3", c.diff, -1.0 / 3,
	    1e-15);
	check_near("roc_compare six reversed: same p", c.p, 0.33666836761003893,
	    1e-13);

	/* A score against itself: every D is 0, SE 0, nothing to test. */
	check_int("roc_compare a, a: returns 0", roc_compare(six_a, six_a,
	    six_y, 6, &c), 0);
	CHECK("roc_compare a, a: diff 0, SE 0, no z, p or interval",
	    c.diff == 0 && c.se == 0 && isnan(c.z) && isnan(c.p) &&
	    isnan(c.lo) && isnan(c.hi));

	/* No positives. */
	{
		static const unsigned char none[6] = { 0 };

		check_int("roc_compare no positives: -1", roc_compare(six_a, six_b,
		    none, 6, &c), -1);
		CHECK("roc_compare no positives: all NaN", isnan(c.auc_a) &&
		    isnan(c.diff) && isnan(c.se) && isnan(c.p));
	}
	/* A single positive: AUCs, no variance. Positive lead 1 (a 0.8, b 3):
	** a beats all 5 others -> 1; b: 3 vs 1, 2, 2, 0, 4 -> 4/5. */
	{
		static const unsigned char one[6] = { 1, 0, 0, 0, 0, 0 };

		check_int("roc_compare one positive: 0", roc_compare(six_a, six_b,
		    one, 6, &c), 0);
		check_near("roc_compare one positive: diff 1 - 4/5", c.diff, 0.2,
		    1e-15);
		CHECK("roc_compare one positive: no SE", isnan(c.se) &&
		    isnan(c.z) && isnan(c.p) && isnan(c.lo));
	}
}

/*
** Twelve leads, listed by descending score (the arrays below shuffle them):
**
**   rank  score  y        ranks in 4 groups: ceil(r * 4 / 12) = ceil(r/3)
**   1     0.95   1        1
**   2     0.90   1        1
**   3     0.80   0        1 \ tie: both go to the group of rank 3, 1
**   4     0.80   1        2 /
**   5     0.70   0        2
**   6     0.60   1        2
**   7     0.50   0        3 \
**   8     0.50   0        3  | tie: all to the group of rank 7, 3
**   9     0.50   1        3  |
**   10    0.50   0        4 /
**   11    0.20   0        4
**   12    0.10   0        4
**
** 5 converted of 12: overall rate 5/12.
** group 1: ranks 1-4, 4 leads, 3 conv; rate 3/4; cum 3/5; lift (3/4)/(5/12)
**   = 36/20 = 1.8; scores 0.8..0.95, mean (0.95+0.9+0.8+0.8)/4 = 0.8625;
**   cum_lift (3/4)/(5/12) = 1.8
** group 2: ranks 5-6, 2 leads, 1 conv; rate 1/2; cum 4/5; lift 12/10 = 1.2;
**   0.6..0.7, mean 0.65; cum_lift (4/6)/(5/12) = 48/30 = 1.6
** group 3: ranks 7-10, 4 leads, 1 conv; rate 1/4; cum 5/5; lift 12/20 = 0.6;
**   0.5..0.5, mean 0.5; cum_lift (5/10)/(5/12) = 1.2
** group 4: ranks 11-12, 2 leads, 0 conv; rate 0; cum 1; lift 0; 0.1..0.2,
**   mean 0.15; cum_lift 1
*/
static const double twelve_s[] = {
	0.5, 0.95, 0.2, 0.8, 0.5, 0.6, 0.9, 0.5, 0.1, 0.8, 0.7, 0.5,
};
static const unsigned char twelve_y[] = {
	0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0,
};

static void
test_gains(void)
{
	struct gains_row rows[12];
	size_t k;

	k = gains_table(twelve_s, twelve_y, 12, 4, rows);
	check_int("gains twelve in 4: 4 rows", (long long)k, 4);
	check_row("gains twelve in 4: row 1", &rows[0], 4, 3, 0.75, 0.6, 1.8,
	    0.8, 0.95, 0.8625, 1.8);
	check_row("gains twelve in 4: row 2", &rows[1], 2, 1, 0.5, 0.8, 1.2,
	    0.6, 0.7, 0.65, 1.6);
	check_row("gains twelve in 4: row 3", &rows[2], 4, 1, 0.25, 1, 0.6,
	    0.5, 0.5, 0.5, 1.2);
	check_row("gains twelve in 4: row 4", &rows[3], 2, 0, 0, 1, 0,
	    0.1, 0.2, 0.15, 1);

	/*
	** In 6 groups: ceil(r * 6 / 12) = ceil(r/2): ranks 1-2 -> 1, 3-4 -> 2
	** (the 0.8 tie, whole), 5-6 -> 3, the 0.5 block from rank 7 -> 4 with
	** ranks 7-10, so group 5 (ranks 9-10) is empty and left out; 11-12 -> 6.
	** Rows: {0.95, 0.9: 2 conv}, {0.8, 0.8: 1}, {0.7, 0.6: 1},
	** {0.5 x4: 1}, {0.2, 0.1: 0}.
	** Row 1: rate 1, cum 2/5, lift 12/5 = 2.4, cum_lift 2.4, mean 0.925.
	** Row 4: cum 5/5 after 10 leads; cum_lift (5/10)/(5/12) = 1.2.
	*/
	k = gains_table(twelve_s, twelve_y, 12, 6, rows);
	check_int("gains twelve in 6: 5 rows (one swallowed by a tie)",
	    (long long)k, 5);
	check_row("gains twelve in 6: row 1", &rows[0], 2, 2, 1, 0.4, 2.4,
	    0.9, 0.95, 0.925, 2.4);
	check_row("gains twelve in 6: row 2", &rows[1], 2, 1, 0.5, 0.6, 1.2,
	    0.8, 0.8, 0.8, (3.0 / 4) / (5.0 / 12));
	check_row("gains twelve in 6: row 4", &rows[3], 4, 1, 0.25, 1, 0.6,
	    0.5, 0.5, 0.5, 1.2);
	check_row("gains twelve in 6: row 5", &rows[4], 2, 0, 0, 1, 0,
	    0.1, 0.2, 0.15, 1);

	/* More groups than leads: every distinct score its own row (0.95,
	** 0.9, 0.8, 0.7, 0.6, 0.5, 0.2, 0.1: 8). */
	k = gains_table(twelve_s, twelve_y, 12, 100, rows);
	check_int("gains twelve in 100: 8 distinct scores, 8 rows",
	    (long long)k, 8);
	check_int("gains twelve in 100: the 0.5 block whole", (long long)
	    rows[5].leads, 4);

	/* One group: everything; lift 1; mean score (0.95 + 0.9 + 2 * 0.8 +
	** 0.7 + 0.6 + 4 * 0.5 + 0.2 + 0.1) / 12 = 7.05 / 12. */
	k = gains_table(twelve_s, twelve_y, 12, 1, rows);
	check_int("gains twelve in 1: 1 row", (long long)k, 1);
	check_row("gains twelve in 1", &rows[0], 12, 5, 5.0 / 12, 1, 1,
	    0.1, 0.95, 7.05 / 12, 1);

	/* 15 leads, distinct scores, 10 groups: boundaries floor(k*15/10) =
	** 1, 3, 4, 6, 7, 9, 10, 12, 13, 15: sizes 1, 2, 1, 2, ... */
	{
		double s[15];
		unsigned char y[15] = { 0 };
		static const size_t want[10] = { 1, 2, 1, 2, 1, 2, 1, 2, 1, 2 };
		int ok = 1;

		for (int i = 0; i < 15; i++)
			s[i] = i;
		k = gains_table(s, y, 15, 10, rows);
		for (size_t i = 0; i < 10 && i < k; i++)
			ok &= rows[i].leads == want[i];
		CHECK("gains 15 in 10: sizes 1, 2, 1, 2, ...", k == 10 && ok);
		/* none converted: the shares and lifts are undefined */
		CHECK("gains none converted: rate 0, lifts NaN", rows[0].rate ==
		    0 && isnan(rows[0].lift) && isnan(rows[0].cum_captured) &&
		    isnan(rows[0].cum_lift));
		CHECK("gains 15 in 10: top row the highest score", rows[0].max_score
		    == 14 && rows[9].min_score == 0);
	}

	/* All tied: one row whatever GROUPS. Nothing: no rows. */
	{
		static const double same[5] = { 2, 2, 2, 2, 2 };
		static const unsigned char y[5] = { 1, 0, 0, 1, 0 };

		k = gains_table(same, y, 5, 10, rows);
		CHECK("gains all tied: one row of 5", k == 1 && rows[0].leads == 5
		    && rows[0].converted == 2 && rows[0].lift == 1);
		check_int("gains n = 0: no rows", (long long)gains_table(NULL,
		    NULL, 0, 10, rows), 0);
		check_int("gains 0 groups: no rows", (long long)gains_table(same,
		    y, 5, 0, rows), 0);
	}
}

static void
test_ks(void)
{
	/*
	** The twelve leads, 5 converted and 7 not, cut after each tie block
	** from the top: (share of converted above, share of lost above)
	**   0.95: 1/5, 0      -> 0.2
	**   0.90: 2/5, 0      -> 0.4
	**   0.80: 3/5, 1/7    -> 21/35 - 5/35 = 16/35
	**   0.70: 3/5, 2/7    -> 21/35 - 10/35 = 11/35
	**   0.60: 4/5, 2/7    -> 28/35 - 10/35 = 18/35  <- the largest
	**   0.50: 5/5, 5/7    -> 10/35
	**   0.20: 1, 6/7; 0.10: 1, 1 -> 5/35, 0
	** KS = 18/35 = 0.5142857142857143. (Splitting the 0.5 tie after its
	** converted lead would give 5/5 - 2/7 = 25/35: wrong.)
	*/
	check_near("ks twelve: 18/35", ks_statistic(twelve_s, twelve_y, 12),
	    18.0 / 35, 1e-15);
	/* Six leads, a: (1/3, 0) (2/3, 1/3) (1, 1/3) (1, 2/3) (1, 1): 2/3. */
	check_near("ks six a: 2/3", ks_statistic(six_a, six_y, 6), 2.0 / 3,
	    1e-15);
	/* Perfect: 1; all tied: 0; none converted: NaN. */
	{
		static const double s[4] = { 4, 3, 2, 1 }, same[4] = { 1, 1, 1, 1 };
		static const unsigned char y[4] = { 1, 1, 0, 0 }, none[4] = { 0 };

		check_near("ks perfect: 1", ks_statistic(s, y, 4), 1, 0);
		check_near("ks all tied: 0", ks_statistic(same, y, 4), 0, 0);
		CHECK("ks no positives: NaN", isnan(ks_statistic(s, none, 4)));
		CHECK("ks n = 0: NaN", isnan(ks_statistic(NULL, NULL, 0)));
	}
}

static void
test_brier(void)
{
	static const double p[4] = { 0.9, 0.2, 0.6, 0.5 };
	static const unsigned char y[4] = { 1, 0, 0, 1 };
	static const double bad[4] = { 0.9, 1.2, 0.6, 0.5 };
	double nan_p[4] = { 0.9, 0.2, 0.6, 0.5 };

	/* (0.1^2 + 0.2^2 + 0.6^2 + 0.5^2) / 4 = (0.01 + 0.04 + 0.36 + 0.25) / 4
	** = 0.66 / 4 = 0.165 */
	check_near("brier by hand: 0.165", brier_score(p, y, 4), 0.165, 1e-15);
	/* the overall rate, 1/2, for everyone: 1/2 * 1/2 = 0.25 */
	{
		static const double half[4] = { 0.5, 0.5, 0.5, 0.5 };

		check_near("brier constant rate: r(1 - r)", brier_score(half, y, 4),
		    0.25, 0);
	}
	CHECK("brier p = 1.2: NaN", isnan(brier_score(bad, y, 4)));
	nan_p[2] = NAN;
	CHECK("brier p NaN: NaN", isnan(brier_score(nan_p, y, 4)));
	CHECK("brier n = 0: NaN", isnan(brier_score(NULL, NULL, 0)));
}

static void
test_hl(void)
{
	struct hl_test t;
	struct gains_row rows[10];

	/*
	** Eight leads in 4 groups of 2 (ceil(r/2)), by descending p:
	**   g  p         y    n  O  E    (O-E)^2 / (E (1 - E/n))
	**   1  .9, .7    1,1  2  2  1.6  0.16 / (1.6 * 0.2)  = 0.16/0.32 = 1/2
	**   2  .6, .4    0,0  2  0  1.0  1    / (1.0 * 0.5)  = 2
	**   3  .3, .3    1,0  2  1  0.6  0.16 / (0.6 * 0.7)  = 0.16/0.42 = 8/21
	**   4  .1, .1    0,0  2  0  0.2  0.04 / (0.2 * 0.9)  = 0.04/0.18 = 2/9
	** chi2 = 1/2 + 2 + 8/21 + 2/9 = (63 + 252 + 48 + 28) / 126 = 391/126
	**      = 3.1031746031746033, df = 4 - 2 = 2,
	** p = P(chi2_2 > x) = e^(-x/2) = e^(-391/252) = 0.21191133952174956.
	*/
	{
		static const double p[8] = { 0.3, 0.9, 0.1, 0.6, 0.7, 0.4, 0.1, 0.3 };
		static const unsigned char y[8] = { 1, 1, 0, 0, 1, 0, 0, 0 };

		check_int("hl eight in 4: returns 0", hosmer_lemeshow(p, y, 8, 4,
		    &t, rows), 0);
		check_near("hl eight in 4: chi2 391/126", t.chi2, 391.0 / 126,
		    1e-14);
		check_near("hl eight in 4: p e^(-391/252)", t.p, exp(-391.0 / 252),
		    1e-14);
		check_int("hl eight in 4: df 2", t.df, 2);
		check_int("hl eight in 4: 4 groups", (long long)t.groups, 4);
		/* The calibration table: observed rate against mean predicted. */
		/* 3 converted of 8, overall 3/8. Group 1: rate 1, captured
		** 2/3, lift 1/(3/8) = 8/3, mean p 0.8; group 3: rate 1/2,
		** captured 3/3, lift (1/2)/(3/8) = 4/3, cumulative (3/6)/(3/8)
		** = 4/3, mean p 0.3. */
		check_row("hl eight in 4: row 1", &rows[0], 2, 2, 1, 2.0 / 3,
		    8.0 / 3, 0.7, 0.9, 0.8, 8.0 / 3);
		check_row("hl eight in 4: row 3", &rows[2], 2, 1, 0.5, 1, 4.0 / 3,
		    0.3, 0.3, 0.3, 4.0 / 3);
		check_near("hl eight in 4: row 4 mean predicted 0.1",
		    rows[3].mean_score, 0.1, 1e-15);
		/* The same without a table. */
		hosmer_lemeshow(p, y, 8, 4, &t, NULL);
		check_near("hl eight in 4, no rows: same chi2", t.chi2, 391.0 / 126,
		    1e-14);
	}

	/*
	** Nine leads, three tie blocks, 3 groups (ceil(r/3)), df 1:
	**   p .8 x3, y 1,1,1: O 3, E 2.4: 0.36 / (2.4 * 0.2) = 0.36/0.48 = 3/4
	**   p .5 x3, y 1,0,0: O 1, E 1.5: 0.25 / (1.5 * 0.5) = 1/3
	**   p .2 x3, y 0,0,0: O 0, E 0.6: 0.36 / (0.6 * 0.8) = 3/4
	** chi2 = 3/4 + 1/3 + 3/4 = 11/6; p = P(chi2_1 > 11/6) =
	** P(|Z| > sqrt(11/6)) = erfc(sqrt(11/12)) = 0.17573433564422514.
	*/
	{
		static const double p[9] = { .8, .5, .2, .8, .5, .2, .8, .5, .2 };
		static const unsigned char y[9] = { 1, 1, 0, 1, 0, 0, 1, 0, 0 };

		check_int("hl nine in 3: returns 0", hosmer_lemeshow(p, y, 9, 3,
		    &t, rows), 0);
		check_near("hl nine in 3: chi2 11/6", t.chi2, 11.0 / 6, 1e-14);
		check_near("hl nine in 3: p", t.p, 0.17573433564422514, 1e-13);
		check_int("hl nine in 3: df 1", t.df, 1);
		/* 10 groups asked, the ties allow 3 (ranks 1, 4, 7 start them). */
		check_int("hl nine in 10: returns 0", hosmer_lemeshow(p, y, 9, 10,
		    &t, rows), 0);
		check_int("hl nine in 10: 3 groups formed", (long long)t.groups, 3);
		check_near("hl nine in 10: the same chi2", t.chi2, 11.0 / 6, 1e-14);
	}

	/*
	** Probabilities of exactly 0 and 1. p 1, 1 with y 1, 1 and p .5, .5
	** with y 1, 0 add nothing ((O - E) = 0); p 0, 0 with y 1, 0 predicts no
	** conversion and has one: chi2 +inf, p 0. With y 0, 0 there: chi2 0,
	** p 1.
	*/
	{
		static const double p[6] = { 1, 1, 0.5, 0.5, 0, 0 };
		static const unsigned char y[6] = { 1, 1, 1, 0, 1, 0 };
		static const unsigned char fit[6] = { 1, 1, 1, 0, 0, 0 };

		check_int("hl p 0 contradicted: returns 0", hosmer_lemeshow(p, y, 6,
		    3, &t, NULL), 0);
		CHECK("hl p 0 contradicted: chi2 inf, p 0", isinf(t.chi2) &&
		    t.p == 0);
		hosmer_lemeshow(p, fit, 6, 3, &t, NULL);
		CHECK("hl exact fit: chi2 0, p 1", t.chi2 == 0 && t.p == 1);
	}

	/* No test: nothing, a bad p, fewer than 3 groups. */
	{
		static const double p[4] = { 0.2, 0.4, 0.4, 0.2 };
		static const double bad[4] = { 0.2, -0.1, 0.4, 0.2 };
		static const unsigned char y[4] = { 0, 1, 1, 0 };

		check_int("hl n = 0: -1", hosmer_lemeshow(NULL, NULL, 0, 10, &t,
		    rows), -1);
		check_int("hl p < 0: -1", hosmer_lemeshow(bad, y, 4, 10, &t, rows),
		    -1);
		CHECK("hl p < 0: no statistic", isnan(t.chi2) && isnan(t.p));
		/* two distinct p: 2 groups, df 0 */
		check_int("hl 2 groups: -1", hosmer_lemeshow(p, y, 4, 10, &t, rows),
		    -1);
		CHECK("hl 2 groups: no statistic, groups and df told, rows filled",
		    isnan(t.chi2) && isnan(t.p) && t.groups == 2 && t.df == 0 &&
		    rows[0].leads == 2 && rows[0].converted == 2 &&
		    rows[0].mean_score == 0.4);
		check_int("hl groups 2 asked: -1", hosmer_lemeshow(p, y, 4, 2, &t,
		    NULL), -1);
	}
}

static void
test_edges(void)
{
	struct roc_auc r;

	/* n = 0; no positives; no negatives. */
	check_int("roc_auc n = 0: -1", roc_auc(NULL, NULL, 0, &r), -1);
	CHECK("roc_auc n = 0: NaN, counts 0", isnan(r.auc) && isnan(r.se) &&
	    r.pos == 0 && r.neg == 0);
	{
		static const double s[3] = { 1, 2, 3 };
		static const unsigned char none[3] = { 0 }, all[3] = { 1, 1, 1 };

		check_int("roc_auc no positives: -1", roc_auc(s, none, 3, &r), -1);
		CHECK("roc_auc no positives: NaN, neg 3", isnan(r.auc) &&
		    r.pos == 0 && r.neg == 3);
		check_int("roc_auc no negatives: -1", roc_auc(s, all, 3, &r), -1);
		CHECK("roc_auc no negatives: pos 3", isnan(r.auc) && r.pos == 3);
	}
	/*
	** All tied: every pair 1/2, AUC 1/2; every placement 1/2, so S10 =
	** S01 = 0: SE 0 and no interval.
	*/
	{
		static const double s[4] = { 7, 7, 7, 7 };
		static const unsigned char y[4] = { 1, 0, 1, 0 };

		check_int("roc_auc all tied: 0", roc_auc(s, y, 4, &r), 0);
		CHECK("roc_auc all tied: AUC 1/2, SE 0, no interval", r.auc == 0.5
		    && r.se == 0 && isnan(r.lo) && isnan(r.hi));
	}
	/* Perfect, and perfectly wrong: AUC 1 and 0, SE 0, no interval. */
	{
		static const double s[4] = { 4, 3, 2, 1 };
		static const unsigned char y[4] = { 1, 1, 0, 0 }, w[4] = { 0, 0, 1, 1 };

		roc_auc(s, y, 4, &r);
		CHECK("roc_auc perfect: AUC 1, SE 0, no interval", r.auc == 1 &&
		    r.se == 0 && isnan(r.lo));
		roc_auc(s, w, 4, &r);
		CHECK("roc_auc perfectly wrong: AUC 0, SE 0", r.auc == 0 &&
		    r.se == 0 && isnan(r.hi));
	}
	/*
	** One positive, score 2, negatives 1 and 3: AUC (1 + 0) / 2 = 1/2;
	** S10 needs two positives: no SE, no interval.
	*/
	{
		static const double s[3] = { 1, 2, 3 };
		static const unsigned char y[3] = { 0, 1, 0 };

		check_int("roc_auc one positive: 0", roc_auc(s, y, 3, &r), 0);
		CHECK("roc_auc one positive: AUC 1/2, no SE", r.auc == 0.5 &&
		    isnan(r.se) && isnan(r.lo) && isnan(r.hi));
	}
	/*
	** Turning the score upside down turns the AUC to 1 - AUC and leaves
	** the SE (each placement v becomes 1 - v).
	*/
	{
		double neg[6];
		struct roc_auc up;

		for (int i = 0; i < 6; i++)
			neg[i] = -six_a[i];
		roc_auc(six_a, six_y, 6, &up);
		roc_auc(neg, six_y, 6, &r);
		check_near("roc_auc -score: 1 - AUC", r.auc, 1 - up.auc, 1e-15);
		check_near("roc_auc -score: same SE", r.se, up.se, 1e-15);
		check_near("roc_auc -score: interval mirrored", r.lo, 1 - up.hi,
		    1e-14);
	}
}

int
main(void)
{
	test_auc();
	test_compare();
	test_gains();
	test_ks();
	test_brier();
	test_hl();
	test_edges();
	return finish();
}
