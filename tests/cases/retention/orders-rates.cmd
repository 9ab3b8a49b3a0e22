retention --rates --by channel --total orders-moves.csv
