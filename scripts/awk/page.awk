# page.awk (kpi-report): index.html, one page, self-contained (inline CSS
# and SVG, no script, no link to fetch), well-formed as XML too, every
# text from the data escaped; from the report's folder KR_TMP and the
# labels and dates in KR_*.
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f page.awk

BEGIN {
	PROG = "kpi-report"
	T = ENVIRON["KR_TMP"]
	L = ENVIRON["KR_LABEL"]
	LP = ENVIRON["KR_PREV_LABEL"]
	LA = ENVIRON["KR_AGO_LABEL"]
	title = ENVIRON["KR_TITLE"]
	# The stages' columns in the tools' outputs: the first stage is
	# counted as the leads, the last as the customers.
	ns = split(ENVIRON["KR_STAGES"], ST, ",")
	FIRST = ST[1]
	LAST = ST[ns]
	RATE = FIRST "_to_" LAST
	SPENDS = ENVIRON["KR_SPENDS"] == "1"
	ROI = ENVIRON["KR_ROI"] == "1"
	CHANNELS = ENVIRON["KR_CHANNELS"] == "1"
	split("January February March April May June July August September October November December", MONTH, " ")
	currency()
	meta()
	load_summary()

	heading = (title != "" ? h(title) " \302\267 " : "") L
	print "<!DOCTYPE html>"
	print "<html lang=\"en\">"
	print "<head>"
	print "<meta charset=\"utf-8\" />"
	print "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"
	print "<meta name=\"generator\" content=\"kpi-report (kpikit) " h(ENVIRON["KR_VERSION"]) "\" />"
	print "<title>" (title != "" ? h(title) " \342\200\224 " : "") L " sales and marketing report</title>"
	style()
	print "</head>"
	print "<body>"
	print "<header>"
	print "<p class=\"kicker\">Quarterly sales and marketing report</p>"
	print "<h1>" heading "</h1>"
	print "<p class=\"sub\">" longday(ENVIRON["KR_FIRST"]) " to " longday(ENVIRON["KR_LAST"]) \
	    ", compared with the quarter before (" LP ") and the same quarter a year ago (" LA "). " \
	    "Every figure is as the data stood at the end of its quarter. Report of " \
	    longday(ENVIRON["KR_ASOF"]) ".</p>"
	print "</header>"
	print "<main>"
	alerts()

	headlines()
	highlights()

	print "<section id=\"funnel\">"
	print "<h2>The funnel</h2>"
	print "<p class=\"note\">The " fmt("count", S["n", "leads"]) " leads created in " L " and the furthest stage each had reached by " longday(ENVIRON["KR_LAST"]) ". Leads created late in the quarter have had little time; so had those of every earlier quarter at its own end, which is what the conversion below compares. These are the quarter's own leads, its cohort: the headline MQLs, SQLs and customers count every lead that reached the stage in the quarter, whenever it was created, so the two differ.</p>"
	chart("funnel", "The funnel of the leads created in " L)
	print "</section>"

	print "<section id=\"conversion\">"
	print "<h2>Conversion, last eight quarters</h2>"
	print "<p class=\"note\">The share of each quarter's leads that had become customers by the quarter's end; the band is the 95% Wilson interval, the range the true rate is likely in given so few customers.</p>"
	chart("conversion", "Lead to customer conversion per quarter")
	print "</section>"

	print "<section id=\"cac\">"
	print "<h2>Customer acquisition cost, last eight quarters</h2>"
	if (SPENDS) {
		print "<p class=\"note\">Each quarter's spend over the customers won in it: marketing only, and fully loaded with the sales team's cost.</p>"
		chart("cac", "Customer acquisition cost per quarter")
	} else {
		print "<p class=\"note\">Left out: no spend table was given (--spend), so there is no CAC, ROI or ROAS; they are not shown as 0.</p>"
	}
	print "</section>"

	if (ENVIRON["KR_PIPELINE"] == "1")
		pipeline()
	if (ENVIRON["KR_RETENTION"] == "1")
		retention()
	if (ENVIRON["KR_ORDERS"] == "1")
		lifetime()
	if (ENVIRON["KR_SCORE"] == "1")
		scoring()
	if (ENVIRON["KR_CHANNELS"] == "1")
		channels()
	all_figures()
	quality()
	definitions()

	print "</main>"
	print "<footer>"
	print "<p>Written by kpi-report (kpikit) " h(ENVIRON["KR_VERSION"]) " for " L ", as of " h(ENVIRON["KR_ASOF"]) ". The CSV files beside this page hold every figure.</p>"
	print "</footer>"
	print "</body>"
	print "</html>"
}

# The warnings that need a person (KR_WORK/alerts, one a line: a stale
# export, a figure or chart that could not be computed), as a banner
# above everything else; nothing when there are none.
function alerts(    f, m, n) {
	f = ENVIRON["KR_WORK"] "/alerts"
	n = 0
	while ((getline m < f) > 0) {
		if (m == "")
			continue
		if (n++ == 0) {
			print "<section id=\"alerts\" class=\"alert\" role=\"alert\">"
			print "<h2>Check before reading</h2>"
			print "<ul>"
		}
		print "<li>" h(m) "</li>"
	}
	close(f)
	if (n > 0) {
		print "</ul>"
		print "</section>"
	}
}

# ---- Numbers and words ----

function h(s) {
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s)
	gsub(/'/, "\\&#39;", s)
	return s
}

function abs(x) {
	return x < 0 ? -x : x
}

function grp(s,    neg, out) {
	neg = ""
	if (s ~ /^-/) {
		neg = "\342\210\222"
		s = substr(s, 2)
	}
	out = ""
	while (length(s) > 3) {
		out = "," substr(s, length(s) - 2) out
		s = substr(s, 1, length(s) - 3)
	}
	return neg s out
}

function round0(x) {
	return sprintf("%.0f", x)
}

# A value for people: KIND is count, money, rate, days or times.
function fmt(kind, v,    x) {
	if (v == "")
		return "\342\200\224"
	x = v + 0
	if (kind == "count")
		return grp(round0(x))
	if (kind == "money")
		return (x < 0 ? "\342\210\222" : "") SYM grp(round0(abs(x))) SUF
	if (kind == "rate")
		return sprintf("%.1f%%", 100 * x)
	if (kind == "days")
		return sprintf("%.1f", x)
	if (kind == "times")
		return sprintf("%.2f\303\227", x)
	if (kind == "ratio")
		return sprintf("%.3f", x)
	return h(v)
}

# The change from B to A, for people: the arrow, the amount (percentage
# points for rates, else percent), in the colour of better or worse.
function change(name, a, b, vs,    d, cls, arrow, amount, k, x) {
	k = KIND[name]
	if (b == "")
		return "<span class=\"chg none\">no figure for " vs "</span>"
	if (a == "")   # none now, one then: show it, not a missing "then"
		return "<span class=\"chg none\">" vs ": " fmt(k, b) "</span>"
	x = a - b
	if (k == "rate") {
		amount = sprintf("%.1f pt", abs(100 * x))
		if (sprintf("%.1f", abs(100 * x)) == "0.0")
			x = 0
	} else if (b + 0 == 0) {
		amount = ""
	} else {
		amount = sprintf("%.1f%%", abs(100 * x / b))
		if (sprintf("%.1f", abs(100 * x / b)) == "0.0")
			x = 0
	}
	if (x == 0)
		return "<span class=\"chg same\">= same as " vs "</span>"
	arrow = x > 0 ? "\342\226\262" : "\342\226\274"
	d = DIR[name] * (x > 0 ? 1 : -1)
	cls = d > 0 ? "good" : d < 0 ? "bad" : "flat"
	if (amount == "")
		amount = "from 0"
	return "<span class=\"chg " cls "\"><b>" arrow " " amount "</b> vs " vs " (" fmt(k, b) ")</span>"
}

