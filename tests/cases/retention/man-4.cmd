cd "$ROOT" || exit 1
retention --project 4 --period quarter examples/orders.csv | cut -d, -f1-3,6
