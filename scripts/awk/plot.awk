# plot.awk: kpi-plot's program. Reads CSV on standard input (with the
# reader of csv.awk: awk -f csv.awk -f plot.awk) and writes the gnuplot
# script on standard output; the settings come in ENVIRON["KP_..."]. Bad
# data: a message on standard error and exit status 65. Portable awk
# (mawk, gawk, busybox, the one true awk), run with LC_ALL=C.

BEGIN {
	PROG = "kpi-plot"
	kind = ENVIRON["KP_KIND"]
	# A tracking chart is a series chart whose columns come from the
	# header of clv --validate tracking, with a line at the holdout.
	tracking = kind == "tracking"
	if (tracking)
		kind = "series"
	name = ENVIRON["KP_NAME"]
	CSVFILE = name
	term = ENVIRON["KP_TERM"]
	out = ENVIRON["KP_OUT"]
	reqw = ENVIRON["KP_WIDTH"]
	reqh = ENVIRON["KP_HEIGHT"]
	ttyw = ENVIRON["KP_TTYW"] + 0
	ttyh = ENVIRON["KP_TTYH"] + 0
	percent = ENVIRON["KP_PERCENT"]
	band = ENVIRON["KP_BAND"] == "yes"
	title = ENVIRON["KP_TITLE"]
	title_set = ENVIRON["KP_TITLE_SET"] == "1"

	NUMRE = "^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$"
	UTF8RE = "^([\001-\177]|[\302-\337][\200-\277]|[\340-\357][\200-\277][\200-\277]|[\360-\364][\200-\277][\200-\277][\200-\277])*$"
	# The lines and bars: Paul Tol's 12-colour qualitative scheme, safe
	# for colour-blind readers (P. Tol, "Colour Schemes", SRON technical
	# note SRON/EPS/TN/09-002, 2012, the scheme for 12 colours: indigo
	# #332288, blue #6699CC, cyan #88CCEE, teal #44AA99, green #117733,
	# olive #999933, sand #DDCC77, brown #661100, rose #CC6677, #AA4466,
	# wine #882255, purple #AA4499), taken in an order that puts the
	# most different first, so that a chart of 2 or 3 series gets hues
	# far apart; after 12 the colours come round again, dashed (bars:
	# hatched).
	NPAL = split("#332288 #DDCC77 #117733 #CC6677 #88CCEE #882255 #44AA99 #999933 #AA4499 #661100 #6699CC #AA4466", PAL, " ")
	# The funnel, the heatmap's scale and the waterfall keep Okabe and
	# Ito's blue (levels), bluish green (up) and vermillion (down).
	BLUE = "#0072B2"
	UP = "#009E73"
	DOWN = "#D55E00"
	# --money PREFIX and --money-suffix SUFFIX: amounts on the y axis and
	# the value labels as PREFIX1,234SUFFIX, a minus sign (U+2212) before.
	MONEYP = label(ENVIRON["KP_MONEY"])
	MONEYS = label(ENVIRON["KP_MONEY_SUFFIX"])
	money = ENVIRON["KP_MONEY_SET"] == "1"
	MINUS = "\342\210\222"
	# --labels FILE: the text shown for a column name or a value.
	if (ENVIRON["KP_LABELS"] != "")
		labels(ENVIRON["KP_LABELS"])
	SEP = " \302\267 "
	# Awks that keep NUL bytes (mawk, gawk) can see them; the others cut
	# the line there.
	NUL = sprintf("%c", 0)
	GREY = "#555555"
	# x labels longer than this are cut: rotated, they would leave no
	# room for the chart.
	XMAX = 24
	nhdr = 0
	nrows = 0
	nread = 0
	failed = 0
	# --where COL=VALUE, a line each: the rows to draw.
	nw = split(ENVIRON["KP_WHERE"], WL, "\n")
	while (nw > 0 && WL[nw] == "")
		nw--
	for (k = 1; k <= nw; k++) {
		WN[k] = substr(WL[k], 1, index(WL[k], "=") - 1)
		WV[k] = substr(WL[k], index(WL[k], "=") + 1)
	}
	wantrow = ENVIRON["KP_ROW"]
}

# A value in a message: control characters escaped, at most 60 bytes.
function esc(s,    o, i, c, n) {
	o = ""
	n = length(s)
	for (i = 1; i <= n && i <= 60; i++) {
		c = substr(s, i, 1)
		if (c == "\n") c = "\\n"
		else if (c == "\r") c = "\\r"
		else if (c == "\t") c = "\\t"
		else if (c == "\\") c = "\\\\"
		else if (c ~ /[\001-\037\177]/) c = sprintf("\\x%02x", ord(c))
		o = o c
	}
	if (n > 60) o = o "..."
	return o
}

function ord(c,    i) {
	if (!ORD_SET) {
		for (i = 1; i < 128; i++) ORD[sprintf("%c", i)] = i
		ORD_SET = 1
	}
	return ORD[c]
}

function trim(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	return s
}

# Text from the data as it is shown: control characters (line breaks,
# tabs, escapes) become spaces.
function label(s) {
	gsub(/[\001-\037\177]/, " ", s)
	return s
}

# --labels FILE: a CSV with the header name,label, a row per column name
# or value and the text to show for it, into LBL. A bad line is an error
# naming FILE:LINE.
function labels(f,    n, nr, nm) {
	CSVFILE = f
	nr = 0
	while ((n = readrec(f)) > 0) {
		CSVFILE = f
		if (++nr == 1) {
			if (n != 2 || trim(F[1]) != "name" || trim(F[2]) != "label")
				fail(at(CSVLINE) "the header must be name,label")
			continue
		}
		if (n != 2)
			fail(at(CSVLINE) n " field" (n == 1 ? "" : "s") ", but a label file has 2: name,label")
		if (F[1] !~ UTF8RE || F[2] !~ UTF8RE)
			fail(at(CSVLINE) "invalid UTF-8; convert the file first: iconv -f WINDOWS-1252 -t UTF-8")
		nm = trim(F[1])
		if (nm == "")
			fail(at(CSVLINE) "an empty name")
		if (trim(F[2]) == "")
			fail(at(CSVLINE) "an empty label for '" esc(nm) "'")
		if (nm in LBL)
			fail(at(CSVLINE) "a second label for '" esc(nm) "' (the first is on line " LBLLINE[nm] ")")
		LBL[nm] = trim(F[2])
		LBLLINE[nm] = CSVLINE
	}
	close(f)
	if (nr == 0)
		fail(f ": empty: a label file starts with the header name,label")
	CSVFILE = name
}

# A column name or a value as people read it: its --labels text, else
# with each underscore a space (paid_social -> paid social).
function human(s,    t) {
	t = trim(s)
	if (t in LBL)
		return LBL[t]
	gsub(/_/, " ", s)
	return s
}

function words(s) {
	return label(human(s))
}

# Text as a gnuplot string expression, in single quotes: nothing inside
# them is expanded (no backslash escapes, no `backquotes`), and no @macro
# either, as long as every single quote on the line opens or closes one:
# gnuplot finds macros by counting quotes. So a quote in the text, which
# '' would escape except at the start of a string or after another, is
# joined on as a variable instead: it's -> 'it'.apos.'s'. The text never
# ends a line, so a trailing backslash cannot continue one either.
function q(s,    n, P, i, o) {
	# A line break would end the string, and the rest of the line would
	# be gnuplot commands: none reaches it (kpi-plot refuses paths with
	# one; in a text it becomes a space).
	gsub(/[\n\r]/, " ", s)
	n = split(s, P, "'")
	o = ""
	for (i = 1; i <= n; i++) {
		if (i > 1)
			o = o (o != "" ? "." : "") "apos"
		if (P[i] != "")
			o = o (o != "" ? "." : "") "'" P[i] "'"
	}
	return o == "" ? "''" : o
}

