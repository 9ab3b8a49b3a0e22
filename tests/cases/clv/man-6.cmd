cd "$ROOT" || exit 1
clv --summary --refunds net tests/cases/clv/refunds.csv
