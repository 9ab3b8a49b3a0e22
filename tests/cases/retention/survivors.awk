# An order log of yearly orders whose survivor counts are COUNTS:
#   awk -v counts=1000,631,468 -v year=2000 -v id=r -v segment=regular \
#       -f survivors.awk [-v header=1]
# COUNTS[1] customers first order in YEAR; customer i (1-based) orders on
# 03-01 of each year y = YEAR, YEAR + 1, ... while i <= COUNTS[y - YEAR + 1]:
# the first COUNTS[k + 1] customers are alive after k years. Rows run year
# by year, one order of 100 each; SEGMENT is a --by column.
BEGIN {
	n = split(counts, c, ",")
	if (header)
		print "customer_id,date,amount,segment"
	for (k = 1; k <= n; k++)
		for (i = 1; i <= c[k]; i++)
			printf "%s%04d,%d-03-01,100,%s\n", id, i, year + k - 1, segment
}
