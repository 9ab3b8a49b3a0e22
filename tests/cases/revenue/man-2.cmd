cd "$ROOT" || exit 1
revenue --period month --margin 0.6 --churn 0.05 examples/orders.csv |
    sed 1d | sort -t, -k8,8gr | head -n 3
