retention --subscriptions moves.csv
