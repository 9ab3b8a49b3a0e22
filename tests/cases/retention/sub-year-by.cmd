retention --subscriptions --by plan --period year moves.csv
