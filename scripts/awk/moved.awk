# moved.awk (kpi-report): what-moved.csv, why the quarter's figures moved
# from the quarter before: each change split into the parts the data can
# show, and each change of a share given its 95% interval.
#
# From the tools' outputs in KR_WORK for quarter KR_K (labelled KR_LABEL;
# the one before KR_PREV_LABEL), the stages KR_STAGES (first: leads,
# last: customers), and what the inputs allow (KR_SPENDS, KR_ROI,
# KR_PIPELINE, KR_CHANNELS, as kpis.awk has them):
#
#   figure,part,before,now,change,change_pct,change_lo,change_hi,verdict
#
#  - lead_to_customer: the share of each quarter's leads that were
#    customers by its end (lc.K.csv, lc.K-1.csv). total: the change, with
#    Newcombe's hybrid score interval for a difference of two independent
#    proportions (Newcombe 1998, method 10: from the two Wilson intervals,
#    lo = d - sqrt((p1 - l1)^2 + (u2 - p2)^2), hi = d + sqrt((u1 - p1)^2 +
#    (p2 - l2)^2)); verdict "real" when it excludes 0, else "within
#    noise". With channels (lcch.K.csv, lcch.K-1.csv, each as of its
#    quarter's end), Kitagawa's decomposition of the change of the overall
#    rate R = sum of w_c r_c (w_c the channel's share of the leads, r_c
#    its rate): channel_mix = sum (w2 - w1)(r1 + r2) / 2 and channel_rates
#    = sum (r2 - r1)(w1 + w2) / 2, which add up to the change exactly; a
#    channel with no leads in one quarter takes the other's rate there.
#  - lead_to_customer:CHANNEL: each channel's rate over the last four
#    quarters against the four before (KR_FOUR, the report's
#    conversion-by-channel-4q.csv), with the same interval and verdict.
#  - cac_fully_loaded (KR_SPENDS): CAC = spend / customers won (cac.all.csv);
#    parts spend and customers, each with its own change: CAC changes by
#    the factor (1 + spend's) / (1 + customers').
#  - revenue (KR_ROI): the revenue of the deals won = customers x average
#    deal (roi.all.csv); parts customers and average_deal.
#  - win_rate (KR_PIPELINE): deals won over deals closed (pipe.K.csv,
#    pipe.K-1.csv), the interval and verdict as above.
#  - sales_velocity (KR_PIPELINE): the change, and pipeline --levers'
#    terms (the changes of ln velocity due to each lever, adding up to
#    its whole change): parts open_deals, win_rate, deal_size, cycle,
#    whose change_pct is the effect of that lever alone on velocity,
#    100 (e^term - 1) (a longer cycle is a negative one).
#
# Shares and their changes are fractions (0.01 is one point); change_pct
# is 100 * change / |before|, empty when before is 0 or missing. A figure
# missing in either quarter gives no row.
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f moved.awk

BEGIN {
	PROG = "kpi-report"
	Z = 1.959963984540054
	w = ENVIRON["KR_WORK"]
	k = ENVIRON["KR_K"] + 0
	L = ENVIRON["KR_LABEL"]
	LP = ENVIRON["KR_PREV_LABEL"]
	ns = split(ENVIRON["KR_STAGES"], ST, ",")
	FIRST = ST[1]
	LAST = ST[ns]
	print "figure,part,before,now,change,change_pct,change_lo,change_hi,verdict"

	conversion()
	if (ENVIRON["KR_CHANNELS"] == "1")
		channels4()
	if (ENVIRON["KR_SPENDS"] == "1")
		cac()
	if (ENVIRON["KR_ROI"] == "1")
		revenue()
	if (ENVIRON["KR_PIPELINE"] == "1")
		pipeline()
}

# The quarter's cohort rate against the quarter before's, and its split.
function conversion(    a, b, n1, x1, n2, x2, mix, rate, c, i, N1, N2, w1, w2, r1, r2) {
	a = w "/lc." (k - 1) ".csv"
	b = w "/lc." k ".csv"
	n1 = get(a, "period", LP, FIRST)
	x1 = get(a, "period", LP, LAST)
	n2 = get(b, "period", L, FIRST)
	x2 = get(b, "period", L, LAST)
	if (n1 == "" || n2 == "" || n1 + 0 == 0 || n2 + 0 == 0)
		return
	share("lead_to_customer", "total", x1, n1, x2, n2)
	if (ENVIRON["KR_CHANNELS"] != "1")
		return
	# The channels' leads and customers in each quarter, as of its end.
	N1 = chrows(w "/lcch." (k - 1) ".csv", LP, 1)
	N2 = chrows(w "/lcch." k ".csv", L, 2)
	if (N1 + 0 != n1 + 0 || N2 + 0 != n2 + 0)
		return	# not the same leads: no split rather than a wrong one
	mix = rate = 0
	for (i = 1; i <= NCH; i++) {
		c = CHN[i]
		w1 = CN[c, 1] / N1
		w2 = CN[c, 2] / N2
		r1 = CN[c, 1] > 0 ? CX[c, 1] / CN[c, 1] : ""
		r2 = CN[c, 2] > 0 ? CX[c, 2] / CN[c, 2] : ""
		if (r1 == "")
			r1 = r2
		if (r2 == "")
			r2 = r1
		mix += (w2 - w1) * (r1 + r2) / 2
		rate += (r2 - r1) * (w1 + w2) / 2
	}
	row("lead_to_customer", "channel_mix", "", "", mix, "", "", "", "")
	row("lead_to_customer", "channel_rates", "", "", rate, "", "", "", "")
}

