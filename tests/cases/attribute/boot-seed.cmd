attribute --paths --model linear,markov --bootstrap 50 --seed 7 example.csv
