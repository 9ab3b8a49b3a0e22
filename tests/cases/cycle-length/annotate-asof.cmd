cycle-length --annotate --from opportunity --asof 2024-05-10T12:00:00Z small.csv
