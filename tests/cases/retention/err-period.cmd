retention --period week orders-moves.csv
