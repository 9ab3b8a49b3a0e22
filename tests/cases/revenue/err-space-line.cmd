revenue -d space --header customer_id,date,amount,channel orders-space-bad.txt