# A tic label is a format too: a percent sign is written twice.
function qtic(s) {
	gsub(/%/, "%%", s)
	return q(s)
}

# S cut to N characters, the last an ellipsis, when longer.
function cut(s, n,    i, k) {
	if (width(s) <= n)
		return s
	k = 0
	for (i = 1; i <= length(s); i++)
		if (substr(s, i, 1) !~ /[\200-\277]/ && ++k == n)
			break
	return substr(s, 1, i - 1) "\342\200\246"
}

# Characters in a UTF-8 string (continuation bytes do not count).
function width(s,    t) {
	t = s
	return length(s) - gsub(/[\200-\277]/, "", t)
}

function max(a, b) {
	return a > b ? a : b
}

function abs(a) {
	return a < 0 ? -a : a
}

# A number from the input as shown: thousands grouped; decimals rounded
# to two places, or to three significant digits below 1.
function fmtnum(v,    x, neg, ip, fp, d, s) {
	x = v + 0
	if (v ~ /[eE]/ || abs(x) >= 1e15 || (x != 0 && abs(x) < 0.001))
		return sprintf("%.3g", x)
	if (v ~ /[.]/) {
		if (abs(x) >= 1 || x == 0)
			v = sprintf("%.2f", x)
		else
			v = sprintf("%.3g", x)
		if (v ~ /[.]/) {
			sub(/0+$/, "", v)
			sub(/[.]$/, "", v)
		}
	}
	neg = ""
	if (v ~ /^[-+]/) {
		if (v ~ /^-/ && x != 0)
			neg = "-"
		v = substr(v, 2)
	}
	ip = v
	fp = ""
	if ((d = index(v, ".")) > 0) {
		ip = substr(v, 1, d - 1)
		fp = substr(v, d)
	}
	if (ip == "")
		ip = "0"
	s = ""
	while (length(ip) > 3) {
		s = "," substr(ip, length(ip) - 2) s
		ip = substr(ip, 1, length(ip) - 3)
	}
	return neg ip s fp
}

# The whole number string S with its thousands grouped: 1234567 -> 1,234,567.
function group(s,    t) {
	t = ""
	while (length(s) > 3) {
		t = "," substr(s, length(s) - 2) t
		s = substr(s, 1, length(s) - 3)
	}
	return s t
}

# An amount as money: PREFIX, the amount grouped by thousands (to D
# decimals; D < 0: cents when it has any), SUFFIX; a minus sign (U+2212)
# before a negative amount: -1200 -> −$1,200.
function moneyfmt(v, d,    x, s, ip, fp, i) {
	x = v + 0
	if (d < 0)
		d = (v ~ /[.eE]/ && x != int(x)) ? 2 : 0
	if (abs(x) >= 1e15)
		return (x < 0 ? MINUS : "") MONEYP sprintf("%.3g", abs(x)) MONEYS
	s = sprintf("%." d "f", abs(x))
	ip = s
	fp = ""
	if ((i = index(s, ".")) > 0) {
		ip = substr(s, 1, i - 1)
		fp = substr(s, i)
	}
	return (x < 0 && s !~ /^[0.]*$/ ? MINUS : "") MONEYP group(ip) fp MONEYS
}

# floor and ceiling (awk has int(), which cuts towards 0).
function floor(x,    i) {
	i = int(x)
	return i > x ? i - 1 : i
}

function ceil(x) {
	return -floor(-x)
}

# The y axis of amounts (MODE "money") or percentages ("pct"), whose
# labels gnuplot would write as 12500 or 0.05% (its %' grouping needs a
# locale with one, which minimal systems lack): the ticks computed here,
# at a step of 1, 2 or 5 times a power of 10, the smallest that puts no
# more than 8 ticks over LO..HI (whole multiples of the step from the
# one at or below LO to the one at or above HI; 4 or more follow, as the
# step before it put 9 or more), no step below a cent or 0.1%. Sets
# AXLO, AXHI (the range, the outer ticks) and AXTICS (the ytics list).
function ticks(lo, hi, mode,    span, p, m, s, k, i, ilo, ihi, d, t, v, M, minstep) {
	if (hi < lo) {
		t = lo
		lo = hi
		hi = t
	}
	if (hi == lo) {
		if (hi > 0)
			lo = 0
		else if (lo < 0)
			hi = 0
		else
			hi = 1
	}
	span = hi - lo
	minstep = mode == "pct" ? 0.1 : 0.01
	# p: a power of 10 at or below span / 10, but not below the least step.
	p = 1
	while (p > span / 10)
		p /= 10
	while (p * 10 <= span / 10)
		p *= 10
	split("1 2 5", M, " ")
	for (;;) {
		for (k = 1; k <= 3; k++) {
			s = p * M[k]
			if (s < minstep * 0.999999)
				continue
			ilo = floor(lo / s + 1e-9)
			ihi = ceil(hi / s - 1e-9)
			if (ihi - ilo + 1 <= 8)
				break
		}
		if (k <= 3)
			break
		p *= 10
	}
	if (mode == "pct")
		d = s < 0.999999 ? 1 : 0
	else
		d = s < 0.999999 ? 2 : 0
	AXLO = sprintf("%.10g", ilo * s)
	AXHI = sprintf("%.10g", ihi * s)
	AXTICS = ""
	for (i = ilo; i <= ihi; i++) {
		v = sprintf("%.10g", i * s)
		if (v == "-0")
			v = "0"
		t = mode == "pct" ? pctfmt(v, d) : moneyfmt(v, d)
		AXTICS = AXTICS (i > ilo ? ", " : "") qtic(t) " " v
	}
	return ilo
}

# A percentage (already times 100) to D decimals: 12%, 2.5%, −5%.
function pctfmt(v, d,    s) {
	s = sprintf("%." d "f", abs(v + 0))
	return (v + 0 < 0 && s !~ /^[0.]*$/ ? MINUS : "") s "%"
}

# The y axis as ticks() computes it, for LO..HI: its range and ticks.
function yaxis(lo, hi, mode) {
	ticks(lo, hi, mode)
	print "set yrange [" AXLO ":" AXHI "]"
	print "set ytics (" AXTICS ")"
}

function pct(v) {
	return sprintf("%.1f%%", v * 100)
}

# The input, a line at a time, through csv.awk's reader: a record may
# span lines inside quotes.
{
	line = $0
	if (NUL != "" && index(line, NUL))
		fail(at(NR) "a NUL byte: is the file UTF-16? Convert it first: iconv -f UTF-16 -t UTF-8")
	if (line !~ UTF8RE)
		fail(at(NR) "invalid UTF-8 (a Windows-1252 or Latin-1 export?); convert it first: iconv -f WINDOWS-1252 -t UTF-8")
	if ((n = csvline(line, NR)) > 0)
		record(n)
}

function record(n,    j) {
	if (nhdr == 0) {
		header(n)
		return
	}
	if (n != nhdr)
		fail(at(CSVLINE) n " field" (n == 1 ? "" : "s") ", but the header has " nhdr)
	nread++
	for (j = 1; j <= nw; j++)
		if (trim(F[WC[j]]) != WV[j])
			return
	nrows++
	RL[nrows] = CSVLINE
	RN[nrows] = nread
	for (j = 1; j <= n; j++)
		D[nrows, j] = F[j]
}

function header(n,    j, h) {
	nhdr = n
	hdrline = CSVLINE
	for (j = 1; j <= n; j++) {
		h = trim(F[j])
		HN[j] = h
		if (h in COL)
			DUP[h] = 1
		else
			COL[h] = j
	}
	columns()
	for (j = 1; j <= nw; j++)
		WC[j] = col(WN[j], "--where")
}

