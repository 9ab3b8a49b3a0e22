# header.awk (kpi-report): whether the header of the CSV KR_IN (its first
# record) has a column named KR_NAME, as the tools match a name: the
# header's names (a byte order mark dropped, as csv.awk does) trimmed of
# spaces and tabs, then compared exactly (letter
# case counts). Prints 1 or 0. A header that is bad CSV stops the program
# as csv.awk does (exit 65); an empty file has no column.
# Run with csv.awk: LC_ALL=C awk -f csv.awk -f header.awk

BEGIN {
	PROG = "kpi-report"
	f = ENVIRON["KR_IN"]
	want = ENVIRON["KR_NAME"]
	n = readrec(f)
	close(f)
	has = 0
	for (j = 1; j <= n; j++) {
		x = F[j]
		sub(/^[ \t]+/, "", x)
		sub(/[ \t]+$/, "", x)
		if (x == want)
			has = 1
	}
	print has
}
