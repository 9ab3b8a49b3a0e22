cycle-length --annotate --from mql order.csv
