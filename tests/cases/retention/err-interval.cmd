retention --subscriptions bad-interval.csv
