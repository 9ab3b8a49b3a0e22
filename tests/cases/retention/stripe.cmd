retention --subscriptions stripe.csv
