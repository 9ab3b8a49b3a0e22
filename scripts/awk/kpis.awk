# kpis.awk (kpi-report): the figures of quarter KR_K (labelled KR_LABEL),
# as kpi,value, from the tools' outputs in KR_WORK (lc.K.csv; with
# KR_CYCLES=1 cl.K.csv; with KR_SPENDS=1 cac.all.csv and cacch.all.csv;
# with KR_ORDERS=1 clvh.all.csv and pred.K.csv; with KR_ROI=1
# roi.all.csv; with KR_PIPELINE=1 pipe.K.csv, and its coverage columns
# with KR_TARGET=1; with KR_SCORE=1, lse.K.csv, lead-score --evaluate's).
# The stages are KR_STAGES (a comma list): the first is counted as the
# leads, the last as the customers, and the default ones between (mql,
# sql, opportunity) each as itself when the list has it. A figure the
# inputs cannot give is left out, not written as 0.
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
	ns = split(ENVIRON["KR_STAGES"], ST, ",")
	for (i = 2; i < ns; i++)
		has[ST[i]] = 1
	happened("leads", ST[1])
	if ("mql" in has)
		happened("mql", "mql")
	if ("sql" in has)
		happened("sql", "sql")
	if ("opportunity" in has)
		happened("opportunities", "opportunity")
	happened("customers", ST[ns])
	# The quarter's leads, by its end.
	rate = ST[1] "_to_" ST[ns]
	out("lead_to_customer", get(lc, "period", L, rate))
	out("lead_to_customer_lo", get(lc, "period", L, rate "_lo"))
	out("lead_to_customer_hi", get(lc, "period", L, rate "_hi"))
	if (ENVIRON["KR_CYCLES"] == "1") {
		cl = w "/cl." k ".csv"
		out("sales_cycle_median_days", get(cl, "period", L, "median_days"))
		out("sales_cycle_km_median_days", get(cl, "period", L, "km_median_days"))
	}
	if (ENVIRON["KR_SPENDS"] == "1") {
		cac = w "/cac.all.csv"
		out("marketing_spend", sum0(get(cac, "period", L, "marketing_spend")))
		out("sales_spend", sum0(get(cac, "period", L, "sales_spend")))
		out("cac_marketing", get(cac, "period", L, "cac_marketing"))
		out("cac_fully_loaded", get(cac, "period", L, "cac_fully_loaded"))
	}
	if (ENVIRON["KR_ROI"] == "1") {
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
	if (ENVIRON["KR_PIPELINE"] == "1") {
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
	n = ENVIRON["KR_SPENDS"] == "1" && ENVIRON["KR_CHANNELS"] == "1" ? load(ch) : 0
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
