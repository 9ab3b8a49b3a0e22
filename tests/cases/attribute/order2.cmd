attribute --paths --bootstrap 0 --order 2 --model markov order2.csv
