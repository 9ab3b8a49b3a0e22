revenue -d space --header customer_id,date,amount,channel --by channel --total orders-space.txt
