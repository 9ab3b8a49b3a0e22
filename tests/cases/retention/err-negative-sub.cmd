retention --subscriptions negative-sub.csv
