cd "$ROOT" || exit 1
attribute --leads examples/leads.csv --lookback 90 --model markov \
    --bootstrap 0 examples/touches.csv |
    cac --attribution - --spend examples/spend.csv --by channel --precision 0
