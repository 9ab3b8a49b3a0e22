cd "$ROOT" || exit 1
retention --rates --period quarter examples/orders.csv | cut -d, -f1,4,7,10
