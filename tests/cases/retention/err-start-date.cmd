retention --subscriptions us-date.csv
