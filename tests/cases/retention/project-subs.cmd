retention --subscriptions --project 1 moves.csv
