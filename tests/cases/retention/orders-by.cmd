retention --by channel --total orders-moves.csv
