retention --rates --cohorts orders-moves.csv
