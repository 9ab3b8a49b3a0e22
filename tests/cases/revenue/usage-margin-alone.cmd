revenue --margin 0.4 orders.csv
