revenue --by channel --period month orders.csv