function longday(d,    y, mo, dd) {
	y = substr(d, 1, 4)
	mo = substr(d, 6, 2) + 0
	dd = substr(d, 9, 2) + 0
	return dd " " MONTH[mo] " " y
}

# The report's currency (currency.awk's): a prefix (a symbol) or a suffix
# (a code), KR_MONEY_PREFIX and KR_MONEY_SUFFIX.
function currency() {
	SYM = h(ENVIRON["KR_MONEY_PREFIX"])
	SUF = h(ENVIRON["KR_MONEY_SUFFIX"])
}

# name, label, kind, and which way is better (1 up, -1 down, 0 neither).
function meta() {
	defm("leads", "Leads created", "count", 1)
	defm("mql", "Leads that became MQLs", "count", 1)
	defm("sql", "Leads that became SQLs", "count", 1)
	defm("opportunities", "Opportunities opened", "count", 1)
	defm("customers", "Customers won", "count", 1)
	defm("lead_to_customer", "Lead to customer, the quarter's leads by its end", "rate", 1)
	defm("lead_to_customer_lo", "\342\200\246 its 95% interval, low", "rate", 0)
	defm("lead_to_customer_hi", "\342\200\246 its 95% interval, high", "rate", 0)
	defm("sales_cycle_median_days", "Sales cycle in days, median of the deals won", "days", -1)
	defm("sales_cycle_km_median_days", "Sales cycle in days, Kaplan\342\200\223Meier median", "days", -1)
	defm("marketing_spend", "Marketing spend", "money", 0)
	defm("sales_spend", "Sales spend", "money", 0)
	defm("spend", "Spend, marketing and sales", "money", 0)
	defm("cac_marketing", "CAC, marketing only", "money", -1)
	defm("cac_fully_loaded", "CAC, fully loaded", "money", -1)
	defm("revenue", "Revenue of the deals won", "money", 1)
	defm("roi", "ROI, on all spend", "rate", 1)
	defm("roas", "ROAS, on all spend", "times", 1)
	defm("order_revenue", "Revenue from orders", "money", 1)
	defm("clv_12m", "Average CLV, next 12 months", "money", 1)
	defm("win_rate", "Win rate, deals won of those closed", "rate", 1)
	defm("win_rate_lo", "\342\200\246 its 95% interval, low", "rate", 0)
	defm("win_rate_hi", "\342\200\246 its 95% interval, high", "rate", 0)
	defm("value_win_rate", "Win rate by value", "rate", 1)
	defm("avg_won_deal", "Average won deal", "money", 1)
	defm("avg_cycle_days", "Sales cycle in days, mean of the deals won", "days", -1)
	defm("open_deals", "Open deals at the quarter's end", "count", 1)
	defm("open_pipeline", "Open pipeline (the open deals' amounts)", "money", 1)
	defm("sales_velocity", "Sales velocity, a day", "money", 1)
	defm("coverage", "Pipeline coverage of the target", "times", 1)
	defm("required_coverage", "Coverage needed at the win rate", "times", 0)
	defm("lead_score_auc", "Lead score's AUC (0.5: chance, 1: perfect)", "ratio", 1)
	defm("lead_score_auc_lo", "\342\200\246 its 95% interval, low", "ratio", 0)
	defm("lead_score_auc_hi", "\342\200\246 its 95% interval, high", "ratio", 0)
	defm("lead_score_top_decile_lift", "Lead score's top-decile lift", "times", 1)
	defm("nrr", "Net revenue retention", "rate", 1)
	defm("grr", "Gross revenue retention", "rate", 1)
	defm("logo_churn", "Logo churn", "rate", -1)
}

function defm(name, label, kind, dir) {
	LABEL[name] = label
	KIND[name] = kind
	DIR[name] = dir
}

function load_summary(    f, n, r, name, i, w) {
	f = T "/summary.csv"
	n = load(f)
	NS = 0
	for (r = 1; r <= n; r++) {
		name = cell(f, r, "kpi")
		SN[++NS] = name
		S["n", name] = cell(f, r, "this_quarter")
		S["p", name] = cell(f, r, "previous_quarter")
		S["a", name] = cell(f, r, "year_ago")
		if (name ~ /^cac_fully_loaded:/) {
			LABEL[name] = "CAC, fully loaded: " h(substr(name, 18))
			KIND[name] = "money"
			DIR[name] = -1
		}
	}
	# Spend, marketing and sales together, for a headline.
	for (i = 1; i <= 3; i++) {
		w = substr("npa", i, 1)
		S[w, "spend"] = S[w, "marketing_spend"] == "" ? "" : S[w, "marketing_spend"] + S[w, "sales_spend"]
	}
}

# ---- Sections ----

function card(name, label, extra,    s) {
	if (!(("n", name) in S))
		return
	s = "<div class=\"card\"><div class=\"label\">" label "</div>"
	if (KIND[name] == "days" && S["n", name] != "")
		s = s "<div class=\"value\">" sprintf("%.0f", S["n", name]) "<small> days</small></div>"
	else
		s = s "<div class=\"value\">" fmt(KIND[name], S["n", name]) "</div>"
	if (extra != "")
		s = s "<div class=\"extra\">" extra "</div>"
	s = s "<div class=\"vs\">" change(name, S["n", name], S["p", name], LP) "</div>"
	s = s "<div class=\"vs\">" change(name, S["n", name], S["a", name], LA) "</div>"
	print s "</div>"
}

function headlines(    ci) {
	print "<section id=\"headlines\">"
	print "<h2>Headlines</h2>"
	print "<div class=\"cards\">"
	card("leads", "Leads created", "in " L)
	card("mql", "MQLs", "leads that became MQLs in " L ", whenever created")
	card("sql", "SQLs", "leads that became SQLs in " L ", whenever created")
	card("customers", "Customers won", "in " L ", whenever created")
	ci = ""
	if (S["n", "lead_to_customer_lo"] != "")
		ci = "95% interval " fmt("rate", S["n", "lead_to_customer_lo"]) " to " fmt("rate", S["n", "lead_to_customer_hi"])
	card("lead_to_customer", "Lead to customer", ci)
	card("sales_cycle_km_median_days", "Sales cycle",
	    "Kaplan\342\200\223Meier median; of the deals won: " fmt("days", S["n", "sales_cycle_median_days"]))
	card("cac_fully_loaded", "CAC, fully loaded", "marketing only: " fmt("money", S["n", "cac_marketing"]))
	card("roas", "ROAS", "ROI " fmt("rate", S["n", "roi"]))
	card("revenue", "Revenue won", "the deals won in the quarter")
	card("spend", "Spend", "marketing " fmt("money", S["n", "marketing_spend"]) ", sales " fmt("money", S["n", "sales_spend"]))
	card("order_revenue", "Revenue from orders", "")
	card("clv_12m", "CLV, next 12 months", "per customer, predicted" clv_range())
	print "</div>"
	print "<p class=\"legend\">\342\226\262 \342\226\274 the change against " LP " and against " LA ": <span class=\"chg good\"><b>better</b></span>, <span class=\"chg bad\"><b>worse</b></span> (underlined), <span class=\"chg flat\"><b>neither</b></span>.</p>"
	print "</section>"
}

