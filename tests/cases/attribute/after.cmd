attribute --bootstrap 0 --model first,last,time_decay --half-life 3 after.csv
