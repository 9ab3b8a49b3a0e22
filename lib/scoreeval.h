/* See LICENSE file for copyright and license details. */
#ifndef KPI_SCOREEVAL_H
#define KPI_SCOREEVAL_H

#include <stddef.h>

/*
** How well a lead score separates the leads that converted from those
** that did not: the evaluation behind lead-score --evaluate (and the
** quarterly report). Every function takes the same kind of input:
**
**   SCORE[i]  any real number, higher meaning more likely to convert (a
**             rule-based score, a model's probability, a CRM's grade as a
**             number); the functions that read it as a probability
**             (brier_score(), hosmer_lemeshow()) call it P and need it
**             in [0, 1].
**   Y[i]      the outcome, 0 (did not convert) or 1 (converted); any
**             nonzero byte counts as 1.
**   N         the number of leads, 0 or more; SCORE and Y may be NULL
**             when N is 0.
**
** NaN scores are the caller's job: it must leave such rows out (or reject
** them, naming the row) before calling. A NaN gives no crash, but its
** place in the order and so every figure is then meaningless.
**
** Scores are compared exactly: equal doubles are ties, and ties are never
** split (a tie between a converted and a lost lead counts 1/2 in the AUC;
** a tie block stays in one group of a table). Each function sorts its own
** copy of each score once (brier_score() none): time O(N log N), memory
** O(N); the caller's arrays are not changed. Pure functions: no state kept
** between calls; allocation failure exits 71 (util.h's xmalloc()).
**
** "Positives" below are the leads with Y = 1 (m of them), "negatives"
** those with Y = 0 (n of them): N = m + n.
*/

/*
** One evaluated set: the area under the ROC curve with its standard error
** and 95% interval, and the counts it was computed from.
*/
struct roc_auc {
	double auc;       /* P(score of a positive > score of a negative) + 1/2 P(=) */
	double se;        /* DeLong standard error of AUC */
	double lo, hi;    /* 95% interval, through the logit of AUC (see roc_auc()) */
	size_t pos, neg;  /* m and n */
};

/*
** Two scores of the same leads compared: their AUCs, the difference A - B
** with its DeLong standard error and 95% interval, the z statistic and
** the two-sided p-value of "equal AUCs".
*/
struct roc_cmp {
	double auc_a, auc_b, diff, se, lo, hi, z, p;
};

/*
** One group of a gains (lift) table or a calibration table, the groups
** ordered by descending score.
*/
struct gains_row {
	size_t leads;         /* leads in the group */
	size_t converted;     /* of them with Y = 1 */
	double rate;          /* converted / leads */
	double cum_captured;  /* converted in this and every higher group / all
	                         converted: the gains curve; NaN when none
	                         converted at all */
	double lift;          /* rate / overall rate (converted / N): the
	                         group's own lift; NaN when none converted */
	double min_score, max_score;  /* the range of scores in the group */
	/* Added beyond the fields lead-score was first coded against: */
	double mean_score;    /* the mean score of the group; for hosmer_lemeshow()
	                         the mean predicted probability, expected
	                         conversions / leads: the calibration table is
	                         (mean_score, rate) per group */
	double cum_lift;      /* cumulative lift: the rate of this and every
	                         higher group together / overall rate; NaN when
	                         none converted */
};

/* The Hosmer-Lemeshow test of calibration. */
struct hl_test {
	double chi2;      /* the statistic */
	double p;         /* P(chi-square with DF degrees of freedom > CHI2) */
	int df;           /* GROUPS - 2 */
	size_t groups;    /* the groups actually formed (ties can merge some) */
};

