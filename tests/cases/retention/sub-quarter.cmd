retention --subscriptions --period quarter moves.csv