function col(nm, what,    j, list) {
	if (!(nm in COL)) {
		list = ""
		for (j = 1; j <= nhdr; j++)
			list = list (j > 1 ? ", " : "") esc(HN[j])
		fail(at(hdrline) "no column '" esc(nm) "' (" what "); the header has: " list)
	}
	if (nm in DUP)
		fail(at(hdrline) "column '" esc(nm) "' (" what ") occurs more than once in the header")
	return COL[nm]
}

function hascol(nm) {
	return (nm in COL) && !(nm in DUP)
}

# The columns each chart reads, looked up at the header.
function columns(    k, what) {
	if (kind == "funnel") {
		what = "kpi-plot funnel draws the output of funnel(1)"
		cS = col("stage", what)
		cC = col("count", what)
		cP = hascol("step_conversion") ? COL["step_conversion"] : 0
		cT = hascol("share_of_top") ? COL["share_of_top"] : 0
		ng = cS - 1
		for (k = 1; k <= ng; k++)
			GC[k] = k
		return
	}
	if (kind == "waterfall") {
		waterfall_columns()
		return
	}
	if (kind == "heatmap") {
		cX = col(ENVIRON["KP_X"], "--x")
		cY = col(ENVIRON["KP_Y"], "--y")
		cV = col(ENVIRON["KP_VALUE"], "--value")
		ng = 0
		return
	}
	if (tracking)
		tracking_columns()
	cX = col(ENVIRON["KP_X"], "--x")
	ny = split(tracking ? TRACKY : ENVIRON["KP_Y"], YN, ",")
	for (k = 1; k <= ny; k++) {
		YC[k] = col(YN[k], "--y")
		LO[k] = HI[k] = 0
		if (kind == "series" && band && hascol(YN[k] "_lo") && hascol(YN[k] "_hi")) {
			LO[k] = COL[YN[k] "_lo"]
			HI[k] = COL[YN[k] "_hi"]
		}
	}
	ng = ENVIRON["KP_GROUP"] == "" ? 0 : split(ENVIRON["KP_GROUP"], GN, ",")
	for (k = 1; k <= ng; k++)
		GC[k] = col(GN[k], "--group")
}

# The value of row R, column J: a number, or "" when empty and EMPTYOK.
function number(r, j, emptyok,    v) {
	v = trim(D[r, j])
	if (v == "") {
		if (emptyok)
			return ""
		fail(at(RL[r]) "column '" esc(HN[j]) "': empty; a number is needed")
	}
	if (v !~ NUMRE)
		fail(at(RL[r]) "column '" esc(HN[j]) "': '" esc(v) "': not a number")
	if (v + 0 > 1e308 || v + 0 < -1e308)
		fail(at(RL[r]) "column '" esc(HN[j]) "': '" esc(v) "': out of range")
	return v
}

# Row R's group: its key, its label (set in GROUPLABEL) and its name in
# messages (GROUPMSG).
function groupkey(r,    k, key) {
	key = ""
	GROUPLABEL = ""
	GROUPMSG = ""
	for (k = 1; k <= ng; k++) {
		key = key SUBSEP D[r, GC[k]]
		GROUPLABEL = GROUPLABEL (k > 1 ? SEP : "") words(D[r, GC[k]])
		GROUPMSG = GROUPMSG (k > 1 ? "," : "") D[r, GC[k]]
	}
	return key
}

# Whether column N holds fractions drawn as percentages: conversions,
# shares, rates, and ROI (roi(1): a profit per unit spent, 0.23 = 23%),
# but not ROAS (revenue per unit spent, 3.2 = 3.2 times: no percentage).
function israte(n) {
	sub(/_(lo|hi)$/, "", n)
	return n ~ /_to_/ || n ~ /^share_of_/ || n ~ /conversion/ || n ~ /rate$/ || n ~ /(^|_)roi$/
}

END {
	if (failed)
		exit 65
	csvend()
	if (nhdr == 0)
		fail(name ": empty input: no header line")
	if (nrows == 0 && nread > 0)
		fail(name ": no row where " wheretext())
	if (nrows == 0)
		fail(name ": no rows to draw, only a header")
	if (kind == "funnel")
		funnel()
	else if (kind == "heatmap")
		heatmap()
	else if (kind == "waterfall")
		waterfall()
	else
		xy()
}

# The --where conditions, for messages: "segment = 'smb' and ...".
function wheretext(    k, s) {
	s = ""
	for (k = 1; k <= nw; k++)
		s = s (k > 1 ? " and " : "") esc(WN[k]) " = '" esc(WV[k]) "'"
	return s
}

# The --where values, for a default title: " (smb)", " (smb · eu)".
function wheretitle(    k, s) {
	s = ""
	for (k = 1; k <= nw; k++)
		s = s (k > 1 ? SEP : "") words(WV[k])
	return s != "" ? " (" s ")" : ""
}

function terminal(w, h) {
	print "# kpi-plot " ENVIRON["KP_KIND"] ": a gnuplot 5 script written by kpikit's kpi-plot"
	print "apos = sprintf('%c', 39)"
	print "set encoding utf8"
	if (term == "png")
		print "set terminal pngcairo size " w "," h " noenhanced font 'Sans,11' background rgb 'white'"
	else if (term == "svg")
		print "set terminal svg size " w "," h " noenhanced font 'Sans,11' background rgb 'white'"
	else
		print "set terminal dumb size " w "," h " noenhanced"
	if (out != "")
		print "set output " q(out)
	print "set datafile separator \"\\t\""
}

function finish() {
	if (out != "")
		print "unset output"
}

# --- funnel ----------------------------------------------------------

