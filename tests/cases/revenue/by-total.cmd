revenue --by channel --total orders.csv
