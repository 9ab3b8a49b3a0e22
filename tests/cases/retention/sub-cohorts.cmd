retention --subscriptions --cohorts moves.csv