function funnel(    r, key, g, i, st, S, M, p, rows, cols, w, h, y, wn,
    w1, w2, w3, o1, o2, o3, v, t, hdr3) {
	npan = 0
	for (r = 1; r <= nrows; r++) {
		key = groupkey(r)
		if (!(key in PAN)) {
			PAN[key] = ++npan
			PT[npan] = GROUPLABEL
			NS[npan] = 0
		}
		g = PAN[key]
		st = D[r, cS]
		if ((g, st) in SEEN)
			fail(at(RL[r]) "a second row for stage '" esc(st) "'" (ng ? " in group '" esc(GROUPMSG) "'" : ""))
		SEEN[g, st] = 1
		i = ++NS[g]
		SN[g, i] = words(st)
		CT[g, i] = number(r, cC, 0)
		if (CT[g, i] + 0 < 0)
			fail(at(RL[r]) "column '" esc(HN[cC]) "': '" esc(CT[g, i]) "': a count below 0")
		SP[g, i] = cP ? number(r, cP, 1) : ""
		TP[g, i] = cT ? number(r, cT, 1) : ""
	}

	# The table right of the bars: count, step conversion, share of the
	# top; its columns as wide as their widest entry (in characters).
	S = 0
	wn = 0
	w1 = width(words(HN[cC]))
	w2 = cP ? width("of previous") : 0
	w3 = 0
	for (g = 1; g <= npan; g++) {
		S = max(S, NS[g])
		if (cT)
			w3 = max(w3, width("of " SN[g, 1]))
		for (i = 1; i <= NS[g]; i++) {
			wn = max(wn, width(SN[g, i]))
			w1 = max(w1, width(fmtnum(CT[g, i])))
			if (SP[g, i] != "")
				w2 = max(w2, width(pct(SP[g, i])))
			if (TP[g, i] != "")
				w3 = max(w3, width(pct(TP[g, i])))
		}
	}
	o1 = 2 + w1
	o2 = cP ? o1 + 3 + w2 : o1
	o3 = cT ? o2 + 3 + w3 : o2

	if (term == "dumb") {
		cols = 1
		rows = npan
		w = reqw != "" ? reqw : ttyw
		h = reqh != "" ? reqh : (npan == 1 ? ttyh : npan * (3 * S + 5) + 2)
	} else {
		cols = npan <= 3 ? 1 : npan <= 8 ? 2 : 3
		rows = int((npan + cols - 1) / cols)
		w = reqw != "" ? reqw : (cols <= 2 ? 1000 : 1400)
		h = reqh != "" ? reqh : max(600, rows * (44 * S + 80) + 40)
	}
	if (!title_set)
		title = (ng ? "Funnel by " groupnames() : "Funnel") wheretitle()

	terminal(w, h)
	for (g = 1; g <= npan; g++) {
		print "$funnel" g " << EOD"
		for (i = 1; i <= NS[g]; i++)
			print (S - i) "\t" CT[g, i]
		print "EOD"
	}
	print "set style fill solid 1.0 noborder"
	print "unset border"
	print "unset xtics"
	print "unset ytics"
	print "unset key"
	print "set yrange [-0.6:" (S - 0.15) "]"
	print "set lmargin " (wn + 3)
	print "set rmargin " (o3 + 2)
	if (npan > 1) {
		printf "set multiplot layout %d,%d", rows, cols
		if (title != "")
			printf " title %s font ',14'", q(label(title))
		printf "\n"
	}
	for (g = 1; g <= npan; g++) {
		M = 0
		for (i = 1; i <= NS[g]; i++)
			M = max(M, CT[g, i] + 0)
		if (M == 0)
			M = 1
		print "unset label"
		if (npan > 1)
			print "set title " q(PT[g]) " font ',12'"
		else if (title != "")
			print "set title " q(label(title)) " font ',14'"
		print "set xrange [" (-M / 2 * 1.02) ":" (M / 2 * 1.02) "]"
		y = S - 0.3
		print "set label " q(words(HN[cC])) " at graph 1, first " y " offset character " o1 ",0 right tc rgb '" GREY "'"
		if (cP)
			print "set label 'of previous' at graph 1, first " y " offset character " o2 ",0 right tc rgb '" GREY "'"
		if (cT)
			print "set label " q("of " SN[g, 1]) " at graph 1, first " y " offset character " o3 ",0 right tc rgb '" GREY "'"
		for (i = 1; i <= NS[g]; i++) {
			y = S - i
			print "set label " q(SN[g, i]) " at graph 0, first " y " offset character -1,0 right"
			print "set label " q(fmtnum(CT[g, i])) " at graph 1, first " y " offset character " o1 ",0 right"
			if (SP[g, i] != "")
				print "set label " q(pct(SP[g, i])) " at graph 1, first " y " offset character " o2 ",0 right"
			if (TP[g, i] != "")
				print "set label " q(pct(TP[g, i])) " at graph 1, first " y " offset character " o3 ",0 right"
		}
		print "plot $funnel" g " using (0):1:($2/2):(0.38) with boxxyerror lc rgb '" BLUE "' notitle"
	}
	if (npan > 1)
		print "unset multiplot"
	finish()
}

function groupnames(    k, s) {
	s = ""
	for (k = 1; k <= ng; k++)
		s = s (k > 1 ? ", " : "") words(HN[GC[k]])
	return s
}

# --- series and bars -----------------------------------------------------

function xy(    r, key, g, xv, k, i, j, t, s, v, w, h, maxl, step, c, keytitle,
    lblw, anyband, XK, lo, hi, span) {
	nG = 0
	nX = 0
	xnum = kind == "series"
	for (r = 1; r <= nrows; r++) {
		key = groupkey(r)
		xv = trim(D[r, cX])
		if (xv == "")
			fail(at(RL[r]) "column '" esc(HN[cX]) "' (--x): empty")
		if (!(key in GI)) {
			GI[key] = ++nG
			GL[nG] = GROUPLABEL
		}
		g = GI[key]
		if ((g, xv) in ROW)
			fail(at(RL[r]) "a second row for " esc(HN[cX]) " '" esc(xv) "'" (ng ? " in group '" esc(GROUPMSG) "'; add a column to --group" : "; draw one " (kind == "series" ? "line" : "bar") " per group with --group"))
		ROW[g, xv] = r
		GR[g, ++GNR[g]] = r
		if (!(xv in XI)) {
			XI[xv] = ++nX
			XV[nX] = xv
		}
		if (xv !~ NUMRE)
			xnum = 0
		for (k = 1; k <= ny; k++) {
			YV[r, k] = number(r, YC[k], 1)
			if (LO[k]) {
				LV[r, k] = number(r, LO[k], 1)
				HV[r, k] = number(r, HI[k], 1)
			}
		}
	}
	if (percent == "auto" && money)
		percent = "no"
	if (percent == "auto") {
		percent = "yes"
		for (k = 1; k <= ny; k++)
			if (!israte(YN[k]))
				percent = "no"
	}
	scale = percent == "yes" ? 100 : 1
	# Amounts and percentages get ticks computed here.
	axmode = scale == 100 ? "pct" : money ? "money" : ""

	# Positions along x: numbers as they are; other values in byte order
	# for series (periods and dates sort so), in input order for bars.
	if (!xnum) {
		for (i = 1; i <= nX; i++)
			XS[i] = XV[i]
		if (kind == "series") {
			for (i = 1; i <= nX; i++)
				XK[XS[i]] = XS[i]
			msort(XS, nX, XK, 0)
		}
		for (i = 1; i <= nX; i++)
			POS[XS[i]] = i - 1
	}

	# The series: one per group and --y column.
	ns = 0
	any = 0
	ymin = 0
	ymax = 0
	anyband = 0
	for (k = 1; k <= ny; k++)
		if (LO[k])
			anyband = 1
	for (g = 1; g <= nG; g++)
		for (k = 1; k <= ny; k++) {
			ns++
			SG[ns] = g
			SK[ns] = k
			if (ng && ny > 1)
				STL[ns] = GL[g] SEP words(YN[k])
			else if (ng)
				STL[ns] = GL[g]
			else
				STL[ns] = words(YN[k])
			SHAS[ns] = 0
			for (i = 1; i <= GNR[g]; i++) {
				r = GR[g, i]
				if (YV[r, k] != "") {
					SHAS[ns] = 1
					v = YV[r, k] * scale
					if (!any || v < ymin)
						ymin = v
					if (!any || v > ymax)
						ymax = v
					any = 1
				}
				if (LO[k] && LV[r, k] != "" && LV[r, k] * scale < ymin)
					ymin = LV[r, k] * scale
				if (LO[k] && HV[r, k] != "" && HV[r, k] * scale > ymax)
					ymax = HV[r, k] * scale
			}
		}
	if (!any)
		fail(name ": nothing to draw: every value of " ycolnames() " is empty")

	# Groups with bands get a panel each, on one y scale: overlapping
	# bands would hide each other.
	panels = kind == "series" && anyband && nG > 1
	pcols = 1
	prows = 1
	if (panels) {
		pcols = term == "dumb" ? 1 : nG <= 3 ? nG : nG == 4 ? 2 : 3
		prows = int((nG + pcols - 1) / pcols)
	}
	if (term == "dumb") {
		w = reqw != "" ? reqw : ttyw
		h = reqh != "" ? reqh : panels ? prows * 14 + 2 : ttyh
		avail = int(w / pcols) - 12
	} else {
		w = reqw != "" ? reqw : pcols >= 3 ? 1400 : 1000
		h = reqh != "" ? reqh : panels ? max(600, prows * 320 + 60) : 600
		avail = int(w / pcols / 8) - 12
	}
	keyed = panels ? ny > 1 : ns > 1
	if (keyed) {
		lblw = 0
		for (s = 1; s <= ns; s++)
			lblw = max(lblw, width(panels ? words(YN[SK[s]]) : STL[s]))
		avail -= lblw + 6
	}
	if (!title_set)
		title = ycolnames() " by " words(HN[cX]) (ng ? " and " groupnames() : "") wheretitle()

	terminal(w, h)
	for (s = 1; s <= ns; s++)
		if (SHAS[s])
			datablock(s)
	print "set border 3 lc rgb '" GREY "'"
	print "set tics nomirror"
	if (term != "dumb")
		print "set grid ytics back lt 1 lc rgb '#e5e5e5' lw 1"
	if (xnum)
		print "set xtics"
	else {
		maxl = 0
		for (i = 1; i <= nX; i++)
			maxl = max(maxl, width(cut(words(XS[i]), XMAX)))
		rot = nX * (maxl + 2) > avail
		step = 1
		if (rot && nX * 2 > avail)
			step = int((nX * 2 + avail - 1) / avail)
		printf "set xtics scale 0%s (", rot ? " rotate by 45 right" : ""
		c = 0
		for (i = 1; i <= nX; i += step)
			printf "%s%s %d", (c++ ? ", " : ""), qtic(cut(words(XS[i]), XMAX)), i - 1
		print ")"
		print "set xrange [-0.5:" (nX - 0.5) "]"
	}
	if (ymin < 0)
		print "set xzeroaxis lt -1"
	if (keyed)
		print "set key outside right top vertical Left reverse samplen 2" (panels || !ng ? "" : " title " q(groupnames()))
	else
		print "unset key"
	if (kind == "bars")
		bars_setup()
	if (anyband)
		print "set label 1 " q(bandnote()) " at screen 0.995, screen 0.975 right font ',9' tc rgb '" GREY "'"
	if (tracking)
		holdout_line()

	if (panels) {
		if (axmode != "")
			yaxis(ymin < 0 ? ymin : 0, ymax, axmode)
		else
			print "set yrange [" (ymin < 0 ? -nice(-ymin) : 0) ":" nice(ymax) "]"
		printf "set multiplot layout %d,%d", prows, pcols
		if (title != "")
			printf " title %s font ',14'", q(label(title))
		printf "\n"
		for (g = 1; g <= nG; g++) {
			print "set title " q(GL[g]) " font ',12'"
			print "plot " plotcmd(g)
			if (g == 1 && anyband)
				print "unset label 1"
		}
		print "unset multiplot"
	} else {
		if (axmode != "") {
			# Bars start at 0; their labels need room beyond the
			# longest (the offsets gnuplot adds to an autoscaled axis).
			lo = ymin < 0 ? ymin : 0
			hi = kind == "bars" ? max(0, ymax) : ymax
			span = hi - lo
			if (kind == "bars" && barlabels) {
				hi += span * 0.08
				if (ymin < 0)
					lo -= span * 0.08
			}
			yaxis(lo, hi, axmode)
		} else if (ymin >= 0)
			print "set yrange [0:*]"
		if (title != "")
			print "set title " q(label(title)) " font ',14'"
		print "set xlabel " q(words(HN[cX]))
		print "set ylabel " q(ny == 1 ? words(YN[1]) : "")
		print "plot " plotcmd(0)
	}
	finish()
}

