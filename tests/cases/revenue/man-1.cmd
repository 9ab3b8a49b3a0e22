cd "$ROOT" || exit 1
revenue --by channel --period month --total tests/cases/revenue/orders.csv
