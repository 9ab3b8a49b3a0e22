retention --skip-bad --subscriptions bad-interval.csv
