/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <stdlib.h>

#include "scoreeval.h"
#include "special.h"
#include "stats.h"
#include "util.h"

/* A lead as the sorts see it: its score and where it came from. */
struct ranked {
	double s;
	size_t i;
};

/*
** Ascending by score; NaN (which the caller should have left out) after
** everything, so that the order is at least a consistent one.
*/
static int
by_score(const void *pa, const void *pb)
{
	double a = ((const struct ranked *)pa)->s;
	double b = ((const struct ranked *)pb)->s;

	if (isnan(a) || isnan(b))
		return isnan(a) - isnan(b);
	return (a > b) - (a < b);
}

/* The N leads of SCORE in ascending order of score, in a new array. */
static struct ranked *
sort_scores(const double *score, size_t n)
{
	struct ranked *r = xreallocarray(NULL, n ? n : 1, sizeof *r);

	for (size_t i = 0; i < n; i++) {
		r[i].s = score[i];
		r[i].i = i;
	}
	qsort(r, n, sizeof *r, by_score);
	return r;
}

/* The positives among the N outcomes Y. */
static size_t
count_pos(const unsigned char *y, size_t n)
{
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		m += y[i] != 0;
	return m;
}

/*
** Each lead's DeLong placement value into V[i]: for a positive, the share
** of the NNEG negatives scored below it (ties 1/2); for a negative, the
** share of the NPOS positives scored above it (ties 1/2). One sort, then
** tie block by tie block.
*/
static void
placements(const double *score, const unsigned char *y, size_t n,
    size_t npos, size_t nneg, double *v)
{
	struct ranked *r = sort_scores(score, n);
	size_t pos_below = 0, neg_below = 0;

	for (size_t b = 0, e; b < n; b = e) {
		size_t p = 0, q = 0;

		for (e = b; e < n && by_score(&r[e], &r[b]) == 0; e++) {
			if (y[r[e].i])
				p++;
			else
				q++;
		}
		/* In units of 1/2, so the counts stay exact until divided. */
		double v10 = (2.0 * (double)neg_below + (double)q) /
		    (2.0 * (double)nneg);
		double v01 = (2.0 * (double)(npos - pos_below - p) + (double)p) /
		    (2.0 * (double)npos);

		for (size_t k = b; k < e; k++)
			v[r[k].i] = y[r[k].i] ? v10 : v01;
		pos_below += p;
		neg_below += q;
	}
	free(r);
}

/*
** The mean of V over the leads whose outcome is WHICH (COUNT of them),
** into *MEAN, and their sample variance (divisor COUNT - 1; NaN when
** COUNT < 2), two passes.
*/
static double
group_var(const double *v, const unsigned char *y, size_t n, int which,
    size_t count, double *mean)
{
	double sum = 0, ss = 0;

	for (size_t i = 0; i < n; i++)
		if ((y[i] != 0) == which)
			sum += v[i];
	*mean = sum / (double)count;
	if (count < 2)
		return NAN;
	for (size_t i = 0; i < n; i++)
		if ((y[i] != 0) == which)
			ss += (v[i] - *mean) * (v[i] - *mean);
	return ss / (double)(count - 1);
}

int
roc_auc(const double *score, const unsigned char *y, size_t n,
    struct roc_auc *out)
{
	size_t m = count_pos(y, n);
	double *v, mean01, s10, s01, z, l, sl;

	out->pos = m;
	out->neg = n - m;
	out->auc = out->se = out->lo = out->hi = NAN;
	if (m == 0 || m == n)
		return -1;
	v = xreallocarray(NULL, n, sizeof *v);
	placements(score, y, n, m, n - m, v);
	s10 = group_var(v, y, n, 1, m, &out->auc);
	s01 = group_var(v, y, n, 0, n - m, &mean01);
	free(v);
	out->se = sqrt(s10 / (double)m + s01 / (double)(n - m));
	if (!(out->se > 0))
		return 0;
	/* Delta method on the logit: d logit(a) / da = 1 / (a (1 - a)). */
	z = norm_quantile(0.975);
	l = log(out->auc / (1 - out->auc));
	sl = out->se / (out->auc * (1 - out->auc));
	out->lo = 1 / (1 + exp(-(l - z * sl)));
	out->hi = 1 / (1 + exp(-(l + z * sl)));
	return 0;
}

int
roc_compare(const double *a, const double *b, const unsigned char *y,
    size_t n, struct roc_cmp *out)
{
	size_t m = count_pos(y, n);
	double *va, *vb, s10, s01, mean01, z;

	out->auc_a = out->auc_b = out->diff = out->se = NAN;
	out->lo = out->hi = out->z = out->p = NAN;
	if (m == 0 || m == n)
		return -1;
	va = xreallocarray(NULL, n, sizeof *va);
	vb = xreallocarray(NULL, n, sizeof *vb);
	placements(a, y, n, m, n - m, va);
	placements(b, y, n, m, n - m, vb);
	group_var(va, y, n, 1, m, &out->auc_a);
	group_var(vb, y, n, 1, m, &out->auc_b);
	for (size_t i = 0; i < n; i++)
		va[i] -= vb[i];
	s10 = group_var(va, y, n, 1, m, &out->diff);
	s01 = group_var(va, y, n, 0, n - m, &mean01);
	free(va);
	free(vb);
	out->se = sqrt(s10 / (double)m + s01 / (double)(n - m));
	if (!(out->se > 0))
		return 0;
	z = norm_quantile(0.975);
	out->lo = out->diff - z * out->se;
	out->hi = out->diff + z * out->se;
	out->z = out->diff / out->se;
	out->p = 2 * norm_sf(fabs(out->z));
	return 0;
}

