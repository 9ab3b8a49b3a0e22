attribute --model markov --bootstrap 0 attr-touches.csv |
    cac --attribution - --spend attr-spend.csv --by channel --total
