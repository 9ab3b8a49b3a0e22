retention --subscriptions empty-id.csv
