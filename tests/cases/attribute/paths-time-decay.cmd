attribute --paths --model time_decay example.csv