# --- tracking ---------------------------------------------------------------

# The columns of clv --validate tracking: along --x (default period) the
# actual cumulative repeat purchases and every model's cumulative expected
# ones (MODEL_cumulative), in the table's order; the holdout column marks
# where the calibration ends.
function tracking_columns(    j, what, y, m, MN, MODEL) {
	what = "kpi-plot tracking draws the output of clv --validate tracking"
	cH = col("holdout", what)
	col("actual_cumulative", what)
	y = "actual_cumulative"
	for (j = 1; j <= nhdr; j++)
		if (HN[j] ~ /._cumulative$/ && HN[j] != "actual_cumulative")
			y = y "," HN[j]
	# The legend says what each line is (--labels still wins): "actual",
	# "BG/NBD expected", ...
	split("bgnbd BG/NBD mbgnbd MBG/NBD paretonbd Pareto/NBD bgbb BG/BB", MN, " ")
	for (j = 1; j in MN; j += 2)
		MODEL[MN[j]] = MN[j + 1]
	if (!("actual_cumulative" in LBL))
		LBL["actual_cumulative"] = "actual"
	for (j = 1; j <= nhdr; j++)
		if (HN[j] ~ /._cumulative$/ && HN[j] != "actual_cumulative" && !(HN[j] in LBL)) {
			m = substr(HN[j], 1, length(HN[j]) - 11)
			LBL[HN[j]] = ((m in MODEL) ? MODEL[m] : m) " expected"
		}
	if (y == "actual_cumulative")
		fail(at(hdrline) "no MODEL_cumulative column: " what)
	TRACKY = y
	if (!title_set)
		title = "Repeat purchases, cumulative: actual and expected"
	title_set = 1
}

# The calibration's end: a dashed line after the last period whose holdout
# is 0 (half way to the first holdout period), labelled on both sides; none
# when every period is in one part. The holdout must be 0s then 1s.
function holdout_line(    r, v, last, first, seen1, x) {
	last = first = ""
	seen1 = 0
	for (r = 1; r <= nrows; r++) {
		v = trim(D[r, cH])
		if (v != "0" && v != "1")
			fail(at(RL[r]) "column 'holdout': '" esc(v) "', not 0 or 1")
		if (v == "1") {
			seen1 = 1
			if (first == "")
				first = r
		} else if (seen1)
			fail(at(RL[r]) "a calibration period (holdout 0) after a holdout one: is the table sorted by period?")
		else
			last = r
	}
	if (last == "" || first == "")
		return
	if (xnum)
		x = (trim(D[last, cX]) + trim(D[first, cX])) / 2
	else
		x = (POS[trim(D[last, cX])] + POS[trim(D[first, cX])]) / 2
	print "set arrow 2 from " x ", graph 0 to " x ", graph 1 nohead dt 2 lc rgb '" GREY "'"
	print "set label 2 " q("calibration") " at " x ", graph 0.97 right offset -1,0 font ',9' tc rgb '" GREY "'"
	print "set label 3 " q("holdout") " at " x ", graph 0.97 left offset 1,0 font ',9' tc rgb '" GREY "'"
}

# Series S's data block: x position, y, and the band's low and high.
function datablock(s,    g, k, i, r) {
	g = SG[s]
	k = SK[s]
	print "$" kind s " << EOD"
	if (kind == "bars") {
		for (i = 1; i <= nX; i++) {
			if (!((g, XS[i]) in ROW))
				continue
			r = ROW[g, XS[i]]
			if (YV[r, k] != "")
				print POS[XS[i]] "\t" YV[r, k] "\t" valuelabel(YV[r, k])
		}
	} else if (xnum) {
		seriesrows(g)
		for (i = 1; i <= GNR[g]; i++) {
			r = ORDER[i]
			print trim(D[r, cX]) "\t" nan(YV[r, k]) (LO[k] ? "\t" nan(LV[r, k]) "\t" nan(HV[r, k]) : "")
		}
	} else {
		for (i = 1; i <= nX; i++)
			if ((g, XS[i]) in ROW) {
				r = ROW[g, XS[i]]
				print (i - 1) "\t" nan(YV[r, k]) (LO[k] ? "\t" nan(LV[r, k]) "\t" nan(HV[r, k]) : "")
			} else
				print (i - 1) "\tNaN" (LO[k] ? "\tNaN\tNaN" : "")
	}
	print "EOD"
}

# What the bands are: "band: lead to customer, low to high" (the
# columns Y_lo to Y_hi).
function bandnote(    k, s) {
	s = ""
	for (k = 1; k <= ny; k++)
		if (LO[k])
			s = s (s != "" ? "; " : "band: ") words(YN[k]) ", low to high"
	return s
}