# chrows FILE LABEL Q: the channels' rows of quarter LABEL into CN[c, Q]
# (leads) and CX[c, Q] (customers), their names into CHN[1..NCH]; the
# leads of all channels.
function chrows(f, label, q,    n, r, c, t) {
	n = load(f)
	t = 0
	for (r = 1; r <= n; r++) {
		if (cell(f, r, "period") != label)
			continue
		c = cell(f, r, "channel")
		if (!(c in SEEN)) {
			SEEN[c] = 1
			CHN[++NCH] = c
		}
		CN[c, q] = cell(f, r, FIRST) + 0
		CX[c, q] = cell(f, r, LAST) + 0
		t += CN[c, q]
	}
	return t
}

# Each channel's rate over the four quarters to this one against the four
# before.
function channels4(    f, n, r, c, i, nb, xb, nn, xn, span_b, span_n) {
	f = ENVIRON["KR_FOUR"]
	span_b = ENVIRON["KR_SPAN_BEFORE"]
	span_n = ENVIRON["KR_SPAN_NOW"]
	n = load(f)
	for (r = 1; r <= n; r++) {
		if (cell(f, r, "period") != span_n)
			continue
		c = cell(f, r, "channel")
		i = find(f, "period", span_b, "channel", c)
		if (i == 0)
			continue
		nb = cell(f, i, FIRST)
		xb = cell(f, i, LAST)
		nn = cell(f, r, FIRST)
		xn = cell(f, r, LAST)
		if (nb + 0 > 0 && nn + 0 > 0)
			share("lead_to_customer:" c, "total", xb, nb, xn, nn)
	}
}

function cac(    f, sb, sn, cb, cn) {
	f = w "/cac.all.csv"
	sb = spend(f, LP)
	sn = spend(f, L)
	cb = get(f, "period", LP, "new_customers")
	cn = get(f, "period", L, "new_customers")
	if (sb == "" || sn == "" || cb + 0 == 0 || cn + 0 == 0)
		return
	plain("cac_fully_loaded", "total", sb / cb, sn / cn)
	plain("cac_fully_loaded", "spend", sb, sn)
	plain("cac_fully_loaded", "customers", cb, cn)
}

function spend(f, label,    r) {
	r = find(f, "period", label)
	return r == 0 ? "" : cell(f, r, "marketing_spend") + cell(f, r, "sales_spend")
}

function revenue(    f, rb, rn, cb, cn) {
	f = w "/roi.all.csv"
	rb = get(f, "period", LP, "revenue")
	rn = get(f, "period", L, "revenue")
	cb = get(f, "period", LP, "customers")
	cn = get(f, "period", L, "customers")
	if (rb == "" || rn == "" || cb + 0 == 0 || cn + 0 == 0)
		return
	plain("revenue", "total", rb, rn)
	plain("revenue", "customers", cb, cn)
	plain("revenue", "average_deal", rb / cb, rn / cn)
}

function pipeline(    a, b, wb, cb, wn, cn, vb, vn, i, NM, COL, t) {
	a = w "/pipe." (k - 1) ".csv"
	b = w "/pipe." k ".csv"
	wb = get(a, "period", LP, "won")
	cb = get(a, "period", LP, "closed")
	wn = get(b, "period", L, "won")
	cn = get(b, "period", L, "closed")
	if (cb + 0 > 0 && cn + 0 > 0)
		share("win_rate", "total", wb, cb, wn, cn)
	vb = get(a, "period", LP, "velocity")
	vn = get(b, "period", L, "velocity")
	if (vb == "" || vn == "")
		return
	plain("sales_velocity", "total", vb, vn)
	split("open_deals win_rate deal_size cycle", NM, " ")
	split("lever_open lever_win_rate lever_deal_size lever_cycle", COL, " ")
	for (i = 1; i <= 4; i++) {
		t = get(b, "period", L, COL[i])
		if (t != "")
			row("sales_velocity", NM[i], "", "", t, num(100 * (exp(t) - 1)), "", "", "")
	}
}

# A change of a plain figure: before, now, the change and in percent.
function plain(fig, part, b, n) {
	row(fig, part, num(b), num(n), num(n - b), b + 0 != 0 ? num(100 * (n - b) / abs(b)) : "", "", "", "")
}

# A change of a share, x1 of n1 before and x2 of n2 now, with Newcombe's
# interval and the verdict.
function share(fig, part, x1, n1, x2, n2,    p1, p2, d, lo, hi, l1, u1) {
	p1 = x1 / n1
	p2 = x2 / n2
	wilson(x1, n1)
	l1 = WL
	u1 = WH
	wilson(x2, n2)
	d = p2 - p1
	lo = d - sqrt((p2 - WL) ^ 2 + (u1 - p1) ^ 2)
	hi = d + sqrt((WH - p2) ^ 2 + (p1 - l1) ^ 2)
	row(fig, part, num(p1), num(p2), num(d), p1 > 0 ? num(100 * d / p1) : "",
	    num(lo), num(hi), lo > 0 || hi < 0 ? "real" : "within noise")
}

# The Wilson score interval of x of n at 95%, into WL and WH.
function wilson(x, n,    p, c, h, den) {
	p = x / n
	den = 1 + Z * Z / n
	c = (p + Z * Z / (2 * n)) / den
	h = Z * sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / den
	WL = c - h < 0 ? 0 : c - h
	WH = c + h > 1 ? 1 : c + h
}

function abs(x) {
	return x < 0 ? -x : x
}

function row(fig, part, b, n, d, pct, lo, hi, v) {
	print csvq(fig) "," part "," b "," n "," (d == "" ? "" : num(d)) "," pct "," lo "," hi "," v
}
