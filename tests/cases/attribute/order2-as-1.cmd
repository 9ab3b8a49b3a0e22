attribute --paths --bootstrap 0 --model markov order2.csv
