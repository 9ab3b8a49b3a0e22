retention --total orders-moves.csv
