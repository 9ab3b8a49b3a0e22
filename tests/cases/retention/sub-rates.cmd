retention --subscriptions --rates moves.csv
