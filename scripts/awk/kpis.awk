# kpis.awk (kpi-report): the figures of quarter KR_K (labelled KR_LABEL),
# as kpi,value, from the tools' outputs in KR_WORK (lc.K.csv, cl.K.csv,
# cac.all.csv, cacch.all.csv; with KR_ORDERS=1 also clvh.all.csv and
# pred.K.csv; with KR_AMOUNTS=1, when the leads have amounts,
# roi.all.csv and pipe.K.csv, and its coverage columns with KR_TARGET=1;
# with KR_SCORE=1, lse.K.csv, lead-score --evaluate's).
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f kpis.awk

BEGIN {
	PROG = "kpi-report"
	w = ENVIRON["KR_WORK"]
	k = ENVIRON["KR_K"] + 0
	L = ENVIRON["KR_LABEL"]
	lc = w "/lc." k ".csv"
	lp = w "/lc." (k - 1) ".csv"
	print "kpi,value"
	# What happened in the quarter: the totals at its end less those at
	# the end of the one before.
	happened("leads", "lead")
	happened("mql", "mql")
	happened("sql", "sql")
	happened("opportunities", "opportunity")
	happened("customers", "customer")
	# The quarter's leads, by its end.
	out("lead_to_customer", get(lc, "period", L, "lead_to_customer"))
	out("lead_to_customer_lo", get(lc, "period", L, "lead_to_customer_lo"))
	out("lead_to_customer_hi", get(lc, "period", L, "lead_to_customer_hi"))
	cl = w "/cl." k ".csv"
	out("sales_cycle_median_days", get(cl, "period", L, "median_days"))
	out("sales_cycle_km_median_days", get(cl, "period", L, "km_median_days"))
	cac = w "/cac.all.csv"
	out("marketing_spend", sum0(get(cac, "period", L, "marketing_spend")))
	out("sales_spend", sum0(get(cac, "period", L, "sales_spend")))
	out("cac_marketing", get(cac, "period", L, "cac_marketing"))
	out("cac_fully_loaded", get(cac, "period", L, "cac_fully_loaded"))
	if (ENVIRON["KR_AMOUNTS"] == "1") {
		roi = w "/roi.all.csv"
		out("revenue", sum0(get(roi, "period", L, "revenue")))
		out("roi", get(roi, "period", L, "roi"))
		out("roas", get(roi, "period", L, "roas"))
	}
	if (ENVIRON["KR_ORDERS"] == "1") {
		out("order_revenue", sum0(get(w "/clvh.all.csv", "period", L, "revenue")))
		pred = w "/pred." k ".csv"
		n = load(pred)
		s = 0
		for (r = 1; r <= n; r++)
			s += cell(pred, r, "clv")
		out("clv_12m", n > 0 ? num(s / n) : "")
	}
	if (ENVIRON["KR_AMOUNTS"] == "1") {
		# pipeline --period quarter as of the quarter's end: its row.
		pl = w "/pipe." k ".csv"
		out("win_rate", get(pl, "period", L, "win_rate"))
		out("win_rate_lo", get(pl, "period", L, "win_rate_lo"))
		out("win_rate_hi", get(pl, "period", L, "win_rate_hi"))
		out("value_win_rate", get(pl, "period", L, "value_win_rate"))
		out("avg_won_deal", get(pl, "period", L, "avg_won_amount"))
		out("avg_cycle_days", get(pl, "period", L, "avg_cycle_days"))
		out("open_deals", get(pl, "period", L, "open"))
		out("open_pipeline", get(pl, "period", L, "open_amount"))
		out("sales_velocity", get(pl, "period", L, "velocity"))
		if (ENVIRON["KR_TARGET"] == "1") {
			out("coverage", get(pl, "period", L, "coverage"))
			out("required_coverage", get(pl, "period", L, "required_coverage"))
		}
	}
	if (ENVIRON["KR_SCORE"] == "1") {
		# lead-score --evaluate as of the quarter's end (no file: left
		# out with a warning, the figures empty).
		ls = w "/lse." k ".csv"
		out("lead_score_auc", get(ls, "statistic", "auc", "value"))
		out("lead_score_auc_lo", get(ls, "statistic", "auc_lo", "value"))
		out("lead_score_auc_hi", get(ls, "statistic", "auc_hi", "value"))
		out("lead_score_top_decile_lift", get(ls, "statistic", "top_lift", "value"))
	}
	ch = w "/cacch.all.csv"
	n = load(ch)
	for (r = 1; r <= n; r++)
		if (cell(ch, r, "period") == L)
			out("cac_fully_loaded:" cell(ch, r, "channel"),
			    cell(ch, r, "cac_fully_loaded"))
}

function happened(name, col,    a, b) {
	a = get(lc, "period", "(all)", col)
	b = get(lp, "period", "(all)", col)
	out(name, a == "" ? "" : num(a - b))
}

function sum0(v) {
	return v == "" ? "0" : v
}

function out(name, v) {
	print csvq(name) "," csvq(v)
}