function valuelabel(v) {
	return scale == 100 ? pct(v) : money ? moneyfmt(v, -1) : fmtnum(v)
}

# Bars: a cluster per x value, a bar per series in it, each labelled with
# its value when the labels fit.
function bars_setup(    s, i, r, lblw) {
	bw = 0.8 / ns
	print "set style fill solid 1.0 noborder"
	print "set boxwidth " (bw * 0.9) " absolute"
	delta = (ymax - (ymin < 0 ? ymin : 0)) * 0.03
	if (delta == 0)
		delta = 0.03
	lblw = 0
	for (s = 1; s <= ns; s++)
		for (i = 1; i <= GNR[SG[s]]; i++) {
			r = GR[SG[s], i]
			if (YV[r, SK[s]] != "")
				lblw = max(lblw, width(valuelabel(YV[r, SK[s]])))
		}
	barlabels = nX * ns * (lblw + 2) <= avail
	if (barlabels)
		print "set offsets 0, 0, graph 0.08, " (ymin < 0 ? "graph 0.08" : "0")
}

# The plot command for group G's series (every series when G is 0):
# bands first, lines or bars over them.
function plotcmd(g,    s, p, d, y, c) {
	p = ""
	for (s = 1; s <= ns; s++) {
		if (!SHAS[s] || (g && SG[s] != g))
			continue
		c = panels && ny == 1 ? SG[s] : panels ? SK[s] : s
		y = "($2" mul(scale) ")"
		if (kind == "bars") {
			d = (s - (ns + 1) / 2) * bw
			p = p (p != "" ? ", \\\n     " : "") "$bars" s " using ($1" off(d) "):" y " with boxes " style(c) " title " q(STL[s])
			if (barlabels)
				p = p ", \\\n     $bars" s " using ($1" off(d) "):(" y " >= 0 ? " y " + " delta " : " y " - " delta "):3 with labels center font ',9' tc rgb '#333333' notitle"
		} else if (LO[SK[s]]) {
			if (term == "dumb")
				p = p (p != "" ? ", \\\n     " : "") "$series" s " using 1:" y ":($3" mul(scale) "):($4" mul(scale) ") with yerrorbars lt 0 pt 0 notitle"
			else
				p = p (p != "" ? ", \\\n     " : "") "$series" s " using 1:($3" mul(scale) "):($4" mul(scale) ") with filledcurves lc rgb '" color(c) "' fs transparent solid 0.15 noborder notitle"
		}
	}
	if (kind == "series")
		for (s = 1; s <= ns; s++) {
			if (!SHAS[s] || (g && SG[s] != g))
				continue
			c = panels && ny == 1 ? SG[s] : panels ? SK[s] : s
			p = p (p != "" ? ", \\\n     " : "") "$series" s " using 1:($2" mul(scale) ") with linespoints " style(c) " title " q(panels ? words(YN[SK[s]]) : STL[s])
		}
	return p
}

# A round number at or above V > 0, for a shared axis. (No log(): some
# awks are built without maths.)
function nice(v,    p, i, m) {
	if (v <= 0)
		return 1
	p = 1
	while (p * 10 <= v)
		p *= 10
	while (p > v)
		p /= 10
	split("1 1.2 1.5 2 2.5 3 4 5 6 8 10", m, " ")
	for (i = 1; i <= 11; i++)
		if (p * m[i] >= v * 0.9999999)
			return p * m[i]
	return 10 * p
}

function off(d) {
	if (d == 0)
		return ""
	return d < 0 ? d : "+" d
}

function mul(scale) {
	return scale == 1 ? "" : "*" scale
}

function nan(v) {
	return v == "" ? "NaN" : v
}

function color(s) {
	return PAL[(s - 1) % NPAL + 1]
}

# Series S's look: a colour of the palette, dashed after the first round;
# on text, a letter as its point.
function style(s,    dt) {
	if (term == "dumb")
		return kind == "bars" ? "lt " s : "lt " s " pt " s
	dt = int((s - 1) / NPAL) + 1
	if (kind == "bars")
		return "lc rgb '" color(s) "'" (dt > 1 ? " fs pattern " (dt + 2) " border" : "")
	return "lc rgb '" color(s) "' lw 2 pt 7 ps 0.8 dt " dt
}

function ycolnames(    k, s) {
	s = ""
	for (k = 1; k <= ny; k++)
		s = s (k > 1 ? ", " : "") words(YN[k])
	return s
}

# Group G's rows in x order (numbers), into ORDER[1..].
function seriesrows(g,    i, K) {
	for (i = 1; i <= GNR[g]; i++) {
		ORDER[i] = GR[g, i]
		K[GR[g, i]] = trim(D[GR[g, i], cX]) + 0
	}
	msort(ORDER, GNR[g], K, 1)
}

# Sort A[1..N] in place by the keys K[A[i]] (as numbers when BYNUM, else
# byte by byte), keeping the order of equal keys: a bottom-up merge sort,
# N log N steps, where an insertion sort took 536 s on 20,000 rows given
# in reverse (issue 22).
function msort(A, n, K, bynum,    T, w, lo, mid, hi, i, j, k) {
	for (w = 1; w < n; w *= 2)
		for (lo = 1; lo + w <= n; lo += 2 * w) {
			mid = lo + w - 1
			hi = min(lo + 2 * w - 1, n)
			i = lo
			j = mid + 1
			k = lo
			while (i <= mid && j <= hi)
				T[k++] = after(K[A[i]], K[A[j]], bynum) ? A[j++] : A[i++]
			while (i <= mid)
				T[k++] = A[i++]
			while (j <= hi)
				T[k++] = A[j++]
			for (k = lo; k <= hi; k++)
				A[k] = T[k]
		}
}

# --- heatmap -------------------------------------------------------------

# The distinct values of column J in the rows, sorted into NAME[1..]: as
# numbers when every one is, else byte by byte (periods and ISO dates
# sort in time so). Returns how many; their positions are in POSNAME.
function axis(j, V, P,    r, v, n, isnum, i, K) {
	n = 0
	isnum = 1
	for (r = 1; r <= nrows; r++) {
		v = trim(D[r, j])
		if (v == "")
			fail(at(RL[r]) "column '" esc(HN[j]) "' (" (j == cX ? "--x" : "--y") "): empty")
		if (v in P)
			continue
		P[v] = 0
		V[++n] = v
		if (v !~ NUMRE)
			isnum = 0
	}
	for (i = 1; i <= n; i++)
		K[V[i]] = V[i]
	msort(V, n, K, isnum)
	for (i = 1; i <= n; i++)
		P[V[i]] = i - 1
	return n
}