# Sentences on what moved most, from the channels' last four quarters.
function highlights(    f, g, n, r, c, p, i, up, upc, down, downc, cheap, cheapc, x, lines) {
	f = T "/cac-by-channel-4q.csv"
	g = T "/conversion-by-channel-4q.csv"
	n = load(f)
	lines = 0
	load_moved()
	if (S["n", "customers"] != "") {
		HL[++lines] = "<b>" fmt("count", S["n", "customers"]) " customers won</b> in " L " " \
		    plain("customers", S["n", "customers"], S["p", "customers"], LP) \
		    (SPENDS ? ", at a fully loaded CAC of <b>" fmt("money", S["n", "cac_fully_loaded"]) "</b> " \
		    plain("cac_fully_loaded", S["n", "cac_fully_loaded"], S["p", "cac_fully_loaded"], LP) : "") \
		    why2("cac_fully_loaded", "spend", "spend", "customers", "customers won") "."
	}
	# Conversion: the change with its interval, and Kitagawa's split
	# into the channels' mix and their own rates.
	if (("lead_to_customer", "total") in MV) {
		HL[++lines] = "Of " L "'s leads, <b>" fmt("rate", MVN["lead_to_customer", "total"]) "</b> were customers by its end, against " \
		    fmt("rate", MVB["lead_to_customer", "total"]) " of " LP "'s by its own: " noise("lead_to_customer") \
		    ((("lead_to_customer", "channel_mix") in MV) ? "; of the change, " pt(MV["lead_to_customer", "channel_mix"]) " came from the mix of channels (more or fewer leads from the channels that convert best) and " pt(MV["lead_to_customer", "channel_rates"]) " from the channels' own rates" : "") "."
	}
	if (("revenue", "total") in MV)
		HL[++lines] = "Revenue of the deals won <b>" fmt("money", MVN["revenue", "total"]) "</b> " \
		    plain("revenue", MVN["revenue", "total"], MVB["revenue", "total"], LP) \
		    why2("revenue", "customers", "customers", "average_deal", "the average deal") "."
	# Velocity, and each lever's effect when pipeline gave all four (a
	# factor of 0 gives none).
	if (("sales_velocity", "total") in MV)
		HL[++lines] = "Sales velocity <b>" fmt("money", MVN["sales_velocity", "total"]) "</b> a day " \
		    plain("sales_velocity", MVN["sales_velocity", "total"], MVB["sales_velocity", "total"], LP) \
		    (MVP["sales_velocity", "open_deals"] != "" && MVP["sales_velocity", "win_rate"] != "" && \
		     MVP["sales_velocity", "deal_size"] != "" && MVP["sales_velocity", "cycle"] != "" ? \
		    ": each lever alone, open deals " pct(MVP["sales_velocity", "open_deals"]) ", win rate " \
		    pct(MVP["sales_velocity", "win_rate"]) ", deal size " pct(MVP["sales_velocity", "deal_size"]) \
		    ", the " (MVP["sales_velocity", "cycle"] + 0 >= 0 ? "shorter" : "longer") " cycle " pct(MVP["sales_velocity", "cycle"]) : "") \
		    ((("win_rate", "total") in MV) ? "; the win rate, " fmt("rate", MVN["win_rate", "total"]) " against " fmt("rate", MVB["win_rate", "total"]) ", " noise("win_rate") : "") "."
	up = down = cheap = ""
	for (r = 1; r <= n; r++) {
		if (cell(f, r, "period") != ENVIRON["KR_SPAN_NOW"])
			continue
		c = cell(f, r, "channel")
		x = cell(f, r, "cac_fully_loaded")
		p = cell(f, find(f, "period", ENVIRON["KR_SPAN_BEFORE"], "channel", c), "cac_fully_loaded")
		if (x != "" && (cheap == "" || x + 0 < cheap + 0)) {
			cheap = x
			cheapc = c
		}
		if (x == "" || p == "" || p + 0 == 0)
			continue
		if (x / p - 1 > 0.25 && (up == "" || x / p > up)) {
			up = x / p
			upc = c
		}
		if (x / p - 1 < -0.25 && (down == "" || x / p < down)) {
			down = x / p
			downc = c
		}
	}
	if (up != "")
		HL[++lines] = moved(upc, "rose")
	if (down != "")
		HL[++lines] = moved(downc, "fell")
	if (cheap != "" && cheapc != upc && cheapc != downc)
		HL[++lines] = "<b>" h(cheapc) "</b> won its customers cheapest over the last four quarters: " fmt("money", cheap) " each, fully loaded."
	if (lines == 0)
		return
	print "<section id=\"highlights\">"
	print "<h2>What moved</h2>"
	print "<ul class=\"highlights\">"
	for (i = 1; i <= lines; i++)
		print "<li>" HL[i] "</li>"
	print "</ul>"
	print "</section>"
}

# what-moved.csv (moved.awk) into MV[figure, part] (the change), MVB and
# MVN (before and now), MVP (the change in percent), MVL, MVH and MVV (the
# change's interval and verdict).
function load_moved(    f, n, r, k) {
	f = T "/what-moved.csv"
	n = load(f)
	for (r = 1; r <= n; r++) {
		k = cell(f, r, "figure") SUBSEP cell(f, r, "part")
		MV[k] = cell(f, r, "change")
		MVB[k] = cell(f, r, "before")
		MVN[k] = cell(f, r, "now")
		MVP[k] = cell(f, r, "change_pct")
		MVL[k] = cell(f, r, "change_lo")
		MVH[k] = cell(f, r, "change_hi")
		MVV[k] = cell(f, r, "verdict")
	}
}

# A change of a share in points, signed.
function pt(x,    s) {
	s = sprintf("%.1f", 100 * x)
	if (s == "-0.0" || s == "0.0")
		return "0.0 pt"
	return (x > 0 ? "+" : "\342\210\222") sprintf("%.1f", abs(100 * x)) " pt"
}

# A change in percent, signed.
function pct(x,    s) {
	if (x == "")
		return "\342\200\224"
	s = sprintf("%.1f", abs(x))
	if (s == "0.0")
		return "0.0%"
	return (x > 0 ? "+" : "\342\210\222") s "%"
}

# The change of share FIG with its 95% interval (Newcombe's), and whether
# it is a real change or within noise.
function noise(fig,    k) {
	k = fig SUBSEP "total"
	return pt(MV[k]) ", 95% interval " pt(MVL[k]) " to " pt(MVH[k]) ": " \
	    (MVV[k] == "real" ? "<b>a real change</b>" : "within noise")
}

# The two parts of a ratio's change (CAC: spend and customers; revenue:
# customers and the average deal), each with its own change.
function why2(fig, a, alab, b, blab) {
	if (!((fig, a) in MV) || !((fig, b) in MV) || MVP[fig, a] == "" || MVP[fig, b] == "")
		return ""
	return ": " alab " " pct(MVP[fig, a]) ", " blab " " pct(MVP[fig, b])
}

function plain(name, a, b, vs,    x) {
	if (a == "" || b == "" || b + 0 == 0)
		return ""
	x = 100 * (a - b) / abs(b)
	if (sprintf("%.0f", abs(x)) == "0")
		return "(as in " vs ")"
	return "(" (x > 0 ? "up " : "down ") sprintf("%.0f%%", abs(x)) " on " vs ")"
}