/* ceil(R G / N) without overflow, for R <= N and G <= N. */
static size_t
group_of(size_t r, size_t g, size_t n)
{
	unsigned __int128 rg = (unsigned __int128)r * g;

	return (size_t)((rg + n - 1) / n);
}

/*
** gains_table()'s grouping and rows, the leads in descending order of
** SCORE; also each group's sum of scores into SUMS[row] when SUMS is not
** NULL (hosmer_lemeshow()'s expected counts, summed rather than
** multiplied back from a mean).
*/
static size_t
fill_groups(const double *score, const unsigned char *y, size_t n,
    size_t groups, struct gains_row *rows, double *sums)
{
	struct ranked *r;
	size_t m, nrows = 0, cur = 0, cum_leads = 0, cum_conv = 0;
	double base;

	if (n == 0 || groups == 0)
		return 0;
	if (groups > n)
		groups = n;  /* the same groups: each rank its own */
	m = count_pos(y, n);
	base = count_ratio(m, n);
	r = sort_scores(score, n);
	/* Walk down from the highest score; RANK is the 1-based rank of the
	** first lead of each tie block. */
	for (size_t e = n, b; e > 0; e = b) {
		size_t rank = n - e + 1, g = group_of(rank, groups, n);
		struct gains_row *row;
		double sum = 0;

		for (b = e - 1; b > 0 && by_score(&r[b - 1], &r[e - 1]) == 0; b--)
			;
		if (nrows == 0 || g != cur) {
			row = &rows[nrows++];
			row->leads = row->converted = 0;
			row->max_score = r[e - 1].s;
			row->mean_score = 0;
			if (sums)
				sums[nrows - 1] = 0;
			cur = g;
		}
		row = &rows[nrows - 1];
		for (size_t k = b; k < e; k++) {
			sum += r[k].s;
			row->converted += y[r[k].i] != 0;
		}
		row->leads += e - b;
		row->min_score = r[b].s;
		row->mean_score += sum;  /* the sum until the group is done */
		if (sums)
			sums[nrows - 1] += sum;
	}
	free(r);
	for (size_t k = 0; k < nrows; k++) {
		struct gains_row *row = &rows[k];

		cum_leads += row->leads;
		cum_conv += row->converted;
		row->mean_score /= (double)row->leads;
		row->rate = count_ratio(row->converted, row->leads);
		row->cum_captured = count_ratio(cum_conv, m);
		row->lift = m ? row->rate / base : NAN;
		row->cum_lift = m ? count_ratio(cum_conv, cum_leads) / base : NAN;
	}
	return nrows;
}

size_t
gains_table(const double *score, const unsigned char *y, size_t n,
    size_t groups, struct gains_row *rows)
{
	return fill_groups(score, y, n, groups, rows, NULL);
}

double
ks_statistic(const double *score, const unsigned char *y, size_t n)
{
	size_t m = count_pos(y, n), pos = 0, neg = 0;
	struct ranked *r;
	double best = 0;

	if (m == 0 || m == n)
		return NAN;
	r = sort_scores(score, n);
	for (size_t b = 0, e; b < n; b = e) {
		double d;

		for (e = b; e < n && by_score(&r[e], &r[b]) == 0; e++) {
			if (y[r[e].i])
				pos++;
			else
				neg++;
		}
		d = fabs((double)pos / (double)m - (double)neg / (double)(n - m));
		if (d > best)
			best = d;
	}
	free(r);
	return best;
}

/* Whether each of the N values at P is a probability, in [0, 1]. */
static int
all_probabilities(const double *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(p[i] >= 0 && p[i] <= 1))
			return 0;
	return 1;
}

double
brier_score(const double *p, const unsigned char *y, size_t n)
{
	double sum = 0;

	if (n == 0 || !all_probabilities(p, n))
		return NAN;
	for (size_t i = 0; i < n; i++) {
		double d = p[i] - (y[i] != 0);

		sum += d * d;
	}
	return sum / (double)n;
}

int
hosmer_lemeshow(const double *p, const unsigned char *y, size_t n,
    size_t groups, struct hl_test *out, struct gains_row *rows_or_null)
{
	size_t room = groups < n ? groups : n, g;
	struct gains_row *rows;
	double *sums, chi2 = 0;

	out->chi2 = out->p = NAN;
	out->df = 0;
	out->groups = 0;
	if (n == 0 || groups == 0 || !all_probabilities(p, n))
		return -1;
	rows = rows_or_null ? rows_or_null : xreallocarray(NULL, room,
	    sizeof *rows);
	sums = xreallocarray(NULL, room, sizeof *sums);
	g = fill_groups(p, y, n, groups, rows, sums);
	for (size_t k = 0; k < g; k++) {
		double o = (double)rows[k].converted, e = sums[k];
		double v = e * (1 - e / (double)rows[k].leads);

		if (v > 0)
			chi2 += (o - e) * (o - e) / v;
		else if (o != e)
			chi2 = INFINITY;
	}
	if (!rows_or_null)
		free(rows);
	free(sums);
	out->groups = g;
	out->df = (int)g - 2;
	if (g < 3)
		return -1;
	out->chi2 = chi2;
	out->p = chi2_sf(chi2, out->df);
	return 0;
}
