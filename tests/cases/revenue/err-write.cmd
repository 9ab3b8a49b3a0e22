revenue orders.csv >/dev/full
