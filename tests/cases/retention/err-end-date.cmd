retention --subscriptions bad-end.csv
