# select.awk (kpi-report): the rows of tool outputs whose column KR_COL
# has a value, under one header. KR_SEL has a line per file: FILE, a tab,
# the value; KR_RELABEL, when set, replaces KR_COL's value with it.
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f select.awk

BEGIN {
	PROG = "kpi-report"
	col = ENVIRON["KR_COL"]
	relabel = ENVIRON["KR_RELABEL"]
	nsel = split(ENVIRON["KR_SEL"], SEL, "\n")
	header = 0
	for (s = 1; s <= nsel; s++) {
		f = SEL[s]
		v = f
		sub(/\t.*/, "", f)
		sub(/^[^\t]*\t/, "", v)
		n = load(f)
		if (!header && NCOL[f] > 0) {
			line = ""
			for (j = 1; j <= NCOL[f]; j++)
				line = line (j > 1 ? "," : "") csvq(HN[f, j])
			print line
			header = 1
		}
		for (r = 1; r <= n; r++) {
			if (cell(f, r, col) != v)
				continue
			line = ""
			for (j = 1; j <= NCOL[f]; j++) {
				x = V[f, r, j]
				if (relabel != "" && j == HC[f, col])
					x = relabel
				line = line (j > 1 ? "," : "") csvq(x)
			}
			print line
		}
	}
}
