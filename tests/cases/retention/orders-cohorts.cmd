retention --cohorts orders-moves.csv
