clv --summary orders.csv orders-noamount.csv
