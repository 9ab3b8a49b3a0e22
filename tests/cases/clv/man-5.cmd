cd "$ROOT" || exit 1
clv --historical --period month --margin 0.4 --churn 0.25 tests/cases/clv/orders.csv
