cd "$ROOT" || exit 1
retention --project 4 --params --discount 0.03 --period quarter examples/orders.csv
