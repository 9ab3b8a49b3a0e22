# summary.awk (kpi-report): the three quarters' figures side by side, and
# the changes; KR_NOW, KR_PREV and KR_AGO are kpis.awk's outputs.
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f summary.awk

BEGIN {
	PROG = "kpi-report"
	now = ENVIRON["KR_NOW"]
	prev = ENVIRON["KR_PREV"]
	ago = ENVIRON["KR_AGO"]
	print "kpi,this_quarter,previous_quarter,change,change_pct,year_ago"
	nk = 0
	take(now, "n")
	take(prev, "p")
	take(ago, "a")
	# The fixed figures in their order, then the channels' CAC by name.
	nch = 0
	for (i = 1; i <= nk; i++) {
		if (K[i] ~ /^cac_fully_loaded:/)
			CH[++nch] = K[i]
		else
			line(K[i])
	}
	for (i = 2; i <= nch; i++) {
		t = CH[i]
		for (j = i - 1; j >= 1 && CH[j] > t; j--)
			CH[j + 1] = CH[j]
		CH[j + 1] = t
	}
	for (i = 1; i <= nch; i++)
		line(CH[i])
}

function take(f, which,    n, r, name) {
	n = load(f)
	for (r = 1; r <= n; r++) {
		name = cell(f, r, "kpi")
		if (!(name in SEEN)) {
			SEEN[name] = 1
			K[++nk] = name
		}
		X[which, name] = cell(f, r, "value")
	}
}

function line(name,    a, b, c, p) {
	a = X["n", name]
	b = X["p", name]
	c = p = ""
	if (a != "" && b != "" && name !~ /_(lo|hi)$/) {
		c = num(a - b)
		if (b + 0 != 0)
			p = num(100 * (a - b) / (b < 0 ? -b : b))
	}
	print csvq(name) "," csvq(a) "," csvq(b) "," c "," p "," csvq(X["a", name])
}
