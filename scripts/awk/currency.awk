# currency.awk (kpi-report): the report's currency, from the first row of
# the first spend file (KR_SPEND, its column KR_SPEND_CURRENCY), for the
# page and the charts: two lines, the prefix (a symbol for USD, EUR, GBP
# and JPY) and the suffix (" CODE" for any other code); both empty
# without a spend table, through a spend preset (its currency column is
# the preset's), or without a currency column.
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f currency.awk

BEGIN {
	PROG = "kpi-report"
	sym = suf = ""
	f = ENVIRON["KR_SPEND"]
	if (f != "" && ENVIRON["KR_SPEND_SHAPED"] != "1" && (n = readrec(f)) > 0) {
		c = 0
		for (j = 1; j <= n; j++) {
			sub(/^[ \t]+/, "", F[j])
			sub(/[ \t]+$/, "", F[j])
			if (F[j] == ENVIRON["KR_SPEND_CURRENCY"])
				c = j
		}
		if (c > 0 && readrec(f) >= c) {
			code = F[c]
			gsub(/[ \t]/, "", code)
			if (code == "USD")
				sym = "$"
			else if (code == "EUR")
				sym = "\342\202\254"
			else if (code == "GBP")
				sym = "\302\243"
			else if (code == "JPY")
				sym = "\302\245"
			else if (code != "")
				suf = " " code
		}
		close(f)
	}
	print sym
	print suf
}
