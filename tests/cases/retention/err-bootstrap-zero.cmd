retention --rates --bootstrap 0 orders-moves.csv
