attribute --model markov --bootstrap 0 attr-touches.csv |
    roi --attribution - --spend attr-spend.csv --by channel --total
