roi --attribution attr-two.csv --model markov --spend attr-spend.csv --by channel --kind marketing --margin 0.5
