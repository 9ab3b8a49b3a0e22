attribute --model first,u_shaped example.csv
