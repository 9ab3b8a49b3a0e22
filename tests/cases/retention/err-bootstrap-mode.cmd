retention --bootstrap 100 orders-moves.csv
