cd "$ROOT" || exit 1
retention --cohorts --period quarter examples/orders.csv |
    awk -F, 'NR == 1 || $2 == 1' | cut -d, -f1,3-7
