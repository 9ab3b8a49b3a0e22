attribute --model first,last,first example.csv