# A cell per row: x along, y down (the first y value at the top), filled
# in a colour from white to blue by its value, labelled with the value;
# a cell without a row, or with an empty value, is blank. On text, the
# labels alone, in their places.
function heatmap(    r, xv, yv, v, nxv, nyv, i, w, h, lo, hi, any, c, lw,
    maxl, dark, mid) {
	nxv = axis(cX, HXV, HXP)
	nyv = axis(cY, HYV, HYP)
	any = 0
	for (r = 1; r <= nrows; r++) {
		xv = trim(D[r, cX])
		yv = trim(D[r, cY])
		if ((xv, yv) in CELL)
			fail(at(RL[r]) "a second row for " esc(HN[cY]) " '" esc(yv) "' and " esc(HN[cX]) " '" esc(xv) "'; to draw one group, select its rows with --where COL=VALUE")
		CELL[xv, yv] = r
		HV[r] = number(r, cV, 1)
		if (HV[r] == "")
			continue
		if (!any || HV[r] + 0 < lo)
			lo = HV[r] + 0
		if (!any || HV[r] + 0 > hi)
			hi = HV[r] + 0
		any = 1
	}
	if (!any)
		fail(name ": nothing to draw: every value of " label(HN[cV]) " is empty")
	if (percent == "auto")
		percent = israte(HN[cV]) ? "yes" : "no"
	scale = percent == "yes" ? 100 : 1
	# The colour scale: from 0 (or the lowest value, if below) to the
	# highest; a rate's up to 100%.
	lo = lo < 0 ? lo * scale : 0
	hi = hi * scale
	if (scale == 100 && hi < 100 && lo >= 0)
		hi = 100
	if (hi <= lo)
		hi = lo + 1

	lw = 0
	for (r = 1; r <= nrows; r++)
		if (HV[r] != "")
			lw = max(lw, width(valuelabel(HV[r])))
	maxl = 0
	for (i = 1; i <= nyv; i++)
		maxl = max(maxl, width(cut(words(HYV[i]), XMAX)))
	if (term == "dumb") {
		# Each cell as wide as its label and two spaces.
		w = reqw != "" ? reqw : max(ttyw, min(1000, maxl + 10 + nxv * (lw + 2)))
		h = reqh != "" ? reqh : min(1000, max(ttyh, 2 * nyv + 8))
	} else {
		w = reqw != "" ? reqw : max(1000, min(20000, 200 + nxv * 9 * (lw + 2)))
		h = reqh != "" ? reqh : max(600, min(20000, 140 + 36 * nyv))
	}
	if (!title_set)
		title = words(HN[cV]) " by " words(HN[cY]) " and " words(HN[cX]) wheretitle()

	terminal(w, h)
	# x position, y position, the value as drawn, its label, the label's
	# colour (white on the darker half of the scale).
	mid = lo + (hi - lo) / 2
	print "$heatmap << EOD"
	for (i = 1; i <= nyv; i++)
		for (c = 1; c <= nxv; c++) {
			if (!((HXV[c], HYV[i]) in CELL))
				continue
			r = CELL[HXV[c], HYV[i]]
			if (HV[r] == "")
				continue
			v = HV[r] * scale
			dark = term != "dumb" && v > mid
			print (c - 1) "\t" (i - 1) "\t" v "\t" valuelabel(HV[r]) "\t" (dark ? "0xffffff" : "0x1d2330")
		}
	print "EOD"
	print "unset key"
	print "set border 0"
	print "set tics scale 0"
	printf "set xtics ("
	for (c = 1; c <= nxv; c++)
		printf "%s%s %d", (c > 1 ? ", " : ""), qtic(cut(words(HXV[c]), XMAX)), c - 1
	print ")"
	printf "set ytics ("
	for (i = 1; i <= nyv; i++)
		printf "%s%s %d", (i > 1 ? ", " : ""), qtic(cut(words(HYV[i]), XMAX)), i - 1
	print ")"
	print "set xrange [-0.5:" (nxv - 0.5) "]"
	print "set yrange [" (nyv - 0.5) ":-0.5]"
	print "set xlabel " q(words(HN[cX]))
	print "set ylabel " q(words(HN[cY]))
	if (title != "")
		print "set title " q(label(title)) " font ',14'"
	if (term == "dumb") {
		print "unset colorbox"
		print "plot $heatmap using 1:2:4 with labels center notitle"
	} else {
		print "set palette defined (0 '#ffffff', 1 '#cfe3f2', 2 '" BLUE "', 3 '#003b5c')"
		print "set cbrange [" lo ":" hi "]"
		if (scale == 100)
			print "set format cb '%g%%'"
		print "set colorbox user origin graph 1.02, graph 0 size character 2, graph 1"
		print "set rmargin 12"
		print "set style fill solid 1.0 noborder"
		print "plot $heatmap using 1:2:(0.5):(0.5):3 with boxxyerror fc palette notitle, \\"
		print "     $heatmap using 1:2:4:5 with labels center font ',10' tc rgb variable notitle"
	}
	finish()
}

# Whether A sorts after B: as numbers when NUM, else byte by byte.
function after(a, b, isnum) {
	if (isnum)
		return a + 0 > b + 0
	return (a "") > (b "")
}

function min(a, b) {
	return a < b ? a : b
}

# --- waterfall -----------------------------------------------------------

# The --y columns: the first and last are levels, those between steps, a
# leading '-' subtracting (WS -1) and '+' or none adding (WS 1). The
# columns before the first of them name a row (its period, its groups).
function waterfall_columns(    k, nm, first) {
	ny = split(ENVIRON["KP_Y"], YN, ",")
	first = 0
	for (k = 1; k <= ny; k++) {
		nm = YN[k]
		WS[k] = 1
		if (k > 1 && k < ny && nm ~ /^[-+]/) {
			WS[k] = substr(nm, 1, 1) == "-" ? -1 : 1
			nm = substr(nm, 2)
		}
		YN[k] = nm
		YC[k] = col(nm, "--y")
		if (!first || YC[k] < first)
			first = YC[k]
	}
	nid = first - 1
	ng = ENVIRON["KP_GROUP"] == "" ? 0 : split(ENVIRON["KP_GROUP"], GN, ",")
	for (k = 1; k <= ng; k++)
		GC[k] = col(GN[k], "--group")
}

# Decimal places of a number as written: 12 -> 0, 0.25 -> 2, 1.5e3 -> 0,
# 2.5e-2 -> 3.
function decimals(v,    m, e, d) {
	sub(/^[-+]/, "", v)
	m = v
	e = 0
	if (match(v, /[eE]/)) {
		m = substr(v, 1, RSTART - 1)
		e = substr(v, RSTART + 1) + 0
	}
	d = index(m, ".") ? length(m) - index(m, ".") : 0
	d -= e
	return d < 0 ? 0 : d > 30 ? 30 : d
}

