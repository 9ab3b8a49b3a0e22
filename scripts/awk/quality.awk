# quality.awk (kpi-report): quality.csv, what was read, what was left out
# and why, what is open: from the inputs KR_LEADS, the spend files
# KR_SPEND_FILES (one a line, their dates in column KR_SPEND_DATE; none
# without KR_SPENDS=1), with KR_ORDERS=1 KR_ORDERS_FILE, and the tools'
# outputs and messages in KR_WORK, for quarter KR_K (labelled KR_LABEL),
# and the leads rows --skip-bad left out, KR_LEADS_SKIPPED.
# A table read through a preset (title lines and footers skipped) or
# with counts per row (KR_LEADS_SHAPED=1, KR_SPEND_SHAPED=1) has no
# rows to count here: then only what the tools counted is shown.
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f quality.awk

BEGIN {
	PROG = "kpi-report"
	w = ENVIRON["KR_WORK"]
	L = ENVIRON["KR_LABEL"]
	print "item,value,detail"
	split(ENVIRON["KR_STAGES"], ST, ",")
	first = ST[1]
	counted = cell(w "/rows.csv", 1, first)
	days = w "/days.csv"
	n = load(days)
	distinct = cell(days, n, first)
	byend = get(w "/lc." ENVIRON["KR_K"] ".csv", "period", "(all)", first)
	if (ENVIRON["KR_LEADS_SHAPED"] == "1") {
		out("leads_counted", counted, ENVIRON["KR_LEADS"])
	} else {
		# Every row read is counted or skipped (a bad row without
		# --skip-bad stops the report): counting the records here
		# again took longer than any tool's pass.
		read = counted + ENVIRON["KR_LEADS_SKIPPED"]
		out("leads_rows", read, ENVIRON["KR_LEADS"])
		out("leads_skipped", read - counted, "rows with a bad value, left out (--skip-bad)")
	}
	out("leads_duplicates", counted - distinct, "rows repeating an id seen before, left out (the first row wins)")
	out("leads_after_quarter", distinct - byend, "leads created after " L " ended, not in this report")
	out("leads_last_created", n > 1 ? cell(days, n - 1, "period") : "", "the day the latest lead was created")
	if (ENVIRON["KR_CYCLES"] == "1") {
		out("open_leads", cell(w "/open.csv", 1, "open"), "leads neither won nor lost at the end of " L)
		out("open_opportunities", get(w "/cl." ENVIRON["KR_K"] ".csv", "period", "(all)", "open"), "opportunities neither won nor lost at the end of " L)
	}
	if (ENVIRON["KR_SPENDS"] == "1" && ENVIRON["KR_SPEND_SHAPED"] != "1") {
		last = ""
		nf = split(ENVIRON["KR_SPEND_FILES"], SF, "\n")
		rows = 0
		names = ""
		for (i = 1; i <= nf; i++) {
			if (SF[i] == "")
				continue
			rows += records(SF[i], ENVIRON["KR_SPEND_DATE"])
			names = names (names == "" ? "" : ", ") SF[i]
		}
		out("spend_rows", rows, names)
		out("spend_last_day", last, "the latest date in the spend table")
	}
	if (ENVIRON["KR_ORDERS"] == "1") {
		read = records(ENVIRON["KR_ORDERS_FILE"])
		out("orders_rows", read, ENVIRON["KR_ORDERS_FILE"])
		t = w "/clvh.all.csv"
		out("orders_skipped", read - get(t, "period", "(all)", "orders"), "rows with a bad value, left out (--skip-bad)")
		out("orders_customers", get(t, "period", "(all)", "customers"), "customers with an order")
	}
	while ((getline m < (w "/messages")) > 0)
		out("message", "", m)
}

# Records of a CSV file, its header left out; with COL, the greatest value
# of that column (an ISO date: the latest) goes in last, cut to a day.
function records(f, col,    n, m, j, c, v) {
	n = 0
	c = 0
	while ((m = readrec(f)) > 0) {
		if (++n == 1) {
			for (j = 1; j <= m; j++) {
				v = F[j]
				gsub(/^[ \t]+|[ \t]+$/, "", v)
				if (col != "" && v == col)
					c = j
			}
		} else if (c > 0 && c <= m) {
			v = substr(F[c], 1, 10)
			# ISO dates compare as text; others are not compared.
			if (v ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ && v > last)
				last = v
		}
	}
	close(f)
	return n > 0 ? n - 1 : 0
}

function out(item, value, detail) {
	print item "," csvq(value) "," csvq(detail)
}
