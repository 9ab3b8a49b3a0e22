retention --subscriptions --reactivation-window 2 moves.csv
