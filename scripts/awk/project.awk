# project.awk (kpi-report): the columns of the CSV KR_IN under new names,
# for a chart's legend and axes; KR_COLS has a line per column, OLD=NEW
# (or OLD, kept as it is).
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f project.awk

BEGIN {
	PROG = "kpi-report"
	f = ENVIRON["KR_IN"]
	nc = split(ENVIRON["KR_COLS"], C, "\n")
	n = load(f)
	line = ""
	for (j = 1; j <= nc; j++) {
		OLD[j] = C[j]
		sub(/=.*/, "", OLD[j])
		line = line (j > 1 ? "," : "") csvq(index(C[j], "=") ? substr(C[j], length(OLD[j]) + 2) : C[j])
	}
	print line
	for (r = 1; r <= n; r++) {
		line = ""
		for (j = 1; j <= nc; j++)
			line = line (j > 1 ? "," : "") csvq(cell(f, r, OLD[j]))
		print line
	}
}
