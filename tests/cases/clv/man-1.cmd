cd "$ROOT" || exit 1
clv --summary --observation-end 2015-02-07 tests/data/clv/rfm_small_transactions.csv
