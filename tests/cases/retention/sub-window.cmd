retention --subscriptions --reactivation-window 1 moves.csv
