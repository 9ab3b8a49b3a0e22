retention --subscriptions end-before-start.csv
