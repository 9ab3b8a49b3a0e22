revenue -d space --header customer_id,date,amount orders-space.txt
