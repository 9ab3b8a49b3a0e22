# cohorts.awk (kpi-report): the cohort matrix of retention --cohorts
# --period quarter (the CSV KR_IN) as it stood at the end of quarter KR_TO:
# the cohorts of quarters KR_FROM to KR_TO, each cell of age a of cohort c
# kept when c + a <= KR_TO (a later cell is a quarter not yet reported).
# Quarters are numbered year * 4 + (n - 1), as kpi-report numbers them;
# a label is YYYY-Qn. Rows are the tool's own, in its order.
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f cohorts.awk

BEGIN {
	PROG = "kpi-report"
	f = ENVIRON["KR_IN"]
	from = ENVIRON["KR_FROM"] + 0
	to = ENVIRON["KR_TO"] + 0
	n = load(f)
	line = ""
	for (j = 1; j <= NCOL[f]; j++)
		line = line (j > 1 ? "," : "") csvq(HN[f, j])
	print line
	for (r = 1; r <= n; r++) {
		c = cell(f, r, "cohort")
		if (c !~ /^[0-9][0-9][0-9][0-9]-Q[1-4]$/)
			continue
		k = substr(c, 1, 4) * 4 + substr(c, 7, 1) - 1
		if (k < from || k + cell(f, r, "age") > to)
			continue
		line = ""
		for (j = 1; j <= NCOL[f]; j++)
			line = line (j > 1 ? "," : "") csvq(V[f, r, j])
		print line
	}
}
