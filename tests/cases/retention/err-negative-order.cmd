retention negative-order.csv
