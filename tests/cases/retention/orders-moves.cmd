retention orders-moves.csv
