# the rows of orders.csv after its first 3 orders: read from stdin
tail -n +5 orders.csv | revenue --header customer_id,date,amount,channel --by channel --total orders-nohead-1.csv -
