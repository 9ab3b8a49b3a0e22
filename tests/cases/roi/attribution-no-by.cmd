roi --attribution attr-two.csv --model markov --spend attr-spend.csv
