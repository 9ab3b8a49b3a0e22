cd "$ROOT" || exit 1
attribute --leads examples/leads.csv --lookback 90 --model markov \
    --precision 2 examples/touches.csv
