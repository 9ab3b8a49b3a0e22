retention --subscriptions no-interval.csv
