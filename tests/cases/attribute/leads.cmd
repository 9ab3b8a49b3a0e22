attribute --bootstrap 0 --model first,last --leads leads.csv leads-touches.csv