function moved(c, how,    f, g, now, before, cn, cb, s) {
	f = T "/cac-by-channel-4q.csv"
	g = T "/conversion-by-channel-4q.csv"
	now = cell(f, find(f, "period", ENVIRON["KR_SPAN_NOW"], "channel", c), "cac_fully_loaded")
	before = cell(f, find(f, "period", ENVIRON["KR_SPAN_BEFORE"], "channel", c), "cac_fully_loaded")
	s = "<b>" h(c) "</b>: its fully loaded CAC " how " to <b>" fmt("money", now) "</b> over the last four quarters, from " fmt("money", before) " in the four before (" (now > before ? "+" : "\342\210\222") sprintf("%.0f%%", abs(100 * (now / before - 1))) ")"
	cn = cell(g, find(g, "period", ENVIRON["KR_SPAN_NOW"], "channel", c), RATE)
	cb = cell(g, find(g, "period", ENVIRON["KR_SPAN_BEFORE"], "channel", c), RATE)
	if (cn != "" && cb != "")
		s = s "; " (cn + 0 < cb + 0 ? "meanwhile only " : "") fmt("rate", cn) " of its leads became customers, against " fmt("rate", cb) \
		    ((("lead_to_customer:" c, "total") in MV) ? " (" noise("lead_to_customer:" c) ")" : "")
	return s "."
}