# A waterfall per group (one when no --group) of the row --row picks
# (default the group's last): the first --y column a bar from 0, each step
# a bar from the level before to the level after, the last a bar from 0;
# the levels in between summed here, and the row refused unless the sum
# is the last column. Rounding: a value written to d decimal places may
# be off by half a unit in the last of them, so with d the most decimals
# of any drawn value, the sum may miss the end by ny halves of 10^-d (and
# 1e-12 of the values' magnitude, for the binary arithmetic); with whole
# numbers only (d = 0) it must be exact.
function waterfall(    r, key, g, i, k, n, v, lvl, from, to, tol, mag, t, unit, yspan,
    w, h, rows, cols, lo, hi, delta, maxl, rot, avail, fmt, S) {
	npan = 0
	for (r = 1; r <= nrows; r++) {
		key = groupkey(r)
		if (!(key in PAN)) {
			PAN[key] = ++npan
			PT[npan] = GROUPMSG
		}
		g = PAN[key]
		PR[g, ++PNR[g]] = r
	}
	wd = 0
	for (g = 1; g <= npan; g++) {
		n = wantrow != "" ? wantrow + 0 : PNR[g]
		if (n > PNR[g])
			fail(name ": --row " wantrow ": there " (PNR[g] == 1 ? "is 1 row" : "are " PNR[g] " rows") (nw ? " where " wheretext() : "") (ng ? (nw ? " in" : " in") " group '" esc(PT[g]) "'" : ""))
		r = PR[g, n]
		PRow[g] = r
		for (k = 1; k <= ny; k++) {
			WVAL[g, k] = trim(number(r, YC[k], 0))
			wd = max(wd, decimals(WVAL[g, k]))
		}
	}
	fmt = "%." wd "f"
	# 10^-wd (no ^ operator: some awks are built without maths)
	unit = 1
	for (k = 1; k <= wd; k++)
		unit /= 10
	for (g = 1; g <= npan; g++) {
		r = PRow[g]
		lvl = WVAL[g, 1] + 0
		mag = abs(lvl)
		lo = min(0, lvl)
		hi = max(0, lvl)
		WF[g, 1] = 0
		WT[g, 1] = lvl
		t = esc(YN[1])
		for (k = 2; k < ny; k++) {
			v = WVAL[g, k] + 0
			mag += abs(v)
			WF[g, k] = lvl
			lvl += WS[k] * v
			WT[g, k] = lvl
			lo = min(lo, lvl)
			hi = max(hi, lvl)
			t = t (WS[k] < 0 ? " - " : " + ") esc(YN[k])
		}
		v = WVAL[g, ny] + 0
		mag += abs(v)
		tol = (wd > 0 ? ny * 0.5 * unit : 0) + 1e-12 * mag
		if (abs(lvl - v) > tol)
			fail(at(RL[r]) "the row does not add up: " t " = " sprintf(fmt, lvl) ", but " esc(YN[ny]) " = " esc(WVAL[g, ny]) " (a difference of " sprintf(fmt, v - lvl) ")")
		WF[g, ny] = 0
		WT[g, ny] = v
		lo = min(lo, v)
		hi = max(hi, v)
		PLO[g] = lo
		PHI[g] = hi
		yspan = max(yspan, hi - lo)
		PID[g] = rowname(r)
	}

	if (term == "dumb") {
		cols = 1
		rows = npan
		w = reqw != "" ? reqw : ttyw
		h = reqh != "" ? reqh : (npan == 1 ? ttyh : npan * 20 + 2)
		avail = w - 12
	} else {
		cols = npan <= 3 ? 1 : npan <= 8 ? 2 : 3
		rows = int((npan + cols - 1) / cols)
		w = reqw != "" ? reqw : (cols == 1 ? 1000 : 1400)
		h = reqh != "" ? reqh : max(600, rows * 360 + 40)
	}
	# The column names under the bars: turned when they would overlap;
	# text cannot turn them, so there each is cut to its bar's room.
	tmax = XMAX
	if (term == "dumb")
		tmax = max(3, min(XMAX, int(avail / ny) - 1))
	maxl = 0
	for (k = 1; k <= ny; k++)
		maxl = max(maxl, width(cut(words(YN[k]), tmax)))
	# About 7 pixels a character at 11 points; the plot is the width less
	# some 100 pixels of margins.
	rot = term != "dumb" && ny * (maxl * 7 + 6) > int(w / cols) - 100
	if (!title_set)
		title = words(YN[1]) " to " words(YN[ny]) (ng ? " by " groupnames() : npan == 1 && PID[1] != "" ? ": " PID[1] : "")

	terminal(w, h)
	# Each bar: its position, the level it starts from and the one it
	# ends at, its label, its kind (0 a level, 1 a step up, 2 a step
	# down), and where the label goes: on the bar's top (raised a line
	# by the plot), under a level below 0.
	for (g = 1; g <= npan; g++) {
		delta = (PHI[g] - PLO[g]) * 0.08
		print "$waterfall" g " << EOD"
		for (k = 1; k <= ny; k++) {
			from = WF[g, k]
			to = WT[g, k]
			print (k - 1) "\t" sprintf(fmt, from) "\t" sprintf(fmt, to) "\t" barlabel(g, k) "\t" \
			    (k == 1 || k == ny ? 0 : to >= from ? 1 : 2) "\t" \
			    sprintf("%.10g", (k == 1 || k == ny) && to < 0 ? to - delta : max(from, to))
		}
		print "EOD"
	}
	print "set style fill solid 1.0 noborder"
	print "set border 3 lc rgb '" GREY "'"
	print "set tics nomirror"
	if (term != "dumb")
		print "set grid ytics back lt 1 lc rgb '#e5e5e5' lw 1"
	printf "set xtics scale 0%s (", rot ? " rotate by 45 right" : ""
	for (k = 1; k <= ny; k++)
		printf "%s%s %d", (k > 1 ? ", " : ""), qtic(cut(words(YN[k]), tmax)), k - 1
	print ")"
	print "set xrange [-0.6:" (ny - 0.4) "]"
	# Whole amounts from 10 up: whole tics, not 1e+06.
	if (wd == 0 && yspan >= 10 && !money)
		print "set format y '%.0f'"
	print "unset key"
	if (npan > 1) {
		printf "set multiplot layout %d,%d", rows, cols
		if (title != "")
			printf " title %s font ',14'", q(label(title))
		printf "\n"
	}
	for (g = 1; g <= npan; g++) {
		if (npan > 1)
			print "set title " q(PID[g]) " font ',12'"
		else if (title != "")
			print "set title " q(label(title)) " font ',14'"
		if (money) {
			# The ticks computed, the range theirs; the labels'
			# room (the offsets of an autoscaled axis) added first.
			delta = (PHI[g] - PLO[g]) * 0.1
			yaxis(PLO[g] < 0 ? PLO[g] - delta : PLO[g], PHI[g] + delta, "money")
		} else {
			print "set yrange [" (PLO[g] < 0 ? "*" : "0") ":*]"
			print "set offsets 0, 0, graph 0.1, " (PLO[g] < 0 ? "graph 0.1" : "0")
		}
		if (PLO[g] < 0)
			print "set xzeroaxis lt -1"
		else
			print "unset xzeroaxis"
		print "plot $waterfall" g " using 1:($5 == 0 ? $3 : NaN):($1 - 0.38):($1 + 0.38):2:3 with boxxyerror " wstyle(1) " notitle, \\"
		print "     $waterfall" g " using 1:($5 == 1 ? $3 : NaN):($1 - 0.38):($1 + 0.38):2:3 with boxxyerror " wstyle(3) " notitle, \\"
		print "     $waterfall" g " using 1:($5 == 2 ? $3 : NaN):($1 - 0.38):($1 + 0.38):2:3 with boxxyerror " wstyle(6) " notitle, \\"
		if (term != "dumb")
			print "     $waterfall" g " using ($1 + 0.38):($1 < " (ny - 1) " ? $3 : NaN):(0.24):(0) with vectors nohead lc rgb '" GREY "' dt 2 notitle, \\"
		print "     $waterfall" g " using 1:6:4 with labels center offset character 0,0.7 font ',10' tc rgb '#333333' notitle"
	}
	if (npan > 1)
		print "unset multiplot"
	finish()
}

# The colour of palette entry C: blue for the levels, green up, vermillion
# down; on text, gnuplot's line types.
function wstyle(c) {
	if (term == "dumb")
		return "lt " (c == 1 ? 1 : c == 3 ? 2 : 3)
	return "lc rgb '" (c == 1 ? BLUE : c == 3 ? UP : DOWN) "'"
}

# Bar K of panel G's label: a level as it is, a step with the sign of its
# effect (the value's sign times the column's): +1,200 or -350.
function barlabel(g, k,    v, neg) {
	v = WVAL[g, k]
	if (k == 1 || k == ny)
		return money ? moneyfmt(v, -1) : fmtnum(v)
	neg = v ~ /^-/
	sub(/^[-+]/, "", v)
	if (v + 0 == 0)
		return money ? moneyfmt(v, -1) : fmtnum(v)
	if (money)
		return ((WS[k] < 0) != neg ? MINUS : "+") moneyfmt(v, -1)
	return ((WS[k] < 0) != neg ? "-" : "+") fmtnum(v)
}

# Row R's name: the values of the columns before the first --y column (a
# period, the groups), joined by a middle dot; else "row N".
function rowname(r,    j, s) {
	s = ""
	for (j = 1; j <= nid; j++)
		s = s (j > 1 ? SEP : "") words(D[r, j])
	return s != "" ? s : "row " RN[r]
}
