pipeline --stages-table --from sql --prob-col probability --asof 2025-01-31 stages.csv