# An SVG chart of kpi-plot, inline: its ids made unique on the page, its
# namespace declarations and fixed size dropped (HTML needs neither), its
# xlink:href an SVG 2 href.
function chart(name, alt,    f, line, st, head) {
	f = T "/" name ".svg"
	if ((getline line < f) <= 0) {
		print "<p class=\"nochart\">No chart: no data for it.</p>"
		return
	}
	print "<figure class=\"chart\" style=\"--w: " least(f) "px\">"
	head = 1
	do {
		if (line ~ /^<\?xml/)
			continue
		if (head) {
			if (line ~ /^<svg/) {
				print "<svg role=\"img\" aria-label=\"" h(alt) "\""
				continue
			}
			if (line ~ /^ *(width|xmlns)/)
				continue
			if (line ~ /^>/)
				head = 0
		}
		if (line ~ /^<title>Gnuplot<\/title>$/ || line ~ /^<desc>/)
			continue
		if (line !~ /<text|<title|<tspan/) {
			gsub(/id='/, "id='" name "-", line)
			gsub(/id="/, "id=\"" name "-", line)
			gsub(/xlink:href='#/, "href='#" name "-", line)
			gsub(/xlink:href="#/, "href=\"#" name "-", line)
			gsub(/url\(#/, "url(#" name "-", line)
		}
		print line
	} while ((st = (getline line < f)) > 0)
	close(f)
	print "</figure>"
}

# The least width chart F is drawn at, in CSS px: its own width times 9
# over its smallest font size, so that no text of it is under 9 px, and
# never more than its own width; narrower screens scroll it in its box.
function least(f,    line, w, fs, x) {
	while ((getline line < f) > 0) {
		if (!w && line ~ /^ *width=/)
			w = substr(line, index(line, "\"") + 1) + 0
		while (match(line, /font-size="[0-9.]+"/)) {
			x = substr(line, RSTART + 11) + 0
			if (!fs || x < fs)
				fs = x
			line = substr(line, RSTART + RLENGTH)
		}
	}
	close(f)
	return fs > 9 ? int(w * 9 / fs + 0.999) : w
}

# Retention: NRR, GRR and logo churn of the quarter with their intervals
# (retention.csv: retention --rates), the quarter's bridge
# (retention-bridge.csv) and the cohort heatmap; every figure as the tool
# wrote it, rounded for the page as fmt() rounds.
function retention(    f, b, r, i, w, lb, x, ci, name, NM, k) {
	f = T "/retention.csv"
	b = T "/retention-bridge.csv"
	load(f)
	split("nrr grr logo_churn", NM, " ")
	for (i = 1; i <= 3; i++) {
		w = substr("npa", i, 1)
		lb = i == 1 ? L : i == 2 ? LP : LA
		r = find(f, "period", lb)
		for (k = 1; k <= 3; k++) {
			S[w, NM[k]] = r ? cell(f, r, NM[k]) : ""
			S[w, NM[k] "_lo"] = r ? cell(f, r, NM[k] "_lo") : ""
			S[w, NM[k] "_hi"] = r ? cell(f, r, NM[k] "_hi") : ""
		}
	}
	r = find(f, "period", L)
	print "<section id=\"retention\">"
	print "<h2>Retention</h2>"
	print "<p class=\"note\">The customers paying at the end of " LP " (" fmt("count", r ? cell(f, r, "customers_start") : "") "), and what became of them and of their revenue in " L ". The intervals are 95%: Wilson for logo churn, a bootstrap over customers for NRR and GRR.</p>"
	print "<div class=\"cards\">"
	for (k = 1; k <= 3; k++) {
		name = NM[k]
		ci = ""
		if (S["n", name "_lo"] != "")
			ci = "95% interval " fmt("rate", S["n", name "_lo"]) " to " fmt("rate", S["n", name "_hi"])
		card(name, LABEL[name], ci)
	}
	print "</div>"
	print "<h3>The bridge of " L "</h3>"
	r = find(b, "period", L)
	print "<div class=\"beside\">"
	print "<div class=\"scroll\"><table class=\"bridge\">"
	print "<thead><tr>" th("") th("Revenue") th("Customers") "</tr></thead>"
	print "<tbody>"
	bridge(b, r, "At the start (paying in " LP ")", "start", "customers_start")
	bridge(b, r, "+ new", "new", "new_customers")
	bridge(b, r, "+ reactivation", "reactivation", "reactivated_customers")
	bridge(b, r, "+ expansion", "expansion", "")
	bridge(b, r, "\342\210\222 contraction", "contraction", "")
	bridge(b, r, "\342\210\222 churn", "churn", "churned_customers")
	bridge(b, r, "At the end (paying in " L ")", "end", "customers_end")
	print "</tbody>"
	print "</table></div>"
	chart("retention-bridge", "The bridge of " L " as a waterfall: the revenue of " LP ", each move of " L " up or down from it, and the revenue of " L)
	print "</div>"
	print "<h3>Cohorts</h3>"
	print "<p class=\"note\">Of the customers who first paid in each quarter (rows), the share still paying each quarter after (columns, 0 the first quarter); the cells up to " L ".</p>"
	chart("retention-cohorts", "The share of each quarter's new customers still paying in each quarter since")
	print "</section>"
}

# The 95% interval of the quarter's CLV a customer, for its card: the
# bounds of the customers' total (clv-interval.csv's (all) row) over the
# customers; "" without them.
function clv_range(    ci, n, r) {
	ci = T "/clv-interval.csv"
	n = load(T "/clv.csv")
	if (n == 0 || !(r = find(ci, "customer_id", "(all)")) || cell(ci, r, "clv_lo") == "" || cell(ci, r, "clv_hi") == "")
		return ""
	return "; 95% interval " fmt("money", cell(ci, r, "clv_lo") / n) " to " fmt("money", cell(ci, r, "clv_hi") / n)
}

# Customer lifetime value: the predicted CLV of the quarter's customers
# (clv.csv, as the headline card has it), then the holdout check of the
# model behind it (clv-validation.csv: clv --validate errors, BG/NBD fitted
# on the orders up to the end of the quarter a year before) with its
# tracking chart; every figure as the tool wrote it, rounded for the page.
function lifetime(    p, v, ci, n, r, a, e, pe, how) {
	p = T "/clv.csv"
	ci = T "/clv-interval.csv"
	v = T "/clv-validation.csv"
	print "<section id=\"clv\">"
	print "<h2>Customer lifetime value</h2>"
	n = load(p)
	if (n > 0) {
		print "<p>The " fmt("count", n) " customers with an order by the end of " L " are worth <b>" fmt("money", S["n", "clv_12m"]) "</b> each on average over the next 12 months, as predicted from their orders so far: how often each bought and how recently (BG/NBD), and how much (Gamma\342\200\223Gamma), discounted at 1% a month. Each customer's prediction is in clv.csv.</p>"
		if ((r = find(ci, "customer_id", "(all)")) && cell(ci, r, "clv_lo") != "" && cell(ci, r, "clv_hi") != "")
			print "<p>Together they are worth <b>" fmt("money", cell(ci, r, "clv")) "</b> over those 12 months, and with 95% confidence between " fmt("money", cell(ci, r, "clv_lo")) " and " fmt("money", cell(ci, r, "clv_hi")) " (" fmt("money", cell(ci, r, "clv_lo") / n) " to " fmt("money", cell(ci, r, "clv_hi") / n) " a customer): the range holds both what the model does not know (its parameters, drawn 1,000 times from their fit) and chance (each customer's purchases simulated under each draw). Each customer's own interval is in clv-interval.csv.</p>"
	} else
		print "<p class=\"note\">Left out: no CLV for " L " (the data-quality section says why).</p>"
	print "<h3>Would the model have been right?</h3>"
	if (load(v) == 0 || !(r = find(v, "model", "bgnbd"))) {
		print "<p class=\"note\">Left out: there is no model fitted a year before, on the orders up to the end of " LA ", to check (the data-quality section says why).</p>"
		print "</section>"
		return
	}
	a = cell(v, r, "actual_total")
	e = cell(v, r, "expected_total")
	pe = cell(v, r, "percent_error")
	how = pe == "" ? "" : (pe + 0 >= 0.05 ? sprintf("%.1f%% too many", pe) : pe + 0 <= -0.05 ? sprintf("%.1f%% too few", -pe) : "within 0.1%")
	print "<p>Fitted only on the orders up to the end of " LA ", the same model expected the " fmt("count", cell(v, r, "customers")) " customers of then to make <b>" sprintf("%.1f", e) "</b> repeat purchases (days with an order) in the four quarters to the end of " L "; they made <b>" fmt("count", a) "</b>" (how != "" ? ": " how : "") ". Customer by customer it was off by " sprintf("%.2f", cell(v, r, "mae")) " purchases on average (root mean square " sprintf("%.2f", cell(v, r, "rmse")) "). The chart shows, week by week, where the prediction parts from the orders; clv-validation.csv has the figures.</p>"
	chart("clv-tracking", "Repeat purchases week by week since the first order, cumulative: what the customers made and what BG/NBD, fitted up to the dashed line, expected")
	print "</section>"
}

# Pipeline: the quarter's win rate, deal size, cycle, open deals and
# velocity (summary.csv, from pipeline --period quarter), the levers of
# the change of velocity from the quarter before (pipeline.csv, the
# --levers columns of the quarter's row) and the quarter's waterfall
# (pipeline-waterfall.csv) with its chart in deals; every figure as the
# tool wrote it, rounded for the page as fmt() rounds.
function pipeline(    f, b, r, w, k, ci, LV, LW, best, x, y, lv) {
	f = T "/pipeline.csv"
	b = T "/pipeline-waterfall.csv"
	load(f)
	load(b)
	print "<section id=\"pipeline\">"
	print "<h2>Pipeline</h2>"
	print "<p class=\"note\">The deals (leads that reached the opportunity stage) closed in " L ", won or lost, and those open at its end, as pipeline(1) counts them. The win rate's interval is the 95% Wilson interval. Velocity = open deals \303\227 win rate \303\227 average won deal \303\267 average cycle: the revenue a day the open deals are expected to bring at the quarter's pace.</p>"
	print "<div class=\"cards\">"
	ci = ""
	if (S["n", "win_rate_lo"] != "")
		ci = "95% interval " fmt("rate", S["n", "win_rate_lo"]) " to " fmt("rate", S["n", "win_rate_hi"])
	card("win_rate", "Win rate", ci)
	# A figure left empty for want of amounts says so where it is shown.
	card("value_win_rate", LABEL["value_win_rate"], S["n", "value_win_rate"] == "" && S["n", "win_rate"] != "" ? "no amounts on the lost or the won deals" : "")
	card("avg_won_deal", LABEL["avg_won_deal"], "")
	card("avg_cycle_days", "Sales cycle, mean", "")
	card("open_deals", "Open deals", S["n", "open_pipeline"] != "" ? fmt("money", S["n", "open_pipeline"]) " of open pipeline" : S["n", "open_deals"] + 0 > 0 ? "none of them has an amount" : "")
	card("sales_velocity", LABEL["sales_velocity"], "")
	if (ENVIRON["KR_TARGET"] == "1")
		card("coverage", LABEL["coverage"], (S["n", "coverage"] == "" && S["n", "open_deals"] + 0 > 0 ? "the open deals have no amounts; " : "") (S["n", "required_coverage"] == "" ? "" : fmt("times", S["n", "required_coverage"]) " needed at the win rate"))
	print "</div>"

	print "<h3>What moved velocity from " LP " to " L "</h3>"
	r = find(f, "period", L)
	w = r ? cell(f, r, "dln_velocity") : ""
	if (w == "") {
		print "<p class=\"note\">No split: velocity is not defined in " LP " or " L ", or one of its factors is 0.</p>"
	} else {
		split("open win_rate deal_size cycle", LV, " ")
		LW["open"] = "Open deals"
		LW["win_rate"] = "Win rate"
		LW["deal_size"] = "Average won deal"
		LW["cycle"] = "Cycle (shorter counts up)"
		best = ""
		for (k = 1; k <= 4; k++) {
			x = cell(f, r, "lever_" LV[k])
			if (best == "" || abs(x) > abs(y)) {
				best = LV[k]
				y = x
			}
		}
		print "<p class=\"note\">Velocity is a product, so the logarithm of its change is the sum of its factors' (ln of each factor's ratio, the cycle's with its sign turned); each share is a term over the total. The largest lever: <b>" LW[best] "</b> (" lnfmt(y) ").</p>"
		print "<div class=\"scroll\"><table class=\"levers\">"
		print "<thead><tr>" th("Lever") th("ln change") th("Share") "</tr></thead>"
		print "<tbody>"
		for (k = 1; k <= 4; k++) {
			lv = cell(f, r, "lever_" LV[k])
			x = cell(f, r, "share_" LV[k])
			print "<tr><th scope=\"row\">" LW[LV[k]] "</th>" td(lnfmt(lv), "num") td(x == "" ? "\342\200\224" : fmt("rate", x), "num") "</tr>"
		}
		print "<tr><th scope=\"row\">Velocity</th>" td(lnfmt(w), "num") td(fmt("rate", 1), "num") "</tr>"
		print "</tbody>"
		print "</table></div>"
	}

	print "<h3>The open deals through " L "</h3>"
	r = load(b) >= 1 ? 1 : 0
	print "<div class=\"beside\">"
	print "<div class=\"scroll\"><table class=\"bridge\">"
	print "<thead><tr>" th("") th("Deals") th("Amount") "</tr></thead>"
	print "<tbody>"
	wfrow(b, r, "Open at the end of " LP, "open_start")
	wfrow(b, r, "+ created", "created")
	wfrow(b, r, "\342\210\222 won", "won")
	wfrow(b, r, "\342\210\222 lost", "lost")
	wfrow(b, r, "Open at the end of " L, "open_end")
	print "</tbody>"
	print "</table></div>"
	chart("pipeline-waterfall", "The open deals of " L " as a waterfall: those open at the end of " LP ", the deals created, won and lost in " L ", and those open at its end")
	print "</div>"
	print "</section>"
}

# Lead scoring: how well the rules' score tells the leads that became
# customers within KR_SCORE_WINDOW days from the others (lead-score.csv,
# summary.csv's lead_score_*), the gains by decile as a chart, and the
# conversion of each grade (lead-score-grades.csv).
function scoring(    g, n, r, ci, grade) {
	g = T "/lead-score-grades.csv"
	n = load(g)
	print "<section id=\"scoring\">"
	print "<h2>Lead scoring</h2>"
	print "<p class=\"note\">The leads scored by the rules as of " L "'s end, as lead-score(1) scores them, and whether each became a customer within " ENVIRON["KR_SCORE_WINDOW"] " days of creation, over the leads " ENVIRON["KR_SCORE_WINDOW"] " days old by then. AUC: the chance that a lead that became a customer scores above one that did not (0.5 is a coin toss), with its 95% DeLong interval. Top-decile lift: how many times the average conversion the tenth of the leads with the highest scores converts.</p>"
	print "<div class=\"cards\">"
	ci = ""
	if (S["n", "lead_score_auc_lo"] != "")
		ci = "95% interval " fmt("ratio", S["n", "lead_score_auc_lo"]) " to " fmt("ratio", S["n", "lead_score_auc_hi"])
	card("lead_score_auc", "AUC of the score", ci)
	card("lead_score_top_decile_lift", "Top-decile lift", "")
	print "</div>"
	print "<h3>Conversion by grade, " L "</h3>"
	print "<div class=\"beside\">"
	print "<div class=\"scroll\"><table class=\"bridge\">"
	print "<thead><tr>" th("Grade") th("Leads") th("Customers") th("Lead to customer") th("95% interval") "</tr></thead>"
	print "<tbody>"
	for (r = 1; r <= n; r++) {
		grade = cell(g, r, "grade")
		print "<tr><th scope=\"row\">" (grade == "" ? "(none)" : h(grade)) "</th>" td(fmt("count", cell(g, r, FIRST)), "num") td(fmt("count", cell(g, r, LAST)), "num") td(fmt("rate", cell(g, r, RATE)), "num") td(cell(g, r, RATE "_lo") == "" ? "\342\200\224" : fmt("rate", cell(g, r, RATE "_lo")) " to " fmt("rate", cell(g, r, RATE "_hi")), "num") "</tr>"
	}
	print "</tbody>"
	print "</table></div>"
	chart("lead-score-gains", "The share of the customers found among the leads of the score's top deciles, " L)
	print "</div>"
	print "</section>"
}

# A log change for people: its sign, three decimals.
function lnfmt(v) {
	if (v == "")
		return "\342\200\224"
	return (v + 0 > 0 ? "+" : v + 0 < 0 ? "\342\210\222" : "") sprintf("%.3f", abs(v))
}

function wfrow(b, r, what, col) {
	print "<tr><th scope=\"row\">" what "</th>" td(fmt("count", r ? cell(b, r, col) : ""), "num") td(fmt("money", r ? cell(b, r, col "_amount") : ""), "num") "</tr>"
}

function bridge(b, r, what, money, count) {
	print "<tr><th scope=\"row\">" what "</th>" td(fmt("money", r ? cell(b, r, money) : ""), "num") td(count == "" ? "" : fmt("count", r ? cell(b, r, count) : ""), "num") "</tr>"
}

function th(s) {
	return "<th scope=\"col\">" s "</th>"
}

function td(s, cls) {
	return "<td" (cls != "" ? " class=\"" cls "\"" : "") ">" s "</td>"
}

# Channels: the quarter's table, the four quarters' chart and table.
function channels(    lc, cc, rc, f4, g4, n, r, c, i, j, t, s, a, b, x) {
	lc = T "/lead-convert-by-channel.csv"
	cc = T "/cac-by-channel.csv"
	rc = T "/roi-by-channel.csv"
	f4 = T "/cac-by-channel-4q.csv"
	g4 = T "/conversion-by-channel-4q.csv"
	nc = 0
	addch(lc)
	addch(cc)
	addch(rc)
	addch(f4)
	addch(g4)
	for (i = 2; i <= nc; i++) {
		t = CHN[i]
		for (j = i - 1; j >= 1 && CHN[j] > t; j--)
			CHN[j + 1] = CHN[j]
		CHN[j + 1] = t
	}
	print "<section id=\"channels\">"
	print "<h2>Channels</h2>"
	if (SPENDS) {
		print "<p class=\"note\">A quarter's CAC per channel rests on a handful of customers, so it jumps; over four quarters the trend shows.</p>"
		chart("cac-by-channel-4q", "Fully loaded CAC by channel, the last four quarters against the four before")
	}
	print "<h3>The last four quarters against the four before</h3>"
	print "<div class=\"scroll\"><table>"
	print "<thead><tr>" th("Channel") th("Lead to customer<br />" h(ENVIRON["KR_SPAN_BEFORE"])) th("Lead to customer<br />" h(ENVIRON["KR_SPAN_NOW"])) (SPENDS ? th("CAC, fully loaded<br />" h(ENVIRON["KR_SPAN_BEFORE"])) th("CAC, fully loaded<br />" h(ENVIRON["KR_SPAN_NOW"])) th("CAC change") : "") "</tr></thead>"
	print "<tbody>"
	for (i = 1; i <= nc; i++) {
		c = CHN[i]
		s = "<tr>" "<th scope=\"row\">" h(c) "</th>"
		s = s td(fmt("rate", cell(g4, find(g4, "period", ENVIRON["KR_SPAN_BEFORE"], "channel", c), RATE)), "num")
		s = s td(fmt("rate", cell(g4, find(g4, "period", ENVIRON["KR_SPAN_NOW"], "channel", c), RATE)), "num")
		if (SPENDS) {
			b = cell(f4, find(f4, "period", ENVIRON["KR_SPAN_BEFORE"], "channel", c), "cac_fully_loaded")
			a = cell(f4, find(f4, "period", ENVIRON["KR_SPAN_NOW"], "channel", c), "cac_fully_loaded")
			s = s td(fmt("money", b), "num") td(fmt("money", a), "num")
			x = ""
			if (a != "" && b != "" && b + 0 != 0)
				x = pctchg(a, b, -1)
			s = s td(x == "" ? "\342\200\224" : x, "num")
		}
		print s "</tr>"
	}
	print "</tbody>"
	print "</table></div>"
	print "<h3>" L " by channel</h3>"
	print "<div class=\"scroll\"><table>"
	print "<thead><tr>" th("Channel") th("Leads created") th("Lead to customer, by the quarter's end") (SPENDS ? th("Customers won") th("Spend") th("CAC, fully loaded") : "") (ROI ? th("ROAS") : "") "</tr></thead>"
	print "<tbody>"
	for (i = 1; i <= nc; i++) {
		c = CHN[i]
		r = find(cc, "channel", c)
		s = "<tr>" "<th scope=\"row\">" h(c) "</th>"
		s = s td(fmt("count", cell(lc, find(lc, "channel", c), FIRST)), "num")
		s = s td(fmt("rate", cell(lc, find(lc, "channel", c), RATE)), "num")
		if (SPENDS) {
			s = s td(fmt("count", cell(cc, r, "new_customers")), "num")
			x = r ? cell(cc, r, "marketing_spend") + cell(cc, r, "sales_spend") : ""
			s = s td(fmt("money", x), "num")
			s = s td(fmt("money", cell(cc, r, "cac_fully_loaded")), "num")
		}
		if (ROI)
			s = s td(fmt("times", cell(rc, find(rc, "channel", c), "roas")), "num")
		print s "</tr>"
	}
	print "</tbody>"
	print "</table></div>"
	print "</section>"
}

function addch(f,    n, r, c) {
	n = load(f)
	for (r = 1; r <= n; r++) {
		c = cell(f, r, "channel")
		if (!(c in ISCH)) {
			ISCH[c] = 1
			CHN[++nc] = c
		}
	}
}

# A relative change with its arrow, coloured by DIR.
function pctchg(a, b, dir,    x, d) {
	x = 100 * (a - b) / abs(b)
	if (sprintf("%.1f", abs(x)) == "0.0")
		return "<span class=\"chg same\">=</span>"
	d = dir * (x > 0 ? 1 : -1)
	return "<span class=\"chg " (d > 0 ? "good" : d < 0 ? "bad" : "flat") "\">" (x > 0 ? "\342\226\262 +" : "\342\226\274 \342\210\222") sprintf("%.1f%%", abs(x)) "</span>"
}

function all_figures(    i, name, a, b, s, k) {
	print "<section id=\"figures\">"
	print "<h2>Every figure</h2>"
	print "<p class=\"note\">summary.csv, as it is written beside this page; the definitions are at the end.</p>"
	print "<div class=\"scroll\"><table class=\"figures\">"
	print "<thead><tr>" th("") th(L) th(LP) th("Change") th(LA) "</tr></thead>"
	print "<tbody>"
	for (i = 1; i <= NS; i++) {
		name = SN[i]
		k = KIND[name]
		a = S["n", name]
		b = S["p", name]
		s = "<tr" (name ~ /_(lo|hi)$/ ? " class=\"sub\"" : "") "><th scope=\"row\">" LABEL[name] "</th>"
		s = s td(fmt(k, a), "num") td(fmt(k, b), "num")
		if (name ~ /_(lo|hi)$/ || a == "" || b == "")
			s = s td("", "num")
		else if (k == "rate")
			s = s td(ptchg(a, b, DIR[name]), "num")
		else if (b + 0 == 0)
			s = s td("", "num")
		else
			s = s td(pctchg(a, b, DIR[name]), "num")
		s = s td(fmt(k, S["a", name]), "num")
		print s "</tr>"
	}
	print "</tbody>"
	print "</table></div>"
	print "</section>"
}

# A change of a rate in percentage points.
function ptchg(a, b, dir,    x, d) {
	x = 100 * (a - b)
	if (sprintf("%.1f", abs(x)) == "0.0")
		return "<span class=\"chg same\">=</span>"
	d = dir * (x > 0 ? 1 : -1)
	return "<span class=\"chg " (d > 0 ? "good" : d < 0 ? "bad" : "flat") "\">" (x > 0 ? "\342\226\262 +" : "\342\226\274 \342\210\222") sprintf("%.1f pt", abs(x)) "</span>"
}

function quality(    f, n, r, item, v, d, lab, nm) {
	f = T "/quality.csv"
	n = load(f)
	lab["leads_rows"] = "Rows read from the leads table"
	lab["leads_counted"] = "Leads read from the leads table (as the tools count them)"
	lab["leads_skipped"] = "\342\200\246 skipped for a bad value (--skip-bad)"
	lab["leads_duplicates"] = "\342\200\246 left out for repeating an id (the first row counts)"
	lab["leads_after_quarter"] = "Leads created after the quarter, not in this report"
	lab["leads_last_created"] = "The latest lead created"
	lab["open_leads"] = "Leads still open at the quarter's end"
	lab["open_opportunities"] = "Opportunities still open at the quarter's end"
	lab["spend_rows"] = "Rows read from the spend table"
	lab["spend_last_day"] = "The latest day in the spend table"
	lab["orders_rows"] = "Rows read from the order log"
	lab["orders_skipped"] = "\342\200\246 skipped for a bad value (--skip-bad)"
	lab["orders_customers"] = "Customers with an order"
	print "<section id=\"quality\">"
	print "<h2>Data quality</h2>"
	print "<div class=\"scroll\"><table class=\"quality\">"
	print "<tbody>"
	nm = 0
	for (r = 1; r <= n; r++) {
		item = cell(f, r, "item")
		v = cell(f, r, "value")
		d = cell(f, r, "detail")
		if (item == "message") {
			MSG[++nm] = d
			continue
		}
		print "<tr><th scope=\"row\">" (item in lab ? lab[item] : h(item)) "</th>" td(v ~ /^[0-9]+$/ ? grp(v) : h(v), "num") td(item ~ /_(rows|counted)$/ ? h(d) : "", "") "</tr>"
	}
	print "</tbody>"
	print "</table></div>"
	if (nm > 0) {
		print "<h3>What the tools said</h3>"
		print "<ul class=\"messages\">"
		for (r = 1; r <= nm; r++)
			print "<li><code>" h(MSG[r]) "</code></li>"
		print "</ul>"
	} else {
		print "<p class=\"note\">The tools reported nothing unusual.</p>"
	}
	print "</section>"
}

function definitions() {
	print "<section id=\"definitions\">"
	print "<h2>How the figures are defined</h2>"
	print "<dl>"
	dd("Leads, MQLs, SQLs, opportunities, customers", "What happened in the quarter: the leads created in it, and the leads that reached each stage in it (a skipped stage counts as passed when a later one is reached). Customers are the leads won in the quarter; rows repeating an id count once.")
	dd("Lead to customer", "Of the leads created in the quarter, the share that had become customers by its end, with the 95% Wilson interval. Each quarter is measured at its own end, so quarters compare on an equal footing.")
	if (ENVIRON["KR_CYCLES"] == "1")
		dd("Sales cycle", "Days from opportunity to won, for the opportunities opened in the quarter: the median of those won by its end, and the Kaplan\342\200\223Meier median, which also counts the deals still open (censored at the quarter's end) and so is not biased towards the fast ones.")
	if (SPENDS)
		dd("CAC", "The quarter's spend over the customers won in it: marketing only, and fully loaded with sales. Per channel, the same on the channel's own spend and customers.")
	if (ROI)
		dd("ROI and ROAS", "The revenue of the deals won in the quarter (their amount) against all its spend: ROI = (revenue \342\210\222 spend) / spend, ROAS = revenue / spend.")
	if (ENVIRON["KR_ORDERS"] == "1")
		dd("Revenue from orders", "The amounts of the orders dated in the quarter.")
	if (ENVIRON["KR_PIPELINE"] == "1") {
		dd("Pipeline", "From the leads table's amount column, as pipeline(1) counts: a deal is a lead that reached the opportunity stage; it is won when it reached customer, lost when it has a lost date, open otherwise. Win rate = won / closed in the quarter (by value: won amount / closed amount); average won deal = won amount / deals won with an amount; cycle = the mean days from opportunity to won; velocity = open \303\227 win rate \303\227 average won deal \303\267 cycle, and ln(velocity / velocity before) = its four levers' terms added. The waterfall: open at the end = open at the start + created \342\210\222 won \342\210\222 lost." (ENVIRON["KR_TARGET"] == "1" ? " Coverage = open pipeline / the target given; the coverage needed = 1 / win rate." : ""))
	}
	if (ENVIRON["KR_RETENTION"] == "1") {
		dd("Retention", "From the subscriptions' MRR at each quarter's end when a subscription table is given, else from the orders: a customer pays in a quarter when its amount there is above 0 (see retention(1)). Logo churn is the share of the customers paying in the quarter before who pay nothing in the quarter; GRR = (start \342\210\222 contraction \342\210\222 churn) / start and NRR = (start + expansion \342\210\222 contraction \342\210\222 churn) / start, on the revenue of those customers; new and reactivated customers are in neither. The bridge: end = start + new + reactivation + expansion \342\210\222 contraction \342\210\222 churn.")
	}
	if (ENVIRON["KR_ORDERS"] == "1")
		dd("CLV", "The average, over the customers with an order by the quarter's end, of the revenue each is expected to bring in the next 12 months, discounted at 1% a month: BG/NBD and Gamma-Gamma fitted to the orders up to the quarter's end.")
	print "</dl>"
	print "<p class=\"note\">The full definitions are in kpi-report(1). Files beside this page: summary.csv, quality.csv, what-moved.csv, and each tool's output: funnel.csv, conversion.csv" (ENVIRON["KR_CYCLES"] == "1" ? ", cycle-length.csv" : "") (CHANNELS ? ", lead-convert-by-channel.csv, conversion-by-channel-4q.csv" : "") (SPENDS ? ", cac.csv" : "") (SPENDS && CHANNELS ? ", cac-by-channel.csv, cac-by-channel-4q.csv" : "") (ROI ? ", roi.csv" : "") (ROI && CHANNELS ? ", roi-by-channel.csv" : "") (ENVIRON["KR_ORDERS"] == "1" ? ", clv-historical.csv, clv-fit.csv, clv.csv" (load(T "/clv-interval.csv") > 0 ? ", clv-interval.csv" : "") (load(T "/clv-validation.csv") > 0 ? ", clv-validation.csv, clv-tracking.csv" : "") : "") (ENVIRON["KR_PIPELINE"] == "1" ? ", pipeline.csv, pipeline-waterfall.csv" : "") (ENVIRON["KR_RETENTION"] == "1" ? ", retention.csv, retention-bridge.csv, retention-cohorts.csv" : "") "; the charts as SVG and PNG.</p>"
	print "</section>"
}

function dd(t, d) {
	print "<dt>" t "</dt><dd>" d "</dd>"
}

function style() {
	print "<style>"
	print ":root { --ink: #1d2330; --muted: #5b6472; --line: #d9dde3; --good: #17703a; --bad: #b3261e; --accent: #0072b2; }"
	print "* { box-sizing: border-box; }"
	print "body { margin: 0; color: var(--ink); background: #f4f5f7; font: 15px/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif; }"
	print "header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 28px; }"
	print "header { padding-top: 32px; padding-bottom: 8px; }"
	print ".kicker { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; font-size: 12px; }"
	print "h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.2; }"
	print ".sub { margin: 0; color: var(--muted); max-width: 60em; }"
	print "section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px 20px; margin: 18px 0; }"
	print "h2 { margin: 0 0 10px; font-size: 19px; }"
	print "h3 { margin: 22px 0 8px; font-size: 15px; }"
	print ".note { color: var(--muted); margin: 0 0 10px; max-width: 62em; }"
	print ".cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; }"
	print ".card { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; break-inside: avoid; container-type: inline-size; }"
	print ".card .label { color: var(--muted); font-size: 13px; font-weight: 600; }"
	print ".card .value { font-size: 28px; font-size: clamp(16px, 17cqi, 28px); font-weight: 700; font-variant-numeric: tabular-nums; margin: 2px 0; overflow-wrap: anywhere; }"
	print ".card .value small { font-size: 15px; font-weight: 600; color: var(--muted); }"
	print ".legend { color: var(--muted); font-size: 12.5px; margin: 10px 0 0; }"
	print ".card .extra { color: var(--muted); font-size: 12.5px; margin-bottom: 4px; }"
	print ".card .vs { font-size: 12.5px; }"
	print ".chg b { font-weight: 700; }"
	print ".chg.good { color: var(--good); }"
	print ".chg.bad { color: var(--bad); }"
	print ".chg.flat, .chg.same, .chg.none { color: var(--muted); }"
	print ".chg.bad b { text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; }"
	print "ul.highlights { margin: 0; padding-left: 20px; }"
	print "ul.highlights li { margin: 4px 0; }"
	print "figure.chart { margin: 0; max-width: 100%; overflow-x: auto; }"
	print "figure.chart svg { display: block; width: 100%; min-width: var(--w, 0); height: auto; }"
	print ".scroll { max-width: 100%; overflow-x: auto; }"
	print "figure.chart svg text { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; }"
	print "table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }"
	print "th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }"
	print "thead th { font-size: 12.5px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }"
	print "td.num, thead th:not(:first-child) { text-align: right; }"
	print "tbody th { font-weight: 500; }"
	print "tr.sub th { font-weight: 400; color: var(--muted); padding-left: 24px; }"
	print "tr.sub td { color: var(--muted); }"
	print "table.quality td:last-child { color: var(--muted); }"
	print "ul.messages { padding-left: 20px; }"
	print ".alert { border: 2px solid var(--bad); border-radius: 6px; padding: 8px 16px; margin: 16px 0; background: #fdf1f0; }"
	print ".alert h2 { color: var(--bad); font-size: 17px; margin: 4px 0; }"
	print ".alert ul { padding-left: 20px; margin: 4px 0; }"
	print "ul.messages code { font-size: 12.5px; white-space: pre-wrap; word-break: break-word; }"
	print "dl { margin: 0; }"
	print "dt { font-weight: 600; margin-top: 8px; }"
	print "dd { margin: 2px 0 0 0; color: var(--muted); max-width: 62em; }"
	print "footer { color: var(--muted); font-size: 12.5px; padding-bottom: 32px; }"
	print "td .chg { white-space: nowrap; }"
	print "td .chg.bad { text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; }"
	print "#definitions dl + .note { margin-top: 14px; }"
	print ".nochart { color: var(--muted); font-style: italic; }"
	print ".beside { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }"
	print ".beside > * { flex: 2 1 300px; min-width: 0; }"
	print ".beside > figure.chart { flex: 3 1 var(--w, 450px); }"
	print "@media (max-width: 820px) { .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } }"
	print "@media (max-width: 600px) {"
	print "  header, main, footer { padding: 0 12px; }"
	print "  header { padding-top: 20px; padding-bottom: 4px; }"
	print "  h1 { font-size: 24px; }"
	print "  section { padding: 14px 12px 16px; margin: 12px 0; }"
	print "  .cards { gap: 8px; }"
	print "  .card { padding: 10px; }"
	print "  th, td { padding: 6px 8px; }"
	print "}"
	print "@media print {"
	print "  @page { size: A4; margin: 12mm; }"
	print "  body { background: #fff; font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }"
	print "  header, main, footer { max-width: none; padding: 0; }"
	print "  section { border: 0; border-radius: 0; padding: 0; margin: 0 0 14pt; }"
	print "  h2, h3 { break-after: avoid; }"
	print "  section#figures { break-before: page; }"
	print "  section#funnel, section#conversion, section#cac, section#highlights { break-inside: avoid; }"
	print "  section#retention { break-before: page; }"
	print "  table:not(.figures) { break-inside: avoid; }"
	print "  .beside { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }"
	print "  figure.chart, .scroll { overflow: visible; }"
	print "  figure.chart svg { min-width: 0; }"
	print "  .cards { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6pt; }"
	print "  .card .value { font-size: 18pt; }"
	print "  tr, figure { break-inside: avoid; }"
	print "}"
	print "</style>"
}
