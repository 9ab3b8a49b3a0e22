retention --subscriptions empty-start.csv
