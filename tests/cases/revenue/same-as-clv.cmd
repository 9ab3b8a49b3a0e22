# revenue prints what clv --historical printed, for the same options, on
# the example orders; clv adds its deprecation note on stderr.
cd "$ROOT" || exit 1
for opts in "" "--period month" "--period quarter --total --churn 0.1" \
    "--period year --fiscal-year-start 7 --total --margin 0.3 --churn 0.05" \
    "--period week --precision 2" "--skip-bad"; do
	revenue $opts examples/orders.csv >"$TMP/revenue.out" 2>"$TMP/revenue.err" &&
	clv --historical $opts examples/orders.csv >"$TMP/clv.out" 2>"$TMP/clv.err" &&
	cmp -s "$TMP/revenue.out" "$TMP/clv.out" && [ ! -s "$TMP/revenue.err" ] &&
	echo "same: $opts ($(($(wc -l <"$TMP/revenue.out") - 1)) rows)" ||
	echo "DIFFERENT: $opts"
	cat "$TMP/clv.err"
done