/*
** The AUC of SCORE against Y, its standard error and a 95% interval.
**
** AUC = (1 / mn) sum over positives i, negatives j of psi(x_i, y_j), with
** psi = 1 when x_i > y_j, 1/2 when equal, 0 when below: the Mann-Whitney
** statistic over mn (Hanley and McNeil, Radiology 143, 1982, 29-36).
**
** Standard error: DeLong, DeLong and Clarke-Pearson, "Comparing the areas
** under two or more correlated receiver operating characteristic curves:
** a nonparametric approach", Biometrics 44, 1988, 837-845. With the
** placement values V10_i = (1/n) sum_j psi(x_i, y_j) of each positive and
** V01_j = (1/m) sum_i psi(x_i, y_j) of each negative (their means are both
** AUC), S10 and S01 their sample variances (divisor m - 1 and n - 1):
**
**     Var(AUC) = S10 / m + S01 / n,   SE = sqrt(Var)
**
** Method: one ascending sort; each tie block with p positives and q
** negatives gives its positives V10 = (negatives below + q/2) / n and its
** negatives V01 = (positives above + p/2) / m. These are Sun and Xu's
** midrank formulas V10_i = (R_i - R'_i) / n (X. Sun and W. Xu, "Fast
** implementation of DeLong's algorithm for comparing the areas under
** correlated receiver operating characteristic curves", IEEE Signal
** Processing Letters 21, 2014, 1389-1393), counted per block.
**
** Interval: a delta-method interval on the logit scale, because AUC +-
** 1.96 SE leaves [0, 1] and undercovers near 1, where good scores live
** (see M. S. Pepe, The Statistical Evaluation of Medical Tests for
** Classification and Prediction, Oxford, 2003):
**
**     L = ln(AUC / (1 - AUC)),   SE_L = SE / (AUC (1 - AUC)),
**     [lo, hi] = expit(L -+ z SE_L),   z = 1.959964 (norm_quantile(0.975)),
**
** expit(t) = 1 / (1 + e^-t). The interval always lies inside (0, 1) and is
** not symmetric about AUC.
**
** Edge cases. Returns -1 when there are no positives or no negatives (N =
** 0 included): AUC undefined, every double NaN, POS and NEG set. With a
** single positive or a single negative the variance is undefined: SE, LO
** and HI are NaN, AUC is given. When every placement value is the same,
** as with a perfect score (AUC 1 or 0) or all scores tied (AUC 1/2), the
** DeLong variance is 0: SE is 0 (the estimate has no spread to measure,
** which is not certainty) and LO and HI are NaN (no interval). Otherwise
** returns 0.
*/
int roc_auc(const double *score, const unsigned char *y, size_t n,
    struct roc_auc *out);

/*
** Two scores A and B of the same N leads, outcomes Y: is A's AUC different
** from B's? DeLong et al. (1988, above) for correlated AUCs. With each
** lead's placement values under A and under B (as for roc_auc()) and D
** their difference A - B, lead by lead, S10 the sample variance of D over
** the positives and S01 over the negatives:
**
**     diff = AUC_A - AUC_B,   Var(diff) = S10 / m + S01 / n
**          = Var(AUC_A) + Var(AUC_B) - 2 Cov(AUC_A, AUC_B)
**     z = diff / SE,   p = 2 P(Z > |z|),
**     [lo, hi] = diff -+ 1.959964 SE (a difference can be negative: no
**                transform)
**
** Method: two sorts, one per score, then one pass. Edge cases: -1 when no
** positives or no negatives, every double NaN. With a single positive or
** negative, SE, LO, HI, Z and P are NaN. When SE is 0 (the placement
** differences are constant: A = B, both perfect, or all tied under both),
** SE is 0 and LO, HI, Z and P are NaN: no interval, nothing to test.
** Otherwise returns 0.
*/
int roc_compare(const double *a, const double *b, const unsigned char *y,
    size_t n, struct roc_cmp *out);

