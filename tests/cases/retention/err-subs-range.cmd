retention --subscriptions subs-range.csv
