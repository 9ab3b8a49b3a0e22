retention --subscriptions empty-currency.csv