/*
** The gains (lift) table: the N leads by descending score cut into at most
** GROUPS groups (10: deciles) of about equal size, ties never split. Into
** ROWS (room for GROUPS rows; min(GROUPS, N) is enough), the highest
** scores first; returns the number of rows written.
**
** How groups are formed: the leads ranked r = 1 .. N by descending score
** (ties in any order); rank r belongs to group ceil(r GROUPS / N), so that
** group k holds ranks floor((k-1) N / GROUPS) + 1 .. floor(k N / GROUPS)
** (the sizes differ by at most one, the larger ones spread evenly, e.g.
** 15 leads in 10 groups: 1, 2, 1, 2, ...). A block of tied scores goes
** wholly to the group of its first (highest ranked) lead, which grows by
** the rest of the block; a group whose every rank was taken so is left
** out, so fewer than GROUPS rows come back when ties are wide (all scores
** tied: one row). With GROUPS >= N every distinct score is its own row.
**
** Per row: see struct gains_row. With M converted leads in all and
** overall rate M / N: rate = converted / leads, lift = rate / (M / N),
** cum_captured = cumulative converted / M, cum_lift = (cumulative
** converted / cumulative leads) / (M / N); the last three NaN when M = 0.
** Returns 0 (no rows) when N or GROUPS is 0.
*/
size_t gains_table(const double *score, const unsigned char *y, size_t n,
    size_t groups, struct gains_row *rows);

/*
** The Kolmogorov-Smirnov statistic of the two score distributions: the
** largest distance max_t |F_pos(t) - F_neg(t)| between the empirical
** distribution functions of the positives' and the negatives' scores
** (equivalently, the largest gap between the shares of converted and of
** lost leads captured above any cut-off). Taken at the end of each tie
** block, never inside one. In [0, 1]; unitless. NaN when there are no
** positives or no negatives.
*/
double ks_statistic(const double *score, const unsigned char *y, size_t n);

/*
** The Brier score (G. W. Brier, "Verification of forecasts expressed in
** terms of probability", Monthly Weather Review 78, 1950, 1-3): the mean
** squared error of the predicted probabilities, (1/N) sum (P_i - Y_i)^2,
** in [0, 1], lower is better (always predicting the overall rate r gives
** r (1 - r)). P must lie in [0, 1]: NaN when one does not (or is NaN),
** and when N is 0. The caller checks first and names the bad row.
*/
double brier_score(const double *p, const unsigned char *y, size_t n);

/*
** The Hosmer-Lemeshow goodness-of-fit test of predicted probabilities P
** against outcomes Y (D. W. Hosmer and S. Lemeshow, "Goodness of fit
** tests for the multiple logistic regression model", Communications in
** Statistics - Theory and Methods 9, 1980, 1043-1069): the leads cut into
** GROUPS groups of predicted risk (10: deciles), exactly as gains_table()
** cuts them by descending P (ties never split); in each group g of n_g
** leads, O_g converted and E_g = the sum of their P:
**
**     chi2 = sum over g of (O_g - E_g)^2 / (E_g (1 - E_g / n_g))
**
** (the Pearson chi-square over both columns, converted and not), against
** chi-square with df = G - 2 degrees of freedom, G the groups formed; p =
** chi2_sf(chi2, df) (special.h). A large chi2 (small p) says the
** probabilities are off. The calibration table goes to ROWS unless it is
** NULL (room for GROUPS rows), highest risk first: per group, leads,
** converted, rate (observed) and mean_score (mean predicted, E_g / n_g),
** the other fields as gains_table() fills them. OUT->groups is G.
**
** Edge cases. A group whose P are all 0 or all 1 has E_g (1 - E_g/n_g) =
** 0: it adds 0 when O_g = E_g, else chi2 is +inf (p 0: probabilities of
** exactly 0 or 1 that the outcomes contradict). Returns -1, with CHI2 and
** P NaN, when N is 0, GROUPS is 0, some P lies outside [0, 1] or is NaN
** (the caller checks first and names the row), or fewer than 3 groups form
** (too few distinct P, or GROUPS < 3: no degrees of freedom), DF and
** GROUPS then still set and ROWS still filled when N > 0 and every P is
** valid. Otherwise 0.
*/
int hosmer_lemeshow(const double *p, const unsigned char *y, size_t n,
    size_t groups, struct hl_test *out, struct gains_row *rows_or_null);

#endif
