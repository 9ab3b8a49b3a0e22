/* See LICENSE file for copyright and license details. */
/*
** scoreeval-run: every figure lib/scoreeval.h computes for a file of
** scored leads, for tests/scoreeval.test to hold against the independent
** tests/oracle/scoreeval.py. Not installed.
**
**   scoreeval-run [-g GROUPS] [-l HLGROUPS] [FILE]
**
** FILE (or stdin): a header line, then lines "score,outcome" or
** "score_a,score_b,outcome", plain numbers, outcome 0 or 1. Output, one
** line a figure, doubles as %.17g (nan when undefined), the return codes
** as they come:
**
**   auc,RC,AUC,SE,LO,HI,POS,NEG              roc_auc() of the first score
**   auc_b,...                                of the second, if any
**   cmp,RC,AUC_A,AUC_B,DIFF,SE,LO,HI,Z,P     roc_compare(), if two scores
**   ks,KS
**   brier,BRIER                              the first score as P
**   hl,RC,CHI2,P,DF,GROUPS                   the first score as P
**   gains,K,LEADS,CONVERTED,RATE,CUM_CAPTURED,LIFT,MIN,MAX,MEAN,CUM_LIFT
**   calib,K,...                              hosmer_lemeshow()'s rows
**
** The calibration rows and the HL test only when every first score is in
** [0, 1].
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/scoreeval.h"
#include "../../lib/util.h"

static void
print_rows(const char *tag, const struct gains_row *r, size_t n)
{
	for (size_t k = 0; k < n; k++)
		printf("%s,%zu,%zu,%zu,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n",
		    tag, k + 1, r[k].leads, r[k].converted, r[k].rate,
		    r[k].cum_captured, r[k].lift, r[k].min_score, r[k].max_score,
		    r[k].mean_score, r[k].cum_lift);
}

static void
print_auc(const char *tag, const double *s, const unsigned char *y, size_t n)
{
	struct roc_auc a;
	int rc = roc_auc(s, y, n, &a);

	printf("%s,%d,%.17g,%.17g,%.17g,%.17g,%zu,%zu\n", tag, rc, a.auc, a.se,
	    a.lo, a.hi, a.pos, a.neg);
}

int
main(int argc, char **argv)
{
	size_t groups = 10, hlgroups = 10, n = 0, cap = 0, lineno = 1;
	double *a = NULL, *b = NULL;
	unsigned char *y = NULL;
	int c, ncols = 0, probs = 1;
	char line[512];
	FILE *in = stdin;

	while ((c = getopt(argc, argv, "g:l:")) != -1) {
		if (c == 'g')
			groups = strtoul(optarg, NULL, 10);
		else if (c == 'l')
			hlgroups = strtoul(optarg, NULL, 10);
		else
			return 64;
	}
	if (optind < argc && strcmp(argv[optind], "-") != 0 &&
	    !(in = fopen(argv[optind], "r"))) {
		perror(argv[optind]);
		return 66;
	}
	if (!fgets(line, sizeof line, in)) {
		fprintf(stderr, "scoreeval-run: no header\n");
		return 65;
	}
	while (fgets(line, sizeof line, in)) {
		double v[3];
		int k = 0;
		char *p = line, *end;

		lineno++;
		for (;;) {
			v[k++] = strtod(p, &end);
			if (end == p)
				break;
			if (*end != ',' || k == 3)
				break;
			p = end + 1;
		}
		if (end == p || (*end != '\n' && *end != '\0') || k < 2 ||
		    (ncols && k != ncols) || (v[k - 1] != 0 && v[k - 1] != 1)) {
			fprintf(stderr, "scoreeval-run: line %zu: bad\n", lineno);
			return 65;
		}
		ncols = k;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			a = xreallocarray(a, cap, sizeof *a);
			b = xreallocarray(b, cap, sizeof *b);
			y = xreallocarray(y, cap, sizeof *y);
		}
		a[n] = v[0];
		b[n] = v[1];
		y[n] = (unsigned char)v[k - 1];
		if (!(v[0] >= 0 && v[0] <= 1))
			probs = 0;
		n++;
	}
	print_auc("auc", a, y, n);
	if (ncols == 3) {
		struct roc_cmp r;
		int rc;

		print_auc("auc_b", b, y, n);
		rc = roc_compare(a, b, y, n, &r);
		printf("cmp,%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n",
		    rc, r.auc_a, r.auc_b, r.diff, r.se, r.lo, r.hi, r.z, r.p);
	}
	printf("ks,%.17g\n", ks_statistic(a, y, n));
	printf("brier,%.17g\n", brier_score(a, y, n));
	{
		struct gains_row *rows = xreallocarray(NULL, groups ? groups : 1,
		    sizeof *rows);

		print_rows("gains", rows, gains_table(a, y, n, groups, rows));
		free(rows);
	}
	if (probs) {
		struct gains_row *rows = xreallocarray(NULL, hlgroups ? hlgroups : 1,
		    sizeof *rows);
		struct hl_test t;
		int rc = hosmer_lemeshow(a, y, n, hlgroups, &t, rows);

		printf("hl,%d,%.17g,%.17g,%d,%zu\n", rc, t.chi2, t.p, t.df,
		    t.groups);
		print_rows("calib", rows, t.groups);
		free(rows);
	}
	free(a);
	free(b);
	free(y);
	if (in != stdin)
		fclose(in);
	return close_stdout();
}
